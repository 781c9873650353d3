/**
 * The rows an open-set score is computed on: which rows of a feature set to use, their unit
 * directions, and the cosine of two of them. Shared by verification (pairs) and
 * identification (gallery/probe); a row without a direction has cos θ = 0 with everything.
 */
import type { FeatureRows } from './stats';

/** `indices` that are rows in [0, n), first occurrence only (a row never pairs with itself). */
export function selectRows(n: number, indices?: ArrayLike<number>): Int32Array {
	if (!indices) return Int32Array.from({ length: n }, (_, i) => i);
	const seen = new Uint8Array(n);
	const rows: number[] = [];
	for (let k = 0; k < indices.length; k++) {
		const r = indices[k];
		if (Number.isInteger(r) && r >= 0 && r < n && !seen[r]) {
			seen[r] = 1;
			rows.push(r);
		}
	}
	return Int32Array.from(rows);
}

/**
 * Unit directions of the selected rows, [m, dim]. A row with no direction (the zero vector or
 * a non-finite value) stays all zeros, so its cosine with anything is 0, never NaN.
 */
export function unitRows(features: FeatureRows, dim: number, rows: Int32Array) {
	const units = new Float64Array(rows.length * dim); // [m, dim]
	let undirected = 0;
	for (let k = 0; k < rows.length; k++) {
		const base = rows[k] * dim;
		let scale = 0;
		let finite = true;
		for (let d = 0; d < dim; d++) {
			const v = features[base + d];
			if (Number.isFinite(v)) scale = Math.max(scale, Math.abs(v));
			else finite = false;
		}
		if (!finite || scale === 0) {
			undirected++;
			continue;
		}
		// Dividing by the largest |value| first keeps Σv² from overflowing (1e200) or
		// underflowing (1e−200); the direction is unchanged and the length is in [1, √dim].
		let sq = 0;
		for (let d = 0; d < dim; d++) {
			const v = features[base + d] / scale;
			units[k * dim + d] = v;
			sq += v * v;
		}
		const len = Math.sqrt(sq);
		for (let d = 0; d < dim; d++) units[k * dim + d] /= len;
	}
	return { units, undirected };
}

/** cos θ = uₐ · u_b of unit rows a and b, clamped to [−1, 1] (rounding can exceed it). */
export function cosine(units: Float64Array, dim: number, a: number, b: number): number {
	let s = 0;
	for (let d = 0; d < dim; d++) s += units[a * dim + d] * units[b * dim + d];
	return Math.min(1, Math.max(-1, s));
}
