/**
 * The A-Softmax angular margin function ψ(θ) and the target curves of the other heads, in
 * float64. These are the formulas the lessons print and the views draw; the tfjs heads in
 * src/lib/model/heads.ts implement the same definitions in float32.
 */

/** How cos(mθ) is evaluated: `chebyshev` (T_m(cos θ), integer m only) or `angle` (cos(m·θ)). */
export type PsiMode = 'chebyshev' | 'angle';

/** True when m is a positive integer, the only case where the Chebyshev form exists. */
export function isIntegerMargin(m: number): boolean {
	return Number.isInteger(m) && m >= 1;
}

/**
 * The Chebyshev polynomial T_m(c) = cos(m·acos c) for integer m ≥ 0, by the three-term
 * recurrence T_{k+1} = 2c·T_k − T_{k−1}. A polynomial in cos θ needs no acos, so it stays
 * exact at θ = 0 and θ = π (the SphereFace Caffe layer uses this form).
 */
export function chebyshevT(m: number, c: number): number {
	if (m === 0) return 1;
	let prev = 1;
	let cur = c;
	for (let k = 1; k < m; k++) {
		const next = 2 * c * cur - prev;
		prev = cur;
		cur = next;
	}
	return cur;
}

/**
 * Power-series coefficients of T_m for integer m ≥ 0: T_m(c) = Σ_i a[i]·c^i (from
 * T_{k+1} = 2c·T_k − T_{k−1}; e.g. T_4 → [1, 0, −8, 0, 8]). Exact integers for the m
 * SphereLab uses, so a polynomial evaluation of cos(mθ) costs a handful of operations.
 */
export function chebyshevCoefficients(m: number): number[] {
	let prev = [1];
	let cur = [0, 1];
	if (m === 0) return prev;
	for (let k = 1; k < m; k++) {
		const next = new Array<number>(cur.length + 1).fill(0);
		cur.forEach((a, i) => (next[i + 1] += 2 * a));
		prev.forEach((a, i) => (next[i] -= a));
		prev = cur;
		cur = next;
	}
	return cur;
}

/** Coefficients of the derivative of Σ a[i]·c^i. */
export function derivativeCoefficients(a: readonly number[]): number[] {
	return a.slice(1).map((v, i) => v * (i + 1));
}

/**
 * The branch index of ψ: k = min(⌊mθ/π⌋, ⌈m⌉ − 1). For integer m this is the paper's
 * θ ∈ [kπ/m, (k+1)π/m]; the cap ⌈m⌉ − 1 keeps θ = π (and real m) on the last branch.
 */
export function psiBranch(theta: number, m: number): number {
	const k = Math.floor((m * theta) / Math.PI);
	return Math.max(0, Math.min(k, Math.ceil(m) - 1));
}

/**
 * cos(mθ), by the Chebyshev polynomial when asked and m is an integer, else directly.
 * @param theta angle in [0, π]
 */
export function cosMTheta(theta: number, m: number, mode: PsiMode = 'angle'): number {
	if (mode === 'chebyshev' && isIntegerMargin(m)) return chebyshevT(m, Math.cos(theta));
	return Math.cos(m * theta);
}

/**
 * ψ(θ) = (−1)^k cos(mθ) − 2k, k = min(⌊mθ/π⌋, ⌈m⌉ − 1): SphereFace's monotone extension of
 * cos(mθ) to all of [0, π]. Continuous and decreasing, ψ(0) = 1, ψ(π) = −(2m − 1) for integer
 * m; with m = 1 it is cos θ. Works for real m ≥ 1 (the continuous mode of the margin slider).
 * @param theta angle to the target weight, in [0, π] (values outside are clamped)
 * @param m multiplicative angular margin, m ≥ 1
 */
export function psi(theta: number, m: number, mode: PsiMode = 'angle'): number {
	const t = Math.min(Math.PI, Math.max(0, theta));
	const k = psiBranch(t, m);
	const sign = k % 2 === 0 ? 1 : -1;
	return sign * cosMTheta(t, m, mode) - 2 * k;
}

/**
 * The annealed A-Softmax target (λ cos θ + ψ(θ)) / (1 + λ): λ = 0 is the pure margin, large λ
 * approaches the modified softmax. Negative or non-finite λ is treated as 0.
 */
export function psiMixed(
	theta: number,
	m: number,
	lambda: number,
	mode: PsiMode = 'angle'
): number {
	const l = Number.isFinite(lambda) && lambda > 0 ? lambda : 0;
	const p = psi(theta, m, mode);
	if (l === 0) return p;
	return (l * Math.cos(theta) + p) / (1 + l);
}

/**
 * The loss heads SphereLab teaches; `combined` is InsightFace's one head for the family,
 * s·(cos(m1·θ + m2) − m3) (see `combinedTarget`).
 */
export type HeadKind = 'softmax' | 'modified' | 'asoftmax' | 'cosface' | 'arcface' | 'combined';

/**
 * Whether a head's logits use the scale s instead of the feature norm: CosFace, ArcFace and
 * the combined head normalise the features; A-Softmax does when asked to.
 */
export function usesScale(kind: HeadKind | string, normalizeFeatures = false): boolean {
	return kind === 'cosface' || kind === 'arcface' || kind === 'combined' || normalizeFeatures;
}

/** ArcFace target variants: `th_mm` (insightface's default, "easy margin" off) or `plain`. */
export type ArcfaceVariant = 'th_mm' | 'plain';

/** What shapes a head's target curve. */
export interface TargetOptions {
	/** A-Softmax: multiplicative margin (≥ 1); CosFace, ArcFace: additive margin. */
	m?: number;
	/** Combined head: multiplicative angular margin m1 (≥ 1, SphereFace's m). */
	m1?: number;
	/** Combined head: additive angular margin m2 (ArcFace's m; negative allowed). */
	m2?: number;
	/** Combined head: additive cosine margin m3 (CosFace's m; negative allowed). */
	m3?: number;
	/** A-Softmax annealing λ (0 = pure margin). */
	lambda?: number;
	psiMode?: PsiMode;
	arcfaceVariant?: ArcfaceVariant;
}

/**
 * ArcFace's φ(θ): cos(θ + m) while θ < π − m (cos θ > cos(π − m)), else the linear
 * continuation cos θ − m·sin m that keeps φ decreasing (`th_mm`); `plain` is cos(θ + m).
 */
export function arcfaceTarget(theta: number, m: number, variant: ArcfaceVariant = 'th_mm'): number {
	const c = Math.cos(theta);
	if (variant === 'plain' || c > Math.cos(Math.PI - m)) return Math.cos(theta + m);
	return c - m * Math.sin(m);
}

/** The combined head's margins: m1 (multiplicative), m2 (additive angle), m3 (additive cosine). */
export interface CombinedMargins {
	m1: number;
	m2: number;
	m3: number;
}

/** The presets of the combined head: the three papers as special cases, and InsightFace's mix. */
export const COMBINED_PRESETS: Readonly<
	Record<'sphereface' | 'arcface' | 'cosface' | 'combined', CombinedMargins>
> = Object.freeze({
	sphereface: { m1: 4, m2: 0, m3: 0 },
	arcface: { m1: 1, m2: 0.5, m3: 0 },
	cosface: { m1: 1, m2: 0, m3: 0.35 },
	combined: { m1: 1, m2: 0.3, m3: 0.2 }
});

/**
 * The branch index of the combined target: k = ⌊u/π⌋ for u = m1·θ + m2, clamped to
 * 0…⌈m1 + m2/π⌉ − 1 (the largest branch θ = π reaches; at m2 = 0 this is `psiBranch`).
 * Below u = 0 (a negative m2 near θ = 0) k stays 0: there the target is cos(u) − m3, as in
 * Liu et al. (2020), which rises to its peak 1 − m3 at θ = −m2/m1 instead of at θ = 0.
 */
export function combinedBranch(theta: number, c: CombinedMargins): number {
	const u = c.m1 * theta + c.m2;
	const last = Math.max(0, Math.ceil(c.m1 + c.m2 / Math.PI) - 1);
	return Math.max(0, Math.min(Math.floor(u / Math.PI), last));
}

/**
 * The combined margin target (InsightFace): cos(m1·θ + m2) − m3, extended past u = m1·θ + m2
 * = π by SphereFace's rule (−1)^k cos(u) − 2k − m3, k = `combinedBranch`. Why this extension:
 * it is continuous and decreasing on all of [0, π] for every m1 ≥ 1, m2 ≥ 0 (no jump, no
 * rising part that would reward a feature for moving away from its class); at m2 = m3 = 0 it
 * is exactly SphereFace's ψ_m1; at m1 = 1, m2 = 0 it is CosFace's cos θ − m3; at m1 = 1,
 * m3 = 0 it is ArcFace's cos(θ + m2) up to θ = π − m2, where ArcFace (insightface's `th_mm`)
 * instead jumps to the line cos θ − m2·sin m2 (`arcfaceTarget`).
 */
export function combinedTarget(theta: number, c: CombinedMargins): number {
	const t = Math.min(Math.PI, Math.max(0, theta));
	const k = combinedBranch(t, c);
	const sign = k % 2 === 0 ? 1 : -1;
	return sign * Math.cos(c.m1 * t + c.m2) - 2 * k - c.m3;
}

/** d/dθ of `combinedTarget`: −(−1)^k m1 sin(m1·θ + m2) (continuous: sin u = 0 at the branch points). */
export function combinedTargetSlope(theta: number, c: CombinedMargins): number {
	const t = Math.min(Math.PI, Math.max(0, theta));
	const k = combinedBranch(t, c);
	return -(k % 2 === 0 ? 1 : -1) * c.m1 * Math.sin(c.m1 * t + c.m2);
}

/** The combined margins in target options, with the combined preset's values where unset. */
export function combinedMargins(opts: TargetOptions): CombinedMargins {
	return {
		m1: opts.m1 ?? COMBINED_PRESETS.combined.m1,
		m2: opts.m2 ?? COMBINED_PRESETS.combined.m2,
		m3: opts.m3 ?? COMBINED_PRESETS.combined.m3
	};
}

/**
 * The target class's angular score f_y / scale as a function of θ_y: the curve a class must
 * beat cos θ_j with. Softmax and modified softmax: cos θ; A-Softmax: (λ cos θ + ψ)/(1+λ);
 * CosFace: cos θ − m; ArcFace: φ(θ); combined: `combinedTarget`. (For softmax this ignores ‖W‖ and b: its decisions are
 * not angular.)
 */
export function targetCurve(kind: HeadKind, theta: number, opts: TargetOptions = {}): number {
	switch (kind) {
		case 'softmax':
		case 'modified':
			return Math.cos(theta);
		case 'asoftmax':
			return psiMixed(theta, opts.m ?? 4, opts.lambda ?? 0, opts.psiMode ?? 'angle');
		case 'cosface':
			return Math.cos(theta) - (opts.m ?? 0.35);
		case 'arcface':
			return arcfaceTarget(theta, opts.m ?? 0.5, opts.arcfaceVariant ?? 'th_mm');
		case 'combined':
			return combinedTarget(theta, combinedMargins(opts));
	}
}
