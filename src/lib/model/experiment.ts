/**
 * The open-set experiment, headless: for every loss (and margin) and every seed, train a
 * Trainer on the same data with the same initial weights, then score the features of the
 * held-out identities by cosine similarity alone (`openSetReport`): verification AUC,
 * best-threshold accuracy, TAR at FAR = 1e−2 and rank-1, next to the closed-set test accuracy
 * on the seen classes. Rows are means over seeds with their spread. Runs on whatever tfjs
 * backend is active (wasm in the Node runner, cpu in unit tests, the worker's in the browser).
 *
 * Honesty: the classifier has rows for the seen classes only (`HeadMode` 'seen'); the
 * held-out identities are embedded after training and never shape it. Fairness: every loss
 * sees the same data sets (seed s → data seed s), the same initial weights and batch order
 * (model seed s), the same architecture, optimizer and number of steps. A-Softmax trains
 * with SphereFace's published λ annealing ('official': λ = 1000 / (1 + 0.12·it), floor 5,
 * reached at step 1659), as the paper does; CosFace and ArcFace train as published, with no
 * warm-up. A run that ends without fitting its training set is counted, not hidden.
 */
import { Trainer } from './trainer';
import type { TrainerOptions } from './options';
import {
	clampDataParams,
	generateDataset,
	openSetReport,
	seenClassesOnly,
	SPLIT,
	type DataParams,
	type Dataset,
	type FeatureRows,
	type HeadKind,
	type OpenSetReport
} from '../math/index';

/** One row of the sweep: a loss and its margin (null for softmax and modified softmax). */
export interface LossSpec {
	loss: HeadKind;
	m: number | null;
}

/** The paper's comparison: softmax, modified, A-Softmax m = 1–4, CosFace and ArcFace. */
export const DEFAULT_SWEEP: readonly LossSpec[] = Object.freeze([
	{ loss: 'softmax', m: null },
	{ loss: 'modified', m: null },
	{ loss: 'asoftmax', m: 1 },
	{ loss: 'asoftmax', m: 2 },
	{ loss: 'asoftmax', m: 3 },
	{ loss: 'asoftmax', m: 4 },
	{ loss: 'cosface', m: 0.35 },
	{ loss: 'arcface', m: 0.5 }
]);

/**
 * The open-set data: 10 identities in 8 dimensions, 6 seen in training and 4 held out, 200
 * points each (the 4 × 200 held-out points give 319,600 pairs, all scored). Noise 1 (fixed
 * before any loss was trained): the shared nuisance moves a point as far as two identities
 * are apart, so cosine on the raw inputs verifies poorly (AUC ≈ 0.86), as raw pixels do for
 * faces, and what the features add (or lose) shows. The seed is set per run.
 */
export const EXPERIMENT_DATA: Readonly<Omit<DataParams, 'seed'>> = Object.freeze({
	generator: 'identities',
	classes: 10,
	heldOut: [6, 7, 8, 9],
	inputDim: 8,
	noise: 1,
	pointsPerClass: 200,
	testFraction: 0.25
});

/** The trainer settings the losses share (everything but the data, loss, margin and seed). */
export type ExperimentModel = Omit<TrainerOptions, 'data' | 'loss' | 'm' | 'seed'>;

/**
 * Which classes the classifier has a row for. 'seen' (the default, honest open set): only
 * the seen classes; the held-out identities exist only at test time. 'all': every class of
 * the data set, as the explorer trains with held-out classes: the held-out rows still enter
 * every softmax as negatives, so the model learns that (and how many) other classes exist
 * and keeps room for them; kept to measure that effect.
 */
export type HeadMode = 'seen' | 'all';

/** The model settings every loss shares; features on the sphere (3D, more room than 2D). */
export const EXPERIMENT_MODEL: Readonly<ExperimentModel> = Object.freeze({
	featureDim: 3,
	hiddenLayers: 2,
	hiddenUnits: 32,
	s: 16,
	lambdaMode: 'official',
	lambdaFixed: 5,
	lambdaMin: 5,
	learningRate: 0.01,
	batchSize: 256,
	weightDecay: 0.01
});

/**
 * Training steps of the default run. On the default data every loss reaches training
 * accuracy 1 by step 500 and a flat training loss by step 2000, and A-Softmax's λ reaches its
 * floor at step 1659, so the last 1341 steps train at the paper's final λ.
 */
export const DEFAULT_EXPERIMENT_STEPS = 3000;

/** The metrics of one run (null only when a split or a pair kind is empty). */
export interface RunMetrics {
	/** Test accuracy on the seen classes (closed set). */
	closedSetAcc: number | null;
	/** Held-out identities, all pairs by cosine: ROC AUC, best-threshold accuracy, TAR@FAR 1e−2. */
	verifAUC: number | null;
	verifAccBest: number | null;
	tarAtFar1e2: number | null;
	/** Held-out identities: rank-1 with one gallery sample per identity. */
	rank1: number | null;
}

/** The metric names, in table order. */
export const METRICS: readonly (keyof RunMetrics)[] = [
	'closedSetAcc',
	'verifAUC',
	'verifAccBest',
	'tarAtFar1e2',
	'rank1'
];

/** One trained model's outcome. */
export interface RunResult extends RunMetrics {
	loss: HeadKind;
	m: number | null;
	seed: number;
	trainAcc: number | null;
	/** Loss of the last batch. */
	finalLoss: number | null;
	/** True when training stopped at a divergence (metrics are from the last finite state). */
	diverged: boolean;
	/** The full open-set report (ROC, histograms) for views. */
	report: OpenSetReport;
}

/** Spread of a metric over seeds: sample standard deviation (0 for one seed), min and max. */
export interface Spread {
	std: number;
	min: number;
	max: number;
}

/** One row of the table: means over seeds. */
export interface ExperimentRow extends RunMetrics {
	loss: HeadKind;
	m: number | null;
	/** Seeds averaged (a metric's mean skips the runs where it is null). */
	seeds: number;
	/** Runs that diverged. */
	diverged: number;
	/**
	 * Runs that did not fit their training set (train accuracy < UNCONVERGED_BELOW at the end):
	 * stuck, not short of steps; their metrics still count in the means.
	 */
	unconverged: number;
	spread: Record<keyof RunMetrics, Spread | null>;
}

/** Where the sweep stands, after every chunk of steps and at the end of every run. */
export interface ExperimentProgress {
	/** Runs finished, of `runs`. */
	done: number;
	runs: number;
	spec: LossSpec;
	seed: number;
	step: number;
	steps: number;
	/** Set when this call reports a finished run. */
	result: RunResult | null;
}

/** What `runOpenSetExperiment` is asked to do. */
export interface ExperimentConfig {
	losses?: readonly LossSpec[];
	seeds: readonly number[];
	steps?: number;
	/** Overrides of EXPERIMENT_DATA (the seed is set per run). */
	data?: Partial<Omit<DataParams, 'seed'>>;
	/** Overrides of EXPERIMENT_MODEL. */
	model?: Partial<ExperimentModel>;
	/** The classifier's classes (default 'seen', see `HeadMode`). */
	head?: HeadMode;
	/** Steps per `trainer.step` call between progress reports (default 250). */
	chunk?: number;
	onProgress?: (p: ExperimentProgress) => void;
	/** Stops the sweep between chunks (the promise rejects with the signal's reason). */
	signal?: AbortSignal;
}

/** The sweep's outcome: the table, every run, and the raw-input reference. */
export interface ExperimentResult {
	rows: ExperimentRow[];
	runs: RunResult[];
	/**
	 * The same open-set metrics on the raw inputs (cosine in input space, no training), mean
	 * over seeds: what the learned features must beat to be worth anything on unseen identities.
	 */
	inputBaseline: Omit<RunMetrics, 'closedSetAcc'>;
	/** The data and model settings used (seed excluded). */
	data: Omit<DataParams, 'seed'>;
	model: ExperimentModel;
	head: HeadMode;
	steps: number;
}

/** Final training accuracy below which a run counts as not converged. */
export const UNCONVERGED_BELOW = 0.99;

/** Pairs scored at most: every pair of the default held-out set (4 × 200 points). */
const MAX_PAIRS = 400_000;

/** Open-set metrics of features [N, dim] on the held-out rows. */
function openSetMetrics(
	features: FeatureRows,
	dim: number,
	labels: Int32Array,
	split: Uint8Array,
	seed: number
): { metrics: Omit<RunMetrics, 'closedSetAcc'>; report: OpenSetReport } {
	const report = openSetReport(features, dim, labels, split, { maxPairs: MAX_PAIRS, seed });
	const v = report.verification;
	return {
		metrics: {
			verifAUC: v.auc,
			verifAccBest: v.accuracy,
			tarAtFar1e2: v.tar,
			rank1: report.identification.rank1
		},
		report
	};
}

/** Lets the event loop run (worker messages, timers) between chunks of training. */
const yieldToLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** What every run of one seed shares. */
interface RunContext {
	seed: number;
	/** The generated data set of this seed (all classes). */
	source: Dataset;
	steps: number;
	chunk: number;
	head: HeadMode;
	model: ExperimentModel;
	signal?: AbortSignal;
}

/**
 * The model under test and the features of the held-out rows: with head 'seen' the trainer
 * gets the seen classes only (`seenClassesOnly`) and embeds the held-out points afterwards;
 * with 'all' it trains on the whole data set, held-out rows included in its classifier.
 */
function makeTrainer(spec: LossSpec, c: RunContext) {
	const trainer = new Trainer({
		...c.model,
		data: c.source.params,
		seed: c.seed,
		loss: spec.loss,
		...(spec.m === null ? {} : { m: spec.m })
	});
	if (trainer.notices.length > 0) {
		trainer.dispose();
		throw new RangeError(`Experiment settings were clamped: ${trainer.notices.join('; ')}`);
	}
	if (c.head === 'all') {
		return { trainer, heldOutFeatures: () => trainer.snapshot().features, rows: null };
	}
	const split = seenClassesOnly(c.source);
	trainer.loadDataset(split.dataset);
	const { dim } = c.source;
	const points = new Float64Array(split.heldOutRows.length * dim); // [H, dim]
	split.heldOutRows.forEach((r, k) =>
		points.set(c.source.points.subarray(r * dim, (r + 1) * dim), k * dim)
	);
	return { trainer, heldOutFeatures: () => trainer.embed(points), rows: split.heldOutRows };
}

/** Trains one loss on one seed and scores it. */
async function runOne(
	spec: LossSpec,
	c: RunContext,
	report: (step: number) => void
): Promise<RunResult> {
	const { trainer, heldOutFeatures, rows } = makeTrainer(spec, c);
	try {
		while (trainer.steps < c.steps && !trainer.diverged) {
			c.signal?.throwIfAborted();
			trainer.step(Math.min(c.chunk, c.steps - trainer.steps));
			report(trainer.steps);
			await yieldToLoop();
		}
		const snap = trainer.snapshot();
		// Labels and split of the rows the features belong to (the held-out rows alone, or all).
		const labels = rows ? Int32Array.from(rows, (r) => c.source.labels[r]) : c.source.labels;
		const split = rows ? new Uint8Array(rows.length).fill(SPLIT.heldOut) : c.source.split;
		const { metrics, report: full } = openSetMetrics(
			heldOutFeatures(),
			snap.featureDim,
			labels,
			split,
			c.seed
		);
		return {
			loss: spec.loss,
			m: spec.m,
			seed: c.seed,
			closedSetAcc: snap.testAccuracy,
			...metrics,
			trainAcc: snap.trainAccuracy,
			finalLoss: snap.loss,
			diverged: trainer.diverged,
			report: full
		};
	} finally {
		trainer.dispose();
	}
}

/** Mean and spread of the non-null values, or nulls when there are none. */
function summarise(values: (number | null)[]): { mean: number | null; spread: Spread | null } {
	const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
	if (xs.length === 0) return { mean: null, spread: null };
	const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
	// Sample standard deviation (n − 1): the seeds are a sample of data sets and initialisations.
	const ss = xs.reduce((a, b) => a + (b - mean) ** 2, 0);
	const std = xs.length > 1 ? Math.sqrt(ss / (xs.length - 1)) : 0;
	return { mean, spread: { std, min: Math.min(...xs), max: Math.max(...xs) } };
}

/** One table row from the runs of one loss. */
function toRow(spec: LossSpec, runs: RunResult[]): ExperimentRow {
	const row = {
		loss: spec.loss,
		m: spec.m,
		seeds: runs.length,
		diverged: runs.filter((r) => r.diverged).length,
		unconverged: runs.filter((r) => (r.trainAcc ?? 0) < UNCONVERGED_BELOW).length,
		spread: {}
	} as ExperimentRow;
	for (const key of METRICS) {
		const { mean, spread } = summarise(runs.map((r) => r[key]));
		row[key] = mean;
		row.spread[key] = spread;
	}
	return row;
}

/**
 * Runs the sweep: every loss of `losses` (default DEFAULT_SWEEP) on every seed, `steps`
 * steps each (default DEFAULT_EXPERIMENT_STEPS), and returns one row per loss with means over
 * seeds and their spread, every run, and the raw-input baseline. Deterministic: the same
 * config on the same backend gives the same numbers. Throws a RangeError when a setting would
 * be clamped (so a typo cannot silently change the experiment).
 */
export async function runOpenSetExperiment(config: ExperimentConfig): Promise<ExperimentResult> {
	const losses = config.losses ?? DEFAULT_SWEEP;
	const steps = Math.max(1, Math.floor(config.steps ?? DEFAULT_EXPERIMENT_STEPS));
	const chunk = Math.max(1, Math.floor(config.chunk ?? 250));
	const seeds = [...config.seeds];
	if (seeds.length === 0) throw new RangeError('The experiment needs at least one seed.');
	const data = { ...EXPERIMENT_DATA, ...config.data };
	const model = { ...EXPERIMENT_MODEL, ...config.model };
	const head = config.head ?? 'seen';
	const runs: RunResult[] = [];
	// bySpec[k]: the runs of losses[k], one per seed.
	const bySpec: RunResult[][] = losses.map(() => []);
	const total = losses.length * seeds.length;
	const baselines: Omit<RunMetrics, 'closedSetAcc'>[] = [];
	for (const seed of seeds) {
		const { params, notices } = clampDataParams({ ...data, seed });
		if (notices.length > 0) throw new RangeError(`Data settings were clamped: ${notices[0]}`);
		const source = generateDataset(params);
		baselines.push(
			openSetMetrics(source.points, source.dim, source.labels, source.split, seed).metrics
		);
		const context: RunContext = { seed, source, steps, chunk, head, model, signal: config.signal };
		for (const [k, spec] of losses.entries()) {
			const progress = (step: number, result: RunResult | null) =>
				config.onProgress?.({ done: runs.length, runs: total, spec, seed, step, steps, result });
			const result = await runOne(spec, context, (step) => progress(step, null));
			runs.push(result);
			bySpec[k].push(result);
			progress(steps, result);
		}
	}
	const base = (key: Exclude<keyof RunMetrics, 'closedSetAcc'>) =>
		summarise(baselines.map((b) => b[key])).mean;
	return {
		rows: losses.map((spec, k) => toRow(spec, bySpec[k])),
		runs,
		inputBaseline: {
			verifAUC: base('verifAUC'),
			verifAccBest: base('verifAccBest'),
			tarAtFar1e2: base('tarAtFar1e2'),
			rank1: base('rank1')
		},
		data,
		model,
		head,
		steps
	};
}
