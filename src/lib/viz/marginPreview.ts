/**
 * Geometry of the two-class margin preview: unit class weights Δ apart on a circle of radius
 * `radius` (px, centred at the origin), each class's region as an SVG sector, the weight
 * arrows with their label positions, and the margin wedge's angle and label position. Pure
 * (no DOM): the formulas come from src/lib/math, the component only draws.
 */
import {
	boundaryAngle2d,
	classArcs2d,
	marginBetweenBoundaries,
	type HeadKind
} from '../math/index';
import { polarPoint, sectorPath } from './polar';

/** One class weight: its angle (radians), arrow tip and label position (px). */
export interface PreviewWeight {
	angle: number;
	tip: [number, number];
	label: [number, number];
}

/** What the preview draws for one loss, margin and Δ. */
export interface MarginFigure {
	/** Class i's region as an SVG path ('' when the class owns no arc). */
	sectors: string[];
	weights: PreviewWeight[];
	/** θ₁, the boundary's angle from class 1's weight (null: undefined for this Δ). */
	theta1: number | null;
	/** The wedge no class owns (radians; null: undefined for this Δ). */
	margin: number | null;
	/** Where the wedge's angle is written; null when there is no wedge to label. */
	wedgeLabel: [number, number] | null;
}

/** Labels sit this far outside the circle (px). */
const LABEL_GAP = 22;
/** The wedge's label sits at this fraction of the radius, inside the grey wedge. */
const WEDGE_LABEL_AT = 0.62;

/**
 * The preview of loss `kind` with margin `m` (λ = 0) for weights `delta` radians apart,
 * symmetric about +x. A non-finite or out-of-range Δ gives no regions, no boundary and no
 * wedge (never a path through NaN); a wedge under 1e-9 rad is not labelled.
 */
export function marginFigure(
	kind: HeadKind,
	m: number,
	delta: number,
	radius: number
): MarginFigure {
	const opts = { m, lambda: 0 };
	const ok = Number.isFinite(delta) && delta > 0 && delta <= Math.PI;
	const angles = ok ? [-delta / 2, delta / 2] : [];
	const margin = ok ? marginBetweenBoundaries(kind, delta, opts) : null;
	return {
		sectors: classArcs2d(angles, kind, opts).map((a) =>
			a ? sectorPath(a.start, a.start + a.width, 0, radius) : ''
		),
		weights: angles.map((angle) => ({
			angle,
			tip: polarPoint(angle, radius),
			label: polarPoint(angle, radius + LABEL_GAP)
		})),
		theta1: ok ? boundaryAngle2d(kind, delta, opts) : null,
		margin,
		wedgeLabel: margin !== null && margin > 1e-9 ? polarPoint(0, radius * WEDGE_LABEL_AT) : null
	};
}
