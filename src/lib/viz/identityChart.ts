/**
 * Geometry of the identity sweep's chart: a paired difference against modified softmax
 * (Δ AUC or Δ TAR on new people, say) against the number of seen identities on a log axis,
 * one line per loss with ±1 standard deviation bars, and the zero line (no difference) that
 * modified softmax itself stands on. Pure: the component names and draws the series.
 */
import type { ChartFrame } from './chart/frame';
import { finiteExtent, linearScale, logScale } from './chart/scale';
import { scaleTicks, type Tick } from './chart/ticks';
import { linePath } from './chart/paths';

/** What the chart reads of a row (the experiment's ExperimentRow has all of it). */
export interface DeltaRow {
	loss: string;
	requestedM: number | null;
	identities: number;
	delta: Partial<Record<string, { mean: number; std: number } | null>> | null;
}

export interface DeltaPoint<T> {
	row: T;
	x: number;
	y: number;
	/** ±1 std in px [y1, y2], null for a single seed. */
	bar: [number, number] | null;
}

/** One loss (and requested margin) across the identity counts. */
export interface DeltaSeries<T> {
	key: string;
	first: T;
	points: DeltaPoint<T>[];
	line: string;
}

export interface DeltaChart<T> {
	xTicks: Tick[];
	yTicks: Tick[];
	/** y of Δ = 0 in px. */
	zero: number;
	series: DeltaSeries<T>[];
}

/** The series key of a row: its loss and the margin asked for (a fitted margin varies by count). */
export const seriesKey = (r: DeltaRow): string =>
	r.requestedM === null ? r.loss : `${r.loss}:${r.requestedM}`;

/**
 * The chart of `metric`'s paired differences in `rows` (modified softmax's own rows, and
 * rows without that difference, are left out): x spans the identity counts on a log scale,
 * y every mean ± std and 0, niced. Series keep the rows' order; points are in count order.
 */
export function identityChart<T extends DeltaRow>(
	rows: readonly T[],
	metric: string,
	frame: ChartFrame,
	seeds: number
): DeltaChart<T> {
	const shown = rows.filter(
		(r) => r.loss !== 'modified' && Number.isFinite(r.delta?.[metric]?.mean)
	);
	const d = (r: T) => r.delta![metric]!;
	const counts = [...new Set(rows.map((r) => r.identities))].sort((a, b) => a - b);
	const [lo, hi] = counts.length > 0 ? [counts[0], counts[counts.length - 1]] : [1, 10];
	// A single count still gets an axis: half and twice it.
	const x = logScale(lo === hi ? [lo / 2, hi * 2] : [lo, hi], frame.xRange);
	const withBars = seeds > 1;
	const values = shown.flatMap((r) => {
		const { mean, std } = d(r);
		return withBars && Number.isFinite(std) ? [mean - std, mean + std] : [mean];
	});
	const [vlo, vhi] = finiteExtent([...values, 0]) ?? [-0.01, 0.01];
	const pad = Math.max(0.002, (vhi - vlo) * 0.08);
	const y = linearScale([vlo - pad, vhi + pad], frame.yRange, true);
	const byKey = new Map<string, T[]>();
	for (const r of shown) byKey.set(seriesKey(r), [...(byKey.get(seriesKey(r)) ?? []), r]);
	const series = [...byKey.entries()].map(([key, list]) => {
		const points = [...list]
			.sort((a, b) => a.identities - b.identities)
			.map((row): DeltaPoint<T> => {
				const { mean, std } = d(row);
				const bar: [number, number] | null =
					withBars && Number.isFinite(std) ? [y(mean - std), y(mean + std)] : null;
				return { row, x: x(row.identities), y: y(mean), bar };
			});
		return { key, first: list[0], points, line: linePath(points, (p) => [p.x, p.y]) };
	});
	const signed = (t: number) => (t > 0 ? `+${t.toFixed(2)}` : t < 0 ? `−${(-t).toFixed(2)}` : '0');
	return {
		xTicks: scaleTicks(x, { values: counts, format: String }),
		yTicks: scaleTicks(y, { count: 5, format: signed }),
		zero: y(0),
		series
	};
}
