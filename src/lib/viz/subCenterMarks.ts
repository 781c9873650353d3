/**
 * The feature circle's extra arrows for sub-centers (K > 1, Deng et al. 2020), without the
 * DOM: every sub-center of a class but its dominant one (which `classMarks` draws as the
 * class's arrow), placed as the class arrows are, in the panel's 400 × 400 user units.
 */
import type { Snapshot } from '../model/snapshot';
import { CIRCLE_R, PANEL, rawToPanel } from './featurePlot';
import { ARROW_REACH } from './featureLabels';

const C = PANEL / 2;

/** One non-dominant sub-center's arrow. */
export interface SubCenterMark {
	/** Classifier row (class) of the sub-center. */
	row: number;
	/** Its index k within the class (never the dominant one). */
	sub: number;
	/** The arrow's tip, panel units. */
	tip: [number, number];
}

/**
 * The non-dominant sub-centers of a 2D snapshot as arrows from the panel's centre: on the
 * raw panel as long as the class arrows of the angular heads (0.8 of the half-width), on
 * the unit circle to just past the rim. Empty without sub-centers or for 3D features.
 */
export function subCenterMarks(
	panel: 'raw' | 'circle',
	s: Snapshot | null,
	extent: number
): SubCenterMark[] {
	const sub = s?.subCenters;
	if (!s || !sub || s.featureDim !== 2) return [];
	const marks: SubCenterMark[] = [];
	for (let j = 0; j < s.numClasses; j++) {
		for (let k = 0; k < sub.k; k++) {
			if (k === sub.dominant[j]) continue;
			const r = j * sub.k + k;
			const ux = sub.subWeights[2 * r];
			const uy = sub.subWeights[2 * r + 1];
			const tip: [number, number] =
				panel === 'raw'
					? rawToPanel(ux * extent * 0.8, uy * extent * 0.8, extent)
					: [C + ux * CIRCLE_R * ARROW_REACH, C - uy * CIRCLE_R * ARROW_REACH];
			if (Number.isFinite(tip[0]) && Number.isFinite(tip[1])) marks.push({ row: j, sub: k, tip });
		}
	}
	return marks;
}
