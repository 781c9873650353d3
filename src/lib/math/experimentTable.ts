/**
 * The open-set experiment's numbers: what one run measures, and how runs become table rows
 * (means over seeds with their spread, and paired differences against modified softmax on
 * the same seed, i.e. the same data, initial weights and batches). Pure TypeScript: pages
 * import it without tfjs.
 */
import { pairedSummary, type Verdict } from './bootstrap';
import type { LossKind } from './margins';
import type { OpenSetReport } from './openset';

/**
 * One row of the sweep: a loss and its margin (null for softmax, modified softmax and center
 * loss). With `grid`, the margin is chosen per identity count on validation runs (seeds and
 * identities of their own, never the test set's) from these values, and `m` only names the
 * row (the published value).
 */
export interface LossSpec {
	loss: LossKind;
	m: number | null;
	grid?: readonly number[];
	/**
	 * A-Softmax only: 'pure' trains with λ = 0 after the warm-up (the official curve to its
	 * floor on the run's clock, then the pure margin) instead of staying at the floor λ = 5.
	 */
	variant?: 'pure';
}

/** A spec's key: loss, margin and variant (`asoftmax:4`, `asoftmax:4:pure`, `cosface:0.35`). */
export function specKey(
	s: Pick<LossSpec, 'loss' | 'variant'> & { requestedM?: number | null; m: number | null }
): string {
	const m = 'requestedM' in s ? s.requestedM : s.m;
	return [
		s.loss,
		...(m === null || m === undefined ? [] : [String(m)]),
		...(s.variant ? [s.variant] : [])
	].join(':');
}

/**
 * The margins tried on validation runs. CosFace and ArcFace: from a tenth of the published
 * value's neighbourhood to the published one (0.35, 0.5). Contrastive and triplet train on unit
 * features in the sweep: contrastive's margin is a distance on the unit sphere (0.5 ≈ 29°,
 * 1 = 60°), triplet's a gap of squared distances (FaceNet's 0.2, and 0.5).
 */
export const MARGIN_GRIDS = Object.freeze({
	cosface: Object.freeze([0.1, 0.2, 0.35]),
	arcface: Object.freeze([0.1, 0.25, 0.5]),
	contrastive: Object.freeze([0.5, 1]),
	triplet: Object.freeze([0.2, 0.5])
});

/**
 * The losses of the identity-count sweep: one of each, A-Softmax at m = 2 and 4 (its margin is
 * the subject; λ anneals on the run's clock), the other margins chosen on validation runs.
 */
export const IDENTITY_SWEEP: readonly LossSpec[] = Object.freeze([
	{ loss: 'softmax', m: null },
	{ loss: 'contrastive', m: 1, grid: MARGIN_GRIDS.contrastive },
	{ loss: 'triplet', m: 1, grid: MARGIN_GRIDS.triplet },
	{ loss: 'center', m: null },
	{ loss: 'modified', m: null },
	{ loss: 'asoftmax', m: 2 },
	{ loss: 'asoftmax', m: 4 },
	{ loss: 'asoftmax', m: 4, variant: 'pure' },
	{ loss: 'cosface', m: 0.35, grid: MARGIN_GRIDS.cosface },
	{ loss: 'arcface', m: 0.5, grid: MARGIN_GRIDS.arcface }
]);

/**
 * Negative margins (Liu et al., ECCV 2020, "Negative Margin Matters"): the margins tried on
 * validation runs when the margin is to be below 0, for CosFace's cos θ − m and ArcFace's
 * cos(θ + m). The same protocol as the positive grids: chosen per identity count on the
 * validation seeds, never on the test seeds.
 */
export const NEGATIVE_GRIDS = Object.freeze({
	cosface: Object.freeze([-0.3, -0.2, -0.1]),
	arcface: Object.freeze([-0.3, -0.2, -0.1])
});

/**
 * The negative-margin sweep: modified softmax (the baseline every row is paired with), CosFace
 * and ArcFace with their positive grids, and each with its negative grid. Saved as
 * static/data/negative-margins.json (`npm run experiment -- --losses negative`).
 */
export const NEGATIVE_SWEEP: readonly LossSpec[] = Object.freeze([
	{ loss: 'modified', m: null },
	{ loss: 'cosface', m: 0.35, grid: MARGIN_GRIDS.cosface },
	{ loss: 'cosface', m: -0.2, grid: NEGATIVE_GRIDS.cosface },
	{ loss: 'arcface', m: 0.5, grid: MARGIN_GRIDS.arcface },
	{ loss: 'arcface', m: -0.2, grid: NEGATIVE_GRIDS.arcface }
]);

/** The counts the browser's identity sweep offers and the lessons report. */
export const IDENTITY_COUNTS: readonly number[] = Object.freeze([6, 25, 100, 200]);

/** The metrics of one run (null only when a split or a pair kind is empty). */
export interface RunMetrics {
	/** Accuracy on the training split at the end: did the model fit what it sees? */
	trainAcc: number | null;
	/** Test accuracy on the seen classes (closed set). */
	closedSetAcc: number | null;
	/** New people (held-out identities), all pairs by cosine: AUC, best-threshold accuracy, TAR@FAR 1e−2. */
	verifAUC: number | null;
	verifAccBest: number | null;
	tarAtFar1e2: number | null;
	/** New people: rank-1 with one gallery sample per identity. */
	rank1: number | null;
	/** New photos of known people (test split of the seen identities): the same three figures. */
	seenVerifAUC: number | null;
	seenTarAtFar1e2: number | null;
	seenRank1: number | null;
	/** Seen identities' test photos: mean over identities of the largest intra-identity angle (°). */
	maxIntraDeg: number | null;
	/** Seen identities' test photos: smallest angle between two identities' mean directions (°). */
	minInterDeg: number | null;
	/** The smallest angle between two class weights at the end (°); null without weights. */
	weightGapDeg: number | null;
	/**
	 * The margin that trained at the end, as a wedge on the circle through the two nearest
	 * weights (°): the angle between their decision boundaries under the last step's head
	 * (A-Softmax with its λ, CosFace, ArcFace); 0 for modified softmax; null without weights.
	 */
	effectiveMarginDeg: number | null;
	/** λ of the last step (A-Softmax; 0 otherwise). */
	lambdaEnd: number | null;
}

/** The metric names, in table order. */
export const METRICS: readonly (keyof RunMetrics)[] = [
	'trainAcc',
	'closedSetAcc',
	'verifAUC',
	'verifAccBest',
	'tarAtFar1e2',
	'rank1',
	'seenVerifAUC',
	'seenTarAtFar1e2',
	'seenRank1',
	'maxIntraDeg',
	'minInterDeg',
	'weightGapDeg',
	'effectiveMarginDeg',
	'lambdaEnd'
];

/** The metrics compared pairwise against modified softmax. */
export const DELTA_METRICS = [
	'verifAUC',
	'tarAtFar1e2',
	'rank1',
	'seenVerifAUC',
	'seenTarAtFar1e2',
	'seenRank1',
	'closedSetAcc',
	'trainAcc'
] as const satisfies readonly (keyof RunMetrics)[];
export type DeltaMetric = (typeof DELTA_METRICS)[number];

/** The loss every other one is compared with: SphereFace's own baseline (|W| = 1, b = 0). */
export const BASELINE_LOSS: LossKind = 'modified';

/** One trained model's outcome. */
export interface RunResult extends RunMetrics {
	loss: LossKind;
	/** A-Softmax's λ variant ('pure'), absent for the annealed run. */
	variant?: 'pure';
	/** The margin used (for CosFace/ArcFace possibly lowered to fit, see `mScaled`). */
	m: number | null;
	/** The margin asked for. */
	requestedM: number | null;
	mScaled: boolean;
	/** Seen identities in training, and held-out ones scored as new people. */
	identities: number;
	unseen: number;
	seed: number;
	/** Loss of the last batch. */
	finalLoss: number | null;
	/** True when training stopped at a divergence (metrics are from the last finite state). */
	diverged: boolean;
	/** The full reports (ROC, histograms) for views: new people, and new photos of known people. */
	report: OpenSetReport;
	seenReport: OpenSetReport;
}

/** Spread of a metric over seeds: sample standard deviation (0 for one seed), min and max. */
export interface Spread {
	std: number;
	min: number;
	max: number;
}

/** A paired difference (this loss − modified softmax, same seed), over seeds. */
export interface Delta extends Spread {
	mean: number;
	/** Seeds on which this loss was ahead (difference > 0). */
	ahead: number;
	seeds: number;
	/** 95 % bootstrap interval of the mean difference (null with one seed). */
	ci95: [number, number] | null;
	/** 'helps' / 'hurts' only when the interval excludes 0. */
	verdict: Verdict;
}

/** One margin tried on the validation runs, and its mean validation TAR@FAR=1e−2 on new people. */
export interface MarginTrial {
	m: number;
	score: number | null;
}

/** One row of the table: one loss at one number of identities, means over seeds. */
export interface ExperimentRow extends RunMetrics {
	loss: LossKind;
	m: number | null;
	requestedM: number | null;
	mScaled: boolean;
	/** A-Softmax's λ variant ('pure': λ = 0 after the warm-up); absent for the annealed run. */
	variant?: 'pure';
	identities: number;
	unseen: number;
	/** Seeds averaged (a metric's mean skips the runs where it is null). */
	seeds: number;
	/** Runs that diverged. */
	diverged: number;
	/** The margins tried on validation runs (null: the margin was fixed), best chosen as `m`. */
	trials: MarginTrial[] | null;
	/**
	 * Runs that did not fit their training set (train accuracy < UNCONVERGED_BELOW at the end);
	 * their metrics still count in the means.
	 */
	unconverged: number;
	spread: Record<keyof RunMetrics, Spread | null>;
	/** Paired differences against modified softmax; null when it is not in the sweep. */
	delta: Record<DeltaMetric, Delta | null> | null;
}

/** Final training accuracy below which a run counts as not converged. */
export const UNCONVERGED_BELOW = 0.99;

/** Mean and spread of the finite values, or nulls when there are none. */
export function summarise(values: (number | null)[]): {
	mean: number | null;
	spread: Spread | null;
} {
	const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
	if (xs.length === 0) return { mean: null, spread: null };
	const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
	// Sample standard deviation (n − 1): the seeds are a sample of data sets and initialisations.
	const ss = xs.reduce((a, b) => a + (b - mean) ** 2, 0);
	const std = xs.length > 1 ? Math.sqrt(ss / (xs.length - 1)) : 0;
	return { mean, spread: { std, min: Math.min(...xs), max: Math.max(...xs) } };
}

/** Paired differences run − baseline over the seeds both have a value for. */
function pairedDelta(runs: RunResult[], baseline: RunResult[], key: DeltaMetric): Delta | null {
	const diffs: number[] = [];
	for (const r of runs) {
		const b = baseline.find((x) => x.seed === r.seed);
		const [v, w] = [r[key], b?.[key] ?? null];
		if (v !== null && w !== null && Number.isFinite(v) && Number.isFinite(w)) diffs.push(v - w);
	}
	const { mean, spread } = summarise(diffs);
	const paired = pairedSummary(diffs);
	if (mean === null || !spread || !paired) return null;
	return { ...spread, ...paired, mean };
}

/** One table row from the runs of one loss at one identity count (`baseline`: modified's). */
export function toRow(
	spec: LossSpec,
	runs: RunResult[],
	baseline: RunResult[] | null,
	trials: MarginTrial[] | null = null
): ExperimentRow {
	const first = runs[0];
	const row = {
		loss: spec.loss,
		m: first?.m ?? spec.m,
		requestedM: spec.m,
		...(spec.variant ? { variant: spec.variant } : {}),
		mScaled: first?.mScaled ?? false,
		identities: first?.identities ?? 0,
		unseen: first?.unseen ?? 0,
		seeds: runs.length,
		diverged: runs.filter((r) => r.diverged).length,
		trials,
		unconverged: runs.filter((r) => (r.trainAcc ?? 0) < UNCONVERGED_BELOW).length,
		spread: {},
		delta: null
	} as unknown as ExperimentRow;
	for (const key of METRICS) {
		const { mean, spread } = summarise(runs.map((r) => r[key]));
		row[key] = mean;
		row.spread[key] = spread;
	}
	if (baseline) {
		row.delta = Object.fromEntries(
			DELTA_METRICS.map((k) => [k, pairedDelta(runs, baseline, k)])
		) as Record<DeltaMetric, Delta | null>;
	}
	return row;
}
