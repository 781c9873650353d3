/**
 * The arithmetic of one point, in float64: for one feature x under a loss head, its angle to
 * every class weight, ψ(θ_y) and the λ blend, the logits (margin on its own class), the
 * softmax probabilities, its cross-entropy and the analytic gradient ∂loss/∂x: the numbers
 * and the arrow of the feature circle's hover card. The logits and the loss are
 * `featureLogits` and `crossEntropy` (logits.ts), the target curve is `targetCurve` (psi.ts);
 * the one new formula is the target curve's slope dt/dθ (`targetCurveSlope`).
 *
 * With r = ‖x‖, x̂ = x/r, ŵ_j = w_j/‖w_j‖, c_j = cos θ_j = x̂·ŵ_j and p = softmax(f):
 *   ∂loss/∂x = Σ_j (p_j − [j = y]) ∂f_j/∂x
 *   ∂c_j/∂x  = (ŵ_j − c_j x̂) / r
 *   ∂θ_y/∂x  = −u / r,  u = (ŵ_y − c_y x̂) / ‖ŵ_y − c_y x̂‖ (the unit tangent toward ŵ_y)
 *   softmax   ∂f_j/∂x = w_j (raw W)
 *   modified  ∂f_j/∂x = ŵ_j
 *   asoftmax  ∂f_j/∂x = ŵ_j, ∂f_y/∂x = t(θ_y) x̂ − t′(θ_y) u        (f_y = r t)
 *   normalised (CosFace, ArcFace, A-Softmax with normalizeFeatures; f_j = s c_j, f_y = s t):
 *             ∂f_j/∂x = s (ŵ_j − c_j x̂) / r,  ∂f_y/∂x = −s t′(θ_y) u / r
 *
 * Conventions (../shared/reference/README.md): at a cone point (θ_y = 0 or π, where u has no
 * direction and t′ may not vanish) the t′ term contributes 0, the symmetric subgradient. A
 * zero feature has no direction: the angular heads give a zero gradient and say so
 * (`issue: 'zeroFeature'`; its angles are read as the tfjs heads read them, cos θ = 0);
 * softmax and the modified softmax, linear in x, keep their ordinary gradient there. Nothing
 * here returns NaN: non-finite input, no classes, or a point whose class has no row
 * (held out) give zeros or plain values and an `issue`.
 */
import { crossEntropy, featureLogits, type HeadParams } from './logits';
import {
	combinedMargins,
	combinedTargetSlope,
	psi,
	psiBranch,
	targetCurve,
	usesScale,
	type HeadKind,
	type TargetOptions
} from './psi';
import { dot, norm, wedgeNorm, type Vec } from './vec';

/** What kept the arithmetic from being the ordinary one (null: nothing). */
export type PointIssue = 'zeroFeature' | 'nonFinite' | 'noClasses' | 'noTarget';

/** The arithmetic of one point under one head. */
export interface PointArithmetic {
	/** [C] θ_j ∈ [0, π] to each class weight (π/2 for a zero feature). */
	thetas: number[];
	/** [C] cos θ_j. */
	cosines: number[];
	/** θ_y to the point's own class weight; null without a target row. */
	thetaTarget: number | null;
	/** ψ(θ_y) (A-Softmax only), else null. */
	psiTarget: number | null;
	/** A-Softmax with λ > 0: (λ cos θ_y + ψ(θ_y)) / (1 + λ), else null. */
	blendTarget: number | null;
	/** The target curve t(θ_y) the logit f_y is scaled from (cos θ − m, φ(θ), …); null without a target. */
	targetScore: number | null;
	/** [C] logits, margin applied to the point's own class. */
	logits: number[];
	/** [C] softmax of the logits, summing to 1. */
	probs: number[];
	/** Cross-entropy of this point; null without a target row. */
	loss: number | null;
	/** [D] ∂loss/∂x (training moves x along −grad). */
	grad: number[];
	/** ‖grad‖. */
	gradNorm: number;
	issue: PointIssue | null;
}

/** Default margins, as `featureLogits` (logits.ts) fills them; a test checks they agree. */
const DEFAULT_M: Record<HeadKind, number> = {
	softmax: 1,
	modified: 1,
	asoftmax: 4,
	cosface: 0.35,
	arcface: 0.5,
	combined: 1
};

/** The target-curve options `featureLogits` uses for these head options. */
function targetOptions(p: HeadParams): TargetOptions & { m: number; lambda: number } {
	return {
		m: p.m ?? DEFAULT_M[p.kind],
		lambda: p.lambda ?? 0,
		psiMode: p.psiMode ?? 'chebyshev',
		arcfaceVariant: p.arcfaceVariant,
		m1: p.m1,
		m2: p.m2,
		m3: p.m3
	};
}

/** Whether the head's logits use s cos θ (features normalised) rather than r cos θ. */
function isNormalised(p: HeadParams): boolean {
	return usesScale(p.kind, p.normalizeFeatures ?? false);
}

/**
 * dt/dθ, the slope of `targetCurve(kind, θ)`, finite everywhere on [0, π]:
 *   softmax, modified, cosface  −sin θ
 *   asoftmax   (−λ sin θ + ψ′(θ)) / (1 + λ),  ψ′(θ) = −(−1)^k m sin(mθ)
 *              (the Chebyshev form T_m(cos θ) is the same function, so the same slope)
 *   arcface    −sin(θ + m) on cos(θ + m), −sin θ on th_mm's linear part cos θ − m sin m
 *   combined   −(−1)^k m1 sin(m1·θ + m2) (psi.ts `combinedTargetSlope`)
 * ψ is C¹ at its branch points θ = kπ/m (sin(mθ) = 0 there), so the branch of ψ itself is
 * the right one to read. θ outside [0, π] is clamped, as `psi` does.
 */
export function targetCurveSlope(kind: HeadKind, theta: number, opts: TargetOptions = {}): number {
	const t = Math.min(Math.PI, Math.max(0, theta));
	switch (kind) {
		case 'softmax':
		case 'modified':
		case 'cosface':
			return -Math.sin(t);
		case 'asoftmax': {
			const m = opts.m ?? 4;
			const lambda = opts.lambda ?? 0;
			const l = Number.isFinite(lambda) && lambda > 0 ? lambda : 0;
			const k = psiBranch(t, m);
			const psiSlope = -(k % 2 === 0 ? 1 : -1) * m * Math.sin(m * t);
			return (l * -Math.sin(t) + psiSlope) / (1 + l);
		}
		case 'arcface': {
			const m = opts.m ?? 0.5;
			const plain = (opts.arcfaceVariant ?? 'th_mm') === 'plain';
			// The same branch test as arcfaceTarget.
			if (plain || Math.cos(t) > Math.cos(Math.PI - m)) return -Math.sin(t + m);
			return -Math.sin(t);
		}
		case 'combined':
			return combinedTargetSlope(t, combinedMargins(opts));
	}
}

/** A result of zeros (no NaN) for input the arithmetic cannot use. */
function emptyResult(C: number, D: number, issue: PointIssue): PointArithmetic {
	const zeros = (n: number) => new Array<number>(n).fill(0);
	return {
		thetas: zeros(C),
		cosines: zeros(C),
		thetaTarget: null,
		psiTarget: null,
		blendTarget: null,
		targetScore: null,
		logits: zeros(C),
		probs: zeros(C),
		loss: null,
		grad: zeros(D),
		gradNorm: 0,
		issue
	};
}

/** softmax(f), shifted by max f so no exp overflows. */
export function softmaxProbs(logits: readonly number[]): number[] {
	if (logits.length === 0) return [];
	const top = Math.max(...logits);
	const e = logits.map((f) => Math.exp(f - top));
	const total = e.reduce((a, v) => a + v, 0);
	return e.map((v) => v / total);
}

/**
 * The arithmetic of feature x (length D) against the raw class weights W ([C][D]; softmax
 * uses them raw with bias b, every other head normalises the rows) for a point of classifier
 * row y (−1 or out of range: its class has no row, so no margin, loss or gradient). See the
 * module comment for the formulas and the conventions.
 */
export function pointArithmetic(
	x: Vec,
	W: readonly Vec[],
	b: readonly number[] | null,
	y: number,
	p: HeadParams
): PointArithmetic {
	const C = W.length;
	const D = x.length;
	if (C === 0) return emptyResult(0, D, 'noClasses');
	const finite = (v: Vec) => v.every((a) => Number.isFinite(a));
	if (!finite(x) || !W.every((w) => w.length === D && finite(w)) || (b !== null && !finite(b)))
		return emptyResult(C, D, 'nonFinite');

	const opts = targetOptions(p);
	const normalised = isNormalised(p);
	const hasTarget = Number.isInteger(y) && y >= 0 && y < C;
	const target = hasTarget ? y : -1;
	const r = norm(x);
	const wNorms = W.map((w) => norm(w));
	const wHat = W.map((w, j) => (wNorms[j] > 0 ? w.map((v) => v / wNorms[j]) : w.map(() => 0)));
	const xHat = r > 0 ? x.map((v) => v / r) : x.map(() => 0);

	// θ_j = atan2(‖x ∧ w‖, x·w) (as `angleBetween`), with sin θ_j kept for the cone-point test.
	const sines = wHat.map((w, j) => (r > 0 && wNorms[j] > 0 ? wedgeNorm(xHat, w) : 1));
	const thetas = wHat.map((w, j) =>
		r > 0 && wNorms[j] > 0 ? Math.atan2(sines[j], dot(xHat, w)) : Math.PI / 2
	);
	const cosines = thetas.map((t) => Math.cos(t));
	const zeroAngular = r === 0 && p.kind !== 'softmax' && p.kind !== 'modified';

	let logits: number[];
	if (zeroAngular && normalised) {
		// No direction: cos θ_j read as 0, as the tfjs heads read x/‖x‖ = 0 (featureLogits
		// would read θ = 0 and give every class s).
		const s = p.s ?? 30;
		logits = W.map((_, j) =>
			j === target && p.kind !== 'modified' ? s * targetCurve(p.kind, Math.PI / 2, opts) : 0
		);
	} else logits = featureLogits(x, W, b, target, p);

	const probs = softmaxProbs(logits);
	const thetaY = hasTarget ? thetas[y] : null;
	const isA = p.kind === 'asoftmax';
	const lambda = Number.isFinite(opts.lambda) && opts.lambda > 0 ? opts.lambda : 0;
	const base = {
		thetas,
		cosines,
		thetaTarget: thetaY,
		psiTarget: isA && thetaY !== null ? psi(thetaY, opts.m, opts.psiMode) : null,
		blendTarget:
			isA && thetaY !== null && lambda > 0 ? targetCurve('asoftmax', thetaY, opts) : null,
		targetScore: thetaY !== null ? targetCurve(p.kind, thetaY, opts) : null,
		logits,
		probs
	};
	if (!hasTarget) return { ...base, loss: null, grad: zerosOf(D), gradNorm: 0, issue: 'noTarget' };
	const loss = crossEntropy(logits, y);
	if (zeroAngular) return { ...base, loss, grad: zerosOf(D), gradNorm: 0, issue: 'zeroFeature' };

	// ∂loss/∂x = Σ_j (p_j − [j = y]) ∂f_j/∂x
	const grad = zerosOf(D);
	const add = (coef: number, v: readonly number[]) => {
		for (let d = 0; d < D; d++) grad[d] += coef * v[d];
	};
	const s = p.s ?? 30;
	for (let j = 0; j < C; j++) {
		const g = probs[j] - (j === y ? 1 : 0);
		if (g === 0) continue;
		if (p.kind === 'softmax') add(g, W[j]);
		else if (j !== y || p.kind === 'modified') {
			// Non-target (or no margin): x·ŵ_j, or s cos θ_j.
			if (!normalised) add(g, wHat[j]);
			else add((g * s) / r, tangent(wHat[j], cosines[j], xHat));
		} else {
			const t = targetCurve(p.kind, thetas[j], opts);
			const slope = targetCurveSlope(p.kind, thetas[j], opts);
			// u: the unit tangent toward ŵ_y; none at a cone point (sin θ_y = 0): term 0.
			const v = tangent(wHat[j], cosines[j], xHat);
			const vn = norm(v);
			const u = sines[j] > 0 && vn > 0 ? v.map((a) => a / vn) : null;
			if (!normalised) {
				add(g * t, xHat);
				if (u) add(-g * slope, u);
			} else if (u) add((-g * s * slope) / r, u);
		}
	}
	return { ...base, loss, grad, gradNorm: norm(grad), issue: null };
}

/** ŵ − c x̂: the part of ŵ across x̂ (‖·‖ = sin θ). */
function tangent(wHat: readonly number[], c: number, xHat: readonly number[]): number[] {
	return wHat.map((v, d) => v - c * xHat[d]);
}

function zerosOf(n: number): number[] {
	return new Array<number>(n).fill(0);
}
