/**
 * The loss heads in float64, for one feature or a batch: what the hover card shows
 * (angles, logits, prediction) and the independent check of the tfjs heads' gradients by
 * finite differences. Same definitions as src/lib/model/heads.ts and the reference README.
 */
import { targetCurve, usesScale, type HeadKind, type ArcfaceVariant, type PsiMode } from './psi';
import { angleBetween, dot, norm, normalize, type Vec } from './vec';
import { nearestSubCenterRows } from './subCenters';

/** Options of a loss head, shared by these float64 heads and the tfjs heads (`HeadOptions`). */
export interface HeadParams {
	kind: HeadKind;
	/** A-Softmax multiplicative margin (integer or real, ≥ 1); CosFace/ArcFace additive margin (≥ 0). */
	m?: number;
	/** Combined head s·(cos(m1·θ + m2) − m3): multiplicative angular margin (≥ 1). */
	m1?: number;
	/** Combined head: additive angular margin (ArcFace's m; may be negative). */
	m2?: number;
	/** Combined head: additive cosine margin (CosFace's m; may be negative). */
	m3?: number;
	/** A-Softmax annealing λ (≥ 0); 0 = pure margin. */
	lambda?: number;
	/** Scale of normalised heads (CosFace, ArcFace, A-Softmax with normalizeFeatures). */
	s?: number;
	/** A-Softmax only: replace ‖x‖ by s in every logit. */
	normalizeFeatures?: boolean;
	/** How cos(mθ) is computed: Chebyshev polynomial (integer m only) or from the angle. */
	psiMode?: PsiMode;
	/** ArcFace target: `th_mm` (insightface's default) or `plain` cos(θ + m). */
	arcfaceVariant?: ArcfaceVariant;
	/**
	 * Sub-centers per class K (every head but softmax; default 1): W has C·K rows (row
	 * j·K + k: class j's sub-center k) and cos θ_j = max_k cos(x, ŵ_jk) (Deng et al. 2020).
	 */
	subCenters?: number;
}

/** Default margins and scale, as in the papers. */
const DEFAULT_M: Record<HeadKind, number> = {
	softmax: 1,
	modified: 1,
	asoftmax: 4,
	cosface: 0.35,
	arcface: 0.5,
	combined: 1
};

/**
 * Logits of one feature x against every class weight, with the margin applied to class
 * `target` (pass -1 for none: the plain cosine logits, which is how a trained model
 * predicts). Softmax uses raw W and b; the other heads normalise W. With K = `subCenters`
 * > 1, W has C·K rows and each class scores with its nearest sub-center (largest cosine):
 * the logits depend on a row's direction only, so that row stands for the class.
 */
export function featureLogits(
	x: Vec,
	W: readonly Vec[],
	b: readonly number[] | null,
	target: number,
	p: HeadParams
): number[] {
	if (p.kind === 'softmax') return W.map((w, j) => dot(x, w) + (b ? b[j] : 0));
	const k = p.subCenters ?? 1;
	const rows = k > 1 ? nearestSubCenterRows(x, W, k).rows : W;
	const normalised = usesScale(p.kind, p.normalizeFeatures ?? false);
	const scale = normalised ? (p.s ?? 30) : norm(x);
	const opts = {
		m: p.m ?? DEFAULT_M[p.kind],
		lambda: p.lambda ?? 0,
		psiMode: p.psiMode ?? 'chebyshev',
		arcfaceVariant: p.arcfaceVariant,
		m1: p.m1,
		m2: p.m2,
		m3: p.m3
	};
	return rows.map((w, j) => {
		const theta = angleBetween(x, w);
		if (j !== target || p.kind === 'modified')
			return normalised ? scale * Math.cos(theta) : dot(x, normalize(w));
		return scale * targetCurve(p.kind, theta, opts);
	});
}

/** Cross-entropy of one row of logits: logsumexp(f) − f_y, computed stably. */
export function crossEntropy(logits: readonly number[], y: number): number {
	const top = Math.max(...logits);
	let s = 0;
	for (const f of logits) s += Math.exp(f - top);
	return top + Math.log(s) - logits[y];
}

/** Mean cross-entropy of a batch (features [N][D], labels [N]) under a head. */
export function batchLoss(
	X: readonly Vec[],
	W: readonly Vec[],
	b: readonly number[] | null,
	y: readonly number[],
	p: HeadParams
): number {
	let total = 0;
	X.forEach((x, i) => (total += crossEntropy(featureLogits(x, W, b, y[i], p), y[i])));
	return total / X.length;
}

/** Index of the largest value (the predicted class); -1 for an empty or all-NaN row. */
export function argmax(values: readonly number[]): number {
	let best = -1;
	let bestValue = -Infinity;
	values.forEach((v, i) => {
		if (v > bestValue) {
			best = i;
			bestValue = v;
		}
	});
	return best;
}
