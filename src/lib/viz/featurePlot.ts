/**
 * The geometry of the feature-circle panels, without the DOM: the logical 400 × 400 panel
 * space shared by the canvases and the SVG overlays, where a feature is drawn in each panel,
 * and the raw panel's plain decision regions as RGBA cells.
 */
import { classColors } from './palette';
import type { Snapshot } from '../model/snapshot';

/** Logical size of a panel (SVG viewBox and canvas drawing units). */
export const PANEL = 400;
/** Radius of the unit circle in the projected panel. */
export const CIRCLE_R = 150;
/** Cells per side of the decision-region raster behind the raw features. */
export const REGION_RES = 96;
/** Alpha (of 255) of the decision-region raster. */
const REGION_ALPHA = 40;

/** [r, g, b] of a #rrggbb colour. */
export function rgbOf(hex: string): [number, number, number] {
	return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** Logical → pixel transform of the raw panel for a half-width `extent`. */
export function rawToPanel(x: number, y: number, extent: number): [number, number] {
	const k = (PANEL / 2 - 16) / extent;
	return [PANEL / 2 + x * k, PANEL / 2 - y * k];
}

/** Where point i of the projected panel sits: on the circle, spread over a thin band so density shows. */
export function circlePosition(x: number, y: number, i: number): [number, number] {
	const n = Math.hypot(x, y);
	if (!(n > 0)) return [PANEL / 2, PANEL / 2];
	const band = 1 - 0.09 * (((i * 2654435761) >>> 0) / 4294967296);
	return [PANEL / 2 + (x / n) * CIRCLE_R * band, PANEL / 2 - (y / n) * CIRCLE_R * band];
}

/**
 * The classifier row a plain (no-margin) head predicts at feature (x, y): what the raw
 * panel's regions show (`s.weightClasses[row]` is its data class).
 */
export function plainClass(s: Snapshot, x: number, y: number): number {
	const means = s.rule === 'nearestMean' ? s.classMeans : null;
	if (means) return nearestMean(means, s.numClasses, x, y);
	const sub = s.subCenters;
	if (sub) {
		// Sub-centers: each class scores with its nearest one, so the top row of all C·K wins.
		let top = 0;
		for (let r = 1; r < s.numClasses * sub.k; r++) {
			const w = sub.subWeights;
			if (w[2 * r] * x + w[2 * r + 1] * y > w[2 * top] * x + w[2 * top + 1] * y) top = r;
		}
		return Math.floor(top / sub.k);
	}
	let best = 0;
	let top = -Infinity;
	for (let j = 0; j < s.numClasses; j++) {
		const wx = s.weights[2 * j];
		const wy = s.weights[2 * j + 1];
		// Softmax: W_j·x + b_j with the raw W (unit rows × their norms); angular heads: x·ŵ_j.
		const v = s.bias ? s.weightNorms[j] * (wx * x + wy * y) + s.bias[j] : wx * x + wy * y;
		if (v > top) {
			top = v;
			best = j;
		}
	}
	return best;
}

/** The row of the class mean nearest to (x, y) (the metric losses' rule in the plane). */
function nearestMean(means: Float32Array, k: number, x: number, y: number): number {
	let best = 0;
	let top = Infinity;
	for (let j = 0; j < k; j++) {
		const d = (x - means[2 * j]) ** 2 + (y - means[2 * j + 1]) ** 2;
		if (d < top) {
			top = d;
			best = j;
		}
	}
	return best;
}

/** Fills `img` (REGION_RES²) with each cell's plain class colour over the raw plane of half-width `extent`. */
export function paintRegions(
	img: { width: number; data: Uint8ClampedArray },
	s: Snapshot,
	extent: number
): void {
	const colour = classColors(s.weightClasses);
	const rgb = Array.from({ length: s.numClasses }, (_, j) => rgbOf(colour(s.weightClasses[j])));
	const res = img.width;
	const k = extent / ((PANEL / 2 - 16) / (PANEL / 2));
	const data = img.data;
	for (let r = 0; r < res; r++) {
		const y = k - ((r + 0.5) / res) * 2 * k;
		for (let c = 0; c < res; c++) {
			const x = ((c + 0.5) / res) * 2 * k - k;
			const [red, green, blue] = rgb[plainClass(s, x, y)];
			const o = (r * res + c) * 4;
			data[o] = red;
			data[o + 1] = green;
			data[o + 2] = blue;
			data[o + 3] = REGION_ALPHA;
		}
	}
}
