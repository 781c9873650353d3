/**
 * The canvas layers of the feature-circle view: points (thousands, so canvas, not SVG) in
 * two square panels, the raw feature plane with the model's plain decision regions behind
 * them (on a canvas of their own, under the SVG marks), and the same features projected onto
 * the unit circle. Both panels draw in a
 * logical 400 × 400 space that matches the SVG overlays' viewBox, so Svelte's SVG (arrows,
 * sectors, wedges, labels) and these canvases line up at any size.
 *
 * Cost per frame is kept small because a page may hold four of these views training at
 * once: the decision regions are rasterised once per snapshot into their own small canvas
 * (REGION_RES², stretched over the panel by CSS), not every frame; points change style only
 * when the colour changes (fills carry their alpha in the colour: switching globalAlpha per point
 * was most of the cost); draws go through the page's shared DrawQueue, so views that got
 * snapshots at the same moment draw in different frames; a view scrolled out of sight draws
 * only once a second until it comes back; points glide only in a view alone in sight.
 *
 * A frame redraws one canvas, in turns: the raw panel's points, the unit circle's points,
 * the regions. The compositor rasterises a changed canvas's dots on the main thread when the
 * frame commits, 11-15 ms a panel for 1,800 points at 1920 × 1080 under the software
 * compositor (a trace while training), so both panels in one frame made every frame of a
 * glide a long one; and the first snapshot's regions (their raster, ~11 ms) and points no
 * longer share the load's first drawing task. Only a resize (which blanks the canvases) and
 * a view out of sight draw all three at once.
 */
import { classColors } from './palette';
import { prefersReducedMotion } from './motion';
import { fitCanvas, getContext2d } from './canvas';
import { drawQueue, type DrawQueue } from './drawQueue';
import { featureExtent } from './featureGeometry';
import { circlePosition, PANEL, rawToPanel } from './featurePlot';
import { paintPoints, RegionRaster } from './featurePoints';
import type { Snapshot } from '../model/snapshot';

/** Duration of the glide between two snapshots (about the interval between snapshots). */
const TWEEN_MS = 60;
/**
 * A glide whose frames come further apart than this (ms: two frames at 60 Hz) costs more
 * than it smooths: the page is slow (a big figure, a busy or old machine), so the points step
 * from snapshot to snapshot for GLIDE_REST_MS before gliding is tried again.
 */
const SLOW_GLIDE_FRAME_MS = 34;
const GLIDE_REST_MS = 5000;

/** How far outside the viewport a view still counts as visible (its export buttons sit just below). */
const VISIBLE_MARGIN = '200px';
/**
 * Out of sight, a view still catches up this often (ms), so a full-page screenshot or a
 * printout shows its canvases at most this stale, at a fraction of the cost of every frame.
 */
const HIDDEN_DRAW_MS = 1000;

/**
 * The feature views in sight on the page. Points glide between snapshots only while a view
 * is alone in sight: each glide redraws (and hands the compositor a copy of) both canvases
 * on about four more frames per snapshot, which with the comparison's panels side by side
 * was most of the page's main-thread time; there the points step from snapshot to snapshot.
 */
const inSight = new Set<FeatureCircleView>();

/** The canvases, in the order they take turns to draw. */
const LAYERS = ['raw', 'circle', 'regions'] as const;
type Layer = (typeof LAYERS)[number];

export class FeatureCircleView {
	private raw: HTMLCanvasElement | null = null;
	private circle: HTMLCanvasElement | null = null;
	/**
	 * The raw panel's decision regions: their own canvas, under the arrows and the points, as
	 * small as their raster (see RegionRaster).
	 */
	private regions: HTMLCanvasElement | null = null;
	private snapshot: Snapshot | null = null;
	private labels: Int32Array | null = null;
	private split: Uint8Array | null = null;
	private trueLabels: Int32Array | null = null;
	private extent = 1;
	private observer: ResizeObserver | null = null;
	private visibility: IntersectionObserver | null = null;
	/** Whether a canvas is on screen (or near it); a hidden view only notes that it is stale. */
	private visible = true;
	private stale = false;
	private hiddenTimer: ReturnType<typeof setTimeout> | null = null;
	/** The decision regions' raster (redrawn once per snapshot). */
	private regionRaster: RegionRaster | null = null;
	/** Tweening between snapshots: positions drawn now, from and to, and when the tween began. */
	private shown: Float32Array | null = null;
	private from: Float32Array | null = null;
	private between: Float32Array | null = null;
	private tweenStart = 0;
	/** When the last frame of the glide drew, and until when gliding rests (see SLOW_GLIDE_FRAME_MS). */
	private glideFrameAt = 0;
	private glideRestUntil = 0;
	/** Canvases that lag behind what should be shown, and the index in LAYERS of the next. */
	private dirty: Record<Layer, boolean> = { raw: true, circle: true, regions: true };
	private turn = 0;
	private readonly drawFrame = () => this.draw();

	/** `queue`: the frame loop to draw in (the page's shared one unless a test passes its own). */
	/**
	 * @param onExtent hears the raw panel's half-width whenever it changes (it grows at once and
	 *   shrinks slowly), so an overlay drawn outside the view can use the same scale.
	 */
	constructor(
		private readonly onExtent: (extent: number) => void = () => {},
		private readonly queue: DrawQueue = drawQueue
	) {}

	/**
	 * Takes over the points canvases of the two panels and the raw panel's regions canvas
	 * (drawn under the SVG marks: the points go above the arrows, so no cluster hides).
	 */
	mount(raw: HTMLCanvasElement, circle: HTMLCanvasElement, regions: HTMLCanvasElement): void {
		this.raw = raw;
		this.circle = circle;
		this.regions = regions;
		this.regionRaster = new RegionRaster(regions);
		this.observer = new ResizeObserver(() => this.resize());
		// The panels' boxes, not the canvases: a canvas has a fixed CSS size once fitted, so
		// it would never report its panel shrinking (leaving presentation mode, a narrower window).
		for (const c of [raw, circle]) this.observer.observe(c.parentElement ?? c);
		if (typeof IntersectionObserver !== 'undefined') {
			const seen = new Map<Element, boolean>();
			this.visibility = new IntersectionObserver(
				(entries) => {
					for (const e of entries) seen.set(e.target, e.isIntersecting);
					this.visible = [...seen.values()].some(Boolean);
					if (this.visible) inSight.add(this);
					else inSight.delete(this);
					if (this.visible && this.stale) this.queue.request(this.drawFrame);
				},
				{ rootMargin: VISIBLE_MARGIN }
			);
			this.visibility.observe(raw);
			this.visibility.observe(circle);
		}
		inSight.add(this); // until the observer says otherwise
		// No resize here: the ResizeObserver reports the panels' first size after the next
		// layout, in a task of its own (reading their size now would force a layout of the
		// whole page inside its hydration).
	}

	/** The current half-width of the raw panel (the SVG overlay uses the same). */
	get rawExtent(): number {
		return this.extent;
	}

	/** New data; drawn on a coming animation frame (at most one draw per frame). */
	update(
		snapshot: Snapshot | null,
		labels: Int32Array | null,
		split: Uint8Array | null,
		trueLabels: Int32Array | null = null
	): void {
		this.snapshot = snapshot;
		this.labels = labels;
		this.split = split;
		this.trueLabels =
			trueLabels && labels && trueLabels.length === labels.length ? trueLabels : null;
		// Points glide from where they are drawn to the new features (not with reduced motion,
		// nor beside other views in sight: see `inSight`).
		const shown = this.shown;
		const same = snapshot && shown && shown.length === snapshot.features.length;
		const now = performance.now();
		if (
			same &&
			this.visible &&
			inSight.size <= 1 &&
			now >= this.glideRestUntil &&
			!prefersReducedMotion()
		) {
			if (this.from?.length !== shown.length) this.from = new Float32Array(shown.length);
			this.from.set(shown);
		} else this.from = null;
		this.tweenStart = this.glideFrameAt = now;
		if (snapshot && snapshot.featureDim === 2) {
			// Grow at once, shrink slowly: the plot should not breathe with every snapshot.
			const target = featureExtent(snapshot.features, 2);
			const next = target > this.extent ? target : this.extent + 0.08 * (target - this.extent);
			if (next !== this.extent) this.onExtent((this.extent = next));
		}
		this.regionRaster?.invalidate();
		this.dirty.raw = this.dirty.circle = this.dirty.regions = true;
		if (this.visible) this.queue.request(this.drawFrame);
		else this.draw(); // out of sight: only notes that it is stale
	}

	/**
	 * Follows the points canvases' CSS size (backing store = CSS size × devicePixelRatio). The
	 * regions canvas keeps its raster's size: CSS stretches it over the panel, smoothly.
	 */
	resize(): void {
		let changed = false;
		for (const c of [this.raw, this.circle]) {
			if (!c) continue;
			const size = c.parentElement?.clientWidth ?? PANEL;
			changed = fitCanvas(c, size, size) || changed;
		}
		if (changed) {
			this.dirty.raw = this.dirty.circle = this.dirty.regions = true;
			this.draw(true);
		}
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
		this.queue.cancel(this.drawFrame);
		if (this.hiddenTimer !== null) clearTimeout(this.hiddenTimer);
		this.hiddenTimer = null;
		this.observer?.disconnect();
		this.visibility?.disconnect();
		this.observer = this.visibility = null;
		inSight.delete(this);
		this.raw = this.circle = this.regions = null;
		this.regionRaster = null;
	}

	private context(c: HTMLCanvasElement): CanvasRenderingContext2D | null {
		const ctx = getContext2d(c);
		if (!ctx) return null;
		const scale = (c.width / PANEL) as number;
		ctx.setTransform(scale, 0, 0, scale, 0, 0);
		ctx.clearRect(0, 0, PANEL, PANEL);
		return ctx;
	}

	/** Draws now (`all`: every stale canvas, else the next in turn), or notes a hidden view stale. */
	private draw(all = false): void {
		if (!this.visible) {
			this.stale = true;
			this.hiddenTimer ??= setTimeout(() => {
				this.hiddenTimer = null;
				if (this.stale) this.render(true);
			}, HIDDEN_DRAW_MS);
			return;
		}
		this.render(all);
	}

	private render(all: boolean): void {
		this.stale = false;
		const s = this.snapshot;
		if (!s || s.featureDim !== 2 || !this.labels) {
			for (const c of [this.raw, this.circle, this.regions]) if (c) this.context(c);
			return;
		}
		const pos = this.tween(s.features);
		// Still gliding: both panels lag behind until the glide ends.
		if (pos !== s.features) this.dirty.raw = this.dirty.circle = true;
		for (let k = 0; k < LAYERS.length; k++) {
			const i = (this.turn + k) % LAYERS.length;
			const layer = LAYERS[i];
			if (!this.dirty[layer]) continue;
			this.drawLayer(layer, s, pos);
			this.dirty[layer] = layer !== 'regions' && pos !== s.features;
			this.turn = (i + 1) % LAYERS.length;
			if (!all) break;
		}
		if (LAYERS.some((l) => this.dirty[l])) this.queue.request(this.drawFrame);
	}

	/** One canvas: a panel's points at `pos`, or the raw panel's regions. */
	private drawLayer(layer: Layer, s: Snapshot, pos: Float32Array): void {
		if (layer === 'regions') {
			if (this.regions) this.regionRaster?.paint(this.regions, s, this.extent);
			return;
		}
		const canvas = layer === 'raw' ? this.raw : this.circle;
		const ctx = canvas && this.context(canvas);
		if (!ctx) return;
		paintPoints(ctx, pos, layer, {
			labels: this.labels!,
			split: this.split,
			trueLabels: this.trueLabels,
			extent: this.extent,
			classColor: classColors(this.snapshot?.weightClasses)
		});
	}

	/** Positions for this frame, eased from the previous ones; asks for the next frame while moving. */
	private tween(target: Float32Array): Float32Array {
		const now = performance.now();
		const t = Math.min(1, (now - this.tweenStart) / TWEEN_MS);
		if (this.from && now - this.glideFrameAt > SLOW_GLIDE_FRAME_MS) {
			this.glideRestUntil = now + GLIDE_REST_MS;
			this.from = null;
		}
		this.glideFrameAt = now;
		const from = this.from;
		if (!from || t >= 1) {
			this.shown = target;
			return target;
		}
		const e = t * (2 - t); // ease-out
		if (this.between?.length !== target.length) this.between = new Float32Array(target.length);
		const out = this.between;
		for (let i = 0; i < out.length; i++) out[i] = from[i] + (target[i] - from[i]) * e;
		this.shown = out;
		this.queue.request(this.drawFrame);
		return out;
	}
}
