/**
 * The feature circle's keyboard steps, without the DOM: where a data point sits in a panel,
 * the panel direction of each arrow key, and the point an arrow key moves to. Apart from
 * pointCard.ts (and re-exported there) because the figure loads with the page and needs
 * these at once, while the card's arithmetic loads only when first hovered, tapped or focused.
 */
import type { Snapshot } from '../model/snapshot';
import { PANEL, circlePosition, rawToPanel } from './featurePlot';

/** A data point's position in a panel (as the points are drawn). */
export function pointInPanel(
	s: Snapshot,
	i: number,
	panel: 'raw' | 'circle',
	extent: number
): [number, number] {
	const x = s.features[2 * i];
	const y = s.features[2 * i + 1];
	return panel === 'raw' ? rawToPanel(x, y, extent) : circlePosition(x, y, i);
}

/** The panel direction (y down) of each arrow key. */
export const ARROW_KEYS: Readonly<Record<string, [number, number]>> = {
	ArrowLeft: [-1, 0],
	ArrowRight: [1, 0],
	ArrowUp: [0, -1],
	ArrowDown: [0, 1]
};

/**
 * The point an arrow key moves to from point `from` (−1: from the panel's centre): the
 * nearest point of the panel within 45° of direction `dir` (panel units, y down); −1 if none.
 */
export function nearestInDirection(
	s: Snapshot,
	from: number,
	panel: 'raw' | 'circle',
	extent: number,
	dir: readonly [number, number]
): number {
	const n = Math.floor(s.features.length / 2);
	const [fx, fy] =
		from >= 0 && from < n ? pointInPanel(s, from, panel, extent) : [PANEL / 2, PANEL / 2];
	let best = -1;
	let bestD = Infinity;
	for (let i = 0; i < n; i++) {
		if (i === from) continue;
		const [x, y] = pointInPanel(s, i, panel, extent);
		const along = (x - fx) * dir[0] + (y - fy) * dir[1];
		const across = Math.abs((x - fx) * dir[1] - (y - fy) * dir[0]);
		const d = along * along + across * across;
		if (along > 0 && across <= along && d < bestD) [best, bestD] = [i, d];
	}
	return best;
}
