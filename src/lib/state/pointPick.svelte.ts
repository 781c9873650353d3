/**
 * The feature circle's picked point: which point the hover card shows, in which panel, where
 * the card sits, and whether a tap or the keyboard pinned it. Hover shows the card, a tap
 * pins it, a tap elsewhere or Escape lets go, the arrow keys on a focused panel step to the
 * nearest point in that direction, and a new data set drops the card.
 *
 * The card's arithmetic (viz/pointCard.ts with math/pointGradient and math/pointPair) is not
 * part of the page's first load: `load` imports it on the figure's first pointer, focus or
 * key, with the card's components (`views`, from the `loadViews` the figure passes: state
 * imports no component). Until then a pick is kept but no card is drawn (`card` and `views`
 * are null); once loaded, the card of the point still picked shows in its place.
 */
import type { Snapshot } from '$lib/model/snapshot';
import type { CardPlace } from '$lib/viz/cardPlace';
import type { FeatureCircleView } from '$lib/viz/featureCircleView';
import { PANEL } from '$lib/viz/featurePlot';
import type { ExtraHeadOptions } from '$lib/viz/pointCard';
import { ARROW_KEYS, nearestInDirection, pointInPanel } from '$lib/viz/pointNav';

export type Panel = 'raw' | 'circle';

/** What the figure reads the pick from (getters, so each is tracked on its own). */
export interface PickSource {
	readonly snapshot: Snapshot | null;
	readonly labels: Int32Array | null;
	readonly split: Uint8Array | null;
	readonly head: ExtraHeadOptions;
	/** The raw panel's half-width, as the view scales it. */
	readonly extent: number;
}

/** The point the card shows, its panel, and where the card sits (px in the figure). */
export interface Picked {
	index: number;
	panel: Panel;
	place: CardPlace | null;
	/** The data set it was picked in (a new data set drops the card). */
	version: number;
}

type CardCode = typeof import('$lib/viz/pointCard');

/** `V`: the card's components, as the figure's `loadViews` gives them. */
export class PointPick<V> {
	hovered = $state<Picked | null>(null);
	/** A tap (or the keyboard) pinned the card: pointer moves and leaving do not change it. */
	pinned = $state(false);
	/** The figure and its two panels' stacks (bound by the figure). */
	figureEl = $state<HTMLElement>();
	rawStack = $state<HTMLElement>();
	circleStack = $state<HTMLElement>();
	/** The card's components, once `load` brought them (with the code, `card` is set). */
	views = $state.raw<V | null>(null);
	/** The card's code, once `load` brought it. */
	private code = $state.raw<CardCode | null>(null);
	private loading: Promise<void> | null = null;

	/** Only the index feeds the card, so moving over the same point computes nothing again. */
	readonly hoveredIndex = $derived.by(() => {
		const h = this.hovered;
		return h && h.version === this.src.snapshot?.dataVersion ? h.index : -1;
	});
	readonly card = $derived.by(() => {
		const { snapshot, labels } = this.src;
		const code = this.code;
		return code && snapshot && labels && this.hoveredIndex >= 0 && snapshot.featureDim === 2
			? code.pointCard(snapshot, labels, this.src.split, this.hoveredIndex, this.src.head)
			: null;
	});
	/** Whether a card shows (a boolean, so the gain is not redone per hovered point). */
	private readonly hovering = $derived(this.hoveredIndex >= 0);
	/** The arrows' gain: once per snapshot while a card shows. */
	readonly gain = $derived.by(() => {
		const { snapshot, labels } = this.src;
		const code = this.code;
		return code && this.hovering && snapshot && labels && snapshot.featureDim === 2
			? code.arrowGain(snapshot, labels, this.src.split, this.src.extent, this.src.head)
			: 1;
	});

	constructor(
		private readonly src: PickSource,
		private readonly view: FeatureCircleView,
		private readonly loadViews: () => Promise<V>
	) {}

	/**
	 * Imports the card's code and components, once (again after a failed try); then places the
	 * card of the point picked meanwhile.
	 */
	load = (): void => {
		if (this.code || this.loading) return;
		this.loading = Promise.all([import('$lib/viz/pointCard'), this.loadViews()])
			.then(([code, views]) => {
				this.views = views;
				this.code = code;
				if (this.hovered && this.hoveredIndex >= 0)
					this.show(this.hovered.index, this.hovered.panel);
			})
			.catch(() => {
				// Offline with the chunk missing: no card, and the next pointer or key tries again.
				this.loading = null;
			});
	};

	/**
	 * For the card's place, in the figure's px: the point in `panel`, its twin in the other
	 * panel, then its overlay's marks; the figure's width and the page's visible part.
	 */
	private placeFor(index: number, panel: Panel): CardPlace | null {
		const { snapshot: s, labels, split, head, extent } = this.src;
		const { rawStack, circleStack, figureEl } = this;
		if (!s || !labels || !rawStack || !circleStack || !figureEl) return null;
		const outer = figureEl.getBoundingClientRect();
		const boxes = {
			raw: rawStack.getBoundingClientRect(),
			circle: circleStack.getBoundingClientRect()
		};
		const toFigure = (p: Panel, [px, py]: [number, number]): [number, number] => [
			boxes[p].left - outer.left + (px / PANEL) * boxes[p].width,
			boxes[p].top - outer.top + (py / PANEL) * boxes[p].height
		];
		const other: Panel = panel === 'raw' ? 'circle' : 'raw';
		const points = [panel, other].map((p) => toFigure(p, pointInPanel(s, index, p, extent)));
		const c = this.code?.pointCard(s, labels, split, index, head);
		if (c && this.code)
			for (const m of this.code.overlayMarks(s, c, index, extent, this.gain))
				points.push(toFigure(m.panel, m.at));
		return {
			points,
			width: outer.width,
			viewTop: -outer.top,
			viewBottom: visibleBottom() - outer.top,
			viewLeft: -outer.left,
			viewRight: document.documentElement.clientWidth - outer.left
		};
	}

	private show(index: number, panel: Panel): void {
		if (index < 0) {
			this.hovered = null;
			return;
		}
		// The point first, so the place is worked out with this point's arrow gain.
		const version = this.src.snapshot?.dataVersion ?? -1;
		this.hovered = { index, panel, place: null, version };
		this.hovered = { index, panel, place: this.placeFor(index, panel), version };
	}

	onPointer(panel: Panel, e: PointerEvent): void {
		const touch = e.pointerType !== 'mouse';
		if (this.pinned && e.type === 'pointermove') return;
		// A click lets a card pinned by the keyboard go, and hovers as usual.
		if (e.type === 'pointerdown' && !touch) this.pinned = false;
		const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
		const lx = ((e.clientX - box.left) / box.width) * PANEL;
		const ly = ((e.clientY - box.top) / box.height) * PANEL;
		const index = this.view.pick(panel, lx, ly, touch ? 18 : 10);
		const h = this.hovered;
		if (index === h?.index && h.panel === panel && !this.pinned) return;
		this.show(index, panel);
		// A tap pins the card on its point; a tap on no point lets go.
		if (e.type === 'pointerdown' && touch) this.pinned = index >= 0;
	}

	onLeave = (): void => {
		if (!this.pinned) this.hovered = null;
	};

	release(): void {
		this.pinned = false;
		this.hovered = null;
	}

	/** The arrow keys: the nearest point within 45° of the direction; Escape lets go. */
	onKey(panel: Panel, e: KeyboardEvent): void {
		if (e.key === 'Escape') {
			if (this.hovered) this.release();
			return;
		}
		const dir = ARROW_KEYS[e.key];
		const s = this.src.snapshot;
		if (!dir || !s || s.featureDim !== 2) return;
		e.preventDefault();
		const best = nearestInDirection(s, this.hoveredIndex, panel, this.src.extent, dir);
		if (best >= 0) {
			this.show(best, panel);
			this.pinned = true;
		}
	}

	/** A tap outside the figure lets a pinned card go; so does Escape anywhere. */
	onWindowPointer = (e: PointerEvent): void => {
		if (this.pinned && this.figureEl && !this.figureEl.contains(e.target as Node)) this.release();
	};
	onWindowKey = (e: KeyboardEvent): void => {
		if (e.key === 'Escape' && this.pinned) this.release();
	};
}

/**
 * The bottom of the page in view: the window's, or the top of the controls docked at the
 * bottom on a phone (the explorer's `[data-dock]` rows, fixed there), which hide what is
 * under them.
 */
function visibleBottom(): number {
	let bottom = window.innerHeight;
	for (const el of document.querySelectorAll<HTMLElement>('[data-dock]')) {
		if (getComputedStyle(el).position !== 'fixed') continue;
		const top = el.getBoundingClientRect().top;
		if (top > window.innerHeight / 2) bottom = Math.min(bottom, top);
	}
	return bottom;
}
