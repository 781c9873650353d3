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
import { fillTemplate } from '../math/template';

/**
 * The words of the statistics' text, so a page can show it in its language: templates with
 * `{name}` placeholders (the page builds them from the string tables, `stats.*`).
 */
export interface StatsWords {
	/** A marker's label: "max intra {angle}". */
	markerIntra: string;
	markerInter: string;
	holds: string;
	notYet: string;
	/** The bound for two classes and for many (SphereFace's Properties 2 and 3). */
	boundBinary: string;
	boundMulti: string;
	/** Any other loss than A-Softmax: the bound does not apply. */
	notAsoftmax: string;
	/** "m = {m} meets it ✓" / "m = {m} is below it ✗". */
	meets: string;
	below: string;
	/** The angle histogram's summary: "Histogram of pair angles: {intra}, {inter}{sampled}". */
	angleLabel: string;
	intraUpTo: string;
	noIntra: string;
	interFrom: string;
	noInter: string;
	sampled: string;
	/** The norm histogram's summary, its fullest bin and the points beyond its axis. */
	normLabel: string;
	normPeak: string;
	normBeyond: string;
}

export const STATS_WORDS_EN: Readonly<StatsWords> = Object.freeze({
	markerIntra: 'max intra {angle}',
	markerInter: 'min inter {angle}',
	holds: '✓ holds',
	notYet: '✗ does not hold yet',
	boundBinary: 'm ≥ 2 + √3 ≈ 3.73 for two classes',
	boundMulti: 'm ≥ 3 for many classes (2D)',
	notAsoftmax: 'the bound is for A-Softmax',
	meets: 'm = {m} meets it ✓',
	below: 'm = {m} is below it ✗',
	angleLabel: 'Histogram of pair angles: {intra}, {inter}{sampled}',
	intraUpTo: 'same-class pairs up to {angle}',
	noIntra: 'no same-class pairs',
	interFrom: 'different-class pairs from {angle}',
	noInter: 'no different-class pairs',
	sampled: ' (sampled pairs)',
	normLabel: 'Histogram of feature norms ‖x‖ from 0 to {max}, {n} points',
	normPeak: ', most between {lo} and {hi}',
	normBeyond: ', {n} beyond the axis'
});

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
export function angleMarkers(
	a: Pick<AngleStats, 'maxIntra' | 'minInter'>,
	words: StatsWords = STATS_WORDS_EN
): AngleMarker[] {
	const all: [AngleMarker['kind'], string, number | null][] = [
		['intra', words.markerIntra, a.maxIntra],
		['inter', words.markerInter, a.minInter]
	];
	return all.flatMap(([kind, template, rad]) =>
		rad === null || !Number.isFinite(rad)
			? []
			: [{ kind, deg: rad * DEG, text: fillTemplate(template, { angle: degrees(rad) }) }]
	);
}

/**
 * The readout of SphereFace's criterion max intra-class angle < min inter-class angle:
 * "✓ holds", "✗ does not hold yet", or "—" when either angle is undefined (null).
 */
export function criterionText(c: boolean | null, words: StatsWords = STATS_WORDS_EN): string {
	if (c === null) return MISSING;
	return c ? words.holds : words.notYet;
}

/**
 * What SphereFace requires of m for the criterion, given the bound the trainer reports
 * (`marginBound`: 2 + √3 for two classes, Property 2; 3 for more, Property 3). Any other
 * value is printed as a number.
 */
export function boundText(bound: number, words: StatsWords = STATS_WORDS_EN): string {
	if (Math.abs(bound - M_MIN_BINARY) < 1e-9) return words.boundBinary;
	if (bound === M_MIN_MULTICLASS) return words.boundMulti;
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
export function boundStatus(
	loss: LossKind,
	m: number,
	bound: number,
	words: StatsWords = STATS_WORDS_EN
): string {
	if (loss !== 'asoftmax') return words.notAsoftmax;
	if (!Number.isFinite(m)) return `m = ${MISSING}`;
	return fillTemplate(meetsBound(m, bound) ? words.meets : words.below, { m: formatMargin(m) });
}

/**
 * The angle histogram's accessible summary, e.g. "Histogram of pair angles: same-class pairs
 * up to 23°, different-class pairs from 61°", noting a sample of pairs.
 */
export function angleHistogramLabel(
	a: AngleStats,
	sampled: boolean,
	words: StatsWords = STATS_WORDS_EN
): string {
	const intra =
		a.maxIntra === null
			? words.noIntra
			: fillTemplate(words.intraUpTo, { angle: degrees(a.maxIntra, 0) });
	const inter =
		a.minInter === null
			? words.noInter
			: fillTemplate(words.interFrom, { angle: degrees(a.minInter, 0) });
	return fillTemplate(words.angleLabel, { intra, inter, sampled: sampled ? words.sampled : '' });
}

/**
 * The norm histogram's accessible summary: the axis range, the points drawn, the fullest bin,
 * and the points beyond the axis.
 */
export function normHistogramLabel(h: NormHistogram, words: StatsWords = STATS_WORDS_EN): string {
	const bars = histogramBars(h);
	const total = bars.reduce((s, b) => s + b.value, 0);
	const hi = h.edges.at(-1);
	let text = fillTemplate(words.normLabel, { max: formatNorm(hi ?? NaN), n: total });
	if (total > 0) {
		const peak = bars.reduce((best, b) => (b.value > best.value ? b : best));
		text += fillTemplate(words.normPeak, { lo: formatNorm(peak.lo), hi: formatNorm(peak.hi) });
	}
	if (h.overflow > 0) text += fillTemplate(words.normBeyond, { n: h.overflow });
	return text;
}
