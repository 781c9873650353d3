/**
 * How crowded K classes are on the unit sphere of D dimensions, and the largest margin that
 * still fits: CosFace's m = 0.35 and ArcFace's m = 0.5 were chosen for 512-D features, where
 * thousands of identities have room; 200 identities on the 2-sphere of 3-D features do not.
 * Pure arithmetic, no data.
 */
import type { LossKind } from './margins';

/** Fraction of the unit sphere S^(D−1) within angle r of a point: ∫₀ʳ sin^(D−2) / ∫₀^π sin^(D−2). */
export function capFraction(r: number, dim: number): number {
	if (!(r > 0)) return 0;
	if (r >= Math.PI) return 1;
	if (dim <= 2) return r / Math.PI;
	// Simpson's rule on 2000 intervals: exact to ~1e−12 for the smooth integrands used here.
	const integral = (to: number) => {
		const n = 2000;
		const h = to / n;
		let s = 0;
		for (let k = 0; k <= n; k++) {
			const w = k === 0 || k === n ? 1 : k % 2 === 1 ? 4 : 2;
			s += w * Math.sin(k * h) ** (dim - 2);
		}
		return (s * h) / 3;
	};
	return integral(r) / integral(Math.PI);
}

/**
 * The angular spacing θ_K of K classes spread evenly over S^(D−1): twice the cap radius r for
 * which K caps of radius r have the sphere's whole area (K · capFraction(r) = 1). Exact on
 * the circle (2π/K); on the sphere an estimate within a few per cent of the best packings.
 * π for a single class (it has the sphere to itself).
 */
export function classSpacing(classes: number, dim: number): number {
	if (!(classes > 1)) return Math.PI;
	let lo = 0;
	let hi = Math.PI;
	for (let i = 0; i < 60; i++) {
		const mid = (lo + hi) / 2;
		if (classes * capFraction(mid, dim) < 1) lo = mid;
		else hi = mid;
	}
	return Math.min(Math.PI, lo + hi);
}

/** A margin as used, and whether it was lowered to fit the classes' spacing. */
export interface FittedMargin {
	m: number;
	scaled: boolean;
}

/**
 * The margin a head can use for K classes in D feature dimensions. A feature at its class's
 * centre must beat a neighbour θ_K away with its margin: ArcFace needs m < θ_K and CosFace
 * m < 1 − cos θ_K. Half of that is kept as the largest usable margin, so a class keeps room
 * for its own spread: ArcFace m ≤ θ_K/2, CosFace m ≤ (1 − cos θ_K)/2. Other heads, and
 * margins that already fit, are unchanged. For 6 classes in 3-D the published CosFace 0.35
 * and ArcFace 0.5 fit (caps 0.56 and 0.84); for 200 classes they become 0.020 and 0.14.
 */
export function fitMargin(loss: LossKind, m: number, classes: number, dim: number): FittedMargin {
	const theta = classSpacing(classes, dim);
	const cap =
		loss === 'arcface' ? theta / 2 : loss === 'cosface' ? (1 - Math.cos(theta)) / 2 : Infinity;
	if (!(m > cap)) return { m, scaled: false };
	// Three significant digits, rounded down (the margin appears in tables and labels).
	const p = 10 ** (2 - Math.floor(Math.log10(cap)));
	return { m: Math.floor(cap * p) / p, scaled: true };
}
