/**
 * The loss heads SphereLab teaches, as tfjs graphs whose autodiff gradients are the true
 * gradients of the loss (not the Caffe layer's surrogate). Definitions follow
 * ../shared/reference/README.md; the float64 versions of the target curves live in
 * src/lib/math/psi.ts.
 *
 * For a feature x (a row of X) and class weight w_j (a row of W), with r = ‖x‖,
 * ŵ_j = w_j/‖w_j‖ and cos θ_j = x̂·ŵ_j:
 *   softmax   f_j = x·w_j + b_j
 *   modified  f_j = r cos θ_j
 *   asoftmax  f_j = r cos θ_j,  f_y = r (λ cos θ_y + ψ_m(θ_y)) / (1 + λ)
 *   cosface   f_j = s cos θ_j,  f_y = s (cos θ_y − m)
 *   arcface   f_j = s cos θ_j,  f_y = s φ(θ_y)
 *   combined  f_j = s cos θ_j,  f_y = s ((−1)^k cos(m1 θ_y + m2) − 2k − m3)  (math/psi.ts
 *             `combinedTarget`: InsightFace's s(cos(m1θ + m2) − m3), extended past π as ψ is)
 * (asoftmax with normalizeFeatures replaces r by s everywhere.)
 * With K sub-centers a class (`subCenters`, every kind but softmax; Deng et al. 2020), W has
 * C·K rows and cos θ_j = max_k cos(x̂, ŵ_jk): θ_y is the angle to the target class's nearest
 * sub-center. Which sub-center is nearest is piecewise constant, so it enters the graph as
 * a constant 0/1 mask (argMax + oneHot, no gradient), exactly as floor's k does below.
 *
 * Numerical choices, all explained where they are made:
 * - θ_y = atan2(sin θ_y, cos θ_y), with sin θ_y from the 2×2 minors of x̂ and ŵ_y (Lagrange's
 *   identity). This keeps full precision near θ = 0 and θ = π, where acos(cos θ) loses half
 *   the digits, and needs no clamping of cos θ.
 * - Every square root is sqrt(q + 1e-30). At q = 0 (a zero feature, or a target exactly on
 *   or opposite its weight: the cone points) the inner derivative is exactly 0, so the
 *   gradient is 0 instead of 0·∞ = NaN; for any q above ~1e-28 the shift is below float32
 *   resolution. This is the reference's convention (the margin term contributes 0 there).
 * - ψ's branch index k = ⌊mθ/π⌋ comes from floor, whose gradient is 0: k is piecewise
 *   constant, so treating it as a constant is exact away from the (measure-zero) branch
 *   points, where ψ itself is C¹ anyway.
 */
import { tf } from './tf';
import { COMBINED_PRESETS, usesScale, type ArcfaceVariant, type HeadKind } from '../math/psi';
import type { HeadParams } from '../math/logits';

/**
 * Options of a loss head (the same object as the float64 heads' `HeadParams` in
 * src/lib/math/logits.ts). Unset fields take the defaults in `HEAD_DEFAULTS`.
 */
export type HeadOptions = HeadParams;

/** Defaults for unset options: the values of the papers. */
export const HEAD_DEFAULTS = {
	asoftmaxM: 4,
	cosfaceM: 0.35,
	arcfaceM: 0.5,
	s: 30,
	lambda: 0
} as const;

/** Added under every square root: see the module comment (gradient 0, not NaN, at 0). */
const SQRT_FLOOR = 1e-30;

/** Fully resolved head options (defaults filled, values checked). */
export interface ResolvedHead {
	kind: HeadKind;
	m: number;
	lambda: number;
	s: number;
	normalizeFeatures: boolean;
	chebyshev: boolean;
	arcfaceVariant: ArcfaceVariant;
	/** The combined head's margins (the combined preset's when unset; unused by other kinds). */
	m1: number;
	m2: number;
	m3: number;
	/** Sub-centers per class (1 for softmax, which has none). */
	subCenters: number;
}

/** The most sub-centers a head takes (the settings allow 1–5). */
const MAX_SUB_CENTERS = 16;

/** The combined head's limits: m1 ≥ 1 and |m2|, |m3| ≤ 2 keep u = m1·θ + m2 well inside float32. */
const COMBINED_SPAN = 2;

/** Fills defaults and rejects values no head can use (the trainer clamps before it calls). Throws a RangeError with a plain message. */
export function resolveHeadOptions(opts: HeadOptions): ResolvedHead {
	const kind = opts.kind;
	if (!['softmax', 'modified', 'asoftmax', 'cosface', 'arcface', 'combined'].includes(kind)) {
		throw new RangeError(`Unknown head kind "${String(kind)}".`);
	}
	const defaultM =
		kind === 'cosface'
			? HEAD_DEFAULTS.cosfaceM
			: kind === 'arcface'
				? HEAD_DEFAULTS.arcfaceM
				: kind === 'combined'
					? 1 // unused: the combined head reads m1, m2, m3
					: HEAD_DEFAULTS.asoftmaxM;
	const m = opts.m ?? defaultM;
	const lambda = opts.lambda ?? HEAD_DEFAULTS.lambda;
	const s = opts.s ?? HEAD_DEFAULTS.s;
	// Additive margins may be negative (Liu et al. 2020, "Negative Margin Matters").
	const additive = kind === 'cosface' || kind === 'arcface';
	if (
		!Number.isFinite(m) ||
		(kind === 'asoftmax' && m < 1) ||
		(additive && Math.abs(m) > COMBINED_SPAN)
	) {
		throw new RangeError(`Margin m = ${m} is not valid for ${kind}.`);
	}
	const m1 = opts.m1 ?? COMBINED_PRESETS.combined.m1;
	const m2 = opts.m2 ?? COMBINED_PRESETS.combined.m2;
	const m3 = opts.m3 ?? COMBINED_PRESETS.combined.m3;
	if (!Number.isFinite(m1) || m1 < 1 || m1 > 8) throw new RangeError(`m1 = ${m1} must be in 1–8.`);
	for (const [name, v] of [
		['m2', m2],
		['m3', m3]
	] as const) {
		if (!Number.isFinite(v) || Math.abs(v) > COMBINED_SPAN)
			throw new RangeError(`${name} = ${v} must be in −${COMBINED_SPAN}…${COMBINED_SPAN}.`);
	}
	if (!Number.isFinite(lambda) || lambda < 0) throw new RangeError(`λ = ${lambda} must be ≥ 0.`);
	const subCenters = opts.subCenters ?? 1;
	if (!Number.isInteger(subCenters) || subCenters < 1 || subCenters > MAX_SUB_CENTERS)
		throw new RangeError(`subCenters = ${subCenters} must be an integer in 1–${MAX_SUB_CENTERS}.`);
	if (!Number.isFinite(s) || s <= 0) throw new RangeError(`Scale s = ${s} must be > 0.`);
	return {
		kind,
		m,
		lambda,
		s,
		normalizeFeatures: opts.normalizeFeatures ?? false,
		// The Chebyshev form exists only for integer m; real m always uses the angle.
		chebyshev: (opts.psiMode ?? 'chebyshev') === 'chebyshev' && Number.isInteger(m),
		arcfaceVariant: opts.arcfaceVariant ?? 'th_mm',
		m1,
		m2,
		m3,
		subCenters: kind === 'softmax' ? 1 : subCenters
	};
}

/**
 * The rows of W a head reads per class: C·K rows are C classes of K sub-centers. Throws
 * when the rows do not split into K per class.
 */
export function classCount(rows: number, subCenters: number): number {
	if (rows % subCenters !== 0)
		throw new RangeError(`${rows} class weights are not ${subCenters} sub-centers a class.`);
	return rows / subCenters;
}

/**
 * Each class's nearest sub-center as a constant 0/1 mask [N, C·K] (one 1 per class and
 * row: the largest cosine, the first on a tie) from the cosines [N, C·K]. argMax and
 * oneHot carry no gradient: the choice is piecewise constant.
 */
export function subCenterMask(cos: tf.Tensor, classes: number, k: number): tf.Tensor2D {
	return tf.tidy(() => {
		const n = cos.shape[0] as number;
		const best = tf.argMax(tf.reshape(cos, [n, classes, k]), 2); // [N, C]
		// oneHot as int32, then cast: tfjs-wasm 4.22's OneHot writes the int bits 1 into a float32
		// output (1.4e-45, not 1.0).
		const mask = tf.cast(tf.oneHot(best, k), 'float32');
		return tf.reshape(mask, [n, classes * k]) as tf.Tensor2D;
	});
}

/** Σ_k of t [N, C·K] per class → [N, C] (with the mask above: the nearest sub-center's entry). */
export function perClass(t: tf.Tensor, classes: number, k: number): tf.Tensor2D {
	return tf.sum(tf.reshape(t, [t.shape[0] as number, classes, k]), 2) as tf.Tensor2D;
}

/** Each class's column of a [N, C] matrix repeated for its K sub-centers → [N, C·K]. */
export function toSubCenters(t: tf.Tensor, classes: number, k: number): tf.Tensor2D {
	const n = t.shape[0] as number;
	return tf.reshape(tf.tile(tf.reshape(t, [n, classes, 1]), [1, 1, k]), [n, classes * k]);
}

/** Row norms of a [R, D] matrix as [R, 1], safe at zero rows. */
function rowNorm(a: tf.Tensor2D): tf.Tensor2D {
	return tf.sqrt(tf.add(tf.sum(tf.square(a), 1, true), SQRT_FLOOR));
}

/**
 * sin of the angle between matching rows of two unit-vector matrices [N, D] → [N], from the
 * 2×2 minors: sin²θ = Σ_{i<j} (a_i b_j − a_j b_i)². Columns are picked by multiplying with
 * constant 0/1 selection matrices rather than by gather, whose gradient needs a kernel
 * (UnsortedSegmentSum) that the wasm backend lacks.
 */
function sinBetweenRows(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor1D {
	const d = a.shape[1];
	const pairs: [number, number][] = [];
	for (let i = 0; i < d; i++) for (let j = i + 1; j < d; j++) pairs.push([i, j]);
	if (pairs.length === 0) return tf.zeros([a.shape[0]]); // D = 1: every angle is 0 or π
	const select = (which: 0 | 1) => {
		const m = new Float32Array(d * pairs.length);
		pairs.forEach((pair, p) => (m[pair[which] * pairs.length + p] = 1));
		return tf.tensor2d(m, [d, pairs.length]);
	};
	const first = select(0);
	const second = select(1);
	const minors = tf.sub(
		tf.mul(tf.matMul(a, first), tf.matMul(b, second)),
		tf.mul(tf.matMul(a, second), tf.matMul(b, first))
	); // [N, pairs]
	return tf.sqrt(tf.add(tf.sum(tf.square(minors), 1), SQRT_FLOOR));
}

/** T_m(c) by the recurrence T_{k+1} = 2c·T_k − T_{k−1}: cos(mθ) as a polynomial in cos θ. */
function chebyshev(m: number, c: tf.Tensor1D): tf.Tensor1D {
	if (m === 0) return tf.onesLike(c);
	let prev: tf.Tensor1D = tf.onesLike(c);
	let cur = c;
	for (let k = 1; k < m; k++) {
		const next: tf.Tensor1D = tf.sub(tf.mul(tf.mul(c, 2), cur), prev);
		prev = cur;
		cur = next;
	}
	return cur;
}

/**
 * ψ(θ) = (−1)^k cos(mθ) − 2k, k = min(⌊mθ/π⌋, ⌈m⌉ − 1), on [N] tensors of cos θ and θ.
 * cos(mθ) comes from T_m(cos θ) (integer m) or cos(m·θ).
 */
function psiTensor(
	cosT: tf.Tensor1D,
	theta: tf.Tensor1D,
	m: number,
	useChebyshev: boolean
): tf.Tensor1D {
	// floor has a zero gradient, so k (and the sign) act as constants, as they should.
	const k = tf.clipByValue(tf.floor(tf.mul(theta, m / Math.PI)), 0, Math.ceil(m) - 1);
	const parity = tf.sub(k, tf.mul(tf.floor(tf.div(k, 2)), 2)); // k mod 2
	const sign = tf.sub(1, tf.mul(parity, 2)); // (−1)^k
	const cosM = useChebyshev ? chebyshev(m, cosT) : tf.cos(tf.mul(theta, m));
	return tf.sub(tf.mul(sign, cosM), tf.mul(k, 2));
}

/** The target class's angular score t(θ_y) per sample [N] (f_y = scale · t). */
function targetScore(o: ResolvedHead, cosY: tf.Tensor1D, sinY: tf.Tensor1D): tf.Tensor1D {
	switch (o.kind) {
		case 'asoftmax': {
			const theta = tf.atan2(sinY, cosY) as tf.Tensor1D;
			const p = psiTensor(cosY, theta, o.m, o.chebyshev);
			return o.lambda === 0 ? p : tf.div(tf.add(tf.mul(cosY, o.lambda), p), 1 + o.lambda);
		}
		case 'cosface':
			return tf.sub(cosY, o.m);
		case 'arcface': {
			// cos(θ + m) = cos θ cos m − sin θ sin m, with the accurate sin θ.
			const shifted: tf.Tensor1D = tf.sub(tf.mul(cosY, Math.cos(o.m)), tf.mul(sinY, Math.sin(o.m)));
			if (o.arcfaceVariant === 'plain') return shifted;
			const linear = tf.sub(cosY, o.m * Math.sin(o.m));
			// The branch test must not be on the gradient tape (Greater has no gradient);
			// step's gradient is 0, and the branch choice is piecewise constant anyway.
			const onCurve = tf.cast(tf.step(tf.sub(cosY, Math.cos(Math.PI - o.m))), 'bool');
			return tf.where(onCurve, shifted, linear) as tf.Tensor1D;
		}
		case 'combined': {
			// u = m1·θ + m2; k = ⌊u/π⌋ clamped to 0…⌈m1 + m2/π⌉ − 1 (psi.ts `combinedBranch`),
			// a constant for the gradient as in ψ.
			const theta = tf.atan2(sinY, cosY) as tf.Tensor1D;
			const u = tf.add(tf.mul(theta, o.m1), o.m2);
			const last = Math.max(0, Math.ceil(o.m1 + o.m2 / Math.PI) - 1);
			const k = tf.clipByValue(tf.floor(tf.div(u, Math.PI)), 0, last);
			const parity = tf.sub(k, tf.mul(tf.floor(tf.div(k, 2)), 2));
			const sign = tf.sub(1, tf.mul(parity, 2));
			return tf.sub(tf.sub(tf.mul(sign, tf.cos(u)), tf.mul(k, 2)), o.m3) as tf.Tensor1D;
		}
		default:
			return cosY;
	}
}

/**
 * x [N,D] raw features, W [C·K,D] raw class weights (rows L2-normalised inside the graph for
 * every kind but softmax; K = `subCenters`, 1 by default), b [C] (softmax only, else null),
 * labels int32 [N]. Returns the logits [N,C].
 */
export function headLogits(
	x: tf.Tensor2D,
	W: tf.Tensor2D,
	b: tf.Tensor1D | null,
	labels: tf.Tensor1D,
	opts: HeadOptions
): tf.Tensor2D {
	const o = resolveHeadOptions(opts);
	return tf.tidy((): tf.Tensor2D => {
		if (o.kind === 'softmax') {
			const lin: tf.Tensor2D = tf.matMul(x, W, false, true); // [N, C]
			return b ? (tf.add(lin, b) as tf.Tensor2D) : lin;
		}
		const k = o.subCenters;
		const numClasses = classCount(W.shape[0], k);
		const wHat: tf.Tensor2D = tf.div(W, rowNorm(W)); // [C·K, D]
		const r = rowNorm(x); // [N, 1]
		const xHat: tf.Tensor2D = tf.div(x, r); // [N, D]
		const cosSub = tf.matMul(xHat, wHat, false, true); // [N, C·K]
		// K > 1: keep each class's nearest sub-center (a constant mask), then sum its K columns.
		const pick = k > 1 ? subCenterMask(cosSub, numClasses, k) : null; // [N, C·K]
		const reduce = (t: tf.Tensor): tf.Tensor2D =>
			pick ? perClass(tf.mul(t, pick), numClasses, k) : (t as tf.Tensor2D);
		const cosAll = reduce(cosSub); // [N, C]
		const normalised = usesScale(o.kind, o.normalizeFeatures);
		// Non-target logits: s cos θ_j, or r cos θ_j = x·ŵ_j (computed without the 1/r round trip).
		const base: tf.Tensor2D = normalised
			? tf.mul(cosAll, o.s)
			: reduce(tf.matMul(x, wHat, false, true));
		if (o.kind === 'modified') return base;

		const y = tf.cast(labels, 'int32');
		const oneHot = tf.oneHot(y, numClasses); // [N, C]
		// ŵ_y as oneHot · Ŵ (a gather's gradient needs a kernel the wasm backend lacks); with
		// sub-centers the one-hot picks the target class's nearest sub-center.
		const select = pick ? tf.mul(pick, toSubCenters(oneHot, numClasses, k)) : oneHot;
		const wY: tf.Tensor2D = tf.matMul(select, wHat); // [N, D]
		const cosY: tf.Tensor1D = tf.sum(tf.mul(xHat, wY), 1); // [N]
		const sinY = sinBetweenRows(xHat, wY); // [N]
		const score = targetScore(o, cosY, sinY); // [N]
		const scale = normalised ? tf.scalar(o.s) : tf.reshape(r, [-1]);
		const target = tf.mul(score, scale); // [N]
		const isTarget = tf.cast(oneHot, 'bool'); // [N, C]
		const targetWide = tf.tile(tf.expandDims(target, 1), [1, numClasses]);
		return tf.where(isTarget, targetWide, base) as tf.Tensor2D;
	});
}

/**
 * Mean cross-entropy of `headLogits`: mean_i(logsumexp(f_i) − f_{i,y_i}). tf.grads of it
 * w.r.t. x, W and b are the true gradients.
 */
export function headLoss(
	x: tf.Tensor2D,
	W: tf.Tensor2D,
	b: tf.Tensor1D | null,
	labels: tf.Tensor1D,
	opts: HeadOptions
): tf.Scalar {
	return tf.tidy(() => {
		const logits = headLogits(x, W, b, labels, opts);
		const isTarget = tf.oneHot(tf.cast(labels, 'int32'), logits.shape[1]);
		const targetLogit = tf.sum(tf.mul(logits, isTarget), 1);
		return tf.mean(tf.sub(tf.logSumExp(logits, 1), targetLogit)) as tf.Scalar;
	});
}
