/**
 * What the feature-circle view draws, computed from a snapshot with the math core (no
 * DOM): the class weights' angles, each class's arc on the unit circle under the current
 * head, the margin wedges between neighbouring classes with their angles, and a stable
 * extent for the raw-feature plane.
 */
import { classArcs2d, nearestRival, type Arc } from '../math/circle';
import { polarAngle, wrapAngle } from '../math/vec';
import { isMetricLoss, type LossKind } from '../math/margins';
import type { HeadKind } from '../math/psi';
import type { Snapshot } from '../model/snapshot';
import { formatLambda } from '../math/lambda';
import { formatMargin } from './psiCurves';

/** An unowned wedge between the arcs of two neighbouring classes. */
export interface MarginWedge {
	/** Start angle (radians, counter-clockwise from +x) and angular width. */
	start: number;
	width: number;
	/** The classes on either side (clockwise one first). */
	between: [number, number];
	/** Angle from the first class's weight counter-clockwise to the second's (through the wedge). */
	delta: number;
	/**
	 * True when each side of the wedge is bounded by the other class (not a third one), so
	 * the two-class formulas apply, e.g. (m − 1)Δ/(m + 1) for A-Softmax at λ = 0.
	 */
	pairwise: boolean;
}

export interface CircleGeometry {
	/** Polar angle of each unit class weight. */
	weightAngles: number[];
	/** Each class's arc (null: the class wins nowhere); empty for softmax (not angular). */
	arcs: (Arc | null)[];
	/** The wedges the head enforces now (A-Softmax: at the snapshot's λ). */
	wedges: MarginWedge[];
	/**
	 * Where two neighbouring classes' arcs overlap: both win there with their margins. Only a
	 * negative margin does this (CosFace, ArcFace or the combined head's m2, m3 below 0).
	 */
	overlaps: MarginWedge[];
	/**
	 * A-Softmax trained with λ > 0 only: the nominal wedges of its m, at λ = 0. The λ blend
	 * (λ cos θ + ψ(θ))/(1 + λ) enforces less than m promises, so `wedges` are narrower than
	 * these. Empty otherwise (then the two coincide).
	 */
	nominal: MarginWedge[];
}

/**
 * The head's decision rule is angular (W normalised, no bias, regions are arcs) for every
 * head but softmax; the metric losses have no head (see `Snapshot.rule`).
 */
export function isAngular(kind: LossKind): kind is Exclude<HeadKind, 'softmax'> {
	return kind !== 'softmax' && !isMetricLoss(kind);
}

/** Class arcs and margin wedges on the unit circle for a 2D snapshot. */
export function circleGeometry(s: Snapshot): CircleGeometry {
	const weightAngles: number[] = [];
	for (let j = 0; j < s.numClasses; j++)
		weightAngles.push(polarAngle([s.weights[2 * j], s.weights[2 * j + 1]]));
	// Nearest mean direction is modified softmax's rule with the mean directions as weights.
	const kind = isAngular(s.lossKind)
		? s.lossKind
		: s.rule === 'nearestDirection'
			? 'modified'
			: null;
	// Sub-centers (K > 1): a class owns a union of arcs, one per sub-center, which the
	// one-arc-a-class layout below cannot say; draw no arcs rather than the dominant ones'.
	if (!kind || s.featureDim !== 2 || s.subCenters)
		return { weightAngles, arcs: [], wedges: [], nominal: [], overlaps: [] };
	const opts = { m: s.m, lambda: s.lambda, ...s.margins };
	const arcs = classArcs2d(weightAngles, kind, opts);
	const blended = kind === 'asoftmax' && s.lambda > 0;
	const nominal = blended
		? marginWedges(classArcs2d(weightAngles, kind, { ...opts, lambda: 0 }), weightAngles)
		: [];
	return {
		weightAngles,
		arcs,
		wedges: marginWedges(arcs, weightAngles),
		nominal,
		overlaps: arcOverlaps(arcs, weightAngles)
	};
}

/** Owned arcs with their class, in order of their start around the circle. */
function ownedArcs(arcs: readonly (Arc | null)[]): (Arc & { cls: number })[] {
	return arcs
		.map((a, i) => (a ? { ...a, cls: i } : null))
		.filter((a): a is Arc & { cls: number } => a !== null)
		.sort((a, b) => wrapAngle(a.start) - wrapAngle(b.start));
}

/** Whether arc b starts before arc a ends (they overlap), with the overlap's width. */
function overlapOf(a: Arc, b: Arc): number {
	if (a.width >= 2 * Math.PI - 1e-9 || b.width >= 2 * Math.PI - 1e-9) return 0;
	const d = wrapAngle(a.start + a.width - b.start);
	return d < Math.PI && d < a.width + b.width ? Math.min(d, b.width) : 0;
}

/**
 * The overlaps between consecutive owned arcs: where a negative margin lets both classes
 * win. Overlaps narrower than 0.05° (rounding) are dropped.
 */
export function arcOverlaps(
	arcs: readonly (Arc | null)[],
	weightAngles: readonly number[]
): MarginWedge[] {
	const owned = ownedArcs(arcs);
	const out: MarginWedge[] = [];
	if (owned.length < 2) return out;
	for (let k = 0; k < owned.length; k++) {
		const a = owned[k];
		const b = owned[(k + 1) % owned.length];
		const width = overlapOf(a, b);
		if (width < (0.05 * Math.PI) / 180) continue;
		const delta = wrapAngle(weightAngles[b.cls] - weightAngles[a.cls]);
		out.push({ start: wrapAngle(b.start), width, between: [a.cls, b.cls], delta, pairwise: true });
	}
	return out;
}

/**
 * The gaps between consecutive owned arcs around the circle, each with the two classes it
 * separates. Gaps narrower than 0.05° (rounding) are dropped.
 */
export function marginWedges(
	arcs: readonly (Arc | null)[],
	weightAngles: readonly number[]
): MarginWedge[] {
	const owned = ownedArcs(arcs);
	const wedges: MarginWedge[] = [];
	for (let k = 0; k < owned.length; k++) {
		const a = owned[k];
		const b = owned[(k + 1) % owned.length];
		if (owned.length < 2 && a === b && a.width >= 2 * Math.PI - 1e-9) break;
		if (a !== b && overlapOf(a, b) > 0) continue; // an overlap, not a wedge (arcOverlaps)
		const end = a.start + a.width;
		const width = wrapAngle(b.start - end);
		if (width < (0.05 * Math.PI) / 180 || width > 2 * Math.PI - 1e-9) continue;
		const delta = wrapAngle(weightAngles[b.cls] - weightAngles[a.cls]);
		const pairwise =
			nearestRival(weightAngles, a.cls, end) === b.cls &&
			nearestRival(weightAngles, b.cls, b.start) === a.cls;
		wedges.push({ start: wrapAngle(end), width, between: [a.cls, b.cls], delta, pairwise });
	}
	return wedges;
}

/**
 * A robust half-width for the raw-feature plane: the 98th percentile of feature norms,
 * padded, never zero. Views smooth it over time so the plot does not jitter.
 */
export function featureExtent(features: Float32Array, dim: number): number {
	const norms: number[] = [];
	for (let i = 0; i + dim <= features.length; i += dim) {
		let s = 0;
		for (let d = 0; d < dim; d++) s += features[i + d] ** 2;
		if (Number.isFinite(s)) norms.push(Math.sqrt(s));
	}
	if (norms.length === 0) return 1;
	norms.sort((a, b) => a - b);
	const p98 = norms[Math.min(norms.length - 1, Math.floor(norms.length * 0.98))];
	return Math.max(1e-3, p98 * 1.15);
}

/** The unit circle's caption: a string key and its parameters, by what the circle draws. */
export function circleCaption(
	s: Snapshot | null,
	g: CircleGeometry | null
): { key: CircleCaptionKey; params?: Record<string, string> } {
	if (!s) return { key: 'circle.waiting' };
	if (s.rule !== 'weights')
		return { key: s.rule === 'nearestDirection' ? 'circle.meansAngle' : 'circle.means' };
	if (!isAngular(s.lossKind)) return { key: 'circle.softmax' };
	if (s.subCenters) return { key: 'subcenters.caption' };
	if (g && g.nominal.length > 0)
		return {
			key: 'circle.lambdaWedges',
			params: { lambda: formatLambda(s.lambda), m: formatMargin(s.m) }
		};
	if (g && g.overlaps.length > 0) return { key: 'circle.overlap' };
	if (g && g.wedges.length > 0) return { key: 'circle.wedges' };
	if (g && g.arcs.length > 0 && g.arcs.every((a) => a === null)) return { key: 'circle.noOwner' };
	return { key: 'circle.bisectors' };
}

export type CircleCaptionKey =
	| 'circle.waiting'
	| 'circle.meansAngle'
	| 'circle.means'
	| 'circle.softmax'
	| 'subcenters.caption'
	| 'circle.lambdaWedges'
	| 'circle.overlap'
	| 'circle.wedges'
	| 'circle.noOwner'
	| 'circle.bisectors';
