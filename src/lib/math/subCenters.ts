/**
 * Sub-centers (Deng et al., ECCV 2020, "Sub-center ArcFace"): each class j has K weights
 * w_j1…w_jK, stored as rows j·K + k of W, and the class's cosine is the largest of its
 * sub-centers' cosines, cos θ_j = max_k cos(x, ŵ_jk). The margin then applies to θ_y as
 * usual. Pure helpers: which heads have sub-centers, the nearest sub-center of a feature,
 * each class's dominant sub-center (the one most of its training points are nearest to),
 * and the paper's claim as two shares (noisy vs clean points away from the dominant one).
 */
import { angleBetween, type Vec } from './vec';
import { isMetricLoss, type LossKind } from './margins';

/**
 * The sub-centers a loss actually uses: K for the angular heads, 1 for softmax and the
 * metric losses (they have no normalised class weights to take a maximum over).
 */
export function subCentersFor(loss: LossKind, k: number): number {
	if (loss === 'softmax' || isMetricLoss(loss)) return 1;
	return Number.isInteger(k) && k >= 1 ? k : 1;
}

/**
 * For one feature x and weights W [C·K] rows: each class's nearest sub-center (smallest
 * angle, the first on a tie, as tf.argMax), and those rows, one a class.
 */
export function nearestSubCenterRows(
	x: Vec,
	W: readonly Vec[],
	k: number
): { index: number[]; rows: Vec[] } {
	const classes = Math.floor(W.length / k);
	const index: number[] = [];
	const rows: Vec[] = [];
	for (let j = 0; j < classes; j++) {
		let best = 0;
		let bestAngle = Infinity;
		for (let s = 0; s < k; s++) {
			const a = angleBetween(x, W[j * k + s]);
			if (a < bestAngle) {
				bestAngle = a;
				best = s;
			}
		}
		index.push(best);
		rows.push(W[j * k + best]);
	}
	return { index, rows };
}

/**
 * Per point, the sub-center (0…K−1) of class `rows[i]` with the largest cosine, from the
 * cosines [N, C·K] of every point against every unit sub-center; −1 where `rows[i]` < 0
 * (no class to look in: test points, held-out classes).
 */
export function nearestSubCenter(
	cos: ArrayLike<number>,
	rows: ArrayLike<number>,
	classes: number,
	k: number
): Int8Array {
	const out = new Int8Array(rows.length).fill(-1);
	for (let i = 0; i < rows.length; i++) {
		const r = rows[i];
		if (r < 0 || r >= classes) continue;
		const base = i * classes * k + r * k;
		let best = 0;
		for (let s = 1; s < k; s++) if (cos[base + s] > cos[base + best]) best = s;
		out[i] = best;
	}
	return out;
}

/**
 * Each class's dominant sub-center: the one most of its points are nearest to (`subOf`,
 * with `rows` the class of each point; −1 entries are skipped). A tie goes to the lower
 * index; a class without points gets 0.
 */
export function dominantSubCenters(
	subOf: ArrayLike<number>,
	rows: ArrayLike<number>,
	classes: number,
	k: number
): Int32Array {
	const counts = new Int32Array(classes * k);
	for (let i = 0; i < subOf.length; i++) {
		const r = rows[i];
		if (subOf[i] < 0 || r < 0 || r >= classes) continue;
		counts[r * k + subOf[i]]++;
	}
	const out = new Int32Array(classes);
	for (let j = 0; j < classes; j++) {
		let best = 0;
		for (let s = 1; s < k; s++) if (counts[j * k + s] > counts[j * k + best]) best = s;
		out[j] = best;
	}
	return out;
}

/** The paper's claim, measured: how often noisy and clean training points sit away from their class's dominant sub-center. */
export interface SubCenterShares {
	/** Share of flipped training points whose nearest sub-center is not their label's dominant one; null without flipped points. */
	noisy: number | null;
	/** The same share for the clean (unflipped) training points; null without them. */
	clean: number | null;
	/** How many flipped and clean training points were counted. */
	noisyCount: number;
	cleanCount: number;
}

/**
 * The share of flipped and of clean training points away from their (training) label's
 * dominant sub-center. `subOf` −1 marks points not counted (test points, held-out classes);
 * `flipped[i]` nonzero marks a flipped label.
 */
export function subCenterShares(
	subOf: ArrayLike<number>,
	rows: ArrayLike<number>,
	dominant: ArrayLike<number>,
	flipped: ArrayLike<number | boolean>
): SubCenterShares {
	let noisyAway = 0;
	let noisyCount = 0;
	let cleanAway = 0;
	let cleanCount = 0;
	for (let i = 0; i < subOf.length; i++) {
		if (subOf[i] < 0 || rows[i] < 0) continue;
		const away = subOf[i] !== dominant[rows[i]];
		if (flipped[i]) {
			noisyCount++;
			if (away) noisyAway++;
		} else {
			cleanCount++;
			if (away) cleanAway++;
		}
	}
	return {
		noisy: noisyCount > 0 ? noisyAway / noisyCount : null,
		clean: cleanCount > 0 ? cleanAway / cleanCount : null,
		noisyCount,
		cleanCount
	};
}

/**
 * Each class's nearest sub-center to x, from sub-centers stored flat ([C·K·dim], row j·K + k):
 * the one row a class that decides every logit (and its gradient in x) at this feature.
 */
export function nearestSubCenterWeights(
	x: Vec,
	flat: ArrayLike<number>,
	dim: number,
	k: number
): Vec[] {
	const rows = Array.from({ length: Math.floor(flat.length / dim) }, (_, r) =>
		Array.from({ length: dim }, (_, d) => flat[r * dim + d])
	);
	return nearestSubCenterRows(x, rows, k).rows;
}
