/**
 * Input space: the toy data with the model's decision regions as a heat map. The regions
 * are a res × res `ImageData` drawn scaled with smoothing (tensorflow/playground's soft
 * look); the points go on top, styled by split. 3D inputs show the x–y projection only;
 * inputs of more dimensions are not drawn (the component says so). The view also maps
 * pointer positions back to input coordinates, for the draw mode. The pure geometry and
 * pixels it draws with are inputPlot.ts.
 */
import type { DatasetMessage } from '../model/protocol';
import type { DecisionGrid, Snapshot } from '../model/snapshot';
import { drawFrame, fitCanvas, getContext2d, type Tick } from './canvas';
import {
	DEFAULT_EXTENT,
	gridPixels,
	misclassified,
	plotBox,
	pointRadius,
	toInput,
	toPixel,
	type Plot
} from './inputPlot';
import { HELD_OUT_COLOR, classColors } from './palette';

/** What the view draws: the data set (sent once per rebuild) and the latest snapshot. */
export interface InputSpaceData {
	dataset: DatasetMessage | null;
	snapshot: Snapshot | null;
}

/** Opacity of the heat map over white, low enough that class-coloured points stay readable. */
const HEAT_ALPHA = 0.45;
/** Misclassified ring: dark crimson on a white halo, told apart by shape and darkness, not hue. */
const WRONG = '#a50021';

/** Pure: whether the view draws points of this input dimension (2D, and 3D as a projection). */
export function drawsDim(dim: number): boolean {
	return dim === 2 || dim === 3;
}

/** Point indices grouped as [split][class], built once per data set. */
function bucketize(d: DatasetMessage): number[][][] {
	const buckets: number[][][] = [[], [], []];
	for (let i = 0; i < d.labels.length; i++) {
		const s = d.split[i];
		const c = d.labels[i];
		if (s > 2 || !(c >= 0) || c > 255) continue; // ignore malformed rows
		(buckets[s][c] ??= []).push(i);
	}
	return buckets;
}

/** A canvas view of the input plane; see the module comment. */
export class InputSpaceView {
	private container: HTMLElement | null = null;
	private canvas: HTMLCanvasElement | null = null;
	/** res × res canvas holding the current grid's pixels, scaled onto the plot. */
	private heat: HTMLCanvasElement | null = null;
	private heatGrid: DecisionGrid | null = null;
	private observer: ResizeObserver | null = null;
	private frame = 0;
	private cssSize = 0;
	private data: InputSpaceData = { dataset: null, snapshot: null };
	private buckets: number[][][] = [[], [], []];
	private bucketsFor: DatasetMessage | null = null;
	/** The plot square of the last drawing, for mapping pointer positions. */
	private plot: Plot | null = null;

	/** Creates the canvas inside `container` and follows the container's size. */
	mount(container: HTMLElement): void {
		this.container = container;
		this.canvas = document.createElement('canvas');
		this.canvas.style.display = 'block';
		this.heat = document.createElement('canvas');
		container.appendChild(this.canvas);
		this.observer = new ResizeObserver(() => this.resize());
		this.observer.observe(container);
		this.resize();
	}

	/** Takes new data; draws on the next animation frame (at most once per frame). */
	update(data: InputSpaceData): void {
		this.data = data;
		this.schedule();
	}

	/** Follows the container's size as a square; redraws only if the canvas really changed. */
	resize(): void {
		if (!this.container || !this.canvas) return;
		const w = this.container.clientWidth;
		const h = this.container.clientHeight;
		const size = Math.floor(h > 0 ? Math.min(w, h) : w);
		this.cssSize = size;
		// Redraw at once: a resized canvas is blank, and waiting a frame would show that.
		if (fitCanvas(this.canvas, size, size)) this.draw();
	}

	/**
	 * The input coordinates under a pointer at (clientX, clientY), or null when the pointer
	 * is outside the plot square (or nothing is drawn yet).
	 */
	inputAt(clientX: number, clientY: number): [number, number] | null {
		const p = this.plot;
		if (!this.canvas || !p || p.size <= 0) return null;
		const rect = this.canvas.getBoundingClientRect();
		const px = clientX - rect.left - p.ox;
		const py = clientY - rect.top - p.oy;
		if (px < 0 || py < 0 || px > p.size || py > p.size) return null;
		return toInput(px, py, p.size, p.extent);
	}

	/** Input units per CSS pixel of the last drawing (for "within a few pixels"), or 0. */
	get unitsPerPixel(): number {
		const p = this.plot;
		return p && p.size > 0 ? (p.extent[1] - p.extent[0]) / p.size : 0;
	}

	/** Stops observing, cancels the pending frame and drops the canvases. */
	dispose(): void {
		this.observer?.disconnect();
		if (this.frame) cancelAnimationFrame(this.frame);
		this.frame = 0;
		this.canvas?.remove();
		if (this.heat) this.heat.width = this.heat.height = 0;
		this.observer = this.container = this.canvas = this.heat = this.heatGrid = null;
		this.bucketsFor = this.plot = null;
	}

	private schedule(): void {
		if (this.frame || !this.canvas) return;
		this.frame = requestAnimationFrame(() => {
			this.frame = 0;
			this.draw();
		});
	}

	private draw(): void {
		const canvas = this.canvas;
		const size = this.cssSize;
		if (!canvas || size <= 0) return;
		const dpr = globalThis.devicePixelRatio ?? 1;
		fitCanvas(canvas, size, size, dpr); // also catches a changed pixel ratio
		const ctx = getContext2d(canvas, dpr);
		if (!ctx) return;
		ctx.clearRect(0, 0, size, size);
		const plot = plotBox(size);
		if (plot.size <= 4) return;

		const { dataset, snapshot } = this.data;
		const grid =
			snapshot?.grid &&
			(!dataset || (dataset.dim === 2 && dataset.dataVersion === snapshot.dataVersion))
				? snapshot.grid
				: null;
		const [lo, hi] = grid?.extent ?? DEFAULT_EXTENT;
		if (Number.isFinite(lo) && Number.isFinite(hi) && hi > lo) plot.extent = [lo, hi];
		this.plot = plot;

		ctx.fillStyle = '#ffffff';
		ctx.fillRect(plot.ox, plot.oy, plot.size, plot.size);
		ctx.save();
		ctx.beginPath();
		ctx.rect(plot.ox, plot.oy, plot.size, plot.size);
		ctx.clip();
		if (grid) this.drawHeat(ctx, grid, snapshot?.numClasses ?? dataset?.numClasses ?? 2, plot);
		if (dataset) this.drawPoints(ctx, dataset, snapshot, plot);
		ctx.restore();
		// Ticks at −1, 0, 1 (those inside the extent); the plot square shares one scale.
		const ticks: Tick[] = [-1, 0, 1]
			.filter((v) => v >= plot.extent[0] && v <= plot.extent[1])
			.map((v) => ({
				at: toPixel(v, v, plot.size, plot.extent),
				label: v < 0 ? `−${-v}` : `${v}`
			}));
		drawFrame(ctx, plot, ticks, Math.round(Math.min(13, Math.max(10, size * 0.03))));
	}

	private drawHeat(
		ctx: CanvasRenderingContext2D,
		grid: DecisionGrid,
		numClasses: number,
		p: Plot
	): void {
		const heat = this.heat;
		const res = Math.floor(grid.resolution);
		if (!heat || res <= 0) return;
		if (grid !== this.heatGrid) {
			if (heat.width !== res || heat.height !== res) heat.width = heat.height = res;
			const hctx = heat.getContext('2d', { willReadFrequently: true });
			if (!hctx) return;
			hctx.putImageData(new ImageData(gridPixels(grid, numClasses), res, res), 0, 0);
			this.heatGrid = grid;
		}
		// Cell centres sit at (c + ½)/res of the extent, so the image spans the whole extent.
		ctx.globalAlpha = HEAT_ALPHA;
		ctx.imageSmoothingEnabled = true;
		ctx.imageSmoothingQuality = 'high';
		ctx.drawImage(heat, p.ox, p.oy, p.size, p.size);
		ctx.globalAlpha = 1;
	}

	private drawPoints(
		ctx: CanvasRenderingContext2D,
		d: DatasetMessage,
		snapshot: Snapshot | null,
		p: Plot
	): void {
		if (d !== this.bucketsFor) [this.buckets, this.bucketsFor] = [bucketize(d), d];
		if (!drawsDim(d.dim)) return;
		const r = pointRadius(p.size);
		/** One sub-path per finite point of `idx`: a circle of radius `rad`, or a cross if 0. */
		const trace = (idx: number[], rad: number) => {
			ctx.beginPath();
			for (const i of idx) {
				const x = d.points[i * d.dim];
				const y = d.points[i * d.dim + 1];
				if (!Number.isFinite(x) || !Number.isFinite(y)) continue; // no NaN reaches drawing
				const [px, py] = toPixel(x, y, p.size, p.extent);
				const [X, Y, a] = [p.ox + px, p.oy + py, r * 0.9];
				if (rad > 0) {
					ctx.moveTo(X + rad, Y);
					ctx.arc(X, Y, rad, 0, 2 * Math.PI);
				} else {
					ctx.moveTo(X - a, Y - a);
					ctx.lineTo(X + a, Y + a);
					ctx.moveTo(X + a, Y - a);
					ctx.lineTo(X - a, Y + a);
				}
			}
		};
		const [train, test, held] = this.buckets;
		const classColor = classColors(snapshot?.weightClasses);
		// Held out: small grey crosses, underneath everything.
		trace(held.flat(), 0);
		stroke(ctx, HELD_OUT_COLOR, 1.2);
		// Test: hollow rings in the class colour over a faint dark halo (yellow on light regions).
		const ring = Math.max(1.2, r * 0.5);
		test.forEach((idx, c) => {
			trace(idx, r);
			stroke(ctx, 'rgba(27, 31, 36, 0.55)', ring + 1.5);
			stroke(ctx, classColor(c), ring);
		});
		// Train: filled dots with a thin dark outline.
		train.forEach((idx, c) => {
			trace(idx, r);
			ctx.fillStyle = classColor(c);
			ctx.fill();
			stroke(ctx, 'rgba(27, 31, 36, 0.7)', 0.8);
		});
		// Misclassified: a wider ring around the point, on a white halo.
		trace(misclassified(d, snapshot), r + Math.max(2, r * 0.7));
		stroke(ctx, '#ffffff', 3);
		stroke(ctx, WRONG, 1.5);
	}
}

/** Strokes the current path. */
function stroke(ctx: CanvasRenderingContext2D, style: string, width: number): void {
	ctx.strokeStyle = style;
	ctx.lineWidth = width;
	ctx.stroke();
}
