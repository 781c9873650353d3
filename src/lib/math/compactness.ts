/**
 * How compact classes are, where SphereFace's margin acts: for each class the largest angle
 * between two of its samples, and the smallest angle between two classes' mean directions.
 * Exact (every same-class pair), unlike the sampled pair statistics of `angleStats`, so it
 * stays cheap only when classes are small (50 test samples a class: 1,225 pairs each).
 */
import type { FeatureRows, LabelArray } from './stats';

/** Compactness of the classes of some rows, in radians; null where undefined. */
export interface Compactness {
	/** Mean over classes (with ≥ 2 samples) of the class's largest intra-class angle. */
	maxIntra: number | null;
	/** Smallest angle between the mean directions of two classes. */
	minInterMeans: number | null;
	/** Classes with at least one sample with a direction. */
	classes: number;
}

/** Unit vector of row r, or null when it has no direction (zero or non-finite). */
function unitRow(features: FeatureRows, dim: number, r: number): Float64Array | null {
	const u = new Float64Array(dim);
	let s = 0;
	for (let d = 0; d < dim; d++) {
		u[d] = features[r * dim + d];
		s += u[d] * u[d];
	}
	if (!(s > 0) || !Number.isFinite(s)) return null;
	const k = 1 / Math.sqrt(s);
	for (let d = 0; d < dim; d++) u[d] *= k;
	return u;
}

const angle = (a: Float64Array, b: Float64Array): number => {
	let c = 0;
	for (let d = 0; d < a.length; d++) c += a[d] * b[d];
	return Math.acos(Math.min(1, Math.max(-1, c)));
};

/** Compactness of the rows `rows` of features [n, dim] with labels [n]. */
export function classCompactness(
	features: FeatureRows,
	dim: number,
	labels: LabelArray,
	rows: ArrayLike<number>
): Compactness {
	const byClass = new Map<number, Float64Array[]>();
	for (let k = 0; k < rows.length; k++) {
		const r = rows[k];
		const u = unitRow(features, dim, r);
		if (!u) continue;
		const list = byClass.get(labels[r]) ?? [];
		list.push(u);
		byClass.set(labels[r], list);
	}
	let sum = 0;
	let counted = 0;
	const means: Float64Array[] = [];
	for (const units of byClass.values()) {
		let worst = 0;
		for (let i = 0; i < units.length; i++)
			for (let j = i + 1; j < units.length; j++) worst = Math.max(worst, angle(units[i], units[j]));
		if (units.length > 1) {
			sum += worst;
			counted++;
		}
		const m = new Float64Array(dim);
		for (const u of units) for (let d = 0; d < dim; d++) m[d] += u[d];
		const len = Math.hypot(...m);
		if (len > 0) means.push(m.map((v) => v / len));
	}
	let minInter: number | null = null;
	for (let i = 0; i < means.length; i++)
		for (let j = i + 1; j < means.length; j++) {
			const a = angle(means[i], means[j]);
			if (minInter === null || a < minInter) minInter = a;
		}
	return {
		maxIntra: counted > 0 ? sum / counted : null,
		minInterMeans: minInter,
		classes: byClass.size
	};
}
