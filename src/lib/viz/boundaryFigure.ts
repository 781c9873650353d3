/**
 * Drawing data for the boundaries figure (BoundariesFigure.svelte): the loss styles, the
 * circle panel's layout (ring radii, arcs, label positions that keep clear of each other and
 * of the arcs) and the figure's words (legend labels, accessible description). The boundary
 * math comes from src/lib/math/boundaryFigure.ts; positions are in the SVG's px (one unit per
 * CSS px), no DOM.
 */
import type { HeadKind } from '../math/psi';
import type { BoundaryRing, FigureMargins } from '../math/boundaryFigure';
import { fillTemplate } from '../math/template';
import { formatMargin } from './psiCurves';
import { placeLabels, type LabelRequest, type Segment } from './labelPlacement';

/** A loss's line style in the angle panel and its legend. */
export interface LossStyle {
	color: string;
	width: number;
	dash: string;
}

/**
 * One style per loss (the ψ chart's colours for A-Softmax, CosFace, ArcFace), each with its
 * own dash so the curves stay apart without colour. Softmax is drawn dotted over modified
 * softmax's dashes: with equal norms the two coincide and both stay visible.
 */
export const LOSS_STYLES: Readonly<Record<HeadKind, LossStyle>> = Object.freeze({
	softmax: { color: '#1b1f24', width: 2, dash: '2 5' },
	modified: { color: '#57606a', width: 2, dash: '9 5' },
	asoftmax: { color: '#1f4e79', width: 2.5, dash: '' },
	cosface: { color: '#009e73', width: 2.5, dash: '12 4 3 4' },
	arcface: { color: '#cc79a7', width: 2.5, dash: '4 3' },
	combined: { color: '#d55e00', width: 2.5, dash: '' }
});

/** The highlighted loss's curves are this much wider. */
export const HIGHLIGHT_WIDTH = 1.5;

/** The figure's font size in px: at least 16 px on screen in figure mode at 1920 × 1080 (issue 26). */
export const FIGURE_FONT = 17;

/**
 * Approximate width of `text` at `font` px in the UI's sans-serif, a little generous: Hangul
 * a full em, narrow glyphs (i, l, t, f, j, r, punctuation, spaces, °) 0.32 em, the rest 0.66 em
 * ("Modified softmax: 0°" measures 156 px at 15 px in DejaVu Sans; this gives 158).
 */
export function labelWidth(text: string, font = FIGURE_FONT): number {
	let w = 0;
	for (const ch of text) {
		if (/[\u3131-\uD79D]/.test(ch)) w += 1;
		else if (/[iltfjr.,:;'‖|!° ()]/.test(ch)) w += 0.32;
		else w += 0.66;
	}
	return w * font;
}

/** Where W1 points on the circle: straight up, so its rings' ends line up vertically. */
export const W1_ANGLE = Math.PI / 2;

/** The circle panel's geometry, in px with the circle's centre at (cx, cy). */
export interface RingLayout {
	width: number;
	height: number;
	cx: number;
	cy: number;
	/** Mid radius of each ring, innermost first. */
	radii: number[];
	/** Each ring's thickness. */
	band: number;
	/** Length of the weight arrows. */
	arrow: number;
	/** Each ring label's centre (absolute px). */
	labels: [number, number][];
	/** Centre of the "Δ = …" note, in the empty lower left. */
	deltaAt: [number, number];
}

/** Ring pitch: a label row (text plus a few px) per ring, so labels beside W1 never touch. */
const PITCH = 23;
const BAND = 15;
const GAP = 14;

/**
 * The circle panel for `width` px and ring labels `texts` (innermost ring first). W1 points
 * up and W2 is Δ clockwise from it (0 < Δ ≤ π), so every arc lies in the right half and
 * the labels go in the empty left half, right-aligned beside W1 at their ring's height
 * (placeLabels checks them against the arrows, the arcs' chords and each other). The rings
 * are as large as the width allows after the widest label, within [60, 170] px outer radius.
 */
export function ringLayout(width: number, texts: string[], delta: number): RingLayout {
	const w = Number.isFinite(width) && width > 0 ? width : 400;
	const n = texts.length;
	const widest = Math.max(0, ...texts.map((t) => labelWidth(t)));
	const outer = Math.max(60, Math.min(170, w - widest - GAP - 70));
	const inner = Math.max(BAND, outer - (n - 1) * PITCH - BAND / 2);
	const radii = texts.map((_, i) => inner + i * PITCH);
	const arrow = outer + BAND / 2 + 16;
	// Room on the right for W2's name when it points right (Δ = 90°).
	const cx = Math.min(w - arrow - 34, Math.max(widest + GAP + 8, w / 2));
	const cy = arrow + 28;
	const height = cy + arrow + 28;
	const d = Number.isFinite(delta) ? Math.min(Math.PI, Math.max(0, delta)) : Math.PI / 2;
	const obstacles: Segment[] = [];
	for (const phi of [W1_ANGLE, W1_ANGLE - d]) {
		obstacles.push({
			x1: cx,
			y1: cy,
			x2: cx + arrow * Math.cos(phi),
			y2: cy - arrow * Math.sin(phi)
		});
	}
	// The arcs as chords every 10°, at their inner and outer edges.
	for (const r of radii) {
		for (const rr of [r - BAND / 2, r + BAND / 2]) {
			const steps = Math.max(1, Math.ceil(d / (Math.PI / 18)));
			for (let k = 0; k < steps; k++) {
				const a = W1_ANGLE - (d * k) / steps;
				const b = W1_ANGLE - (d * (k + 1)) / steps;
				obstacles.push({
					x1: cx + rr * Math.cos(a),
					y1: cy - rr * Math.sin(a),
					x2: cx + rr * Math.cos(b),
					y2: cy - rr * Math.sin(b)
				});
			}
		}
	}
	const h = FIGURE_FONT + 4;
	const requests: LabelRequest[] = texts.map((t, i) => {
		const lw = labelWidth(t);
		const y = cy - radii[i];
		const x = cx - GAP - lw / 2;
		// Beside W1 at the ring's height first; then a little higher or further left.
		return {
			width: lw,
			height: h,
			candidates: [
				[x, y],
				[x - 12, y],
				[x, y - 6],
				[x - 24, y - 6]
			]
		};
	});
	// Outer rings first: their rows are the highest, the inner ones fill in below.
	const order = texts.map((_, i) => n - 1 - i);
	const placed = placeLabels(
		order.map((i) => requests[i]),
		obstacles,
		{ x0: 0, y0: 0, x1: w, y1: height }
	);
	const labels: [number, number][] = texts.map(() => [NaN, NaN]);
	order.forEach((i, k) => (labels[i] = placed[k]));
	return {
		width: w,
		height,
		cx,
		cy,
		radii,
		band: BAND,
		arrow,
		labels: labels.map(([x, y], i) =>
			Number.isFinite(x) && Number.isFinite(y) ? [x, y] : [cx - GAP, cy - radii[i]]
		),
		deltaAt: [Math.max(40, cx - outer / 2 - 20), cy + outer / 2]
	};
}

/** A ring's three arcs as math angles [from, to] (counter-clockwise, to > from). */
export interface RingArcs {
	class1: [number, number] | null;
	gap: [number, number] | null;
	class2: [number, number] | null;
}

/**
 * Where a ring's arcs go with W1 at W1_ANGLE and W2 at W1_ANGLE − Δ: class 1 from W1 to its
 * boundary θ1, class 2 from W2 to θ2, the wedge between. With no boundary inside the arc a
 * margin loss's whole arc is the wedge (neither class wins anywhere on it); softmax's
 * missing boundary (a norm ratio that hands the whole arc to one class) draws nothing.
 */
export function ringArcs(ring: BoundaryRing, delta: number): RingArcs {
	const d = Number.isFinite(delta) ? Math.min(Math.PI, Math.max(0, delta)) : 0;
	const w1 = W1_ANGLE;
	const w2 = W1_ANGLE - d;
	if (ring.theta1 === null || ring.theta2 === null) {
		const margin = ring.kind !== 'softmax' && ring.kind !== 'modified';
		return { class1: null, gap: margin && d > 0 ? [w2, w1] : null, class2: null };
	}
	const b1 = w1 - ring.theta1;
	const b2 = w2 + ring.theta2;
	return {
		class1: ring.theta1 > 0 ? [b1, w1] : null,
		gap: b1 > b2 ? [b2, b1] : null,
		class2: ring.theta2 > 0 ? [w2, b2] : null
	};
}

/** Degrees, rounded to whole degrees below 10° and above, one decimal for small wedges. */
export function formatDegrees(rad: number): string {
	const d = (rad * 180) / Math.PI;
	if (!Number.isFinite(d)) return '—';
	const r = Math.abs(d) < 9.95 && Math.abs(d) >= 0.05 ? d.toFixed(1) : String(Math.round(d));
	return r === '-0' ? '0' : r;
}

/**
 * The figure's formulas: names, symbols and numbers only, the same in every language (so not
 * in the string tables, like the ψ chart's curve labels).
 */
export const FIGURE_FORMULAS = Object.freeze({
	ring: '{loss}: {angle}°',
	withM: '{loss}, m = {m}',
	withLambda: '{loss}, m = {m}, λ = {lambda}',
	softmaxRatio: 'Softmax, ‖W1‖/‖W2‖ = {ratio}',
	separator: '; ',
	diagonal: 'θ1 = θ2',
	deltaNote: 'Δ = {delta}°'
});

/** The words of the figure: the string tables' (`boundary.*`), the losses' names, the formulas. */
export interface BoundaryWords {
	names: Readonly<Record<HeadKind, string>>;
	/** "{loss}: {angle}°" */
	ring: string;
	/** "{loss}: no boundary" */
	ringNone: string;
	/** "{loss}, m = {m}" */
	withM: string;
	/** "{loss}, m = {m}, λ = {lambda}" */
	withLambda: string;
	/** "Softmax, ‖W1‖ = ‖W2‖ (the same boundary as modified softmax)" */
	softmaxEqual: string;
	/** "Softmax, ‖W1‖/‖W2‖ = {ratio}" */
	softmaxRatio: string;
	/** "{loss} leaves a {angle}° wedge" */
	wedge: string;
	/** "{loss} has no boundary between the weights" */
	noWedge: string;
	/** "Decision boundaries for two classes whose weights are {delta}° apart: {wedges}. …" */
	description: string;
	/** "; " */
	separator: string;
}

/** The legend's name of a loss with the margin it is drawn with. */
export function lossLabel(
	words: BoundaryWords,
	kind: HeadKind,
	margins: FigureMargins,
	lambda: number,
	normRatio: number
): string {
	const loss = words.names[kind];
	switch (kind) {
		case 'softmax':
			return normRatio === 1
				? words.softmaxEqual
				: fillTemplate(words.softmaxRatio, { ratio: formatMargin(normRatio) });
		case 'modified':
			return loss;
		case 'asoftmax':
			return lambda > 0
				? fillTemplate(words.withLambda, {
						loss,
						m: formatMargin(margins.asoftmax),
						lambda: formatMargin(lambda)
					})
				: fillTemplate(words.withM, { loss, m: formatMargin(margins.asoftmax) });
		case 'cosface':
		case 'arcface':
			return fillTemplate(words.withM, { loss, m: formatMargin(margins[kind]) });
		case 'combined':
			return loss;
	}
}

/** A ring's label: the loss and its wedge in degrees, or that it has no boundary. */
export function ringLabel(words: BoundaryWords, ring: BoundaryRing): string {
	const loss = words.names[ring.kind];
	return ring.margin === null
		? fillTemplate(words.ringNone, { loss })
		: fillTemplate(words.ring, { loss, angle: formatDegrees(ring.margin) });
}

/**
 * The figure in words: every loss with its margin and the wedge it leaves between weights
 * `delta` apart, e.g. "… 90° apart: A-Softmax, m = 4 leaves a 54° wedge; CosFace, m = 0.35
 * leaves a 29° wedge; …".
 */
export function figureDescription(
	words: BoundaryWords,
	rings: BoundaryRing[],
	delta: number,
	margins: FigureMargins,
	lambda: number,
	normRatio: number
): string {
	const wedges = rings.map((r) => {
		// Softmax by its name (and norm ratio): the legend's note on modified softmax is too
		// long for a sentence.
		const loss =
			r.kind === 'softmax' && normRatio === 1
				? words.names.softmax
				: lossLabel(words, r.kind, margins, lambda, normRatio);
		return r.margin === null
			? fillTemplate(words.noWedge, { loss })
			: fillTemplate(words.wedge, { loss, angle: formatDegrees(r.margin) });
	});
	return fillTemplate(words.description, {
		delta: formatDegrees(delta),
		wedges: wedges.join(words.separator)
	});
}
