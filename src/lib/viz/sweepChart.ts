/**
 * Geometry of the sweep's chart, verification AUC against m: A-Softmax at m = 1…4 as a line
 * with ±1 standard deviation bars, every other loss and the raw inputs as horizontal
 * reference levels. Pure (no DOM, no labels): the component names the rows and draws.
 */
import type { ChartFrame } from './chart/frame';
import { finiteExtent, linearScale } from './chart/scale';
import { scaleTicks, type Tick } from './chart/ticks';
import { linePath } from './chart/paths';

/** What the chart reads of a sweep row (the experiment's ExperimentRow has all of it). */
export interface SweepRow {
	loss: string;
	m: number | null;
	verifAUC: number | null;
	spread: { verifAUC: { std: number } | null };
}

/** A reference level: a row of another loss (row set) or the raw inputs (row null), at px y. */
export interface SweepLevel<T> {
	row: T | null;
	y: number;
}

/** One A-Softmax point: its row, its centre in px and its ±1 std bar [y1, y2] (null: none). */
export interface SweepPoint<T> {
	row: T;
	x: number;
	y: number;
	bar: [number, number] | null;
}

/** Everything the chart draws, in the frame's px. */
export interface SweepChart<T> {
	xTicks: Tick[];
	yTicks: Tick[];
	levels: SweepLevel<T>[];
	/** The A-Softmax line through the points, in m order ('' for none). */
	line: string;
	points: SweepPoint<T>[];
}

/** The m axis: A-Softmax's integer margins. */
const M_TICKS = [1, 2, 3, 4];
/** Room above and below the data (AUC units), inside [0, 1]. */
const PAD = 0.02;

/** A finite std or null (a NaN spread draws no bar rather than a bar at NaN). */
function stdOf(r: SweepRow): number | null {
	const s = r.spread.verifAUC?.std;
	return s !== undefined && Number.isFinite(s) ? s : null;
}

/**
 * The chart of `rows` (only those with a finite AUC count) and the raw-input `baseline`
 * AUC (null: none): y spans every value and ±1 std, padded by 0.02 and kept inside [0, 1]
 * (a niced [0, 1] when there is nothing to show); error bars are clipped to [0, 1] too.
 */
export function sweepChart<T extends SweepRow>(
	rows: readonly T[],
	baseline: number | null,
	frame: ChartFrame
): SweepChart<T> {
	const shown = rows.filter((r) => r.verifAUC !== null && Number.isFinite(r.verifAUC));
	const auc = (r: T) => r.verifAUC as number;
	const base = baseline !== null && Number.isFinite(baseline) ? baseline : null;
	const values = shown.flatMap((r) => {
		const s = stdOf(r);
		return s === null ? [auc(r)] : [auc(r), auc(r) - s, auc(r) + s];
	});
	const [lo, hi] = finiteExtent([...values, base]) ?? [0, 1];
	const y = linearScale([Math.max(0, lo - PAD), Math.min(1, hi + PAD)], frame.yRange, true);
	const x = linearScale([1, 4], frame.xRange);

	const others = shown.filter((r) => r.loss !== 'asoftmax');
	const levels: SweepLevel<T>[] = others.map((row) => ({ row, y: y(auc(row)) }));
	if (base !== null) levels.push({ row: null, y: y(base) });

	const points = shown
		.filter((r) => r.loss === 'asoftmax' && r.m !== null && Number.isFinite(r.m))
		.map((row): SweepPoint<T> => {
			const s = stdOf(row);
			const bar: [number, number] | null =
				s === null ? null : [y(Math.max(0, auc(row) - s)), y(Math.min(1, auc(row) + s))];
			return { row, x: x(row.m as number), y: y(auc(row)), bar };
		});
	return {
		xTicks: scaleTicks(x, { values: M_TICKS, format: String }),
		yTicks: scaleTicks(y, { count: 5, format: (t) => t.toFixed(2) }),
		levels,
		line: linePath(points, (p) => [p.x, p.y]),
		points
	};
}
