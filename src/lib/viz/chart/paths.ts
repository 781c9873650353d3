/**
 * SVG path strings for the charts, built with d3-shape from data and scales. Points whose
 * px position is not finite (a missing value, or 0 on a log axis) become gaps or are left
 * out, and "nothing to draw" is the empty string, never null or a path through NaN.
 */
import { area, curveStepAfter, line } from 'd3-shape';

/** A point in px. */
type Px = [number, number];

/** True when both coordinates are finite numbers. */
const finite = (p: Px) => Number.isFinite(p[0]) && Number.isFinite(p[1]);

/**
 * A line through `data` at the px positions `at(d, i)` returns, broken into separate runs
 * wherever a position is not finite (so a missing metric is a gap, not a drop to 0).
 */
export function linePath<T>(
	data: readonly T[],
	at: (d: T, i: number) => readonly [number, number]
): string {
	const pts = data.map((d, i): Px => [...at(d, i)]);
	return line<Px>().defined(finite)(pts) ?? '';
}

/**
 * A filled step outline (d3's curveStepAfter) between `baseline` (px) and the points
 * [x, value] mapped by `x` and `y`: each value holds until the next point's x. Points off
 * the scales are left out.
 */
export function stepAreaPath(
	points: readonly (readonly [number, number])[],
	x: (v: number) => number,
	y: (v: number) => number,
	baseline: number
): string {
	if (!Number.isFinite(baseline)) return '';
	const pts = points.map((p): Px => [x(p[0]), y(p[1])]).filter(finite);
	return (
		area<Px>()
			.x((p) => p[0])
			.y0(baseline)
			.y1((p) => p[1])
			.curve(curveStepAfter)(pts) ?? ''
	);
}

/**
 * A rug: one vertical tick of `length` px rising from `y` at x(v) for every finite value, as
 * one path. Past `max` values it takes every k-th, evenly, so thousands stay cheap to draw.
 * `count` is how many finite values there were (drawn or not), for a summary.
 */
export function rugPath(
	values: readonly number[],
	x: (v: number) => number,
	y: number,
	length: number,
	max = 2000
): { d: string; count: number } {
	const ok = values.filter((v) => Number.isFinite(v));
	if (!Number.isFinite(y) || !Number.isFinite(length)) return { d: '', count: ok.length };
	const every = Math.max(1, Math.ceil(ok.length / Math.max(1, max)));
	let d = '';
	for (let i = 0; i < ok.length; i += every) {
		const px = x(ok[i]);
		if (Number.isFinite(px)) d += `M${px.toFixed(1)},${y}v${-length}`;
	}
	return { d, count: ok.length };
}

/** A bar's rectangle in px. */
export interface BarRect {
	x: number;
	y: number;
	width: number;
	height: number;
}

/**
 * The rectangles of histogram bars [lo, hi) × [0, value] under scales `x` and `y`, each
 * narrowed by `gap` px (half on either side) so neighbours stay apart. Bars off the scales
 * are left out; a bar narrower than the gap, or reaching below 0, gets size 0, never negative.
 */
export function barRects(
	bars: readonly { lo: number; hi: number; value: number }[],
	x: (v: number) => number,
	y: (v: number) => number,
	gap = 1
): BarRect[] {
	const base = y(0);
	const rects: BarRect[] = [];
	for (const b of bars) {
		const [x0, x1, top] = [x(b.lo), x(b.hi), y(b.value)];
		if (![x0, x1, top, base].every(Number.isFinite)) continue;
		const width = Math.max(0, x1 - x0 - gap);
		rects.push({ x: x0 + gap / 2, y: Math.min(top, base), width, height: Math.abs(base - top) });
	}
	return rects;
}
