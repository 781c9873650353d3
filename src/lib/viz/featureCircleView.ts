/**
 * The canvas layers of the feature-circle view: points (thousands, so canvas, not SVG) in
 * two square panels, the raw feature plane with the model's plain decision regions behind
 * them, and the same features projected onto the unit circle. Both panels draw in a
 * logical 400 × 400 space that matches the SVG overlays' viewBox, so Svelte's SVG (arrows,
 * sectors, wedges, labels) and these canvases line up at any size.
 */
import { classColor } from './palette';
import { prefersReducedMotion } from './motion';
import { fitCanvas, getContext2d } from './canvas';
import { featureExtent } from './featureGeometry';
import type { Snapshot } from '../model/snapshot';

/** Logical size of a panel (SVG viewBox and canvas drawing units). */
export const PANEL = 400;
/** Radius of the unit circle in the projected panel. */
export const CIRCLE_R = 150;
/** Duration of the glide between two snapshots (about the interval between snapshots). */
const TWEEN_MS = 60;

/** Cells per side of the decision-region raster behind the raw features. */
const REGION_RES = 96;

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

/** The class a plain (no-margin) head predicts at feature (x, y): what the raw panel's regions show. */
export function plainClass(s: Snapshot, x: number, y: number): number {
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

export class FeatureCircleView {
	private raw: HTMLCanvasElement | null = null;
	private circle: HTMLCanvasElement | null = null;
	private snapshot: Snapshot | null = null;
	private labels: Int32Array | null = null;
	private split: Uint8Array | null = null;
	private extent = 1;
	private frame = 0;
	private observer: ResizeObserver | null = null;
	private region: HTMLCanvasElement | null = null;
	/** Tweening between snapshots: positions drawn now, from and to, and when the tween began. */
	private shown: Float32Array | null = null;
	private from: Float32Array | null = null;
	private tweenStart = 0;

	/** Takes over the two canvases (one per panel). */
	mount(raw: HTMLCanvasElement, circle: HTMLCanvasElement): void {
		this.raw = raw;
		this.circle = circle;
		this.region = document.createElement('canvas');
		this.region.width = REGION_RES;
		this.region.height = REGION_RES;
		this.observer = new ResizeObserver(() => this.resize());
		this.observer.observe(raw);
		this.observer.observe(circle);
		this.resize();
	}

	/** The current half-width of the raw panel (the SVG overlay uses the same). */
	get rawExtent(): number {
		return this.extent;
	}

	/** New data; drawn on the next animation frame (at most one draw per frame). */
	update(snapshot: Snapshot | null, labels: Int32Array | null, split: Uint8Array | null): void {
		this.snapshot = snapshot;
		this.labels = labels;
		this.split = split;
		// Points glide from where they are drawn to the new features (not with reduced motion).
		const same = snapshot && this.shown && this.shown.length === snapshot.features.length;
		this.from = same && !prefersReducedMotion() ? this.shown!.slice() : null;
		this.tweenStart = performance.now();
		if (snapshot && snapshot.featureDim === 2) {
			// Grow at once, shrink slowly: the plot should not breathe with every snapshot.
			const target = featureExtent(snapshot.features, 2);
			this.extent = target > this.extent ? target : this.extent + 0.08 * (target - this.extent);
		}
		if (!this.frame) this.frame = requestAnimationFrame(() => this.draw());
	}

	/** Follows the canvases' CSS size (backing store = CSS size × devicePixelRatio). */
	resize(): void {
		let changed = false;
		for (const c of [this.raw, this.circle]) {
			if (!c) continue;
			const size = c.parentElement?.clientWidth ?? PANEL;
			changed = fitCanvas(c, size, size) || changed;
		}
		if (changed) this.draw();
	}

	/** Index of the point nearest to logical (x, y) in a panel, within `radius`; -1 if none. */
	pick(panel: 'raw' | 'circle', x: number, y: number, radius = 10): number {
		const s = this.snapshot;
		if (!s || s.featureDim !== 2) return -1;
		let best = -1;
		let bestD = radius * radius;
		for (let i = 0; i < s.features.length / 2; i++) {
			const fx = s.features[2 * i];
			const fy = s.features[2 * i + 1];
			const [px, py] =
				panel === 'raw' ? rawToPanel(fx, fy, this.extent) : circlePosition(fx, fy, i);
			const d = (px - x) ** 2 + (py - y) ** 2;
			if (d < bestD) {
				bestD = d;
				best = i;
			}
		}
		return best;
	}

	dispose(): void {
		if (this.frame) cancelAnimationFrame(this.frame);
		this.observer?.disconnect();
		this.observer = null;
		this.raw = this.circle = this.region = null;
	}

	private context(c: HTMLCanvasElement): CanvasRenderingContext2D | null {
		const ctx = getContext2d(c);
		if (!ctx) return null;
		const scale = (c.width / PANEL) as number;
		ctx.setTransform(scale, 0, 0, scale, 0, 0);
		ctx.clearRect(0, 0, PANEL, PANEL);
		return ctx;
	}

	private draw(): void {
		this.frame = 0;
		const s = this.snapshot;
		const raw = this.raw && this.context(this.raw);
		const circle = this.circle && this.context(this.circle);
		if (!s || !raw || !circle || s.featureDim !== 2 || !this.labels) return;
		this.drawRegions(raw, s);
		const pos = this.tween(s.features);
		const n = s.features.length / 2;
		for (let i = 0; i < n; i++) {
			const fx = pos[2 * i];
			const fy = pos[2 * i + 1];
			if (!Number.isFinite(fx) || !Number.isFinite(fy)) continue;
			const label = this.labels[i] ?? 0;
			const heldOut = this.split?.[i] === 2;
			const color = heldOut ? '#8c959f' : classColor(label);
			const test = this.split?.[i] === 1;
			for (const [ctx, [px, py]] of [
				[raw, rawToPanel(fx, fy, this.extent)],
				[circle, circlePosition(fx, fy, i)]
			] as const) {
				ctx.beginPath();
				ctx.arc(px, py, 2.6, 0, 2 * Math.PI);
				if (test) {
					ctx.strokeStyle = color;
					ctx.lineWidth = 1.4;
					ctx.stroke();
				} else {
					ctx.fillStyle = color;
					ctx.globalAlpha = 0.85;
					ctx.fill();
					ctx.globalAlpha = 1;
				}
			}
		}
	}

	/** Positions for this frame, eased from the previous ones; schedules the next frame while moving. */
	private tween(target: Float32Array): Float32Array {
		const from = this.from;
		const t = Math.min(1, (performance.now() - this.tweenStart) / TWEEN_MS);
		if (!from || t >= 1) {
			this.shown = target;
			return target;
		}
		const e = t * (2 - t); // ease-out
		const out = new Float32Array(target.length);
		for (let i = 0; i < out.length; i++) out[i] = from[i] + (target[i] - from[i]) * e;
		this.shown = out;
		this.frame = requestAnimationFrame(() => this.draw());
		return out;
	}

	/** The plain decision regions over the raw plane, as a soft raster. */
	private drawRegions(ctx: CanvasRenderingContext2D, s: Snapshot): void {
		const region = this.region;
		const rctx = region?.getContext('2d');
		if (!region || !rctx) return;
		const img = rctx.createImageData(REGION_RES, REGION_RES);
		const k = this.extent / ((PANEL / 2 - 16) / (PANEL / 2));
		for (let r = 0; r < REGION_RES; r++) {
			for (let c = 0; c < REGION_RES; c++) {
				const x = ((c + 0.5) / REGION_RES) * 2 * k - k;
				const y = k - ((r + 0.5) / REGION_RES) * 2 * k;
				const hex = classColor(plainClass(s, x, y));
				const o = (r * REGION_RES + c) * 4;
				img.data[o] = parseInt(hex.slice(1, 3), 16);
				img.data[o + 1] = parseInt(hex.slice(3, 5), 16);
				img.data[o + 2] = parseInt(hex.slice(5, 7), 16);
				img.data[o + 3] = 40;
			}
		}
		rctx.putImageData(img, 0, 0);
		ctx.imageSmoothingEnabled = true;
		ctx.drawImage(region, 0, 0, PANEL, PANEL);
	}
}
