/**
 * Greedy label placement for small figures: each label has candidate centres in order of
 * preference; it takes the first one whose box crosses no obstacle segment (an arrow's
 * shaft), no label placed before it and stays inside the bounds, else the candidate that
 * breaks the fewest of these. Pure geometry in the figure's user units, no DOM.
 */

/** A label's box size (user units) and its candidate centres, most preferred first. */
export interface LabelRequest {
	width: number;
	height: number;
	candidates: [number, number][];
}

/** A segment the labels should not cover (e.g. a class arrow). */
export interface Segment {
	x1: number;
	y1: number;
	x2: number;
	y2: number;
}

/** An axis-aligned box by its corners. */
export interface Box {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

/** The box of a `width` × `height` label centred at (x, y), grown by `pad` on every side. */
export function boxAt(x: number, y: number, width: number, height: number, pad = 0): Box {
	return {
		x0: x - width / 2 - pad,
		y0: y - height / 2 - pad,
		x1: x + width / 2 + pad,
		y1: y + height / 2 + pad
	};
}

export function boxesOverlap(a: Box, b: Box): boolean {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** Whether segment `s` passes through box `b` (Liang–Barsky clipping). */
export function segmentCrossesBox(s: Segment, b: Box): boolean {
	const dx = s.x2 - s.x1;
	const dy = s.y2 - s.y1;
	let t0 = 0;
	let t1 = 1;
	const edges: [number, number][] = [
		[-dx, s.x1 - b.x0],
		[dx, b.x1 - s.x1],
		[-dy, s.y1 - b.y0],
		[dy, b.y1 - s.y1]
	];
	for (const [p, q] of edges) {
		if (p === 0) {
			if (q < 0) return false;
			continue;
		}
		const t = q / p;
		if (p < 0) t0 = Math.max(t0, t);
		else t1 = Math.min(t1, t);
		if (t0 > t1) return false;
	}
	return true;
}

function inside(b: Box, bounds: Box): boolean {
	return b.x0 >= bounds.x0 && b.y0 >= bounds.y0 && b.x1 <= bounds.x1 && b.y1 <= bounds.y1;
}

/**
 * Centres for `labels`, placed in order (earlier labels get first choice). `pad` keeps a
 * margin around each box. Candidates that are not finite are skipped; a label without any
 * finite candidate gets [NaN, NaN] (draw nothing).
 */
export function placeLabels(
	labels: LabelRequest[],
	segments: Segment[],
	bounds: Box,
	pad = 2
): [number, number][] {
	const placed: Box[] = [];
	return labels.map((label) => {
		let best: [number, number] = [NaN, NaN];
		let bestCost = Infinity;
		label.candidates.forEach(([x, y], rank) => {
			if (!Number.isFinite(x) || !Number.isFinite(y) || bestCost === 0) return;
			const box = boxAt(x, y, label.width, label.height, pad);
			let clashes = 0;
			for (const s of segments) if (segmentCrossesBox(s, box)) clashes++;
			for (const p of placed) if (boxesOverlap(p, box)) clashes++;
			if (!inside(box, bounds)) clashes++;
			// Clashes dominate; among equals the earlier (preferred) candidate wins.
			const cost = clashes === 0 ? 0 : clashes * 1000 + rank;
			if (cost < bestCost) {
				bestCost = cost;
				best = [x, y];
			}
		});
		if (Number.isFinite(best[0])) placed.push(boxAt(best[0], best[1], label.width, label.height));
		return best;
	});
}

/** Approximate width (user units) of `text` at font size `font` in the UI's sans-serif. */
export function textWidth(text: string, font: number): number {
	let w = 0;
	for (const ch of text) w += /[0-9]/.test(ch) ? 0.64 : ch === '.' || ch === '°' ? 0.36 : 0.7;
	return w * font;
}
