/**
 * Decision boundaries on the circle. For two unit class weights w1, w2 that are Δ apart and
 * a feature between them at angle θ1 from w1 (so θ2 = Δ − θ1), class 1 wins with its margin
 * while target(θ1) > cos θ2, where target is the head's curve (see `targetCurve`). The
 * boundary is the θ1 where the two are equal; the class-2 boundary sits symmetrically at
 * θ1 from w2, so the wedge between them that no class owns is Δ − 2θ1.
 */
import { targetCurve, type HeadKind, type TargetOptions } from './psi';

/** Finds the root of a function that changes sign on [lo, hi] by bisection to full precision. */
function bisect(f: (x: number) => number, lo: number, hi: number): number {
	let a = lo;
	let b = hi;
	let fa = f(a);
	for (let i = 0; i < 200; i++) {
		const mid = 0.5 * (a + b);
		if (mid <= a || mid >= b) break; // no representable point left between a and b
		const fm = f(mid);
		if (fm === 0) return mid;
		if (fm > 0 === fa > 0) {
			a = mid;
			fa = fm;
		} else {
			b = mid;
		}
	}
	return 0.5 * (a + b);
}

/**
 * θ1: the angle from w1 toward w2 at which class 1's decision boundary lies, for two unit
 * weights `delta` apart (0 < Δ ≤ π). Closed forms: modified softmax Δ/2; A-Softmax at λ = 0
 * Δ/(m + 1); ArcFace (Δ − m)/2. Solved numerically otherwise (A-Softmax with λ > 0, CosFace).
 * Returns null when no boundary falls inside the arc (class 1 cannot win anywhere between
 * the weights, e.g. an additive margin larger than Δ allows). Softmax is treated as the
 * modified softmax (unit weights, no bias).
 */
export function boundaryAngle2d(
	kind: HeadKind,
	delta: number,
	opts: TargetOptions = {}
): number | null {
	if (!(delta > 0 && delta <= Math.PI)) return null;
	const gap = (t1: number) => targetCurve(kind, t1, opts) - Math.cos(delta - t1);
	if (kind === 'softmax' || kind === 'modified') return delta / 2;
	if (kind === 'asoftmax' && !((opts.lambda ?? 0) > 0)) {
		const m = opts.m ?? 4;
		// θ1 = Δ/(m+1) solves cos(mθ1) = cos(Δ − θ1) on the first branch (mθ1 ≤ π).
		if (m * (delta / (m + 1)) <= Math.PI) return delta / (m + 1);
	}
	if (kind === 'arcface') {
		const t = (delta - (opts.m ?? 0.5)) / 2;
		// The closed form holds on the cos(θ + m) branch, i.e. while θ1 < π − m.
		if (t <= 0) return null;
		if (t < Math.PI - (opts.m ?? 0.5)) return t;
	}
	// The gap decreases in θ1 on [0, Δ]: target curves decrease, cos(Δ − θ1) increases.
	const g0 = gap(0);
	const g1 = gap(delta);
	if (!(g0 > 0)) return null;
	if (g1 >= 0) return delta;
	return bisect(gap, 0, delta);
}

/**
 * The angular margin between the two classes' boundaries, Δ − 2θ1: the wedge that neither
 * class owns. (m − 1)Δ/(m + 1) for A-Softmax at λ = 0. Null when there is no boundary.
 */
export function marginBetweenBoundaries(
	kind: HeadKind,
	delta: number,
	opts: TargetOptions = {}
): number | null {
	const t1 = boundaryAngle2d(kind, delta, opts);
	return t1 === null ? null : Math.max(0, delta - 2 * t1);
}
