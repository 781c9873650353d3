/**
 * The input-space plot without a canvas, pure and tested without a DOM: where the plot square
 * sits in the canvas, data ↔ pixel coordinates both ways, the heat map's pixels for a
 * decision grid, the point size, the caption, and which points the model gets wrong.
 */
import type { DatasetMessage } from '../model/protocol';
import type { DecisionGrid, Snapshot } from '../model/snapshot';
import { GRID_EXTENT } from '../math/limits';
import { CLASS_COLORS } from './palette';

/** The input square when no grid says otherwise: the grid's own extent. */
export const DEFAULT_EXTENT: [number, number] = GRID_EXTENT;

/** '#rrggbb' → [r, g, b]. */
function hexToRgb(hex: string): [number, number, number] {
	const v = parseInt(hex.slice(1, 7), 16);
	return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}
const CLASS_RGB = CLASS_COLORS.map(hexToRgb);

/**
 * Pure: RGBA bytes [res·res·4] for a decision grid, row-major like the grid. Each cell is its
 * predicted class's colour blended toward white by 1 − t, t = (conf − 1/C)/(1 − 1/C) clamped
 * to [0, 1]: a chance-level cell (conf = 1/C) is white, a certain one the full colour.
 * Non-finite confidence counts as chance (white); alpha is always 255.
 */
export function gridPixels(grid: DecisionGrid, numClasses: number): Uint8ClampedArray<ArrayBuffer> {
	const res = Math.max(0, Math.floor(grid.resolution));
	const n = res * res;
	const out = new Uint8ClampedArray(n * 4);
	const chance = numClasses > 1 ? 1 / numClasses : 0;
	for (let i = 0; i < n; i++) {
		const conf = grid.confidence[i];
		// C ≤ 1 has no "chance level": any finite confidence is full colour.
		let t = Number.isFinite(conf) ? (chance > 0 ? (conf - chance) / (1 - chance) : 1) : 0;
		t = Math.min(1, Math.max(0, t));
		const k = grid.classes[i] ?? 0;
		const [r, g, b] = CLASS_RGB[k % CLASS_RGB.length];
		const o = i * 4;
		out[o] = r * t + 255 * (1 - t);
		out[o + 1] = g * t + 255 * (1 - t);
		out[o + 2] = b * t + 255 * (1 - t);
		out[o + 3] = 255;
	}
	return out;
}

/**
 * Pure: data coordinates → pixel coordinates in a square plot of `size` px spanning
 * `extent` = [lo, hi] on both axes, origin at the plot's top left, y pointing up in data.
 * x = lo ↦ 0, x = hi ↦ size; y = hi ↦ 0, y = lo ↦ size.
 */
export function toPixel(
	x: number,
	y: number,
	size: number,
	extent: [number, number]
): [number, number] {
	const [lo, hi] = extent;
	const scale = size / (hi - lo);
	return [(x - lo) * scale, (hi - y) * scale];
}

/**
 * Pure: the inverse of `toPixel`: pixel offsets inside the plot square → data coordinates.
 * px = 0 ↦ x = lo, px = size ↦ x = hi; py = 0 ↦ y = hi, py = size ↦ y = lo.
 */
export function toInput(
	px: number,
	py: number,
	size: number,
	extent: [number, number]
): [number, number] {
	const [lo, hi] = extent;
	const unit = (hi - lo) / size;
	return [lo + px * unit, hi - py * unit];
}

/** Where the plot square sits in the canvas (CSS px) and the data extent it spans. */
export type Plot = { ox: number; oy: number; size: number; extent: [number, number] };

/**
 * Pure: the plot square in a canvas of `size` CSS px: a left margin for the tick labels
 * (7% of the size, within 16–26 px), 6 px at the top and right, the rest below for ticks.
 */
export function plotBox(size: number, extent: [number, number] = DEFAULT_EXTENT): Plot {
	const pad = Math.round(Math.min(26, Math.max(16, size * 0.07)));
	return { ox: pad, oy: 6, size: size - pad - 6, extent };
}

/** Pure: point radius in CSS px for a plot of `size` px: 3 px at 400 px, within [1.5, 4.5]. */
export function pointRadius(size: number): number {
	return Math.min(4.5, Math.max(1.5, (size * 3) / 400));
}

/** Pure: the caption to show under the plot, or null when the picture needs none. */
export function inputSpaceCaption(dataset: DatasetMessage | null): string | null {
	return dataset?.dim === 3 ? '3D inputs: x–y projection, no regions' : null;
}

/**
 * Pure: indices of train and test points whose predicted class differs from the label.
 * Empty unless the snapshot describes this data set (same dataVersion, enough predictions).
 */
export function misclassified(d: DatasetMessage, snapshot: Snapshot | null): number[] {
	const pred = snapshot?.predictions;
	if (!pred || snapshot.dataVersion !== d.dataVersion || pred.length < d.labels.length) return [];
	const out: number[] = [];
	for (let i = 0; i < d.labels.length; i++) {
		if (d.split[i] <= 1 && pred[i] !== d.labels[i]) out.push(i);
	}
	return out;
}
