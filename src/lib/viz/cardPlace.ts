/**
 * Where the feature circle's hover card goes, without the DOM: beside, above or below the
 * point, in view, and clear of the point, its twin in the other panel and its overlay's
 * marks when it can be. The component measures the card and the figure; this chooses.
 */

/**
 * What the hover card's place is chosen from, in the figure's px: the point in its panel,
 * its twin in the other panel, then its overlay's marks; the figure's width; and the part
 * of the page in view (its top, bottom, left and right edges, in the figure's px).
 */
export interface CardPlace {
	points: [number, number][];
	width: number;
	viewTop: number;
	viewBottom: number;
	viewLeft: number;
	viewRight: number;
}

/** Space between the card and the point (px). */
const CARD_GAP = 16;
/** How near a mark may come to the card's edge and still count as uncovered (px). */
const CARD_CLEARANCE = 12;

/**
 * Where a w × h card goes (its top-left corner, px in the figure): right of the point, left
 * of it, above it, below it, or beside the figure, the first that is in view and covers
 * none of `place.points` (the point, its twin in the other panel, its arrows and pair
 * marks); else the first in view that spares the point and its twin; else the point alone;
 * else below it.
 */
export function cardPosition(
	place: CardPlace,
	w: number,
	h: number
): { left: number; top: number } {
	const gap = CARD_GAP;
	const [x, y] = place.points[0] ?? [0, 0];
	const top0 = Math.max(0, place.viewTop);
	const clampX = (left: number) => Math.min(Math.max(0, left), Math.max(0, place.width - w));
	const side = Math.max(top0, Math.min(y - h / 2, place.viewBottom - h));
	const candidates = [
		{ left: x + gap, top: side },
		{ left: x - gap - w, top: side },
		{ left: clampX(x - w / 2), top: y - gap - h },
		{ left: clampX(x - w / 2), top: y + gap },
		{ left: place.width + 8, top: side },
		{ left: -w - 8, top: side }
	].filter((c) => c.left >= place.viewLeft && c.left + w <= place.viewRight && c.top >= 0);
	const covers = (c: { left: number; top: number }, [px, py]: [number, number]) =>
		px > c.left - CARD_CLEARANCE &&
		px < c.left + w + CARD_CLEARANCE &&
		py > c.top - CARD_CLEARANCE &&
		py < c.top + h + CARD_CLEARANCE;
	const spares = (c: { left: number; top: number }, k: number) =>
		place.points.slice(0, k).every((p) => !covers(c, p));
	const inView = (c: { top: number }) => c.top >= top0 && c.top + h <= place.viewBottom;
	return (
		candidates.find((c) => inView(c) && spares(c, place.points.length)) ??
		candidates.find((c) => inView(c) && spares(c, 2)) ??
		candidates.find((c) => inView(c) && spares(c, 1)) ??
		candidates.find((c) => spares(c, 1)) ?? { left: clampX(x - w / 2), top: y + gap }
	);
}
