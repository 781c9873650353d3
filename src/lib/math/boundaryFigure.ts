/**
 * The data of the boundaries figure (SphereFace's Fig. 2, CosFace's Fig. 2): for two classes
 * whose unit weights W1, W2 are Δ apart, where each loss puts the decision boundary of each
 * class, in two pictures.
 *
 * 1. Angle space (θ1, θ2) ∈ [0, π]²: class 1 wins with its margin where t1(θ1) > cos θ2 (t1
 *    its target curve, `targetCurve`), so its boundary is t1(θ1) = cos θ2; class 2's is the
 *    mirror image t2(θ2) = cos θ1. Between the two lies the margin band that no class owns.
 *    Softmax compares ‖W1‖cos θ1 with ‖W2‖cos θ2 (no bias): t1 = r·cos θ1, t2 = cos θ2 / r for
 *    the norm ratio r = ‖W1‖/‖W2‖, one boundary for both classes.
 * 2. On the circle: the arc from W1 to W2 split into class 1's part, the wedge no class owns
 *    and class 2's part (`boundaryAngle2d`, `marginBetweenBoundaries`).
 *
 * Pure TypeScript; every point returned is finite (a view never draws NaN).
 */
import { boundaryAngle2d, marginBetweenBoundaries } from './boundary';
import { targetCurve, type HeadKind, type TargetOptions } from './psi';

/** A point of angle space: [θ1, θ2] in radians, both in [0, π]. */
export type AnglePoint = [number, number];

/** What shapes a loss's boundaries in the figure: its target options plus softmax's norm ratio. */
export interface FigureOptions extends TargetOptions {
	/** Softmax only: ‖W1‖/‖W2‖ (default 1, where softmax's boundary is modified softmax's). */
	normRatio?: number;
}

/** The losses of the figure, in ring order (innermost first) and legend order. */
export const FIGURE_KINDS: readonly HeadKind[] = Object.freeze([
	'softmax',
	'modified',
	'asoftmax',
	'cosface',
	'arcface'
]);

/** The papers' margins, used for the losses whose margin the reader is not moving. */
export const PAPER_MARGINS: Readonly<Record<'asoftmax' | 'cosface' | 'arcface', number>> =
	Object.freeze({ asoftmax: 4, cosface: 0.35, arcface: 0.5 });

/** A positive finite norm ratio, else 1 (a zero or NaN ratio has no boundary to draw). */
export function safeNormRatio(r: number | undefined): number {
	return r !== undefined && Number.isFinite(r) && r > 0 ? r : 1;
}

/**
 * Class `cls`'s target at its own angle θ: the score it must beat the other class's cos with.
 * Softmax: r·cos θ for class 1 and cos θ / r for class 2 (both sides of ‖W1‖cos θ1 =
 * ‖W2‖cos θ2 divided by ‖W2‖, resp. ‖W1‖); every other head: `targetCurve`, the same for
 * both classes (unit weights).
 */
export function classTarget(
	kind: HeadKind,
	cls: 1 | 2,
	theta: number,
	opts: FigureOptions = {}
): number {
	if (kind === 'softmax') {
		const r = safeNormRatio(opts.normRatio);
		return cls === 1 ? r * Math.cos(theta) : Math.cos(theta) / r;
	}
	return targetCurve(kind, theta, opts);
}

/**
 * θ where a target curve changes formula: A-Softmax's branch ends kπ/m, ArcFace's switch to
 * its linear continuation at π − m. A polyline through these bends where the curve does.
 */
function kinks(kind: HeadKind, opts: FigureOptions): number[] {
	const out: number[] = [];
	if (kind === 'asoftmax') {
		const m = opts.m ?? PAPER_MARGINS.asoftmax;
		if (Number.isFinite(m) && m > 1)
			for (let k = 1; k < Math.ceil(m); k++) out.push((k * Math.PI) / m);
	}
	if (kind === 'arcface') {
		const m = opts.m ?? PAPER_MARGINS.arcface;
		if (Number.isFinite(m)) out.push(Math.PI - m);
	}
	return out.filter((t) => t > 0 && t < Math.PI);
}

/**
 * θ where a target curve jumps: ArcFace's th_mm at π − m. There cos(θ + m) has just reached
 * −1 and the head switches to cos θ − m·sin m = −cos m − m·sin m < −1 (for 0 < m ≤ π/2):
 * the curve drops below −1 and class 1 can no longer win at any θ2. (The plain cos(θ + m)
 * would instead turn back up past π − m, non-monotone, as if a feature further from its
 * weight scored better; insightface's th_mm avoids that, and the figure draws what the head
 * in src/lib/model/heads.ts computes.) A piece must not be joined across a jump.
 */
function jumps(kind: HeadKind, opts: FigureOptions): number[] {
	if (kind !== 'arcface' || (opts.arcfaceVariant ?? 'th_mm') !== 'th_mm') return [];
	const m = opts.m ?? PAPER_MARGINS.arcface;
	return Number.isFinite(m) && m > 0 && m < Math.PI ? [Math.PI - m] : [];
}

/**
 * Between a (target in [−1, 1]) and b (target outside), the θ closest to b whose target is
 * still in [−1, 1], by bisection to full precision: where the curve leaves the square.
 */
function edgeOf(f: (t: number) => number, a: number, b: number): number {
	const inside = (t: number) => Math.abs(f(t)) <= 1;
	let lo = a;
	let hi = b;
	for (let i = 0; i < 200; i++) {
		const mid = 0.5 * (lo + hi);
		if (mid === lo || mid === hi) break;
		if (inside(mid)) lo = mid;
		else hi = mid;
	}
	return lo;
}

/** The default number of uniform samples over [0, π] (every 0.5°). */
export const CURVE_SAMPLES = 361;

/**
 * Class `cls`'s boundary in angle space: the points where its target at its own angle equals
 * the cos of the other class's angle, as [θ1, θ2] pieces (polylines). θ_own runs over a
 * uniform grid plus the curve's kinks; θ_other = acos(target) wherever the target lies in
 * [−1, 1]. Below −1 the class cannot win at any θ_other (above +1, softmax with r > 1, it
 * always wins), so the curve has left the square: a piece ends on the square's edge (found by
 * bisection) and the next starts where the curve comes back. A piece also ends at a jump of
 * the target. Every point satisfies the boundary equation up to cos(acos(v)) rounding.
 */
export function boundaryCurve(
	kind: HeadKind,
	cls: 1 | 2,
	opts: FigureOptions = {},
	samples = CURVE_SAMPLES
): AnglePoint[][] {
	const f = (t: number) => classTarget(kind, cls, t, opts);
	const n = Math.round(Math.min(4000, Math.max(16, Number.isFinite(samples) ? samples : 0)));
	const grid = Array.from({ length: n }, (_, i) => (Math.PI * i) / (n - 1));
	grid.push(...kinks(kind, opts));
	grid.sort((a, b) => a - b);
	const breaks = jumps(kind, opts);
	const point = (t: number): AnglePoint => {
		const other = Math.acos(Math.min(1, Math.max(-1, f(t))));
		return cls === 1 ? [t, other] : [other, t];
	};
	const pieces: AnglePoint[][] = [];
	let piece: AnglePoint[] = [];
	const close = () => {
		if (piece.length >= 2) pieces.push(piece);
		piece = [];
	};
	let prev = NaN;
	let prevIn = false;
	for (const t of grid) {
		if (t === prev) continue;
		const v = f(t);
		if (!Number.isFinite(v)) {
			close();
			prev = t;
			prevIn = false;
			continue;
		}
		const isIn = Math.abs(v) <= 1;
		const jumped = Number.isFinite(prev) && breaks.some((j) => j > prev && j <= t);
		if (jumped) {
			// Run up to the jump from the left, then start afresh on its right.
			if (prevIn)
				piece.push(
					point(
						edgeOf(
							f,
							prev,
							breaks.find((j) => j > prev && j <= t)!
						)
					)
				);
			close();
		} else if (Number.isFinite(prev) && isIn !== prevIn) {
			// The curve crosses the square's edge between prev and t.
			if (prevIn) {
				piece.push(point(edgeOf(f, prev, t)));
				close();
			} else {
				piece.push(point(edgeOf(f, t, prev)));
			}
		}
		if (isIn) piece.push(point(t));
		prev = t;
		prevIn = isIn;
	}
	close();
	return pieces.map(dedupe);
}

/** Drops consecutive repeats (an edge point that is also a grid point). */
function dedupe(points: AnglePoint[]): AnglePoint[] {
	return points.filter((p, i) => i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1]);
}

/** Both classes' boundaries of one loss in angle space. */
export interface BoundaryCurves {
	kind: HeadKind;
	/** t1(θ1) = cos θ2, as pieces of [θ1, θ2]. */
	class1: AnglePoint[][];
	/** t2(θ2) = cos θ1 (the mirror image of class1 for every head but softmax with r ≠ 1). */
	class2: AnglePoint[][];
}

/** The class-1 and class-2 boundaries of `kind` in angle space. */
export function boundaryCurves(
	kind: HeadKind,
	opts: FigureOptions = {},
	samples = CURVE_SAMPLES
): BoundaryCurves {
	return {
		kind,
		class1: boundaryCurve(kind, 1, opts, samples),
		class2: boundaryCurve(kind, 2, opts, samples)
	};
}

/**
 * The margin band of `kind` in angle space, as one closed polygon of [θ1, θ2]: the points
 * where neither class wins with its margin, t1(θ1) ≤ cos θ2 and t2(θ2) ≤ cos θ1. Its upper
 * edge is θ2 = acos(t1(θ1)) clamped to [0, π] (π where class 1 cannot win at all), its lower
 * edge the same for class 2 with the axes swapped, closed through the corner (0, 0). This
 * needs non-increasing targets, which every head has as the head computes it (ArcFace with
 * th_mm; see `jumps`). Zero area for softmax and modified softmax (one boundary, no margin).
 */
export function marginBand(
	kind: HeadKind,
	opts: FigureOptions = {},
	samples = CURVE_SAMPLES
): AnglePoint[] {
	const n = Math.round(Math.min(4000, Math.max(16, Number.isFinite(samples) ? samples : 0)));
	const grid = Array.from({ length: n }, (_, i) => (Math.PI * i) / (n - 1));
	grid.push(...kinks(kind, opts));
	grid.sort((a, b) => a - b);
	const edge = (cls: 1 | 2, t: number) => {
		const v = classTarget(kind, cls, t, opts);
		// NaN (no value) counts as "cannot win": the edge sits on the square's far side.
		return Number.isFinite(v) ? Math.acos(Math.min(1, Math.max(-1, v))) : Math.PI;
	};
	const upper = grid.map((t): AnglePoint => [t, edge(1, t)]);
	const lower = grid.map((t): AnglePoint => [edge(2, t), t]).reverse();
	return dedupe([...upper, ...lower, [0, 0]]);
}

/** One loss's ring on the circle: the arc from W1 to W2 split at the boundaries. */
export interface BoundaryRing {
	kind: HeadKind;
	/** Class 1's boundary, as the angle from W1 toward W2 (null: no boundary inside the arc). */
	theta1: number | null;
	/** Class 2's boundary, as the angle from W2 toward W1 (null with theta1). */
	theta2: number | null;
	/** The wedge between the boundaries that no class owns, Δ − θ1 − θ2 (null: no boundary). */
	margin: number | null;
}

/**
 * The ring of `kind` for weights `delta` apart (0 < Δ ≤ π). The margin heads and modified
 * softmax by `boundaryAngle2d` / `marginBetweenBoundaries` (symmetric: θ2 = θ1). Softmax with
 * norm ratio r: r·cos θ1 = cos(Δ − θ1) gives tan θ1 = (r − cos Δ)/sin Δ, one boundary for
 * both classes (θ2 = Δ − θ1, no wedge); with r = 1 it is modified softmax's Δ/2. Null angles
 * when the boundary falls outside the arc (a margin too large for Δ, or r ≤ cos Δ).
 */
export function boundaryRing(
	kind: HeadKind,
	delta: number,
	opts: FigureOptions = {}
): BoundaryRing {
	const none: BoundaryRing = { kind, theta1: null, theta2: null, margin: null };
	if (!(delta > 0 && delta <= Math.PI)) return none;
	const r = safeNormRatio(opts.normRatio);
	if (kind === 'softmax' && r !== 1) {
		const t1 = Math.atan2(r - Math.cos(delta), Math.sin(delta));
		if (!(t1 > 0 && t1 < delta)) return none;
		return { kind, theta1: t1, theta2: delta - t1, margin: 0 };
	}
	const t1 = boundaryAngle2d(kind, delta, opts);
	const margin = marginBetweenBoundaries(kind, delta, opts);
	if (t1 === null || margin === null) return none;
	return { kind, theta1: t1, theta2: t1, margin };
}

/** The margins of the three margin losses in the figure. */
export interface FigureMargins {
	asoftmax: number;
	cosface: number;
	arcface: number;
}

/** Each loss's options in the figure: its margin, A-Softmax's λ, softmax's norm ratio. */
export function figureOptions(
	kind: HeadKind,
	margins: FigureMargins,
	lambda = 0,
	normRatio = 1
): FigureOptions {
	switch (kind) {
		case 'softmax':
			return { normRatio: safeNormRatio(normRatio) };
		case 'modified':
			return {};
		case 'asoftmax':
			return {
				m: finiteOr(margins.asoftmax, PAPER_MARGINS.asoftmax, 1),
				lambda: Number.isFinite(lambda) && lambda > 0 ? lambda : 0
			};
		case 'cosface':
			return { m: finiteOr(margins.cosface, PAPER_MARGINS.cosface, 0) };
		case 'arcface':
			return { m: finiteOr(margins.arcface, PAPER_MARGINS.arcface, 0) };
		case 'combined':
			// Not one of the figure's rings (FIGURE_KINDS): the combined preset's curve.
			return {};
	}
}

/** v when finite, else the fallback; never below `min` (A-Softmax's m ≥ 1, additive m ≥ 0). */
function finiteOr(v: number, fallback: number, min: number): number {
	return Math.max(min, Number.isFinite(v) ? v : fallback);
}

/** The five rings for weights `delta` apart, innermost (softmax) first. */
export function figureRings(
	delta: number,
	margins: FigureMargins,
	lambda = 0,
	normRatio = 1
): BoundaryRing[] {
	return FIGURE_KINDS.map((kind) =>
		boundaryRing(kind, delta, figureOptions(kind, margins, lambda, normRatio))
	);
}

/** The two class weights with the smallest angle between them. */
export interface WeightPair {
	i: number;
	j: number;
	/** Their angle in radians, in [0, π]. */
	delta: number;
}

/**
 * The pair of class weights (rows of a [k, dim] matrix, row-major) with the smallest angle,
 * i < j, the first such pair on ties. The angle is 2·atan2(‖â − b̂‖, ‖â + b̂‖) of the unit
 * rows: accurate near 0 and π (acos of the cosine loses half its digits there) in O(dim).
 * Zero rows have no direction and are skipped. Null with fewer than two usable rows, a bad
 * k or dim, or any non-finite value in the k rows.
 */
export function nearestWeightPair(
	weights: ArrayLike<number>,
	k: number,
	dim: number
): WeightPair | null {
	if (!Number.isInteger(k) || !Number.isInteger(dim) || k < 2 || dim < 1) return null;
	if (weights.length < k * dim) return null;
	const units: (number[] | null)[] = [];
	for (let r = 0; r < k; r++) {
		// Scaled by the largest entry first, so squares of huge or tiny rows neither overflow
		// nor underflow.
		let big = 0;
		for (let d = 0; d < dim; d++) {
			const v = weights[r * dim + d];
			if (!Number.isFinite(v)) return null;
			big = Math.max(big, Math.abs(v));
		}
		if (big === 0) {
			units.push(null);
			continue;
		}
		const u: number[] = [];
		for (let d = 0; d < dim; d++) u.push(weights[r * dim + d] / big);
		const len = Math.hypot(...u);
		units.push(u.map((v) => v / len));
	}
	let best: WeightPair | null = null;
	for (let i = 0; i < k; i++) {
		const a = units[i];
		if (!a) continue;
		for (let j = i + 1; j < k; j++) {
			const b = units[j];
			if (!b) continue;
			let diff = 0;
			let sum = 0;
			for (let d = 0; d < dim; d++) {
				diff += (a[d] - b[d]) ** 2;
				sum += (a[d] + b[d]) ** 2;
			}
			const delta = 2 * Math.atan2(Math.sqrt(diff), Math.sqrt(sum));
			if (best === null || delta < best.delta) best = { i, j, delta };
		}
	}
	return best;
}
