/**
 * Text and data for the angle-statistics panel (SphereFace Fig. 5 and its criterion):
 * degrees for the readout, histograms shaped into bars and normalised so the few same-class
 * pairs stay visible next to the many different-class pairs, and the paper's bound on m.
 * Pure functions, no DOM: the component only draws what these return.
 */
import { M_MIN_BINARY, M_MIN_MULTICLASS } from '../math/circle';
import type { AngleStats } from '../math/stats';
import type { LossKind } from '../math/margins';
import type { Histogram, NormHistogram } from '../math/histograms';
import { formatMargin } from './psiCurves';

/** Shown wherever a value is missing (null or not finite), so NaN never reaches the page. */
export const MISSING = '—';

/** Radians → degrees. */
const DEG = 180 / Math.PI;

/** "23.4°" for an angle in radians (with `digits` decimals), "—" for null or a non-finite value. */
export function degrees(rad: number | null, digits = 1): string {
	if (rad === null || !Number.isFinite(rad)) return MISSING;
	const s = (rad * DEG).toFixed(digits);
	// A rounding-noise angle just below 0 would print "-0.0°".
	return `${/^-0(\.0*)?$/.test(s) ? s.slice(1) : s}°`;
}

/** "0.42", "4.2", "42", "420": a norm with about three significant figures, "—" if not finite. */
export function formatNorm(v: number): string {
	if (!Number.isFinite(v)) return MISSING;
	const a = Math.abs(v);
	return v.toFixed(a >= 100 ? 0 : a >= 10 ? 1 : 2);
}

/**
 * Each bin's share of the histogram's total (the fractions sum to 1), so two histograms with
 * very different totals can share an axis. Non-finite or negative counts count as 0; an empty
 * histogram gives all zeros rather than 0/0.
 */
export function normalisedCounts(h: Histogram): number[] {
	const counts = h.counts.map((c) => (Number.isFinite(c) && c > 0 ? c : 0));
	const total = counts.reduce((a, b) => a + b, 0);
	return counts.map((c) => (total > 0 ? c / total : 0));
}

/** One bar of a histogram: [lo, hi) on the axis and its height. */
export interface Bar {
	lo: number;
	hi: number;
	value: number;
}

/**
 * A histogram as bars, edges multiplied by `scale` (180/π turns radians into degrees) and
 * heights normalised to fractions when `normalise` is set. Bins without both edges (a
 * malformed histogram) are dropped rather than drawn at NaN.
 */
export function histogramBars(
	h: Histogram,
	opts: { scale?: number; normalise?: boolean } = {}
): Bar[] {
	const scale = opts.scale ?? 1;
	const values = opts.normalise
		? normalisedCounts(h)
		: h.counts.map((c) => (Number.isFinite(c) && c > 0 ? c : 0));
	const bars: Bar[] = [];
	values.forEach((value, k) => {
		const lo = h.edges[k];
		const hi = h.edges[k + 1];
		if (Number.isFinite(lo) && Number.isFinite(hi))
			bars.push({ lo: lo * scale, hi: hi * scale, value });
	});
	return bars;
}

/** `histogramBars` for an angle histogram over [0, π]: edges in degrees, fractions of pairs. */
export function angleBars(h: Histogram): Bar[] {
	return histogramBars(h, { scale: DEG, normalise: true });
}

/** The largest bar height (0 for no bars), for a y domain. */
export function maxValue(...series: Bar[][]): number {
	let max = 0;
	for (const bars of series) for (const b of bars) max = Math.max(max, b.value);
	return max;
}

/**
 * A bar series as the corners of a step outline (for d3's curveStepAfter): each bar's start
 * at its height, then the last bar's end, so the final bin gets its full width.
 */
export function stepPoints(bars: readonly Bar[]): [number, number][] {
	const pts = bars.map((b): [number, number] => [b.lo, b.value]);
	const last = bars.at(-1);
	if (last) pts.push([last.hi, last.value]);
	return pts;
}

/** A vertical marker on the angle histogram. */
export interface AngleMarker {
	kind: 'intra' | 'inter';
	/** Position in degrees. */
	deg: number;
	/** Its label, e.g. "max intra 23.4°". */
	text: string;
}

/** Markers at the max intra-class and min inter-class angle; an undefined angle has none. */
export function angleMarkers(a: Pick<AngleStats, 'maxIntra' | 'minInter'>): AngleMarker[] {
	const all: [AngleMarker['kind'], string, number | null][] = [
		['intra', 'max intra', a.maxIntra],
		['inter', 'min inter', a.minInter]
	];
	return all.flatMap(([kind, name, rad]) =>
		rad === null || !Number.isFinite(rad)
			? []
			: [{ kind, deg: rad * DEG, text: `${name} ${degrees(rad)}` }]
	);
}

/**
 * The readout of SphereFace's criterion max intra-class angle < min inter-class angle:
 * "✓ holds", "✗ does not hold yet", or "—" when either angle is undefined (null).
 */
export function criterionText(c: boolean | null): string {
	if (c === null) return MISSING;
	return c ? '✓ holds' : '✗ does not hold yet';
}

/**
 * What SphereFace requires of m for the criterion, given the bound the trainer reports
 * (`marginBound`: 2 + √3 for two classes, Property 2; 3 for more, Property 3). Any other
 * value is printed as a number.
 */
export function boundText(bound: number): string {
	if (Math.abs(bound - M_MIN_BINARY) < 1e-9) return 'm ≥ 2 + √3 ≈ 3.73 for two classes';
	if (bound === M_MIN_MULTICLASS) return 'm ≥ 3 for many classes (2D)';
	return Number.isFinite(bound) ? `m ≥ ${formatMargin(bound)}` : MISSING;
}

/**
 * Whether margin m reaches the bound. A 1e−9 tolerance lets a continuous slider value that
 * equals the bound up to rounding count as reaching it; a non-finite m or bound never does.
 */
export function meetsBound(m: number, bound: number): boolean {
	return Number.isFinite(m) && Number.isFinite(bound) && m >= bound - 1e-9;
}

/**
 * How the current run relates to the bound: "m = 4 meets it ✓" / "m = 2 is below it ✗" for
 * A-Softmax; for any other loss the bound does not apply (it is derived for A-Softmax's
 * multiplicative margin), and the text says so.
 */
export function boundStatus(loss: LossKind, m: number, bound: number): string {
	if (loss !== 'asoftmax') return 'the bound is for A-Softmax';
	if (!Number.isFinite(m)) return `m = ${MISSING}`;
	return meetsBound(m, bound)
		? `m = ${formatMargin(m)} meets it ✓`
		: `m = ${formatMargin(m)} is below it ✗`;
}

/**
 * The angle histogram's accessible summary, e.g. "Histogram of pair angles: same-class pairs
 * up to 23°, different-class pairs from 61°", noting a sample of pairs.
 */
export function angleHistogramLabel(a: AngleStats, sampled: boolean): string {
	const intra =
		a.maxIntra === null
			? 'no same-class pairs'
			: `same-class pairs up to ${degrees(a.maxIntra, 0)}`;
	const inter =
		a.minInter === null
			? 'no different-class pairs'
			: `different-class pairs from ${degrees(a.minInter, 0)}`;
	return `Histogram of pair angles: ${intra}, ${inter}${sampled ? ' (sampled pairs)' : ''}`;
}

/**
 * The norm histogram's accessible summary: the axis range, the points drawn, the fullest bin,
 * and the points beyond the axis.
 */
export function normHistogramLabel(h: NormHistogram): string {
	const bars = histogramBars(h);
	const total = bars.reduce((s, b) => s + b.value, 0);
	const hi = h.edges.at(-1);
	let text = `Histogram of feature norms ‖x‖ from 0 to ${formatNorm(hi ?? NaN)}, ${total} points`;
	if (total > 0) {
		const peak = bars.reduce((best, b) => (b.value > best.value ? b : best));
		text += `, most between ${formatNorm(peak.lo)} and ${formatNorm(peak.hi)}`;
	}
	if (h.overflow > 0) text += `, ${h.overflow} beyond the axis`;
	return text;
}
