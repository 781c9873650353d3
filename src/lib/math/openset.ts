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
import { angleHistograms, type FeatureRows, type LabelArray } from './stats';

/** Verification pairs kept by default; above this, pairs are sampled (about 1.6 MB of scores). */
export const DEFAULT_VERIFICATION_PAIRS = 200_000;
/** Default false accept rate for `tarAtFar` (1%). */
export const DEFAULT_FAR = 1e-2;
/** Most points in the compact ROC handed to a view. */
export const ROC_VIEW_POINTS = 200;

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

/** A ROC curve: point k is the rule "same iff score ≥ thresholds[k]". */
export interface Roc {
	/** False positive rate FP/N per point, nondecreasing from 0 to 1. Empty when degenerate. */
	fpr: Float64Array;
	/** True positive rate TP/P per point, nondecreasing from 0 to 1. Empty when degenerate. */
	tpr: Float64Array;
	/** +Infinity for the (0, 0) point, then the distinct scores in decreasing order. */
	thresholds: Float64Array;
	/** Trapezoid area = P(s⁺ > s⁻) + ½ P(s⁺ = s⁻); null without positives or negatives. */
	auc: number | null;
	/** Genuine and impostor pairs used (finite scores only). */
	positives: number;
	negatives: number;
	/** Pairs ignored because their score is not finite. */
	skipped: number;
}

/** A ROC reduced for drawing (see `compactRoc`); too coarse for `tarAtFar`. */
export interface CompactRoc {
	fpr: Float64Array;
	tpr: Float64Array;
	thresholds: Float64Array;
}

/** The best accuracy of "same iff score ≥ threshold" over all thresholds. */
export interface BestThreshold {
	/** Fraction of pairs classified right; null when there is no pair. */
	accuracy: number | null;
	/** Midway between adjacent distinct scores; +Infinity = accept none, −Infinity = accept all. */
	threshold: number | null;
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
}

/** Everything the open-set panel shows, computed on the held-out rows only. */
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

/** An integer option in [lo, hi], or `def` when missing or not finite. */
function intOption(v: number | undefined, def: number, lo: number, hi: number): number {
	if (v === undefined || !Number.isFinite(v)) return def;
	return Math.min(hi, Math.max(lo, Math.round(v)));
}

/** FAR clamped to [0, 1]; a missing or non-finite value means DEFAULT_FAR. */
function farOption(far: unknown): number {
	return typeof far === 'number' && Number.isFinite(far)
		? Math.min(1, Math.max(0, far))
		: DEFAULT_FAR;
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

/** Score groups in decreasing order with cumulative genuine (tp) and impostor (fp) counts. */
interface Sweep {
	/** Distinct finite scores, decreasing. [groups] */
	values: Float64Array;
	/** Genuine / impostor pairs with score ≥ values[g]. [groups] */
	tp: Float64Array;
	fp: Float64Array;
	positives: number;
	negatives: number;
	skipped: number;
}

/**
 * Sorts genuine and impostor scores separately (native numeric sort, O(n log n)) and merges
 * them from the top; all pairs with an equal score form ONE group, i.e. one ROC step.
 */
function sweep(scores: ArrayLike<number>, same: ArrayLike<number>): Sweep {
	const n = Math.min(scores.length, same.length);
	let positives = 0;
	let negatives = 0;
	for (let k = 0; k < n; k++) {
		if (Number.isFinite(scores[k])) {
			if (same[k]) positives++;
			else negatives++;
		}
	}
	const pos = new Float64Array(positives);
	const neg = new Float64Array(negatives);
	for (let k = 0, p = 0, q = 0; k < n; k++) {
		if (!Number.isFinite(scores[k])) continue;
		if (same[k]) pos[p++] = scores[k];
		else neg[q++] = scores[k];
	}
	pos.sort();
	neg.sort();
	const values = new Float64Array(positives + negatives);
	const tp = new Float64Array(positives + negatives);
	const fp = new Float64Array(positives + negatives);
	let g = 0;
	for (let p = positives - 1, q = negatives - 1; p >= 0 || q >= 0; g++) {
		const t = Math.max(p >= 0 ? pos[p] : -Infinity, q >= 0 ? neg[q] : -Infinity);
		while (p >= 0 && pos[p] === t) p--;
		while (q >= 0 && neg[q] === t) q--;
		values[g] = t;
		tp[g] = positives - 1 - p;
		fp[g] = negatives - 1 - q;
	}
	return {
		values: values.subarray(0, g),
		tp: tp.subarray(0, g),
		fp: fp.subarray(0, g),
		positives,
		negatives,
		skipped: n - positives - negatives
	};
}

function rocFromSweep(s: Sweep): Roc {
	const { positives: P, negatives: N, skipped } = s;
	if (P === 0 || N === 0) {
		const empty = new Float64Array(0);
		return {
			fpr: empty,
			tpr: empty,
			thresholds: empty,
			auc: null,
			positives: P,
			negatives: N,
			skipped
		};
	}
	const groups = s.values.length;
	const fpr = new Float64Array(groups + 1);
	const tpr = new Float64Array(groups + 1);
	const thresholds = new Float64Array(groups + 1);
	thresholds[0] = Infinity;
	// Σ ΔFP·(TP_prev + TP) = 2·P·N·AUC in whole numbers (exact below 2⁵³): each impostor
	// counts the genuine pairs above it twice and those tied with it once.
	let area2 = 0;
	for (let g = 0; g < groups; g++) {
		const prevTp = g > 0 ? s.tp[g - 1] : 0;
		const prevFp = g > 0 ? s.fp[g - 1] : 0;
		area2 += (s.fp[g] - prevFp) * (s.tp[g] + prevTp);
		fpr[g + 1] = s.fp[g] / N;
		tpr[g + 1] = s.tp[g] / P;
		thresholds[g + 1] = s.values[g];
	}
	return { fpr, tpr, thresholds, auc: area2 / (2 * P * N), positives: P, negatives: N, skipped };
}

/**
 * ROC of the rule "same iff score ≥ t" (same[k] ≠ 0 marks a genuine pair). Point 0 is (0, 0)
 * at t = +Infinity; then one point per distinct score, so tied scores form one diagonal step,
 * ending at (1, 1). AUC by the trapezoid rule equals the Mann–Whitney statistic
 * P(s⁺ > s⁻) + ½ P(s⁺ = s⁻). Non-finite scores are skipped. Without genuine or without
 * impostor pairs a rate is 0/0: the curve is then empty and `auc` is null. O(n log n).
 */
export function roc(scores: ArrayLike<number>, same: ArrayLike<number>): Roc {
	return rocFromSweep(sweep(scores, same));
}

function bestFromSweep(s: Sweep): BestThreshold {
	const { positives: P, negatives: N, values } = s;
	if (P + N === 0) return { accuracy: null, threshold: null };
	// Accepting nothing gets every impostor right; then accept one score group at a time.
	let bestCorrect = N;
	let best = -1;
	for (let g = 0; g < values.length; g++) {
		const correct = s.tp[g] + N - s.fp[g];
		if (correct > bestCorrect) {
			bestCorrect = correct;
			best = g;
		}
	}
	let threshold: number;
	if (best < 0) threshold = Infinity;
	else if (best === values.length - 1) threshold = -Infinity;
	else {
		const [hi, lo] = [values[best], values[best + 1]];
		// Halves first: (hi + lo)/2 overflows for huge scores. For adjacent doubles the
		// midpoint can round down to lo, which would also accept lo's group; then hi itself
		// (accepted by ≥) is the threshold.
		const mid = hi / 2 + lo / 2;
		threshold = mid > lo ? mid : hi;
	}
	return { accuracy: bestCorrect / (P + N), threshold };
}

/**
 * Best accuracy of "same iff score ≥ t" over all t: above every score, between each pair of
 * adjacent distinct scores (tied scores move together) and below every score. The threshold
 * reported is the midpoint of the two adjacent distinct scores, or ±Infinity at the ends;
 * among equally good thresholds the highest (fewest false accepts) wins. Non-finite scores
 * are skipped; no pair at all gives nulls.
 */
export function bestThresholdAccuracy(
	scores: ArrayLike<number>,
	same: ArrayLike<number>
): BestThreshold {
	return bestFromSweep(sweep(scores, same));
}

function isRoc(x: Roc | ArrayLike<number>): x is Roc {
	return 'fpr' in x && 'tpr' in x;
}

/** TAR at FAR from a full ROC (not a compact one). */
export function tarAtFar(curve: Roc, far?: number): number | null;
/** TAR at FAR from scores and same/different flags. */
export function tarAtFar(
	scores: ArrayLike<number>,
	same: ArrayLike<number>,
	far?: number
): number | null;
/**
 * True accept rate at a false accept rate: the largest TPR among ROC points with FPR ≤ far,
 * WITHOUT interpolation (a point on a tie's diagonal is not reachable by any threshold).
 * (0, 0) always qualifies, so a far below the smallest nonzero FPR gives 0. far is clamped
 * to [0, 1] (missing or not finite: 1e−2). Null when the ROC is degenerate.
 */
export function tarAtFar(
	a: Roc | ArrayLike<number>,
	b?: number | ArrayLike<number>,
	c?: number
): number | null {
	const curve = isRoc(a) ? a : roc(a, typeof b === 'object' ? b : []);
	const far = farOption(isRoc(a) ? b : c);
	const { fpr, tpr } = curve;
	if (curve.auc === null || fpr.length === 0) return null;
	// fpr is nondecreasing and fpr[0] = 0 ≤ far: binary search for the last point within far.
	let lo = 0;
	let hi = fpr.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (fpr[mid] <= far) lo = mid;
		else hi = mid - 1;
	}
	return tpr[lo];
}

/** Index of the point of (a, b) farthest from the chord a–b, and its distance. */
function farthest(x: Float64Array, y: Float64Array, a: number, b: number) {
	const dx = x[b] - x[a];
	const dy = y[b] - y[a];
	let at = -1;
	let cross = 0;
	for (let k = a + 1; k < b; k++) {
		const c = Math.abs(dx * (y[k] - y[a]) - dy * (x[k] - x[a]));
		if (c > cross) {
			cross = c;
			at = k;
		}
	}
	// |cross| / |ab| is the distance; ROC points are distinct, so |ab| > 0 (guarded anyway).
	const len = Math.hypot(dx, dy);
	return { a, b, at, dist: len > 0 ? cross / len : 0 };
}

/**
 * The ROC reduced to at most `maxPoints` points (default 200, at least 2) for drawing: top-down
 * Ramer–Douglas–Peucker with a point budget. Starting from the first and last point, it keeps
 * adding the point farthest from the current polyline, so corners survive and collinear runs
 * vanish. O(n · maxPoints) at worst.
 */
export function compactRoc(curve: CompactRoc, maxPoints = ROC_VIEW_POINTS): CompactRoc {
	const { fpr, tpr, thresholds } = curve;
	const n = fpr.length;
	const budget = intOption(maxPoints, ROC_VIEW_POINTS, 2, Number.MAX_SAFE_INTEGER);
	if (n <= budget) return { fpr: fpr.slice(), tpr: tpr.slice(), thresholds: thresholds.slice() };
	const keep = new Uint8Array(n);
	keep[0] = keep[n - 1] = 1;
	const segments = [farthest(fpr, tpr, 0, n - 1)];
	for (let kept = 2; kept < budget; kept++) {
		let worst = 0;
		for (let k = 1; k < segments.length; k++) {
			if (segments[k].dist > segments[worst].dist) worst = k;
		}
		const s = segments[worst];
		if (s.at < 0 || s.dist === 0) break; // the polyline already passes through every point
		keep[s.at] = 1;
		segments[worst] = farthest(fpr, tpr, s.a, s.at);
		segments.push(farthest(fpr, tpr, s.at, s.b));
	}
	const idx = Array.from(keep.keys()).filter((k) => keep[k]);
	return {
		fpr: Float64Array.from(idx, (k) => fpr[k]),
		tpr: Float64Array.from(idx, (k) => tpr[k]),
		thresholds: Float64Array.from(idx, (k) => thresholds[k])
	};
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

/**
 * The open-set panel in one call, for the worker and the Node experiment: verification
 * (pairs, ROC, AUC, best-threshold accuracy, TAR@FAR), rank-1 identification and pair angle
 * densities, all on the rows with split === SPLIT.heldOut only. The ROC is returned compact
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
	const held: number[] = [];
	for (let r = 0; r < n; r++) if (split[r] === SPLIT.heldOut) held.push(r);
	const seed = opts.seed ?? 0;
	const maxPairs = intOption(opts.maxPairs, DEFAULT_VERIFICATION_PAIRS, 1, Number.MAX_SAFE_INTEGER);
	const pairs = pairScores(features, dim, labels, held, { maxPairs, seed });
	const s = sweep(pairs.scores, pairs.same);
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
