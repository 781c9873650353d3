/**
 * The width of the "petals" that every paper of this family draws: how far the test features
 * of a class spread in angle around their class's direction (its weight W, or for the metric
 * losses, which have no weights, the class mean direction). One number for the whole run: a
 * percentile (default the 90th) of θ(x, W_y) over the test points of the seen classes, so a
 * few stragglers (the "max intra" angle's outliers) do not decide it, yet it still says how
 * wide the petals are, not only how wide their core is.
 */
import { quantileSorted } from './bootstrap';
import { SPLIT } from './split';
import { angleBetween } from './vec';

/** The percentile the page shows as the petal width. */
export const PETAL_QUANTILE = 0.9;

/** What `petalAngles` reads: features and the class directions, as a snapshot holds them. */
export interface PetalInput {
	/** [N·dim] features, dataset order. */
	features: ArrayLike<number>;
	dim: number;
	/** [N] data class and split (SPLIT.train, .test, .heldOut) of every point. */
	labels: ArrayLike<number>;
	split: ArrayLike<number>;
	/** [K·dim] class directions (need not be unit length), row k for data class `classes[k]`. */
	directions: ArrayLike<number>;
	/** [K] the data class of each row of `directions`. */
	classes: ArrayLike<number>;
	/** Which split to measure (default SPLIT.test). */
	which?: number;
}

/**
 * θ(x_i, W_{y_i}) in radians for every point of split `which` whose class has a direction
 * (a held-out class has none), unsorted. A point or direction that is zero, not finite or so
 * long that its squared length overflows has no usable angle and is left out (angleBetween
 * would call a zero vector 0° away, a perfect petal, which it is not).
 */
export function petalAngles(p: PetalInput): number[] {
	const { dim, features, labels, split, directions, classes } = p;
	const which = p.which ?? SPLIT.test;
	const rowOf = new Map<number, number>();
	for (let k = 0; k < classes.length; k++) rowOf.set(classes[k], k);
	const n = Math.min(labels.length, split.length, Math.floor(features.length / dim));
	const x = new Array<number>(dim);
	const w = new Array<number>(dim);
	const out: number[] = [];
	for (let i = 0; i < n; i++) {
		if (split[i] !== which) continue;
		const k = rowOf.get(labels[i]);
		if (k === undefined || (k + 1) * dim > directions.length) continue;
		let xx = 0;
		let ww = 0;
		for (let d = 0; d < dim; d++) {
			x[d] = features[i * dim + d];
			w[d] = directions[k * dim + d];
			xx += x[d] * x[d];
			ww += w[d] * w[d];
		}
		if (!(xx > 0 && ww > 0 && Number.isFinite(xx) && Number.isFinite(ww))) continue;
		out.push(angleBetween(x, w));
	}
	return out;
}

/**
 * The petal width: the q-quantile (default the 90th percentile, linearly interpolated) of
 * `petalAngles`, in radians; null when no point qualifies (an empty test split).
 */
export function petalWidth(p: PetalInput, q = PETAL_QUANTILE): number | null {
	const angles = petalAngles(p).sort((a, b) => a - b);
	return angles.length === 0 ? null : quantileSorted(angles, q);
}
