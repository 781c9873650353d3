/**
 * Class imbalance and label noise on a data set's training split (issue 28): the minority
 * classes (the upper half of the seen classes) keep a share of their training points, and a
 * share of the remaining training labels is flipped to another seen class. Test and held-out
 * points are never touched, so test accuracy stays balanced and measured on clean labels.
 * Seeded from the data seed on a stream of its own, so the points and the split are those of
 * the balanced, clean data set. Pure TypeScript.
 */
import type { Dataset } from './datasets';
import { headClasses } from './datasets';
import { SPLIT } from './split';
import { createRng, hashSeed } from './rng';

/** Mixed into the data seed so the imbalance and noise stream is not the points' stream. */
const SKEW_STREAM = 0x1b0a5e7d;

/**
 * The minority classes of the seen classes `seen` (increasing): the upper half of them by
 * index, seen[⌈K/2⌉…K−1] (3 of 6, 2 of 5, 1 of 2).
 */
export function minorityClasses(seen: ArrayLike<number>): number[] {
	const all = Array.from(seen);
	return all.slice(Math.ceil(all.length / 2));
}

/** How many training points a minority class of `count` keeps: round(share · count), at least 1. */
export function keptCount(count: number, share: number): number {
	if (count <= 0) return 0;
	return Math.min(count, Math.max(1, Math.round(share * count)));
}

/** How many of `count` training labels are flipped at noise `share`: round(share · count). */
export function flippedCount(count: number, share: number): number {
	return Math.min(count, Math.max(0, Math.round(share * count)));
}

/**
 * The data set with its imbalance and label noise applied (`settings.imbalance`,
 * `settings.labelNoise`); the data set itself when both are off (imbalance 1, noise 0).
 *
 * Imbalance: each minority class keeps exactly `keptCount` of its training points (a seeded
 * choice); the others are dropped from the data set (rows stay grouped by class, in order),
 * so every view indexes the same rows. Label noise: exactly `flippedCount` of the remaining
 * training points (a seeded choice) get a label drawn uniformly from the other seen classes;
 * `trueLabels` then keeps every point's true class (present only when a label was flipped).
 */
export function skewTraining(d: Dataset): Dataset {
	const share = d.settings?.imbalance ?? 1;
	const noise = d.settings?.labelNoise ?? 0;
	if (!(share < 1) && !(noise > 0)) return d;
	const rng = createRng(hashSeed(d.settings.seed) ^ SKEW_STREAM);
	const { classes: seen } = headClasses(d);
	const n = d.labels.length;
	const keep = new Uint8Array(n).fill(1);
	if (share < 1) {
		for (const c of minorityClasses(seen)) {
			const rows: number[] = [];
			for (let i = 0; i < n; i++) if (d.labels[i] === c && d.split[i] === SPLIT.train) rows.push(i);
			rng.shuffle(rows);
			for (const r of rows.slice(keptCount(rows.length, share))) keep[r] = 0;
		}
	}
	const kept: number[] = [];
	for (let i = 0; i < n; i++) if (keep[i]) kept.push(i);
	const dim = d.dim;
	const points = new Float64Array(kept.length * dim); // [n', dim]
	kept.forEach((r, k) => points.set(d.points.subarray(r * dim, (r + 1) * dim), k * dim));
	const labels = Int32Array.from(kept, (r) => d.labels[r]);
	const split = Uint8Array.from(kept, (r) => d.split[r]);
	const out: Dataset = { ...d, points, labels, split };
	if (noise > 0 && seen.length >= 2) {
		const train: number[] = [];
		split.forEach((s, i) => s === SPLIT.train && train.push(i));
		rng.shuffle(train);
		const flips = train.slice(0, flippedCount(train.length, noise));
		if (flips.length > 0) {
			const trueLabels = labels.slice();
			for (const i of flips) {
				// Uniform over the other seen classes: draw among K − 1, skip the true one.
				const own = seen.indexOf(trueLabels[i]);
				const k = rng.int(seen.length - 1);
				labels[i] = seen[k >= own ? k + 1 : k];
			}
			out.trueLabels = trueLabels;
		}
	}
	return out;
}

/** [n] 1 where a point's training label is not its true class (label noise), else 0. */
export function flippedMask(d: Pick<Dataset, 'labels' | 'trueLabels'>): Uint8Array {
	const t = d.trueLabels;
	return Uint8Array.from(d.labels, (l, i) => (t && t[i] !== l ? 1 : 0));
}
