/**
 * Small vector and angle helpers on plain number arrays (any dimension; the product uses
 * 2 and 3). Angles are in radians.
 */

export type Vec2 = [number, number];
export type Vec3 = [number, number, number];
/** A vector of any dimension. */
export type Vec = readonly number[];

/** a · b */
export function dot(a: Vec, b: Vec): number {
	let s = 0;
	for (let i = 0; i < a.length; i++) s += a[i] * b[i];
	return s;
}

/** ‖a‖, computed with hypot-style scaling so tiny and huge vectors do not under/overflow. */
export function norm(a: Vec): number {
	let scale = 0;
	for (const v of a) scale = Math.max(scale, Math.abs(v));
	if (scale === 0 || !Number.isFinite(scale)) return scale;
	let s = 0;
	for (const v of a) s += (v / scale) ** 2;
	return scale * Math.sqrt(s);
}

/** a / ‖a‖; the zero vector stays zero (it has no direction, and we never divide by 0). */
export function normalize(a: Vec): number[] {
	const n = norm(a);
	return n > 0 ? a.map((v) => v / n) : a.map(() => 0);
}

/**
 * ‖a ∧ b‖ = ‖a‖‖b‖ sin θ, from the pairwise 2×2 minors (Lagrange's identity). Unlike
 * sqrt(1 − cos²θ) it keeps full relative precision for nearly parallel vectors.
 */
export function wedgeNorm(a: Vec, b: Vec): number {
	let s = 0;
	for (let i = 0; i < a.length; i++) {
		for (let j = i + 1; j < a.length; j++) {
			const m = a[i] * b[j] - a[j] * b[i];
			s += m * m;
		}
	}
	return Math.sqrt(s);
}

/**
 * The angle θ ∈ [0, π] between a and b, as atan2(‖a ∧ b‖, a · b): accurate near 0 and π,
 * where acos(cos θ) loses half the digits. Returns 0 when either vector is zero.
 */
export function angleBetween(a: Vec, b: Vec): number {
	return Math.atan2(wedgeNorm(a, b), dot(a, b));
}

/** cos θ between a and b, clamped to [−1, 1] against rounding; 0 for a zero vector. */
export function cosBetween(a: Vec, b: Vec): number {
	const n = norm(a) * norm(b);
	if (n === 0) return 0;
	return Math.min(1, Math.max(-1, dot(a, b) / n));
}

/** The unit vector at polar angle `phi` (radians, counter-clockwise from +x). */
export function unit2(phi: number): Vec2 {
	return [Math.cos(phi), Math.sin(phi)];
}

/** Polar angle of a 2D vector in (−π, π]. */
export function polarAngle(v: Vec): number {
	return Math.atan2(v[1], v[0]);
}

/** Wraps an angle to [0, 2π). */
export function wrapAngle(phi: number): number {
	const t = 2 * Math.PI;
	const r = phi % t;
	return r < 0 ? r + t : r;
}

/** Arithmetic mean of a set of vectors (all of one dimension); [] for an empty set. */
export function mean(vectors: readonly Vec[]): number[] {
	if (vectors.length === 0) return [];
	const out = new Array<number>(vectors[0].length).fill(0);
	for (const v of vectors) for (let i = 0; i < out.length; i++) out[i] += v[i];
	return out.map((s) => s / vectors.length);
}

/** Degrees from radians. */
export const toDegrees = (rad: number): number => (rad * 180) / Math.PI;
/** Radians from degrees. */
export const toRadians = (deg: number): number => (deg * Math.PI) / 180;
