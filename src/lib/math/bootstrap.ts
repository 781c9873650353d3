/**
 * Paired comparisons over seeds: the mean of the differences (this loss − the baseline on the
 * same seed), its 95 % percentile-bootstrap interval, how many seeds were ahead, and the
 * verdict a sentence may state: 'helps' or 'hurts' only when the interval excludes 0.
 * Deterministic: the resampling uses a seeded generator, so the same differences always give
 * the same interval. Pure TypeScript.
 */
import { createRng } from './rng';

/** What a measured comparison may say. */
export type Verdict = 'helps' | 'hurts' | 'none';

/** A paired difference over seeds, summarised. */
export interface PairedSummary {
	mean: number;
	/** 95 % percentile-bootstrap interval of the mean; null with fewer than 2 seeds. */
	ci95: [number, number] | null;
	/** Seeds on which the difference was > 0. */
	ahead: number;
	seeds: number;
	verdict: Verdict;
}

/** Resamples of the bootstrap (10,000: the interval's ends move by < 0.001 between seeds). */
export const BOOTSTRAP_RESAMPLES = 10_000;

/** The q-quantile (0 ≤ q ≤ 1) of sorted values, linearly interpolated. */
export function quantileSorted(sorted: readonly number[], q: number): number {
	if (sorted.length === 0) return NaN;
	const pos = Math.min(Math.max(q, 0), 1) * (sorted.length - 1);
	const lo = Math.floor(pos);
	const hi = Math.min(lo + 1, sorted.length - 1);
	return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * The percentile-bootstrap interval of the mean of `values` at `level` (default 0.95):
 * `resamples` means of n values drawn with replacement, their (1 − level)/2 and
 * (1 + level)/2 quantiles. Null for fewer than 2 finite values.
 */
export function bootstrapMeanInterval(
	values: readonly number[],
	{
		level = 0.95,
		resamples = BOOTSTRAP_RESAMPLES,
		seed = 1
	}: { level?: number; resamples?: number; seed?: number } = {}
): [number, number] | null {
	const xs = values.filter((v) => Number.isFinite(v));
	const n = xs.length;
	if (n < 2) return null;
	const rng = createRng(seed);
	const means = new Float64Array(resamples);
	for (let r = 0; r < resamples; r++) {
		let sum = 0;
		for (let i = 0; i < n; i++) sum += xs[rng.int(n)];
		means[r] = sum / n;
	}
	means.sort();
	const tail = (1 - level) / 2;
	const sorted = Array.from(means);
	return [quantileSorted(sorted, tail), quantileSorted(sorted, 1 - tail)];
}

/** The verdict of an interval: helps above 0, hurts below 0, none when it holds 0 (or is missing). */
export function verdictOf(ci: readonly [number, number] | null): Verdict {
	if (!ci) return 'none';
	if (ci[0] > 0) return 'helps';
	if (ci[1] < 0) return 'hurts';
	return 'none';
}

/** Mean, interval, seeds ahead and verdict of paired differences; null when none is finite. */
export function pairedSummary(
	diffs: readonly number[],
	opts: { seed?: number; resamples?: number } = {}
): PairedSummary | null {
	const xs = diffs.filter((v) => Number.isFinite(v));
	if (xs.length === 0) return null;
	const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
	const ci95 = bootstrapMeanInterval(xs, opts);
	return {
		mean,
		ci95,
		ahead: xs.filter((d) => d > 0).length,
		seeds: xs.length,
		verdict: verdictOf(ci95)
	};
}
