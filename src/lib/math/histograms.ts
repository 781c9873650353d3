/**
 * Histograms of a feature set for the charts: same-class and different-class pair angles
 * over [0, π] (SphereFace Fig. 5), from the pairs `angleStats` visits, and feature norms
 * ‖x‖ over [0, max]. Counts per bin on shared edges; nothing is NaN.
 */
import { intOption } from './roc';
import {
	forEachPair,
	prepareRows,
	readRow,
	rowCount,
	type FeatureRows,
	type LabelArray,
	type PairOptions
} from './stats';
import { norm } from './vec';

/** Counts per bin; edges.length = counts.length + 1; bins are [lo, hi), the last one [lo, hi]. */
export interface Histogram {
	edges: number[];
	counts: number[];
}

/** Same-class and different-class angle histograms over [0, π]. */
export interface AngleHistograms {
	intra: Histogram;
	inter: Histogram;
	/** True when pairs were sampled (counts then sum to maxPairs, not n(n−1)/2). */
	sampled: boolean;
	/** Rows ignored (see AngleStats.skipped). */
	skipped: number;
}

/** Histogram of feature norms ‖x‖ over [0, max]. */
export interface NormHistogram extends Histogram {
	/** Rows whose norm exceeds `max` (not in any bin, so a fixed axis never hides them silently). */
	overflow: number;
	/** Rows with a non-finite value. */
	skipped: number;
}

/** `bins` equal bins over [lo, hi]; the last edge is exactly hi. */
function emptyHistogram(bins: number, lo: number, hi: number): Histogram {
	const edges = Array.from({ length: bins + 1 }, (_, k) =>
		k === bins ? hi : lo + ((hi - lo) * k) / bins
	);
	return { edges, counts: new Array<number>(bins).fill(0) };
}

/** Bin of v in [0, hi] with `bins` bins; v = hi goes in the last bin rather than past it. */
function binOf(v: number, hi: number, bins: number): number {
	return Math.min(bins - 1, Math.floor((v / hi) * bins));
}

/**
 * Histograms of same-class and different-class pair angles over [0, π] (SphereFace Fig. 5):
 * with a margin the two humps separate. Default 36 bins (5° each), 1..360. Counts sum to the
 * pairs visited: n(n−1)/2 split by class, or maxPairs when sampled (see `angleStats`).
 */
export function angleHistograms(
	features: FeatureRows,
	dim: number,
	labels: LabelArray,
	opts: PairOptions & { bins?: number } = {}
): AngleHistograms {
	const bins = intOption(opts.bins, 36, 1, 360);
	const prep = prepareRows(features, dim, labels);
	const intra = emptyHistogram(bins, 0, Math.PI);
	const inter = emptyHistogram(bins, 0, Math.PI);
	const sampled = forEachPair(prep.units, opts, (i, j, angle) => {
		const h = prep.labels[i] === prep.labels[j] ? intra : inter;
		h.counts[binOf(angle, Math.PI, bins)]++;
	});
	return { intra, inter, sampled, skipped: prep.skipped };
}

/**
 * Histogram of feature norms ‖x‖ over [0, max] (default 30 bins, 1..1000): softmax grows
 * norms, normalised losses do not. `max` defaults to the largest norm (1 if all are 0); pass
 * it to keep a fixed axis while training, and rows beyond it are counted in `overflow`.
 * Rows with a non-finite value are skipped; zero rows count (their norm is 0).
 */
export function normHistogram(
	features: FeatureRows,
	dim: number,
	opts: { bins?: number; max?: number } = {}
): NormHistogram {
	const bins = intOption(opts.bins, 30, 1, 1000);
	const n = rowCount(features, dim);
	const row = new Array<number>(n > 0 ? dim : 0); // dim is valid whenever n > 0
	const norms: number[] = [];
	let skipped = 0;
	for (let r = 0; r < n; r++) {
		if (readRow(features, dim, r, row)) norms.push(norm(row));
		else skipped++;
	}
	const given = opts.max;
	let max = given !== undefined && Number.isFinite(given) && given > 0 ? given : 0;
	// Auto axis: the largest finite norm. A finite row can still have norm Infinity
	// (e.g. [1.5e308, 1.5e308] overflows); it lands in `overflow` instead of stretching the axis.
	if (max === 0) for (const v of norms) if (Number.isFinite(v)) max = Math.max(max, v);
	// All norms 0 (or no rows): any positive axis works, and a zero width would divide by 0.
	if (max === 0) max = 1;
	const hist = emptyHistogram(bins, 0, max);
	let overflow = 0;
	for (const v of norms) {
		if (v > max) overflow++;
		else hist.counts[binOf(v, max, bins)]++;
	}
	return { ...hist, overflow, skipped };
}
