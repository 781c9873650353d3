/**
 * Seeded pseudo-random numbers. Every random choice in SphereLab (data, initial weights,
 * batch order) flows from one of these, so the same seed always gives the same run.
 * The platform's unseeded generator is never used.
 */

/** A seeded random source. All methods advance the same stream. */
export interface Rng {
	/** Uniform float in [0, 1). */
	next(): number;
	/** Uniform float in [lo, hi). */
	uniform(lo: number, hi: number): number;
	/** Uniform integer in [0, n). */
	int(n: number): number;
	/** Standard normal sample (Box–Muller). */
	normal(): number;
	/** Fisher–Yates shuffle of `items` in place; returns it. */
	shuffle<T>(items: T[]): T[];
	/** The current internal state; `createRng(state)` resumes the same stream. */
	state(): number;
}

/**
 * Hashes any number (seeds typed by people: 0, 42, 3.7, -1) to a well-mixed 32-bit integer,
 * so that neighbouring seeds give unrelated streams.
 */
export function hashSeed(seed: number): number {
	const s = Number.isFinite(seed) ? Math.trunc(seed) : 0;
	// splitmix32 finaliser
	let h = (s ^ 0x9e3779b9) >>> 0;
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
	return (h ^ (h >>> 16)) >>> 0;
}

/**
 * mulberry32: a small, fast 32-bit generator with a full 2^32 period; plenty for toy data
 * and weight initialisation, and trivially reproducible across JavaScript engines.
 */
export function createRng(seed: number): Rng {
	let a = hashSeed(seed);
	let spare: number | null = null;
	const next = (): number => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const rng: Rng = {
		next,
		uniform: (lo, hi) => lo + (hi - lo) * next(),
		int: (n) => Math.floor(next() * n),
		normal: () => {
			if (spare !== null) {
				const s = spare;
				spare = null;
				return s;
			}
			// 1 - u keeps the log argument in (0, 1], so log never sees 0.
			const u = 1 - next();
			const v = next();
			const r = Math.sqrt(-2 * Math.log(u));
			spare = r * Math.sin(2 * Math.PI * v);
			return r * Math.cos(2 * Math.PI * v);
		},
		shuffle: (items) => {
			for (let i = items.length - 1; i > 0; i--) {
				const j = Math.floor(next() * (i + 1));
				[items[i], items[j]] = [items[j], items[i]];
			}
			return items;
		},
		state: () => a
	};
	return rng;
}
