/**
 * Verification (same identity or not?) on pairs of rows, scored by cosine similarity alone:
 * the score and same/different label of every pair (a seeded sample of distinct pairs past
 * maxPairs), and the same-class and different-class pair angle densities (SphereFace Fig. 5).
 * The ROC, AUC, best threshold and TAR at a FAR of these scores are roc.ts's.
 */
import { cosine, selectRows, unitRows } from './cosineRows';
import { angleHistograms } from './histograms';
import { intOption } from './roc';
import { createRng, type Rng } from './rng';
import { rowCount, type FeatureRows, type LabelArray } from './stats';

/** Verification pairs kept by default; above this, pairs are sampled (about 1.6 MB of scores). */
export const DEFAULT_VERIFICATION_PAIRS = 200_000;

/** Cosine similarity of pairs of points and whether each pair shares a label. */
export interface PairScores {
	/** cos θ of each pair, in [−1, 1]; 0 when either row has no direction. [pairs] */
	scores: Float64Array;
	/** 1 when the two rows have the same label (a genuine pair), else 0 (an impostor). [pairs] */
	same: Uint8Array;
	/** Pairs before sampling: m(m−1)/2 for m rows. */
	total: number;
	/** True when `scores` holds a seeded sample of `maxPairs` distinct pairs, not all of them. */
	sampled: boolean;
	/** Rows without a direction (the zero vector or a non-finite value), scored as cos θ = 0. */
	undirected: number;
}

/** Options of `pairScores`. */
export interface PairScoreOptions {
	/** Keep every pair when m(m−1)/2 ≤ maxPairs, else a sample of maxPairs distinct pairs. */
	maxPairs?: number;
	/** Seed of the pair sample (same seed → same pairs). Default 0. */
	seed?: number;
}

/** Same-class and different-class pair angle densities over [0°, 180°]. */
export interface PairAngleDensities {
	/** Bin edges in degrees; edgesDeg.length = bins + 1, from 0 to exactly 180. */
	edgesDeg: number[];
	/** Density per degree (Σ density·width = 1); all zeros when there is no such pair. */
	intra: number[];
	inter: number[];
	intraPairs: number;
	interPairs: number;
	/** True when pairs were sampled (with replacement, see `angleHistograms`). */
	sampled: boolean;
	/** Rows without a direction, left out (unlike `pairScores`, which scores them 0). */
	skipped: number;
}

/** Uniform integer in [0, n) from two 32-bit draws (53 bits), so n past 2³² is still uniform. */
function randomIndex(rng: Rng, n: number): number {
	const u = rng.next() + rng.next() / 4294967296;
	// u can round up to 1.0 when both draws are maximal; keep the index in range.
	return Math.min(n - 1, Math.floor(u * n));
}

/** `count` distinct keys of [0, total), uniform (Floyd's algorithm), sorted ascending. */
function sampleKeys(total: number, count: number, rng: Rng): Float64Array {
	const chosen = new Set<number>();
	for (let j = total - count; j < total; j++) {
		const t = randomIndex(rng, j + 1);
		chosen.add(chosen.has(t) ? j : t);
	}
	const keys = new Float64Array(count);
	let k = 0;
	for (const key of chosen) keys[k++] = key;
	return keys.sort();
}

/**
 * Cosine similarity and same/different label of every pair i < j of the selected rows
 * (`indices`, default all), in the order (0,1), (0,2), …, (1,2), …. A row without a direction
 * (zero vector, non-finite value) has cos θ = 0 with everything: it carries no evidence either
 * way, and NaN never appears. When m(m−1)/2 > maxPairs (default 200,000), a seeded uniform
 * sample of maxPairs DISTINCT pairs is kept, in the same order (`sampled: true`).
 */
export function pairScores(
	features: FeatureRows,
	dim: number,
	labels: LabelArray,
	indices?: ArrayLike<number>,
	opts: PairScoreOptions = {}
): PairScores {
	const rows = selectRows(rowCount(features, dim, labels), indices);
	const m = rows.length;
	const { units, undirected } = unitRows(features, dim, rows);
	const lab = Float64Array.from(rows, (r) => labels[r]); // [m]
	const total = (m * (m - 1)) / 2;
	const maxPairs = intOption(opts.maxPairs, DEFAULT_VERIFICATION_PAIRS, 1, Number.MAX_SAFE_INTEGER);
	const sampled = total > maxPairs;
	const count = sampled ? maxPairs : total;
	const scores = new Float64Array(count); // [pairs]
	const same = new Uint8Array(count); // [pairs]
	const emit = (k: number, i: number, j: number) => {
		scores[k] = cosine(units, dim, i, j);
		same[k] = lab[i] === lab[j] ? 1 : 0;
	};
	if (!sampled) {
		let k = 0;
		for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) emit(k++, i, j);
	} else {
		// Pair keys number the pairs in the order above; row i owns m − 1 − i keys from `start`.
		const keys = sampleKeys(total, count, createRng(opts.seed ?? 0));
		let i = 0;
		let start = 0;
		for (let k = 0; k < count; k++) {
			while (keys[k] >= start + m - 1 - i) {
				start += m - 1 - i;
				i++;
			}
			emit(k, i, i + 1 + keys[k] - start);
		}
	}
	return { scores, same, total, sampled, undirected };
}

/**
 * Same-class and different-class pair angle histograms (SphereFace Fig. 5) of the selected
 * rows, in degrees and as densities per degree so panels with different pair counts compare.
 * A thin wrapper over `angleHistograms` (which bins in radians over [0, π] with equal bins,
 * so the degree edges are the same bins), restricted to `indices`.
 */
export function pairAngleHistograms(
	features: FeatureRows,
	dim: number,
	labels: LabelArray,
	opts: { indices?: ArrayLike<number>; bins?: number; maxPairs?: number; seed?: number } = {}
): PairAngleDensities {
	const rows = selectRows(rowCount(features, dim, labels), opts.indices);
	const sub = new Float64Array(rows.length * dim); // [m, dim]
	rows.forEach((r, k) => {
		for (let d = 0; d < dim; d++) sub[k * dim + d] = features[r * dim + d];
	});
	const subLabels = Float64Array.from(rows, (r) => labels[r]);
	const { bins: binsOpt, maxPairs, seed } = opts;
	const { intra, inter, sampled, skipped } = angleHistograms(sub, dim, subLabels, {
		bins: binsOpt,
		maxPairs,
		seed
	});
	const bins = intra.counts.length;
	const width = 180 / bins;
	const edgesDeg = intra.edges.map((_, k) => (k === bins ? 180 : (180 * k) / bins));
	const intraPairs = intra.counts.reduce((s, v) => s + v, 0);
	const interPairs = inter.counts.reduce((s, v) => s + v, 0);
	// count / (pairs · width): Σ density · width = 1; no pairs of a kind → zeros, not 0/0.
	const density = (counts: number[], pairs: number) =>
		counts.map((v) => (pairs > 0 ? v / (pairs * width) : 0));
	return {
		edgesDeg,
		intra: density(intra.counts, intraPairs),
		inter: density(inter.counts, interPairs),
		intraPairs,
		interPairs,
		sampled,
		skipped
	};
}
