/**
 * What the geometry readouts' views draw, without the DOM: the numbers as written, which
 * least-energy arrangement the energy is compared with, the trajectory of each readout over
 * a run's history, and the faint spokes of the least-energy arrangement on the feature
 * circle. The math is src/lib/math/geometry.ts.
 */
import { fittedArrangement } from '../math/geometry';
import type { Snapshot } from '../model/snapshot';
import type { HistoryGeometry, HistoryPoint } from './history';
import { CIRCLE_R, PANEL } from './featurePlot';

/** A readout as the page writes it: fixed decimals, a true minus sign, "—" for none. */
export function formatReadout(v: number | null | undefined, digits = 2): string {
	if (v === null || v === undefined || !Number.isFinite(v)) return '—';
	const s = Math.abs(v) < 0.5 * 10 ** -digits ? (0).toFixed(digits) : v.toFixed(digits);
	return s.replace('-', '−');
}

/**
 * Which least-energy arrangement `count` directions in `dim` dimensions are compared with:
 * the regular simplex when count ≤ dim + 1, C evenly spaced directions on the circle, or
 * none (3D and more with more than dim + 1 directions: no closed form).
 */
export function referenceKind(count: number, dim: number): 'simplex' | 'polygon' | 'none' {
	if (count >= 2 && count <= dim + 1) return 'simplex';
	return dim === 2 && count >= 2 ? 'polygon' : 'none';
}

/** The readouts the trajectory charts plot. */
export type GeometryMetric = 'alignment' | 'uniformity' | 'energy';

/**
 * One readout per step it was computed at, in step order: the history repeats a readout on
 * every point until the next one (the worker computes them a few times a second), so a
 * repeat of the previous readout's step is left out.
 */
export function geometryTrack(points: readonly HistoryPoint[]): HistoryGeometry[] {
	const out: HistoryGeometry[] = [];
	for (const p of points) {
		const g = p.geometry;
		if (!g) continue;
		const last = out.at(-1);
		if (last && g.step <= last.step) {
			if (g.step === last.step) continue;
			out.length = 0; // a lower step: a new run
		}
		out.push(g);
	}
	return out;
}

/** [step, value] of one readout along a track, leaving out the steps where it is null. */
export function metricPoints(
	track: readonly HistoryGeometry[],
	metric: GeometryMetric
): [number, number][] {
	const out: [number, number][] = [];
	for (const g of track) {
		const v = g[metric];
		if (v !== null && Number.isFinite(v)) out.push([g.step, v]);
	}
	return out;
}

/**
 * Above this many classes the spokes are not drawn: the circle would be a hatching of dashed
 * lines (the identities data sets have up to hundreds of classes).
 */
export const MAX_SPOKE_CLASSES = 12;

/**
 * The ends (panel px, on the rim) of the least-energy arrangement's spokes on the projected
 * panel: C evenly spaced directions turned to lie closest to the class directions (the unit
 * weights, or the class mean directions), one per class row. Empty without a 2D snapshot,
 * with more than MAX_SPOKE_CLASSES classes, or when a class has no direction.
 */
export function arrangementSpokes(
	s: Pick<Snapshot, 'featureDim' | 'numClasses' | 'weights'> | null
): [number, number][] {
	if (!s || s.featureDim !== 2 || s.numClasses < 2 || s.numClasses > MAX_SPOKE_CLASSES) return [];
	const fit = fittedArrangement(s.weights.subarray(0, 2 * s.numClasses), 2);
	if (!fit) return [];
	const C = PANEL / 2;
	return fit.map(([x, y]) => [C + x * CIRCLE_R, C - y * CIRCLE_R]);
}
