/**
 * Open-set recognition metrics, as in SphereFace §4: classes held out of training can only
 * be told apart by the feature geometry, so we score them by cosine similarity alone.
 * Verification (same identity or not?) uses every pair of held-out points: ROC, AUC, the
 * best-threshold accuracy and TAR at a fixed FAR. Identification (which identity?) uses a
 * gallery/probe split and reports rank-1 accuracy. Every result that has no value (no pairs,
 * no probes, a single class) is `null`, never NaN, so nothing undefined reaches a view.
 */
import { SPLIT } from './datasets';
import { createRng, type Rng } from './rng';
import {
	bestFromSweep,
	compactRoc,
	farOption,
	intOption,
	rocFromSweep,
	ROC_VIEW_POINTS,
	rocSweep,
	tarAtFar,
	type CompactRoc
} from './roc';
import { angleHistograms } from './histograms';
import type { FeatureRows, LabelArray } from './stats';

export * from './roc';

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

/** Options of `rank1`. */
export interface Rank1Options {
	/** Gallery samples per identity (default 1, the standard protocol); the rest are probes. */
	galleryPerClass?: number;
	/** Without a seed the first rows of each class form the gallery; with one, a seeded choice. */
	seed?: number;
	/** Rows to use (default all). */
	indices?: ArrayLike<number>;
}

/** Rank-1 identification on a gallery/probe split. */
export interface Rank1Result {
	/** Fraction of probes whose most similar gallery entry has their label; null without probes. */
	rank1: number | null;
	correct: number;
	probes: number;
	gallery: number;
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

/** Options of `openSetReport`. */
export interface OpenSetOptions {
	/** Cap on verification pairs and on histogram pairs (default DEFAULT_VERIFICATION_PAIRS). */
	maxPairs?: number;
	/** Seed of pair sampling and of the gallery choice (default 0). */
	seed?: number;
	/** FAR for the TAR@FAR figure (default 1e−2). */
	far?: number;
	galleryPerClass?: number;
	/** Histogram bins (default 36, 5° each). */
	bins?: number;
	/** Points of the compact ROC, 2..ROC_VIEW_POINTS (default ROC_VIEW_POINTS). */
	rocPoints?: number;
	/**
	 * Which rows to score (default SPLIT.heldOut, "new people"); SPLIT.test scores the test
	 * samples of the seen classes ("new photos of known people").
	 */
	split?: number;
}

/** Everything the open-set panel shows, computed on one set of rows (held out by default). */
export interface OpenSetReport {
	/** Held-out rows used, and how many distinct labels they carry. */
	points: number;
	classes: number;
	verification: {
		pairs: number;
		totalPairs: number;
		sampled: boolean;
		positives: number;
		negatives: number;
		undirected: number;
		auc: number | null;
		accuracy: number | null;
		threshold: number | null;
		far: number;
		tar: number | null;
		roc: CompactRoc;
	};
	identification: Rank1Result;
	histograms: PairAngleDensities;
}

/** Rows present in both arrays; an invalid dim (not a positive integer) means no rows. */
function rowCount(features: FeatureRows, dim: number, labels: LabelArray): number {
	if (!Number.isInteger(dim) || dim <= 0) return 0;
	return Math.min(Math.floor(features.length / dim), labels.length);
}

/** `indices` that are rows in [0, n), first occurrence only (a row never pairs with itself). */
function selectRows(n: number, indices?: ArrayLike<number>): Int32Array {
	if (!indices) return Int32Array.from({ length: n }, (_, i) => i);
	const seen = new Uint8Array(n);
	const rows: number[] = [];
	for (let k = 0; k < indices.length; k++) {
		const r = indices[k];
		if (Number.isInteger(r) && r >= 0 && r < n && !seen[r]) {
			seen[r] = 1;
			rows.push(r);
		}
	}
	return Int32Array.from(rows);
}

/**
 * Unit directions of the selected rows, [m, dim]. A row with no direction (the zero vector or
 * a non-finite value) stays all zeros, so its cosine with anything is 0, never NaN.
 */
function unitRows(features: FeatureRows, dim: number, rows: Int32Array) {
	const units = new Float64Array(rows.length * dim); // [m, dim]
	let undirected = 0;
	for (let k = 0; k < rows.length; k++) {
		const base = rows[k] * dim;
		let scale = 0;
		let finite = true;
		for (let d = 0; d < dim; d++) {
			const v = features[base + d];
			if (Number.isFinite(v)) scale = Math.max(scale, Math.abs(v));
			else finite = false;
		}
		if (!finite || scale === 0) {
			undirected++;
			continue;
		}
		// Dividing by the largest |value| first keeps Σv² from overflowing (1e200) or
		// underflowing (1e−200); the direction is unchanged and the length is in [1, √dim].
		let sq = 0;
		for (let d = 0; d < dim; d++) {
			const v = features[base + d] / scale;
			units[k * dim + d] = v;
			sq += v * v;
		}
		const len = Math.sqrt(sq);
		for (let d = 0; d < dim; d++) units[k * dim + d] /= len;
	}
	return { units, undirected };
}

/** cos θ = uₐ · u_b of unit rows a and b, clamped to [−1, 1] (rounding can exceed it). */
function cosine(units: Float64Array, dim: number, a: number, b: number): number {
	let s = 0;
	for (let d = 0; d < dim; d++) s += units[a * dim + d] * units[b * dim + d];
	return Math.min(1, Math.max(-1, s));
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
 * Rank-1 identification, the standard closed-universe protocol on unseen identities: per
 * class, `galleryPerClass` (default 1) samples are enrolled as the gallery and the rest are
 * probes; each probe takes the label of its most cosine-similar gallery SAMPLE (nearest
 * neighbour, not a class-mean template), ties going to the lowest row index. Gallery rows are
 * the first rows of each class, or a seeded choice when `seed` is given. A class with no more
 * than galleryPerClass samples is enrolled whole and has no probe (it remains a distractor).
 */
export function rank1(
	features: FeatureRows,
	dim: number,
	labels: LabelArray,
	opts: Rank1Options = {}
): Rank1Result {
	const rows = selectRows(rowCount(features, dim, labels), opts.indices);
	const perClass = intOption(opts.galleryPerClass, 1, 1, Number.MAX_SAFE_INTEGER);
	const { units } = unitRows(features, dim, rows);
	const lab = Float64Array.from(rows, (r) => labels[r]); // [m]
	const byClass = new Map<number, number[]>();
	lab.forEach((c, k) => {
		const members = byClass.get(c);
		if (members) members.push(k);
		else byClass.set(c, [k]);
	});
	const rng = opts.seed === undefined ? null : createRng(opts.seed);
	const gallery: number[] = [];
	const probes: number[] = [];
	// Classes in increasing label order, so the seeded choice does not depend on row order.
	for (const c of [...byClass.keys()].sort((x, y) => x - y)) {
		const members = byClass.get(c) ?? [];
		const order = rng ? rng.shuffle([...members]) : members;
		gallery.push(...order.slice(0, perClass));
		probes.push(...order.slice(perClass));
	}
	// Lowest row first: a strict > below then keeps the lowest row among equal cosines.
	gallery.sort((x, y) => rows[x] - rows[y]);
	let correct = 0;
	for (const p of probes) {
		let best = -Infinity;
		let match = -1;
		for (const q of gallery) {
			const cos = cosine(units, dim, p, q);
			if (cos > best) {
				best = cos;
				match = q;
			}
		}
		if (lab[match] === lab[p]) correct++;
	}
	return {
		rank1: probes.length > 0 ? correct / probes.length : null,
		correct,
		probes: probes.length,
		gallery: gallery.length
	};
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

/** The two test sets of recognition, scored the same way by cosine similarity alone. */
export interface RecognitionReport {
	/** "New people": the held-out identities, never seen in training (open set). */
	unseen: OpenSetReport;
	/** "New photos of known people": the test samples of the seen identities. */
	seen: OpenSetReport;
}

/**
 * Both test sets at once (`openSetReport` on the held-out rows and on the seen classes' test
 * rows); they never share a row, since a row has one split.
 */
export function recognitionReport(
	features: FeatureRows,
	dim: number,
	labels: LabelArray,
	split: ArrayLike<number>,
	opts: Omit<OpenSetOptions, 'split'> = {}
): RecognitionReport {
	return {
		unseen: openSetReport(features, dim, labels, split, { ...opts, split: SPLIT.heldOut }),
		seen: openSetReport(features, dim, labels, split, { ...opts, split: SPLIT.test })
	};
}

/**
 * The open-set panel in one call, for the worker and the Node experiment: verification
 * (pairs, ROC, AUC, best-threshold accuracy, TAR@FAR), rank-1 identification and pair angle
 * densities, all on the rows with split === opts.split (default SPLIT.heldOut) only. The ROC is returned compact
 * (≤ rocPoints points); AUC and TAR come from the full curve.
 */
export function openSetReport(
	features: FeatureRows,
	dim: number,
	labels: LabelArray,
	split: ArrayLike<number>,
	opts: OpenSetOptions = {}
): OpenSetReport {
	const n = Math.min(rowCount(features, dim, labels), split.length);
	const which = opts.split ?? SPLIT.heldOut;
	const held: number[] = [];
	for (let r = 0; r < n; r++) if (split[r] === which) held.push(r);
	const seed = opts.seed ?? 0;
	const maxPairs = intOption(opts.maxPairs, DEFAULT_VERIFICATION_PAIRS, 1, Number.MAX_SAFE_INTEGER);
	const pairs = pairScores(features, dim, labels, held, { maxPairs, seed });
	const s = rocSweep(pairs.scores, pairs.same);
	const curve = rocFromSweep(s);
	const { accuracy, threshold } = bestFromSweep(s);
	const far = farOption(opts.far);
	const rocPoints = intOption(opts.rocPoints, ROC_VIEW_POINTS, 2, ROC_VIEW_POINTS);
	return {
		points: held.length,
		classes: new Set(held.map((r) => labels[r])).size,
		verification: {
			pairs: pairs.scores.length,
			totalPairs: pairs.total,
			sampled: pairs.sampled,
			positives: curve.positives,
			negatives: curve.negatives,
			undirected: pairs.undirected,
			auc: curve.auc,
			accuracy,
			threshold,
			far,
			tar: tarAtFar(curve, far),
			roc: compactRoc(curve, rocPoints)
		},
		identification: rank1(features, dim, labels, {
			galleryPerClass: opts.galleryPerClass,
			seed,
			indices: held
		}),
		histograms: pairAngleHistograms(features, dim, labels, {
			indices: held,
			bins: opts.bins,
			maxPairs,
			seed
		})
	};
}
