/**
 * A chart's frame: the SVG's size and the plot area inside its margins, in the SVG's own px
 * (its viewBox). Every chart builds its scales' ranges and its axes' positions from one of
 * these instead of repeating `W - M.right` and `H - M.bottom` by hand.
 */

/** Space around the plot area for tick labels, axis titles and legends (px). */
export interface Margins {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

/** A chart's size and its plot area. */
export interface ChartFrame {
	width: number;
	height: number;
	/** The plot area's edges: left ≤ right, top ≤ bottom (SVG y grows downward). */
	left: number;
	right: number;
	top: number;
	bottom: number;
	/** The plot area's centre, where centred axis titles go. */
	midX: number;
	midY: number;
	/** [left, right]: the range of an x scale. */
	xRange: [number, number];
	/** [bottom, top]: the range of a y scale, so larger values sit higher. */
	yRange: [number, number];
	/** "0 0 width height", for the SVG's viewBox attribute. */
	viewBox: string;
}

/** A length as given when finite and positive, else 0 (a NaN size must not reach the SVG). */
function length(v: number | undefined): number {
	return v !== undefined && Number.isFinite(v) && v > 0 ? v : 0;
}

/**
 * The frame of a `width` × `height` chart with `margins` (missing sides are 0). Margins that
 * add up to more than the chart leave an empty plot area (right = left, bottom = top) rather
 * than an inverted one; negative, NaN or infinite lengths count as 0.
 */
export function chartFrame(width: number, height: number, margins: Partial<Margins>): ChartFrame {
	const w = length(width);
	const h = length(height);
	const left = Math.min(length(margins.left), w);
	const right = Math.max(left, w - length(margins.right));
	const top = Math.min(length(margins.top), h);
	const bottom = Math.max(top, h - length(margins.bottom));
	return {
		width: w,
		height: h,
		left,
		right,
		top,
		bottom,
		midX: (left + right) / 2,
		midY: (top + bottom) / 2,
		xRange: [left, right],
		yRange: [bottom, top],
		viewBox: `0 0 ${w} ${h}`
	};
}

/**
 * The frame of one training chart (loss, accuracy, petal width, activity) drawn `width` CSS
 * px wide at one SVG unit per CSS px, so its text keeps the page's size in a narrow column
 * and in a wide one (no chart text shrinks with its box). Before the width is known: 400.
 */
export function trainingChartFrame(width: number): ChartFrame {
	const w = Number.isFinite(width) && width >= 240 ? Math.round(width) : width > 0 ? 240 : 400;
	const h = Math.round(Math.min(300, Math.max(190, 0.5 * w)));
	return chartFrame(w, h, { top: 34, right: 56, bottom: 34, left: 56 });
}

/**
 * The width of each chart in a grid of `count` charts that puts two in a row when each can
 * be at least `min` px wide (CSS repeat(auto-fit, minmax(max(min, 40%), 1fr))), `gap` apart.
 */
export function gridColumnWidth(container: number, count: number, min = 300, gap = 16): number {
	if (!(container > 0)) return 0;
	const columns = count >= 2 && container >= 2 * min + gap ? 2 : 1;
	return (container - gap * (columns - 1)) / columns;
}
