/**
 * Class regions on the unit circle (2D features) for any head, and the SphereFace bounds
 * on m. A direction at polar angle φ belongs to class i when target_i(θ_i) beats cos θ_j for
 * every other class j (θ = the angle to each unit weight); for margin heads some directions
 * belong to no class: those are the margin wedges the feature-circle view shades.
 */
import { targetCurve, type HeadKind, type TargetOptions } from './psi';
import { angleBetween, wrapAngle } from './vec';

/** An arc of the circle, from `start` counter-clockwise by `width` (radians). */
export interface Arc {
	start: number;
	width: number;
}

/** The smallest m with max intra-class angle ≤ min inter-class angle, two classes (SphereFace Property 2). */
export const M_MIN_BINARY = 2 + Math.sqrt(3);
/** The same bound for many classes evenly spread on the circle (SphereFace Property 3). */
export const M_MIN_MULTICLASS = 3;

/** The paper's lower bound on m for `numClasses` classes in 2D. */
export function marginBound(numClasses: number): number {
	return numClasses <= 2 ? M_MIN_BINARY : M_MIN_MULTICLASS;
}

/** Angle in [0, π] between two directions given by polar angles. */
function angularDistance(a: number, b: number): number {
	const d = wrapAngle(a - b);
	return d > Math.PI ? 2 * Math.PI - d : d;
}

/**
 * How much class i's margin target beats the best other class at direction φ (> 0: i owns
 * φ). Scales (‖x‖ or s) multiply both sides alike, so the comparison is scale-free.
 */
export function ownershipGap(
	weightAngles: readonly number[],
	i: number,
	phi: number,
	kind: HeadKind,
	opts: TargetOptions = {}
): number {
	const own = targetCurve(kind, angularDistance(phi, weightAngles[i]), opts);
	let best = -Infinity;
	for (let j = 0; j < weightAngles.length; j++) {
		if (j !== i) best = Math.max(best, Math.cos(angularDistance(phi, weightAngles[j])));
	}
	return own - best;
}

/**
 * The class other than i whose weight is nearest (by angle) to direction φ: the rival that
 * decides class i's boundary there. With more than two classes, a third class close to i
 * can bound i's region toward j, and then the two-class margin (m − 1)Δ/(m + 1) does not apply.
 */
export function nearestRival(weightAngles: readonly number[], i: number, phi: number): number {
	let best = -1;
	let bestCos = -Infinity;
	for (let j = 0; j < weightAngles.length; j++) {
		if (j === i) continue;
		const c = Math.cos(angularDistance(phi, weightAngles[j]));
		if (c > bestCos) {
			bestCos = c;
			best = j;
		}
	}
	return best;
}

/** Bounds of the walk's step (radians): never coarser than 0.01, never finer than 1e-4. */
const STEP_MAX = 0.01;
const STEP_MIN = 1e-4;

/**
 * Walks from φ = 0 outward in `dir` until the gap turns non-positive, then bisects the edge.
 * The gap changes fast only near other weights, so the step at offset t is a 64th of the
 * distance to the nearest other weight, `behind + t` back or `ahead − t` forward (clamped
 * to [STEP_MIN, STEP_MAX]): as fine as a uniform step of a 64th of the closest pair near
 * close weights, without crawling at that pace across the rest of the arc (a pair of
 * weights 0.001 apart made every class walk at 1e-4 rad a step: 20–40 ms per snapshot).
 */
function edge(gap: (offset: number) => number, dir: 1 | -1, behind: number, ahead: number): number {
	let inside = 0;
	let t = 0;
	while (inside < Math.PI) {
		const near = Math.min(behind + t, Math.abs(ahead - t));
		t += Math.max(STEP_MIN, Math.min(STEP_MAX, near / 64));
		const at = Math.min(t, Math.PI);
		if (gap(dir * at) <= 0) {
			let lo = inside;
			let hi = at;
			for (let k = 0; k < 100 && hi - lo > 1e-15; k++) {
				const mid = 0.5 * (lo + hi);
				if (gap(dir * mid) > 0) lo = mid;
				else hi = mid;
			}
			return 0.5 * (lo + hi);
		}
		inside = at;
	}
	return Math.PI;
}

/**
 * Each class's arc on the unit circle for unit weights at the given polar angles: where
 * it wins with its margin. Null for a class that wins nowhere (its own direction already
 * loses, e.g. two weights on top of each other under a margin head).
 */
export function classArcs2d(
	weightAngles: readonly number[],
	kind: HeadKind,
	opts: TargetOptions = {}
): (Arc | null)[] {
	return weightAngles.map((w, i) => {
		const gap = (offset: number) => ownershipGap(weightAngles, i, w + offset, kind, opts);
		if (!(gap(0) > 0)) return null;
		// Distance to the nearest other weight counter-clockwise and clockwise.
		let ccwNext = 2 * Math.PI;
		let cwNext = 2 * Math.PI;
		for (let j = 0; j < weightAngles.length; j++) {
			if (j === i) continue;
			const d = wrapAngle(weightAngles[j] - w);
			ccwNext = Math.min(ccwNext, d);
			cwNext = Math.min(cwNext, 2 * Math.PI - d);
		}
		const ccw = edge(gap, 1, cwNext, ccwNext);
		const cw = edge(gap, -1, ccwNext, cwNext);
		return { start: wrapAngle(w - cw), width: Math.min(2 * Math.PI, ccw + cw) };
	});
}

/**
 * The worst-case angles of a region layout: the largest angle between two directions of
 * one class (min(width, π)) and the smallest angle between directions of two different
 * classes (the narrowest unowned gap between two arcs). SphereFace's criterion asks for
 * maxIntra < minInter.
 */
export function arcAngleStats(arcs: readonly (Arc | null)[]): {
	maxIntra: number;
	minInter: number;
} {
	const owned = arcs.filter((a): a is Arc => a !== null);
	let maxIntra = 0;
	for (const a of owned) maxIntra = Math.max(maxIntra, Math.min(a.width, Math.PI));
	// For disjoint arcs the closest pair of directions is a pair of endpoints.
	const ends = (a: Arc) => [a.start, a.start + a.width];
	let minInter = Math.PI;
	for (let i = 0; i < owned.length; i++)
		for (let j = i + 1; j < owned.length; j++)
			for (const p of ends(owned[i]))
				for (const q of ends(owned[j])) minInter = Math.min(minInter, angularDistance(p, q));
	return { maxIntra, minInter };
}

/**
 * The class that owns direction `p` (any dimension) under the head's margin rule, or -1 in
 * the margin band: class i owns p when its target t_i(θ_i) beats cos θ_j for every other
 * class j. This is the CPU twin of the sphere view's fragment shader
 * (src/lib/viz/shaders/sphereRegions.frag.glsl); softmax and modified softmax reduce to
 * the nearest weight by angle.
 */
export function regionOf(
	p: readonly number[],
	weights: readonly (readonly number[])[],
	kind: HeadKind,
	opts: TargetOptions = {}
): number {
	const cosines = weights.map((w) => Math.cos(angleBetween(p, w)));
	for (let i = 0; i < weights.length; i++) {
		const own = targetCurve(kind, Math.acos(Math.max(-1, Math.min(1, cosines[i]))), opts);
		let best = -Infinity;
		for (let j = 0; j < weights.length; j++) if (j !== i) best = Math.max(best, cosines[j]);
		if (own > best) return i;
	}
	return -1;
}
