/**
 * ROC analysis of scored pairs (verification): the ROC curve with ties as one diagonal step,
 * its exact (Mann–Whitney) AUC, the best-threshold accuracy, TAR at a FAR, and a compact
 * curve for drawing. Pure TypeScript over arrays of scores and same/different flags.
 */

/** Default false accept rate for `tarAtFar` (1%). */
export const DEFAULT_FAR = 1e-2;
/** Most points in the compact ROC handed to a view. */
export const ROC_VIEW_POINTS = 200;

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

/** An integer option in [lo, hi], or `def` when missing or not finite. */
export function intOption(v: number | undefined, def: number, lo: number, hi: number): number {
	if (v === undefined || !Number.isFinite(v)) return def;
	return Math.min(hi, Math.max(lo, Math.round(v)));
}

/** FAR clamped to [0, 1]; a missing or non-finite value means DEFAULT_FAR. */
export function farOption(far: unknown): number {
	return typeof far === 'number' && Number.isFinite(far)
		? Math.min(1, Math.max(0, far))
		: DEFAULT_FAR;
}

/** Score groups in decreasing order with cumulative genuine (tp) and impostor (fp) counts. */
export interface RocSweep {
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
export function rocSweep(scores: ArrayLike<number>, same: ArrayLike<number>): RocSweep {
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

export function rocFromSweep(s: RocSweep): Roc {
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
	return rocFromSweep(rocSweep(scores, same));
}

export function bestFromSweep(s: RocSweep): BestThreshold {
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
	return bestFromSweep(rocSweep(scores, same));
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
