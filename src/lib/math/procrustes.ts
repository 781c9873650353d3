/**
 * Orthogonal Procrustes (Kabsch) for small dimensions (2D, 3D), without a linear-algebra
 * library: the SVD it needs comes from a Jacobi eigendecomposition of a symmetric matrix.
 * Used to lay a regular arrangement of unit vectors over the current class weights
 * (geometry.ts, `fittedArrangement`). Pure TS.
 */

/** Eigenvalues and unit eigenvectors (columns of `vectors`) of a symmetric n × n matrix (Jacobi). */
export function symmetricEigen(a: readonly (readonly number[])[]): {
	values: number[];
	vectors: number[][];
} {
	const n = a.length;
	const m = a.map((row) => row.slice());
	const v = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => +(i === j)));
	for (let sweep = 0; sweep < 50; sweep++) {
		let off = 0;
		for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p][q] * m[p][q];
		if (off < 1e-30) break;
		for (let p = 0; p < n; p++) {
			for (let q = p + 1; q < n; q++) {
				if (Math.abs(m[p][q]) < 1e-300) continue;
				// The rotation by φ in the (p, q) plane that zeroes m[p][q]: tan 2φ = 2m_pq/(m_qq − m_pp).
				const phi = 0.5 * Math.atan2(2 * m[p][q], m[q][q] - m[p][p]);
				const c = Math.cos(phi);
				const s = Math.sin(phi);
				for (let k = 0; k < n; k++) {
					const [mkp, mkq] = [m[k][p], m[k][q]];
					m[k][p] = c * mkp - s * mkq;
					m[k][q] = s * mkp + c * mkq;
				}
				for (let k = 0; k < n; k++) {
					const [mpk, mqk] = [m[p][k], m[q][k]];
					m[p][k] = c * mpk - s * mqk;
					m[q][k] = s * mpk + c * mqk;
				}
				for (let k = 0; k < n; k++) {
					const [vkp, vkq] = [v[k][p], v[k][q]];
					v[k][p] = c * vkp - s * vkq;
					v[k][q] = s * vkp + c * vkq;
				}
			}
		}
	}
	return { values: m.map((row, i) => row[i]), vectors: v };
}

/**
 * The orthogonal matrix R (rows) that best lays `from[k]` onto `to[k]` in the least-squares
 * sense, max Σ_k ⟨R from_k, to_k⟩ (orthogonal Procrustes / Kabsch, reflections allowed: the
 * regular arrangements are symmetric under them as sets). With M = Σ_k to_k from_kᵀ = UΣVᵀ,
 * R = UVᵀ. The SVD comes from the eigenvectors V of MᵀM, u_i = M v_i / σ_i; directions M
 * does not determine (rank-deficient M: a simplex of C ≤ D points spans C − 1 dimensions)
 * are completed by Gram–Schmidt, any completion being equally good.
 */
export function procrustes(
	from: readonly (readonly number[])[],
	to: readonly (readonly number[])[]
): number[][] {
	const n = from[0]?.length ?? 0;
	const M = Array.from({ length: n }, () => new Array<number>(n).fill(0));
	for (let k = 0; k < Math.min(from.length, to.length); k++)
		for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) M[i][j] += to[k][i] * from[k][j];
	const MtM = M.map((_, i) => M.map((_, j) => M.reduce((acc, row) => acc + row[i] * row[j], 0)));
	const { values, vectors } = symmetricEigen(MtM);
	const order = values.map((_, i) => i).sort((a, b) => values[b] - values[a]);
	const vs = order.map((i) => vectors.map((row) => row[i]));
	const sigmaMax = Math.sqrt(Math.max(0, values[order[0]] ?? 0));
	const us: number[][] = [];
	for (const v of vs) {
		const mv = M.map((row) => row.reduce((acc, x, j) => acc + x * v[j], 0));
		const sigma = Math.hypot(...mv);
		us.push(sigma > 1e-9 * Math.max(1, sigmaMax) ? mv.map((x) => x / sigma) : completeBasis(us, n));
	}
	// R = Σ_i u_i v_iᵀ.
	return Array.from({ length: n }, (_, r) =>
		Array.from({ length: n }, (_, c) => us.reduce((acc, u, i) => acc + u[r] * vs[i][c], 0))
	);
}

/** A unit vector orthogonal to the orthonormal `basis` (Gram–Schmidt on the standard axes). */
function completeBasis(basis: readonly number[][], n: number): number[] {
	let best: number[] = new Array<number>(n).fill(0);
	let bestNorm = -1;
	for (let axis = 0; axis < n; axis++) {
		const e = Array.from({ length: n }, (_, i) => +(i === axis));
		for (const b of basis) {
			const p = b.reduce((acc, x, i) => acc + x * e[i], 0);
			for (let i = 0; i < n; i++) e[i] -= p * b[i];
		}
		const len = Math.hypot(...e);
		if (len > bestNorm) [best, bestNorm] = [e.map((x) => x / (len || 1)), len];
	}
	return best;
}
