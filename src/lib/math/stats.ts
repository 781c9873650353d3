/**
 * Angle statistics of a labelled feature set, as in SphereFace (Fig. 5 and its criterion):
 * features are discriminative when the max intra-class angle is smaller than the min
 * inter-class angle, because then a single angle threshold separates "same class" from
 * "different class" even for classes never seen in training. Only directions matter, so
 * every row is normalised first; rows without a direction are skipped and counted. The row
 * preparation and the pair visit are shared with histograms.ts, which bins the same pairs.
 */
import { quantileSorted } from './bootstrap';
import { createRng } from './rng';
import { angleBetween, mean, norm, normalize } from './vec';
import { intOption } from './roc';

/** Row-major features [n, dim], as a typed array from a model or a plain array from a test. */
export type FeatureRows = Float32Array | Float64Array | readonly number[];
/** Class labels [n]. */
export type LabelArray = Int32Array | Uint8Array | Float64Array | readonly number[];

/**
 * Up to this many unordered pairs are all visited (3000 rows → 4,498,500 pairs, about 0.3 s);
 * above it pairs are sampled.
 */
export const DEFAULT_MAX_PAIRS = 4_500_000;
/** Labels must be integers in [0, MAX_LABEL): a garbage label cannot allocate a huge array. */
export const MAX_LABEL = 1024;

/** Options for the pairwise statistics. */
export interface PairOptions {
	/** Visit all pairs when n(n−1)/2 ≤ maxPairs, else draw maxPairs random pairs. */
	maxPairs?: number;
	/** Seed of the pair sampler (same seed → same sample). */
	seed?: number;
}

/** SphereFace's angle statistics of a feature set (all angles in radians, in [0, π]). */
export interface AngleStats {
	/** Rows used (finite, non-zero, with a valid label). */
	count: number;
	/** Rows ignored: a non-finite value, the zero vector (no direction) or an invalid label. */
	skipped: number;
	/** 1 + the largest label among the rows used (0 when none is used). */
	numClasses: number;
	/** True when pairs were sampled; then maxIntra/minInter are estimates (a lower/upper bound). */
	sampled: boolean;
	/** Same-class and different-class pairs visited. */
	intraPairs: number;
	interPairs: number;
	/** Max angle between two samples of the same class; null if no class has 2 samples. */
	maxIntra: number | null;
	/** Min angle between two samples of different classes; null if fewer than 2 classes. */
	minInter: number | null;
	/** Min angle between class mean directions (mean of unit vectors); null if < 2 have one. */
	minInterMeans: number | null;
	/** Mean angle over the same-class / different-class pairs visited; null without pairs. */
	meanIntra: number | null;
	meanInter: number | null;
	/**
	 * Median and 90th percentile of the same-class pair angles visited (linearly interpolated);
	 * null without such pairs. Unlike maxIntra, one straggler cannot move them.
	 */
	medianIntra: number | null;
	p90Intra: number | null;
	/** maxIntra < minInter; null when either is undefined. */
	criterion: boolean | null;
	/** Max intra-class angle per class index; null where a class has < 2 samples (or no pair drawn). */
	perClassMaxIntra: (number | null)[];
}

/** Unit directions and labels of the usable rows (see `prepareRows`). */
export interface PreparedRows {
	units: number[][];
	labels: number[];
	numClasses: number;
	skipped: number;
}

/** Rows present in both arrays; an invalid dim (not a positive integer) means no rows. */
export function rowCount(features: FeatureRows, dim: number, labels?: LabelArray): number {
	if (!Number.isInteger(dim) || dim <= 0) return 0;
	const rows = Math.floor(features.length / dim);
	return labels ? Math.min(rows, labels.length) : rows;
}

/** Copies row r into `out`; returns false if any value is not finite. */
export function readRow(features: FeatureRows, dim: number, r: number, out: number[]): boolean {
	let finite = true;
	for (let d = 0; d < dim; d++) {
		out[d] = features[r * dim + d];
		if (!Number.isFinite(out[d])) finite = false;
	}
	return finite;
}

/** The usable rows as unit directions with their labels; the others are counted as skipped. */
export function prepareRows(features: FeatureRows, dim: number, labels: LabelArray): PreparedRows {
	const n = rowCount(features, dim, labels);
	const prepared: PreparedRows = { units: [], labels: [], numClasses: 0, skipped: 0 };
	const row = new Array<number>(n > 0 ? dim : 0); // dim is valid whenever n > 0
	for (let r = 0; r < n; r++) {
		const label = labels[r];
		const validLabel = Number.isInteger(label) && label >= 0 && label < MAX_LABEL;
		let scale = 0;
		if (validLabel && readRow(features, dim, r, row)) {
			for (const v of row) scale = Math.max(scale, Math.abs(v));
		}
		// scale = 0: invalid label, a non-finite value, or the zero vector (no direction).
		if (scale === 0) {
			prepared.skipped++;
			continue;
		}
		// Dividing by the largest |value| first keeps huge rows (e.g. [1.5e308, 1.5e308], whose
		// norm overflows to Infinity) from normalising to 0; the direction is unchanged.
		for (let d = 0; d < dim; d++) row[d] /= scale;
		prepared.units.push(normalize(row));
		prepared.labels.push(label);
		prepared.numClasses = Math.max(prepared.numClasses, label + 1);
	}
	return prepared;
}

/**
 * Calls visit(i, j, angle) for every unordered pair i < j, or, when there are more than
 * maxPairs of them, for maxPairs pairs drawn uniformly (with replacement) by the seeded RNG.
 * One angleBetween (atan2 form) per pair, no allocation per pair. Returns whether it sampled.
 */
export function forEachPair(
	units: number[][],
	opts: PairOptions,
	visit: (i: number, j: number, angle: number) => void
): boolean {
	const n = units.length;
	const maxPairs = intOption(opts.maxPairs, DEFAULT_MAX_PAIRS, 1, Number.MAX_SAFE_INTEGER);
	if ((n * (n - 1)) / 2 <= maxPairs) {
		for (let i = 0; i < n; i++) {
			const a = units[i];
			for (let j = i + 1; j < n; j++) visit(i, j, angleBetween(a, units[j]));
		}
		return false;
	}
	const rng = createRng(opts.seed ?? 0);
	for (let k = 0; k < maxPairs; k++) {
		const i = rng.int(n);
		// j uniform over the other n − 1 rows: skip over i.
		let j = rng.int(n - 1);
		if (j >= i) j++;
		visit(i, j, angleBetween(units[i], units[j]));
	}
	return true;
}

/** Min angle between the class mean directions; classes whose unit vectors cancel are left out. */
function minAngleBetweenMeans(prep: PreparedRows): number | null {
	const byClass: number[][][] = Array.from({ length: prep.numClasses }, () => []);
	prep.units.forEach((u, i) => byClass[prep.labels[i]].push(u));
	const dirs: number[][] = [];
	for (const members of byClass) {
		if (members.length === 0) continue;
		const m = mean(members);
		// The mean of unit vectors has length in [0, 1]; below 1e−9 the unit vectors (nearly)
		// cancel and what is left is rounding noise, not a direction.
		if (norm(m) > 1e-9) dirs.push(m);
	}
	let best: number | null = null;
	for (let i = 0; i < dirs.length; i++) {
		for (let j = i + 1; j < dirs.length; j++) {
			const a = angleBetween(dirs[i], dirs[j]);
			if (best === null || a < best) best = a;
		}
	}
	return best;
}

/**
 * SphereFace's angle statistics of features [n, dim] with labels [n]: max intra-class angle,
 * min inter-class angle, their means, the median and 90th percentile intra-class angle, the
 * angle between class mean directions, and the criterion maxIntra < minInter. All pairs up to maxPairs (default: every pair up to 3000
 * rows), else a seeded sample of pairs (`sampled: true`). Never returns NaN or Infinity.
 */
export function angleStats(
	features: FeatureRows,
	dim: number,
	labels: LabelArray,
	opts: PairOptions = {}
): AngleStats {
	const prep = prepareRows(features, dim, labels);
	const perClass = new Array<number | null>(prep.numClasses).fill(null);
	// Running extremes and sums; null until a pair of that kind is seen.
	const acc = {
		maxIntra: null as number | null,
		minInter: null as number | null,
		sumIntra: 0,
		sumInter: 0,
		intraPairs: 0,
		interPairs: 0
	};
	/** Every same-class angle visited, for the percentiles (a sample of pairs past maxPairs). */
	const intra: number[] = [];
	const sampled = forEachPair(prep.units, opts, (i, j, angle) => {
		const c = prep.labels[i];
		if (c === prep.labels[j]) {
			acc.intraPairs++;
			intra.push(angle);
			acc.sumIntra += angle;
			if (acc.maxIntra === null || angle > acc.maxIntra) acc.maxIntra = angle;
			const prev = perClass[c];
			if (prev === null || angle > prev) perClass[c] = angle;
		} else {
			acc.interPairs++;
			acc.sumInter += angle;
			if (acc.minInter === null || angle < acc.minInter) acc.minInter = angle;
		}
	});
	const { maxIntra, minInter, intraPairs, interPairs } = acc;
	intra.sort((a, b) => a - b);
	return {
		count: prep.units.length,
		skipped: prep.skipped,
		numClasses: prep.numClasses,
		sampled,
		intraPairs,
		interPairs,
		maxIntra,
		minInter,
		minInterMeans: minAngleBetweenMeans(prep),
		meanIntra: intraPairs > 0 ? acc.sumIntra / intraPairs : null,
		meanInter: interPairs > 0 ? acc.sumInter / interPairs : null,
		medianIntra: intraPairs > 0 ? quantileSorted(intra, 0.5) : null,
		p90Intra: intraPairs > 0 ? quantileSorted(intra, 0.9) : null,
		criterion: maxIntra !== null && minInter !== null ? maxIntra < minInter : null,
		perClassMaxIntra: perClass
	};
}
