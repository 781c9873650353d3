/**
 * What a snapshot says about sub-centers (K > 1, Deng et al. 2020): the class cosines as
 * the max over each class's K sub-centers for prediction, each training point's nearest
 * sub-center within its own (training-label) class, each class's dominant sub-center (the
 * one most of its training points are nearest to), and, with label noise, how often flipped
 * and clean points sit away from the dominant one. The snapshot's `weights` stay one row a
 * class, the dominant sub-center's, so every view that draws one arrow a class keeps working.
 */
import { tf } from './tf';
import type { Dataset } from '../math/datasets';
import { dominantSubCenters, subCenterShares } from '../math/subCenters';
import type { SubCenterReadout } from './snapshot';

/** Each class's score from its sub-centers' [N, C·K]: the largest (no gradient needed here). */
export function maxOverSubCenters(t: tf.Tensor, classes: number, k: number): tf.Tensor2D {
	if (k === 1) return t as tf.Tensor2D;
	return tf.max(tf.reshape(t, [t.shape[0] as number, classes, k]), 2) as tf.Tensor2D;
}

/**
 * Per point [N], the index (as float) of the sub-center of class `rows[i]` nearest to its
 * feature f [N, D], given the unit sub-centers wHat [C·K, D]; 0 where rows[i] < 0 (the
 * caller marks those). f·ŵ ranks a class's sub-centers as the cosine does (‖f‖ ≥ 0).
 */
export function ownSubCenter(
	f: tf.Tensor2D,
	wHat: tf.Tensor2D,
	rows: Int32Array,
	classes: number,
	k: number
): tf.Tensor1D {
	return tf.tidy(() => {
		const n = f.shape[0];
		const scores = tf.reshape(tf.matMul(f, wHat, false, true), [n, classes, k]);
		const best = tf.cast(tf.argMax(scores, 2), 'float32'); // [N, C]
		// −1 rows become row 0 here; their entries are overwritten by the caller.
		const own = tf.cast(
			tf.oneHot(
				tf.tensor1d(
					rows.map((r) => Math.max(r, 0)),
					'int32'
				),
				classes
			),
			'float32'
		);
		return tf.sum(tf.mul(best, own), 1) as tf.Tensor1D;
	});
}

/**
 * The snapshot's one-row-a-class weights and norms (each class's dominant sub-center) and
 * the sub-center readout, from host copies of the unit sub-centers [C·K·D], their norms
 * [C·K], the nearest-own-sub-center index of every point [N] and the points' classifier rows
 * (−1 for all but the training points of seen classes).
 */
export function readSubCenters(args: {
	wHat: Float32Array;
	norms: Float32Array;
	nearest: Float32Array;
	rows: Int32Array;
	classes: number;
	k: number;
	dim: number;
	dataset: Dataset;
}): { weights: Float32Array; weightNorms: Float32Array; readout: SubCenterReadout } {
	const { wHat, norms, nearest, rows, classes, k, dim, dataset } = args;
	const subOf = Int8Array.from(nearest, (v, i) => (rows[i] >= 0 ? Math.round(v) : -1));
	const dominant = dominantSubCenters(subOf, rows, classes, k);
	const weights = new Float32Array(classes * dim);
	const weightNorms = new Float32Array(classes);
	for (let j = 0; j < classes; j++) {
		const row = j * k + dominant[j];
		weights.set(wHat.subarray(row * dim, (row + 1) * dim), j * dim);
		weightNorms[j] = norms[row];
	}
	const truth = dataset.trueLabels;
	const flipped = truth
		? Uint8Array.from(dataset.labels, (l, i) => (truth[i] !== l ? 1 : 0))
		: null;
	return {
		weights,
		weightNorms,
		readout: {
			k,
			subWeights: wHat,
			dominant,
			subOf,
			shares:
				flipped && flipped.some((v) => v) ? subCenterShares(subOf, rows, dominant, flipped) : null
		}
	};
}
