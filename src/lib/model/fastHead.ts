/**
 * The loss heads' mean cross-entropy together with its gradients w.r.t. the features f and
 * the raw class weights W (and b for softmax), in closed form. Training uses this: autodiff
 * through heads.ts costs ~350 kernel calls a step for A-Softmax (most of them the tape's
 * bookkeeping), this ~50. heads.ts stays the reference-exact contract; tests check that
 * the two agree for every kind.
 *
 * With P = softmax(logits), G = (P − Y)/B, Y the one-hot labels, c = cos θ_y and the head's
 * target score t(c) with derivative t′(c) (A-Softmax: (λc + ψ(c))/(1+λ); CosFace c − m;
 * ArcFace cos(θ + m); combined (−1)^k cos(m1θ + m2) − 2k − m3), and A = G ⊙ (1 − Y) + Y ⊙ (g_y t′), g_y = Σ_j G ⊙ Y:
 *   features kept (modified, A-Softmax):   f_j = f·ŵ_j,  f_y = ‖f‖ t(c)
 *     ∂f = A Ŵ + g_y (t − t′c)/‖f‖ · f,      ∂Ŵ = Aᵀ f
 *   features normalised (CosFace, ArcFace, A-Softmax with normalizeFeatures):  f_j = s cos θ_j
 *     ∂f = s/‖f‖ · (A Ŵ − Σ_j(A ⊙ cos) f̂),   ∂Ŵ = s Aᵀ f̂
 *   and through the row normalisation ∂W = (∂Ŵ − Ŵ ⊙ Σ_d(Ŵ ⊙ ∂Ŵ)) / ‖w‖.
 * Softmax: ∂f = G W, ∂W = Gᵀ f, ∂b = Σ_i G.
 * Sub-centers (K > 1, W [C·K, D]): cos θ_j = max_k cos θ_jk, so ∂cos θ_j flows only to the
 * nearest sub-center. With M [B, C·K] the constant 0/1 mask of those (heads.ts
 * `subCenterMask`), everything above runs on the [B, C] cosines Σ_k M ⊙ cos, and A is
 * scattered back as A_K = M ⊙ (A repeated K times) in place of A, with Ŵ [C·K, D]: about
 * ten kernels more.
 */
import { tf } from './tf';
import {
	classCount,
	perClass,
	resolveHeadOptions,
	subCenterMask,
	toSubCenters,
	type HeadOptions,
	type ResolvedHead
} from './heads';
import { chebyshevCoefficients, derivativeCoefficients, usesScale } from '../math/psi';

/** Loss and gradients of one batch. */
export interface HeadGradients {
	loss: tf.Scalar;
	/** ∂loss/∂f [B, D]. */
	df: tf.Tensor2D;
	/** ∂loss/∂W [C·K, D]. */
	dW: tf.Tensor2D;
	/** ∂loss/∂b [C] (softmax), else null. */
	db: tf.Tensor1D | null;
}

/** Smallest sin θ treated as nonzero: at a cone point (θ = 0 or π) the margin term's slope is taken as 0, as in the reference. */
const SIN_FLOOR = 1e-6;

/**
 * Σ a[i]·c^i for a polynomial with only even or only odd powers (as Chebyshev polynomials
 * and their derivatives are), by Horner's rule in c² = `c2`.
 */
function polynomial(a: readonly number[], c: tf.Tensor, c2: tf.Tensor): tf.Tensor {
	const odd = (a.length - 1) % 2 === 1;
	const terms = a.filter((_, i) => i % 2 === (odd ? 1 : 0)); // coefficients of c2^j
	let acc: tf.Tensor | number = terms[terms.length - 1];
	for (let j = terms.length - 2; j >= 0; j--) acc = tf.add(tf.mul(c2, acc), terms[j]);
	const even = typeof acc === 'number' ? tf.fill(c.shape, acc) : acc;
	return odd ? tf.mul(even, c) : even;
}

/** t(c) and t′(c) of the target class, per sample ([B, 1] each). */
function targetAndSlope(o: ResolvedHead, c: tf.Tensor): [tf.Tensor, tf.Tensor | number] {
	switch (o.kind) {
		case 'cosface':
			return [tf.sub(c, o.m), 1];
		case 'arcface': {
			const sin = tf.sqrt(tf.relu(tf.sub(1, tf.square(c))));
			const onCone = tf.less(sin, SIN_FLOOR);
			// cos(θ + m) = c cos m − sin θ sin m;  d/dc = cos m + c sin m / sin θ.
			const shifted = tf.sub(tf.mul(c, Math.cos(o.m)), tf.mul(sin, Math.sin(o.m)));
			const slope = tf.add(
				Math.cos(o.m),
				tf.where(
					onCone,
					tf.zerosLike(c),
					tf.div(tf.mul(c, Math.sin(o.m)), tf.maximum(sin, SIN_FLOOR))
				)
			);
			if (o.arcfaceVariant === 'plain') return [shifted, slope];
			const onCurve = tf.greater(c, Math.cos(Math.PI - o.m));
			return [
				tf.where(onCurve, shifted, tf.sub(c, o.m * Math.sin(o.m))),
				tf.where(onCurve, slope, tf.onesLike(c))
			];
		}
		case 'asoftmax': {
			const cc = tf.clipByValue(c, -1, 1);
			const theta = tf.acos(cc);
			// k = min(⌊mθ/π⌋, ⌈m⌉ − 1): ψ is C¹ at the branch points, so k's rounding there is harmless.
			const k = tf.minimum(tf.floor(tf.mul(theta, o.m / Math.PI)), Math.ceil(o.m) - 1);
			const sign = tf.sub(1, tf.mul(tf.mod(k, 2), 2));
			let cosM: tf.Tensor;
			let dCosM: tf.Tensor;
			if (o.chebyshev) {
				// T_m(c) and T_m′(c) as polynomials (Horner in c²): about 5 kernels each.
				const a = chebyshevCoefficients(o.m);
				const c2 = tf.square(cc);
				cosM = polynomial(a, cc, c2);
				dCosM = polynomial(derivativeCoefficients(a), cc, c2);
			} else {
				const sin = tf.sin(theta);
				cosM = tf.cos(tf.mul(theta, o.m));
				// d cos(mθ)/dc = m sin(mθ)/sin θ; 0 on a cone point (non-integer m at θ = π).
				dCosM = tf.where(
					tf.less(sin, SIN_FLOOR),
					tf.zerosLike(c),
					tf.div(tf.mul(tf.sin(tf.mul(theta, o.m)), o.m), tf.maximum(sin, SIN_FLOOR))
				);
			}
			const psi = tf.sub(tf.mul(sign, cosM), tf.mul(k, 2));
			const dPsi = tf.mul(sign, dCosM);
			if (o.lambda === 0) return [psi, dPsi];
			return [
				tf.div(tf.add(tf.mul(c, o.lambda), psi), 1 + o.lambda),
				tf.div(tf.add(dPsi, o.lambda), 1 + o.lambda)
			];
		}
		case 'combined': {
			// t = (−1)^k cos u − 2k − m3, u = m1·θ + m2;  dt/dc = (−1)^k m1 sin u / sin θ.
			const theta = tf.acos(tf.clipByValue(c, -1, 1));
			const sin = tf.sin(theta);
			const u = tf.add(tf.mul(theta, o.m1), o.m2);
			const last = Math.max(0, Math.ceil(o.m1 + o.m2 / Math.PI) - 1);
			const k = tf.clipByValue(tf.floor(tf.div(u, Math.PI)), 0, last);
			const sign = tf.sub(1, tf.mul(tf.mod(k, 2), 2));
			const t = tf.sub(tf.sub(tf.mul(sign, tf.cos(u)), tf.mul(k, 2)), o.m3);
			const slope = tf.where(
				tf.less(sin, SIN_FLOOR),
				tf.zerosLike(c),
				tf.div(tf.mul(tf.mul(sign, tf.sin(u)), o.m1), tf.maximum(sin, SIN_FLOOR))
			);
			return [t, slope];
		}
		default:
			return [c, 1];
	}
}

/**
 * Mean cross-entropy of the head and its gradients. f [B,D] features, W [C·K,D] raw class
 * weights (K = `subCenters`, 1 by default), b [C] biases (softmax only), y [B,C] one-hot
 * labels (float32).
 */
export function headGradients(
	f: tf.Tensor2D,
	W: tf.Tensor2D,
	b: tf.Tensor1D | null,
	y: tf.Tensor2D,
	opts: HeadOptions
): HeadGradients {
	const o = resolveHeadOptions(opts);
	const out = tf.tidy(() => {
		const batch = f.shape[0];
		/** Softmax cross-entropy of the logits: [loss, G = (P − Y)/B], sharing one exp. */
		const crossEntropy = (logits: tf.Tensor): [tf.Scalar, tf.Tensor] => {
			const top = tf.max(logits, 1, true);
			const e = tf.exp(tf.sub(logits, top));
			const total = tf.sum(e, 1, true);
			const lse = tf.add(tf.log(total), top);
			const loss = tf.mean(tf.sub(lse, tf.sum(tf.mul(logits, y), 1, true))) as tf.Scalar;
			return [loss, tf.div(tf.sub(tf.div(e, total), y), batch)];
		};
		if (o.kind === 'softmax') {
			const logits = tf.add(tf.matMul(f, W, false, true), b ?? tf.zeros([W.shape[0]]));
			const [loss, G] = crossEntropy(logits as tf.Tensor2D);
			return {
				loss,
				df: tf.matMul(G, W),
				dW: tf.matMul(G, f, true),
				db: b ? tf.sum(G, 0) : null
			} as never;
		}
		const k = o.subCenters;
		const classes = classCount(W.shape[0], k);
		const wNorm = tf.sqrt(tf.add(tf.sum(tf.square(W), 1, true), 1e-30)); // [C·K, 1]
		const wHat = tf.div(W, wNorm);
		const r = tf.sqrt(tf.add(tf.sum(tf.square(f), 1, true), 1e-30)); // [B, 1]
		const fHat = tf.div(f, r);
		const cosSub = tf.matMul(fHat, wHat, false, true) as tf.Tensor2D; // [B, C·K]
		const pick = k > 1 ? subCenterMask(cosSub, classes, k) : null; // [B, C·K]
		const cos = pick ? perClass(tf.mul(cosSub, pick), classes, k) : cosSub; // [B, C]
		const c = tf.sum(tf.mul(cos, y), 1, true); // [B, 1]
		const normalised = usesScale(o.kind, o.normalizeFeatures);
		const scale = normalised ? tf.scalar(o.s) : r; // logit = scale · score
		const [t, slope] = targetAndSlope(o, c);
		// Non-target logits: scale · cos; target: scale · t(c).
		const notY = tf.sub(1, y);
		const logits = tf.mul(tf.add(tf.mul(cos, notY), tf.mul(y, t)), scale);
		const [loss, G] = crossEntropy(logits);
		const gy = tf.sum(tf.mul(G, y), 1, true); // [B, 1]
		const A0 = tf.add(tf.mul(G, notY), tf.mul(y, tf.mul(gy, slope))); // [B, C]
		// ∂loss/∂cos θ_jk: each class's entry goes to its nearest sub-center only.
		const A = pick ? tf.mul(toSubCenters(A0, classes, k), pick) : A0; // [B, C·K]
		let df: tf.Tensor;
		let dWHat: tf.Tensor;
		if (normalised) {
			// Σ_j A_j cos θ_j over classes equals the same sum over the masked sub-centers.
			const inner = tf.sub(tf.matMul(A, wHat), tf.mul(tf.sum(tf.mul(A0, cos), 1, true), fHat));
			df = tf.mul(inner, tf.div(o.s, r));
			dWHat = tf.mul(tf.matMul(A, fHat, true), o.s);
		} else {
			df = tf.add(
				tf.matMul(A, wHat),
				tf.mul(tf.div(tf.mul(gy, tf.sub(t, tf.mul(slope, c))), r), f)
			);
			dWHat = tf.matMul(A, f, true);
		}
		const dW = tf.div(tf.sub(dWHat, tf.mul(wHat, tf.sum(tf.mul(wHat, dWHat), 1, true))), wNorm);
		return { loss, df, dW } as tf.NamedTensorMap;
	});
	return {
		loss: out.loss as tf.Scalar,
		df: out.df as tf.Tensor2D,
		dW: out.dW as tf.Tensor2D,
		db: (out.db as tf.Tensor1D | undefined) ?? null
	};
}
