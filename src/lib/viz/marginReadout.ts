/**
 * "The margin you see is the margin that trains": A-Softmax trained with SphereFace's λ blend,
 * target (λ cos θ + ψ(θ))/(1 + λ), enforces a much narrower wedge between two classes than its
 * m promises at λ = 0. For the closest pair of class weights of a snapshot (any feature
 * dimension: the wedge lies on the great circle through the two), this gives both wedges,
 * from `marginBetweenBoundaries`, for the feature views' readout.
 */
import { angleBetween } from '../math/vec';
import { marginBetweenBoundaries } from '../math/boundary';
import type { Snapshot } from '../model/snapshot';

/** The nominal and the effective wedge between the closest two class weights. */
export interface LambdaMargin {
	/** Classifier rows of the two weights (their data classes: `Snapshot.weightClasses`). */
	rows: [number, number];
	/** Angle between the two weights (radians). */
	delta: number;
	/** The wedge at λ = 0, (m − 1)Δ/(m + 1) for integer m (radians). */
	nominal: number;
	/** The wedge at the snapshot's λ, the one training enforces now (radians). */
	effective: number;
	m: number;
	lambda: number;
}

/** Row j of a [K·dim] weight array. */
function row(w: Float32Array, dim: number, j: number): number[] {
	return Array.from(w.subarray(j * dim, (j + 1) * dim));
}

/**
 * The closest pair of class weights and its wedges, for A-Softmax with λ > 0 (a classifier with
 * weights, at least two classes); null otherwise, and when the closest weights coincide (no
 * wedge between them to speak of).
 */
export function lambdaMargin(s: Snapshot): LambdaMargin | null {
	if (s.lossKind !== 'asoftmax' || s.rule !== 'weights' || !(s.lambda > 0)) return null;
	const dim = s.featureDim;
	let best: LambdaMargin['rows'] | null = null;
	let delta = Infinity;
	for (let i = 0; i < s.numClasses; i++) {
		const wi = row(s.weights, dim, i);
		for (let j = i + 1; j < s.numClasses; j++) {
			const a = angleBetween(wi, row(s.weights, dim, j));
			if (a < delta) [delta, best] = [a, [i, j]];
		}
	}
	if (!best) return null;
	const nominal = marginBetweenBoundaries('asoftmax', delta, { m: s.m, lambda: 0 });
	const effective = marginBetweenBoundaries('asoftmax', delta, { m: s.m, lambda: s.lambda });
	if (nominal === null || effective === null) return null;
	return { rows: best, delta, nominal, effective, m: s.m, lambda: s.lambda };
}
