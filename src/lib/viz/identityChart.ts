/**
 * Geometry of the identity sweep's chart: a paired difference against modified softmax
 * (Δ AUC or Δ TAR on new people, say) against the number of seen identities on a log axis,
 * one line per loss with an interval bar per point, and the zero line (no difference) that
 * modified softmax itself stands on. The bar is the 95 % bootstrap interval of the mean
 * difference when the rows carry one (`ci95`), else ±1 standard deviation over seeds (sweeps
 * saved before the intervals existed), else none (one seed). Series sit a few px apart
 * around each count, so that overlapping bars stay visible. Pure: the component names and
 * draws the series.
 */
import type { ChartFrame } from './chart/frame';
import { finiteExtent, linearScale, logScale } from './chart/scale';
import { scaleTicks, type Tick } from './chart/ticks';
import { linePath } from './chart/paths';

/** One paired difference as the chart reads it (`ci95` absent in older saved sweeps). */
export interface DeltaValue {
	mean: number;
	std: number;
	ci95?: readonly [number, number] | null;
}

/** What the chart reads of a row (the experiment's ExperimentRow has all of it). */
export interface DeltaRow {
	loss: string;
	requestedM: number | null;
	/** A-Softmax's 'pure' variant (λ → 0) is a series of its own. */
	variant?: string;
	identities: number;
	delta: Partial<Record<string, DeltaValue | null>> | null;
}

/** What a point's bar shows. */
export type BarKind = 'ci95' | 'std';

export interface DeltaPoint<T> {
	row: T;
	x: number;
	y: number;
	/** The interval in px [y of the low end, y of the high end], null when there is none. */
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
	/** What the bars show (null: no point has one). */
	bars: BarKind | null;
}

/**
 * The series key of a row: its loss, the margin asked for (a chosen or fitted margin varies by
 * count) and its variant, as `specKey` writes them (`asoftmax:4`, `asoftmax:4:pure`).
 */
export const seriesKey = (r: Pick<DeltaRow, 'loss' | 'requestedM' | 'variant'>): string =>
	[
		r.loss,
		...(r.requestedM === null ? [] : [String(r.requestedM)]),
		...(r.variant ? [r.variant] : [])
	].join(':');

/** Px between neighbouring series at one count (their bars side by side, not on top). */
export const DODGE_PX = 3;

/** The interval of `d` in Δ units and its kind, or null (one seed, non-finite ends). */
function intervalOf(
	d: DeltaValue,
	seeds: number
): { lo: number; hi: number; kind: BarKind } | null {
	const ci = d.ci95;
	if (ci && Number.isFinite(ci[0]) && Number.isFinite(ci[1])) {
		return { lo: Math.min(ci[0], ci[1]), hi: Math.max(ci[0], ci[1]), kind: 'ci95' };
	}
	if (ci === undefined && seeds > 1 && Number.isFinite(d.std)) {
		return { lo: d.mean - d.std, hi: d.mean + d.std, kind: 'std' };
	}
	return null;
}

/**
 * The chart of `metric`'s paired differences in `rows` (modified softmax's own rows, and
 * rows without that difference, are left out): x spans the identity counts on a log scale,
 * y every mean, every interval and 0, niced. Series keep the rows' order; points are in count
 * order, each series shifted by a multiple of DODGE_PX around the count (the counts inset
 * so that every shifted point stays inside the frame).
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
	const byKey = new Map<string, T[]>();
	for (const r of shown) byKey.set(seriesKey(r), [...(byKey.get(seriesKey(r)) ?? []), r]);
	const n = byKey.size;
	// The counts sit inside the frame by half the dodged series' width, so no point or bar
	// leaves it.
	const inset = (Math.max(0, n - 1) / 2) * DODGE_PX;
	const [x0, x1] = frame.xRange;
	const x = logScale(lo === hi ? [lo / 2, hi * 2] : [lo, hi], [x0 + inset, x1 - inset]);
	const values = shown.flatMap((r) => {
		const i = intervalOf(d(r), seeds);
		return i ? [d(r).mean, i.lo, i.hi] : [d(r).mean];
	});
	const [vlo, vhi] = finiteExtent([...values, 0]) ?? [-0.01, 0.01];
	const pad = Math.max(0.002, (vhi - vlo) * 0.08);
	const y = linearScale([vlo - pad, vhi + pad], frame.yRange, true);
	const kinds = new Set<BarKind>();
	const series = [...byKey.entries()].map(([key, list], k) => {
		const dodge = (k - (n - 1) / 2) * DODGE_PX;
		const points = [...list]
			.sort((a, b) => a.identities - b.identities)
			.map((row): DeltaPoint<T> => {
				const { mean } = d(row);
				const i = intervalOf(d(row), seeds);
				if (i) kinds.add(i.kind);
				return {
					row,
					x: x(row.identities) + dodge,
					y: y(mean),
					bar: i ? [y(i.lo), y(i.hi)] : null
				};
			});
		return { key, first: list[0], points, line: linePath(points, (p) => [p.x, p.y]) };
	});
	const signed = (t: number) => (t > 0 ? `+${t.toFixed(2)}` : t < 0 ? `−${(-t).toFixed(2)}` : '0');
	return {
		xTicks: scaleTicks(x, { values: counts, format: String }),
		yTicks: scaleTicks(y, { count: 5, format: signed }),
		zero: y(0),
		series,
		// Intervals win over standard deviations when a sweep has both (it never should).
		bars: kinds.has('ci95') ? 'ci95' : kinds.has('std') ? 'std' : null
	};
}
