/**
 * Painting the feature circle's canvas layers (the scheduling, turns and glide live in
 * featureCircleView.ts): a panel's points, and the raw panel's decision regions as a soft
 * raster. Both draw in the logical PANEL × PANEL space of the SVG overlays.
 */
import { HELD_OUT_COLOR } from './palette';
import { circlePosition, paintRegions, PANEL, REGION_RES, rgbOf } from './featurePlot';
import type { Snapshot } from '../model/snapshot';

/** Point radius and ring width (logical units), and the opacity of filled points. */
const POINT_R = 2.6;
const RING_WIDTH = 1.4;
const FILL_ALPHA = 0.85;
/** The radius of the ring around a point whose training label was flipped (label noise). */
const FLIP_RING_R = POINT_R + 2;

/** `rgba(…, FILL_ALPHA)` of a #rrggbb colour: a filled point's style. */
function fillStyleOf(hex: string): string {
	return `rgba(${rgbOf(hex).join(',')},${FILL_ALPHA})`;
}

/** What the points need besides their positions. */
export interface PointStyle {
	/** Class of each point. */
	labels: Int32Array;
	/** 0 train, 1 test (drawn as a ring), 2 held out (grey); null: all train. */
	split: Uint8Array | null;
	/**
	 * True classes when label noise flipped some training labels (`Dataset.trueLabels`), else
	 * null: a flipped point is filled in its true class's colour inside a ring of its label's.
	 */
	trueLabels?: Int32Array | null;
	/** The raw panel's half-width in feature units. */
	extent: number;
	/** A class's colour. */
	classColor: (label: number) => string;
}

/**
 * The points of one panel at `pos` (x, y per point), in data order (later points on top),
 * each a dot or a test ring. Styles change only when the colour does: fills carry their
 * alpha in the colour, as switching globalAlpha per point was most of the cost.
 */
export function paintPoints(
	ctx: CanvasRenderingContext2D,
	pos: Float32Array,
	panel: 'raw' | 'circle',
	{ labels, split, extent, classColor, trueLabels = null }: PointStyle
): void {
	const k = (PANEL / 2 - 16) / extent; // as rawToPanel, inlined: no array per point
	const C = PANEL / 2;
	const fills = new Map<string, string>();
	let fillNow = '';
	let strokeNow = '';
	ctx.lineWidth = RING_WIDTH;
	for (let i = 0; i < pos.length / 2; i++) {
		const fx = pos[2 * i];
		const fy = pos[2 * i + 1];
		if (!Number.isFinite(fx) || !Number.isFinite(fy)) continue;
		let px: number;
		let py: number;
		if (panel === 'raw') {
			px = C + fx * k;
			py = C - fy * k;
		} else [px, py] = circlePosition(fx, fy, i);
		const flipped = trueLabels !== null && trueLabels[i] !== labels[i];
		const color =
			split?.[i] === 2 ? HELD_OUT_COLOR : classColor((flipped ? trueLabels[i] : labels[i]) ?? 0);
		if (flipped) {
			// The flipped label's ring, outside the dot of the true class.
			const ring = classColor(labels[i] ?? 0);
			if (strokeNow !== ring) ctx.strokeStyle = strokeNow = ring;
			ctx.beginPath();
			ctx.arc(px, py, FLIP_RING_R, 0, 2 * Math.PI);
			ctx.stroke();
		}
		ctx.beginPath();
		ctx.arc(px, py, POINT_R, 0, 2 * Math.PI);
		if (split?.[i] === 1) {
			if (strokeNow !== color) ctx.strokeStyle = strokeNow = color;
			ctx.stroke();
		} else {
			let fill = fills.get(color);
			if (fill === undefined) fills.set(color, (fill = fillStyleOf(color)));
			if (fillNow !== fill) ctx.fillStyle = fillNow = fill;
			ctx.fill();
		}
	}
}

/**
 * The plain decision regions over the raw plane, as a soft raster: the regions canvas itself
 * is REGION_RES² pixels and CSS stretches it over the panel (bilinear, as smooth as drawing it
 * scaled was). Repainted only after `invalidate()` (a new snapshot: weights and extent change
 * only then). Its backing store stays ~37 kB: when a canvas changes, the page hands the
 * compositor a copy of its pixels, and a panel-sized one (3–4 MB at 1920 × 1080) made that
 * copy most of a training frame. A software canvas (willReadFrequently): it is written from
 * ImageData.
 */
export class RegionRaster {
	private image: ImageData | null = null;
	private stale = true;

	/** Takes over `canvas` (sized here; its CSS size is the panel's). */
	constructor(canvas: HTMLCanvasElement) {
		canvas.width = REGION_RES;
		canvas.height = REGION_RES;
	}

	/** The next paint repaints the raster. */
	invalidate(): void {
		this.stale = true;
	}

	/** Paints the regions of `s` at half-width `extent` into `canvas`, if they changed. */
	paint(canvas: HTMLCanvasElement, s: Snapshot, extent: number): void {
		if (!this.stale && this.image) return;
		const ctx = canvas.getContext('2d', { willReadFrequently: true });
		if (!ctx) return;
		this.image ??= ctx.createImageData(REGION_RES, REGION_RES);
		paintRegions(this.image, s, extent);
		ctx.putImageData(this.image, 0, 0);
		this.stale = false;
	}
}

/**
 * How many points carry a flipped training label (`trueLabels` differs from `labels`), and
 * how many training points (split 0) there are: the feature circle's note.
 */
export function flippedCounts(
	labels: Int32Array | null,
	split: Uint8Array | null,
	trueLabels: Int32Array | null
): { flipped: number; train: number } {
	let flipped = 0;
	let train = 0;
	if (!labels) return { flipped, train };
	for (let i = 0; i < labels.length; i++) {
		if ((split?.[i] ?? 0) === 0) train++;
		if (trueLabels && trueLabels[i] !== labels[i]) flipped++;
	}
	return { flipped, train };
}
