/**
 * The nearest-class-mean rule: how SphereLab classifies with the metric losses (contrastive,
 * triplet, center), which learn features but no class weights. The class means come from the
 * training split's features; a point belongs to the class whose mean is nearest, by Euclidean
 * distance, or by angle when the loss trains unit-length features (then the means are the
 * mean directions and distance is the chord ‖û − m̂‖², a monotone function of the angle).
 */

export interface MeanRule {
	/** Feature dimension. */
	dim: number;
	/** [K·dim] the class means in the compared space (unit directions when `unit`); 0 if empty. */
	means: Float32Array;
	/** [K] whether class k had training points (a class without any is never predicted). */
	present: Uint8Array;
	/** Compare directions (unit features) rather than points. */
	unit: boolean;
	/**
	 * The confidence temperature: the mean squared distance of the training points to their own
	 * class mean (so confidence means the same whatever scale the features have).
	 */
	tau: number;
}

/** Floor of τ: a collapsed class (every point on its mean) still gives finite confidence. */
const MIN_TAU = 1e-9;

/** u = x (or x/‖x‖ when unit; the zero vector stays zero) written into `out`. */
function point(
	f: ArrayLike<number>,
	i: number,
	dim: number,
	unit: boolean,
	out: Float64Array
): void {
	let n2 = 0;
	for (let j = 0; j < dim; j++) {
		out[j] = f[i * dim + j];
		n2 += out[j] * out[j];
	}
	if (!unit) return;
	const r = Math.sqrt(n2);
	for (let j = 0; j < dim; j++) out[j] = r > 0 ? out[j] / r : 0;
}

function sqDist(u: Float64Array, means: Float32Array, k: number, dim: number): number {
	let d = 0;
	for (let j = 0; j < dim; j++) {
		const t = u[j] - means[k * dim + j];
		d += t * t;
	}
	return d;
}

/**
 * The rule from features [N·dim] and rows [N] (the class row of each point, −1 for points that
 * do not count, e.g. test or held-out ones) for `numRows` classes.
 */
export function fitMeanRule(
	features: ArrayLike<number>,
	dim: number,
	rows: ArrayLike<number>,
	numRows: number,
	unit: boolean
): MeanRule {
	const sums = new Float64Array(numRows * dim);
	const counts = new Float64Array(numRows);
	const u = new Float64Array(dim);
	for (let i = 0; i < rows.length; i++) {
		const k = rows[i];
		if (!(k >= 0 && k < numRows)) continue;
		point(features, i, dim, unit, u);
		if (!u.every(Number.isFinite)) continue;
		counts[k]++;
		for (let j = 0; j < dim; j++) sums[k * dim + j] += u[j];
	}
	const means = new Float32Array(numRows * dim);
	const present = new Uint8Array(numRows);
	for (let k = 0; k < numRows; k++) {
		if (counts[k] === 0) continue;
		present[k] = 1;
		// The mean, or for unit features the mean direction (the sum's direction).
		let n2 = 0;
		for (let j = 0; j < dim; j++) n2 += sums[k * dim + j] ** 2;
		const scale = unit ? (n2 > 0 ? 1 / Math.sqrt(n2) : 0) : 1 / counts[k];
		for (let j = 0; j < dim; j++) means[k * dim + j] = sums[k * dim + j] * scale;
	}
	// τ: mean squared distance of the counted points to their own mean.
	let spread = 0;
	let n = 0;
	for (let i = 0; i < rows.length; i++) {
		const k = rows[i];
		if (!(k >= 0 && k < numRows) || !present[k]) continue;
		point(features, i, dim, unit, u);
		const d = sqDist(u, means, k, dim);
		if (!Number.isFinite(d)) continue;
		spread += d;
		n++;
	}
	const tau = Math.max(MIN_TAU, n > 0 ? spread / n : 1);
	return { dim, means, present, unit, tau };
}

/**
 * The nearest mean's row of each point of features [N·dim], and the confidence
 * softmax_k(−‖u − m_k‖²/τ) of that row. Non-finite points get row 0 and confidence 0.
 */
export function applyMeanRule(
	rule: MeanRule,
	features: ArrayLike<number>
): { rows: Int32Array; confidence: Float32Array } {
	const { dim, means, present, unit, tau } = rule;
	const numRows = present.length;
	const n = dim > 0 ? Math.floor(features.length / dim) : 0;
	const rows = new Int32Array(n);
	const confidence = new Float32Array(n);
	const u = new Float64Array(dim);
	const d = new Float64Array(numRows);
	for (let i = 0; i < n; i++) {
		point(features, i, dim, unit, u);
		let best = -1;
		for (let k = 0; k < numRows; k++) {
			d[k] = present[k] ? sqDist(u, means, k, dim) : Infinity;
			if (Number.isFinite(d[k]) && (best < 0 || d[k] < d[best])) best = k;
		}
		if (best < 0) continue;
		let z = 0;
		for (let k = 0; k < numRows; k++)
			z += Number.isFinite(d[k]) ? Math.exp((d[best] - d[k]) / tau) : 0;
		rows[i] = best;
		confidence[i] = 1 / z;
	}
	return { rows, confidence };
}
