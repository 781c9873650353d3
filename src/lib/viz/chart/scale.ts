/**
 * Scales for the charts, built on d3-scale with their domains made safe first: whatever the
 * data (empty, one value, NaN, ±Infinity, a log domain reaching 0), a scale maps finite
 * values to finite px, so no NaN ever reaches an SVG attribute.
 */
import { scaleLinear, scaleLog, type ScaleLinear, type ScaleLogarithmic } from 'd3-scale';
import { decadeTicks, scaleTicks, type Tick } from './ticks';

/** A domain or range: [start, end]. */
export type Interval = readonly [number, number];

/** [min, max] of the finite values, or null when there is none. */
export function finiteExtent(values: Iterable<number | null | undefined>): [number, number] | null {
	let lo = Infinity;
	let hi = -Infinity;
	for (const v of values) {
		if (v === null || v === undefined || !Number.isFinite(v)) continue;
		if (v < lo) lo = v;
		if (v > hi) hi = v;
	}
	return lo <= hi ? [lo, hi] : null;
}

/**
 * A linear domain safe to scale by: a non-finite end gives `fallback`; a zero-width domain
 * [v, v] becomes [v − 1, v + 1], or [0, 1] at v = 0 (a chart of zeros: counts, shares, steps),
 * so its one value sits inside the axis instead of d3 putting everything at the middle.
 * A reversed domain stays reversed (d3 draws it that way on purpose).
 */
export function linearDomain(domain: Interval, fallback: Interval = [0, 1]): [number, number] {
	const [a, b] = domain;
	if (!Number.isFinite(a) || !Number.isFinite(b)) return [fallback[0], fallback[1]];
	if (a !== b) return [a, b];
	return a === 0 ? [0, 1] : [a - 1, a + 1];
}

/**
 * A log domain safe to scale by: both ends finite and positive (else `fallback`), and apart
 * (a single value v becomes [v/10, 10v], one decade either side).
 */
export function logDomain(domain: Interval, fallback: Interval = [1, 10]): [number, number] {
	const [a, b] = domain;
	const ok = (v: number) => Number.isFinite(v) && v > 0;
	if (!ok(a) || !ok(b)) return [fallback[0], fallback[1]];
	return a === b ? [a / 10, a * 10] : [a, b];
}

/** A range of finite px ([0, 0] for a broken one: everything drawn at one edge, never NaN). */
function pxRange(range: Interval): [number, number] {
	return Number.isFinite(range[0]) && Number.isFinite(range[1]) ? [range[0], range[1]] : [0, 0];
}

/**
 * A d3 linear scale over the safe `linearDomain`; `nice` (true or a tick count) rounds the
 * domain outward to round ticks, as d3's `.nice(count)`.
 */
export function linearScale(
	domain: Interval,
	range: Interval,
	nice: boolean | number = false
): ScaleLinear<number, number> {
	const scale = scaleLinear(linearDomain(domain), pxRange(range));
	if (nice !== false) scale.nice(nice === true ? undefined : nice);
	return scale;
}

/** A d3 log scale (base 10) over the safe `logDomain`, optionally niced to whole decades. */
export function logScale(
	domain: Interval,
	range: Interval,
	nice = false
): ScaleLogarithmic<number, number> {
	const scale = scaleLog(logDomain(domain), pxRange(range));
	if (nice) scale.nice();
	return scale;
}

/** A value axis that chose between log and linear for its data, with its ticks. */
export type AutoScale = { ticks: Tick[] } & (
	| { log: true; scale: ScaleLogarithmic<number, number> }
	| { log: false; scale: ScaleLinear<number, number> }
);

/**
 * A scale for a positive quantity such as a loss: log (niced to whole decades, a tick per
 * decade) when every finite value is positive and they span more than `decades` decades, so
 * the late part of a falling curve stays readable; otherwise linear from 0 to the largest
 * value ([0, 1] when no value is positive), niced, with about `ticks` ticks.
 */
export function autoScale(
	values: Iterable<number | null | undefined>,
	range: Interval,
	{ decades = 2, ticks = 4 }: { decades?: number; ticks?: number } = {}
): AutoScale {
	const [lo, hi] = finiteExtent(values) ?? [0, 1];
	if (lo > 0 && hi / lo > 10 ** decades) {
		const scale = logScale([lo, hi], range, true);
		return { log: true, scale, ticks: decadeTicks(scale) };
	}
	const scale = linearScale([0, hi > 0 ? hi : 1], range, true);
	return { log: false, scale, ticks: scaleTicks(scale, { count: ticks }) };
}
