/**
 * The points furthest from their own class direction: for each seen class, its test points
 * ranked by the angle θ between their feature and their class weight W (largest first), with
 * the class the model predicts. The digit view shows them as a strip of images: the digits
 * the margin has not yet pulled into their cone. Pure TypeScript, any feature dimension.
 */

/** One point of a strip. */
export interface OffAnglePoint {
	/** Row in the data set. */
	index: number;
	/** Angle to its own class weight, in degrees. */
	angleDeg: number;
	/** The predicted data class. */
	predicted: number;
}

export interface OffAngleInput {
	/** [N·D] features. */
	features: ArrayLike<number>;
	featureDim: number;
	/** [K·D] class weights, row k for data class weightClasses[k]. */
	weights: ArrayLike<number>;
	weightClasses: ArrayLike<number>;
	/** [N] predicted data classes. */
	predictions: ArrayLike<number>;
	/** [N] data classes. */
	labels: ArrayLike<number>;
	/** [N] 0 train, 1 test, 2 held out. */
	split: ArrayLike<number>;
}

/**
 * For every seen class (in head order), up to `perClass` of its points in `which` split
 * (test by default) with the largest angle to its class weight. Non-finite features are
 * skipped; a class with no such points gets an empty list.
 */
export function offAnglePoints(
	s: OffAngleInput,
	perClass: number,
	which = 1
): { cls: number; points: OffAnglePoint[] }[] {
	const D = s.featureDim;
	const rowOf = new Map<number, number>();
	for (let k = 0; k < s.weightClasses.length; k++) rowOf.set(s.weightClasses[k], k);
	const lists: OffAnglePoint[][] = Array.from({ length: s.weightClasses.length }, () => []);
	for (let i = 0; i < s.labels.length; i++) {
		if (s.split[i] !== which) continue;
		const k = rowOf.get(s.labels[i]);
		if (k === undefined) continue;
		let dot = 0;
		let nf = 0;
		let nw = 0;
		for (let d = 0; d < D; d++) {
			const f = s.features[i * D + d];
			const w = s.weights[k * D + d];
			dot += f * w;
			nf += f * f;
			nw += w * w;
		}
		const denom = Math.sqrt(nf * nw);
		if (!(denom > 0) || !Number.isFinite(denom)) continue;
		const cos = Math.max(-1, Math.min(1, dot / denom));
		lists[k].push({
			index: i,
			angleDeg: (Math.acos(cos) * 180) / Math.PI,
			predicted: s.predictions[i]
		});
	}
	return lists.map((list, k) => ({
		cls: s.weightClasses[k],
		points: list.sort((a, b) => b.angleDeg - a.angleDeg || a.index - b.index).slice(0, perClass)
	}));
}
