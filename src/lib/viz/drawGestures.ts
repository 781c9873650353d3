/**
 * Pointer gestures of the draw mode on a view's element (mouse, pen and touch through
 * Pointer Events): a click or tap adds a point, a drag paints points along the way (spaced
 * and throttled), a right-click or a long press removes the nearest point within a few
 * pixels. Positions are handed on in input coordinates; what an edit does is the caller's.
 */
import type { Vec2 } from '../math/vec';

/** Where the gestures happen: maps pointer positions to input coordinates. */
export interface DrawSurface {
	/** Input coordinates under the pointer, or null outside the plot. */
	inputAt(clientX: number, clientY: number): Vec2 | null;
	/** Input units per CSS pixel (the plot is square: one scale for both axes). */
	readonly unitsPerPixel: number;
}

/** What the gestures do. */
export interface DrawActions {
	/** A stroke starts: the points it adds are one undo step. */
	begin(): void;
	add(p: Vec2): void;
	/** Remove the point nearest `p` within `radius` input units, if there is one. */
	remove(p: Vec2, radius: number): void;
}

/** A drag paints a new point once the pointer is this many px from the last one… */
export const PAINT_SPACING_PX = 14;
/** …and at least this many ms after it. */
export const PAINT_INTERVAL_MS = 40;
/** A touch held this long without moving removes the nearest point. */
export const LONG_PRESS_MS = 500;
/** A touch that moves farther than this is a drag, not a tap or long press. */
export const TAP_SLOP_PX = 8;
/** Removal reaches this far from the pointer (px); a finger covers more than a mouse. */
export const REMOVE_RADIUS_PX = { mouse: 8, touch: 16 };

/** Pure: whether a drag `movedPx` from the last painted point, `elapsedMs` after it, paints another. */
export function shouldPaint(movedPx: number, elapsedMs: number): boolean {
	return movedPx >= PAINT_SPACING_PX && elapsedMs >= PAINT_INTERVAL_MS;
}

/** One pointer held down on the surface. */
interface Press {
	id: number;
	touch: boolean;
	/** Where it went down (client px) and its input coordinates there. */
	x: number;
	y: number;
	at: Vec2;
	/** The last painted point (client px) and when. */
	lastX: number;
	lastY: number;
	lastT: number;
	painting: boolean;
	/** A long press already removed a point: the release adds nothing. */
	done: boolean;
	timer: ReturnType<typeof setTimeout> | null;
}

export class DrawGestures {
	private press: Press | null = null;

	constructor(
		private readonly el: HTMLElement,
		private readonly surface: DrawSurface,
		private readonly actions: DrawActions
	) {
		el.addEventListener('pointerdown', this.down);
		el.addEventListener('pointermove', this.move);
		el.addEventListener('pointerup', this.up);
		el.addEventListener('pointercancel', this.cancel);
		el.addEventListener('contextmenu', this.menu);
	}

	/** Removes the listeners and any pending long press. */
	dispose(): void {
		this.cancel();
		this.el.removeEventListener('pointerdown', this.down);
		this.el.removeEventListener('pointermove', this.move);
		this.el.removeEventListener('pointerup', this.up);
		this.el.removeEventListener('pointercancel', this.cancel);
		this.el.removeEventListener('contextmenu', this.menu);
	}

	private readonly down = (e: PointerEvent): void => {
		const at = this.surface.inputAt(e.clientX, e.clientY);
		if (!at || this.press) return;
		const touch = e.pointerType === 'touch';
		if (e.button === 2) {
			e.preventDefault();
			this.actions.remove(at, this.radius(false));
			return;
		}
		if (e.button !== 0) return;
		e.preventDefault();
		this.el.setPointerCapture?.(e.pointerId);
		const press: Press = {
			id: e.pointerId,
			touch,
			x: e.clientX,
			y: e.clientY,
			at,
			lastX: e.clientX,
			lastY: e.clientY,
			lastT: e.timeStamp,
			painting: false,
			done: false,
			timer: null
		};
		this.press = press;
		if (touch) {
			// A touch waits: a tap adds, a drag paints, a long press removes.
			press.timer = setTimeout(() => {
				press.timer = null;
				if (this.press !== press || press.painting) return;
				press.done = true;
				this.actions.remove(press.at, this.radius(true));
			}, LONG_PRESS_MS);
		} else this.startPainting(press);
	};

	private readonly move = (e: PointerEvent): void => {
		const press = this.press;
		if (!press || e.pointerId !== press.id || press.done) return;
		if (!press.painting) {
			if (Math.hypot(e.clientX - press.x, e.clientY - press.y) <= TAP_SLOP_PX) return;
			this.startPainting(press);
		}
		const moved = Math.hypot(e.clientX - press.lastX, e.clientY - press.lastY);
		if (!shouldPaint(moved, e.timeStamp - press.lastT)) return;
		const p = this.surface.inputAt(e.clientX, e.clientY);
		if (!p) return;
		[press.lastX, press.lastY, press.lastT] = [e.clientX, e.clientY, e.timeStamp];
		this.actions.add(p);
	};

	private readonly up = (e: PointerEvent): void => {
		const press = this.press;
		if (!press || e.pointerId !== press.id) return;
		// A tap: neither a drag nor a long press.
		if (!press.painting && !press.done) this.startPainting(press);
		this.cancel();
	};

	private readonly cancel = (): void => {
		if (this.press?.timer) clearTimeout(this.press.timer);
		this.press = null;
	};

	/** Right-click removes (on pointerdown); a long press must not open the menu either. */
	private readonly menu = (e: Event): void => e.preventDefault();

	/** The stroke begins with a point where the pointer went down. */
	private startPainting(press: Press): void {
		if (press.timer) clearTimeout(press.timer);
		press.timer = null;
		press.painting = true;
		this.actions.begin();
		this.actions.add(press.at);
	}

	private radius(touch: boolean): number {
		const px = touch ? REMOVE_RADIUS_PX.touch : REMOVE_RADIUS_PX.mouse;
		return px * this.surface.unitsPerPixel;
	}
}
