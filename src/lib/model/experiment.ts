/**
 * The open-set experiment, headless: for every number of seen identities, every seed and
 * every loss (and margin), train a Trainer on the same data with the same initial weights and
 * batches, then score its features by cosine similarity alone on two test sets: new people
 * (held-out identities: verification AUC, best-threshold accuracy, TAR at FAR = 1e−2,
 * rank-1) and new photos of known people (the seen identities' test split: the same figures),
 * next to the training and closed-set accuracies. Rows are means over seeds with their spread
 * and paired differences against modified softmax. Runs on whatever tfjs backend is active
 * (wasm in the Node runner, cpu in unit tests, the worker's in the browser).
 *
 * Honesty: the trainer's classifier has rows for the seen identities only (the strict
 * protocol, `headClasses`); held-out identities never shape training. Fairness: on one seed
 * every loss sees the same data set, initial weights and batch order, the same architecture,
 * optimizer and steps. The held-out identities are classes 0 … unseen − 1 and the seen ones
 * come after them, so on one seed the same new people (and the same photos of them) are
 * scored at every identity count. A-Softmax trains with SphereFace's λ annealing
 * ('official', floor 5, reached at step 1659); CosFace and ArcFace as published, with their
 * margins lowered where the identities are too crowded for them (`fitMargin`). A run that
 * ends without fitting its training set is counted, not hidden.
 */
import { Trainer } from './trainer';
import { datasetOf, type DataSources } from './dataSources';
import { clampTrainerOptions, DEFAULT_TRAINER_OPTIONS, type TrainerOptions } from './options';
import {
	BASELINE_LOSS,
	summarise,
	toRow,
	type ExperimentRow,
	type LossSpec,
	type RunMetrics,
	type RunResult
} from './experimentTable';
import {
	classCompactness,
	clampDataParams,
	fitMargin,
	recognitionReport,
	SPLIT,
	toDegrees,
	type DataParams,
	type Dataset,
	type FeatureRows
} from '../math/index';

export * from './experimentTable';

/**
 * The paper's comparison: softmax, the Euclidean-margin losses before SphereFace (contrastive,
 * triplet, center loss), modified softmax, A-Softmax m = 1–4, CosFace and ArcFace.
 */
export const DEFAULT_SWEEP: readonly LossSpec[] = Object.freeze([
	{ loss: 'softmax', m: null },
	{ loss: 'contrastive', m: 1 },
	{ loss: 'triplet', m: 1 },
	{ loss: 'center', m: null },
	{ loss: 'modified', m: null },
	{ loss: 'asoftmax', m: 1 },
	{ loss: 'asoftmax', m: 2 },
	{ loss: 'asoftmax', m: 3 },
	{ loss: 'asoftmax', m: 4 },
	{ loss: 'cosface', m: 0.35 },
	{ loss: 'arcface', m: 0.5 }
]);

/** Seen identity counts of the sweep when none are given, and the held-out ones scored. */
export const DEFAULT_IDENTITIES: readonly number[] = Object.freeze([6]);
export const DEFAULT_UNSEEN = 20;

/**
 * The open-set data: identities in 8 dimensions, 200 points each (150 train, 50 test for a
 * seen one). Noise 1 (fixed before any loss was trained): the shared nuisance moves a point
 * as far as two identities are apart, so cosine on the raw inputs verifies poorly, as raw
 * pixels do for faces, and what the features add (or lose) shows. Classes and held-out
 * identities are set per identity count (`identityData`), the seed per run.
 */
export const EXPERIMENT_DATA: Readonly<Omit<DataParams, 'seed' | 'classes' | 'heldOut'>> =
	Object.freeze({
		generator: 'identities',
		inputDim: 8,
		noise: 1,
		pointsPerClass: 200,
		testFraction: 0.25
	});

/** Classes and held-out classes for `seen` trained identities and `unseen` new people. */
export function identityData(
	seen: number,
	unseen: number
): Pick<DataParams, 'classes' | 'heldOut'> {
	return { classes: unseen + seen, heldOut: Array.from({ length: unseen }, (_, k) => k) };
}

/** The trainer settings the losses share (everything but the data, loss, margin and seed). */
export type ExperimentModel = Omit<TrainerOptions, 'data' | 'loss' | 'm' | 'seed'>;

/** The model settings every loss shares; features on the sphere (3D, more room than 2D). */
export const EXPERIMENT_MODEL: Readonly<ExperimentModel> = Object.freeze({
	featureDim: 3,
	hiddenLayers: 2,
	hiddenUnits: 32,
	featureRelu: false,
	s: 16,
	lambdaMode: 'official',
	lambdaFixed: 5,
	lambdaMin: 5,
	learningRate: 0.01,
	batchSize: 256,
	weightDecay: 0.01,
	// The metric losses' own settings: the explorer's defaults (P = 8 classes × K = 8 a batch).
	mining: DEFAULT_TRAINER_OPTIONS.mining,
	unitFeatures: DEFAULT_TRAINER_OPTIONS.unitFeatures,
	pkClasses: DEFAULT_TRAINER_OPTIONS.pkClasses,
	pkPerClass: DEFAULT_TRAINER_OPTIONS.pkPerClass,
	centerLambda: DEFAULT_TRAINER_OPTIONS.centerLambda,
	centerAlpha: DEFAULT_TRAINER_OPTIONS.centerAlpha
});

/**
 * Training steps of the default run. On 6 seen identities every loss fits its training set
 * by step 500 and A-Softmax's λ reaches its floor at step 1659, so the last 1341 steps
 * train at the paper's final λ.
 */
export const DEFAULT_EXPERIMENT_STEPS = 3000;

/** Where the sweep stands, after every chunk of steps and at the end of every run. */
export interface ExperimentProgress {
	/** Runs finished, of `runs`. */
	done: number;
	runs: number;
	spec: LossSpec;
	identities: number;
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
	/** Seen identity counts (default DEFAULT_IDENTITIES). */
	identities?: readonly number[];
	/** Held-out identities scored as new people (default DEFAULT_UNSEEN). */
	unseen?: number;
	/** Overrides of EXPERIMENT_DATA (the seed is set per run). */
	data?: Partial<typeof EXPERIMENT_DATA>;
	/** Overrides of EXPERIMENT_MODEL (features up to MAX_FEATURE_DIM dimensions). */
	model?: Partial<ExperimentModel>;
	/** Lower CosFace/ArcFace margins that do not fit the identities (default true). */
	fitMargins?: boolean;
	/** Data read from files (the digits, for `data.generator` 'digits'). */
	sources?: DataSources;
	/** Steps per `trainer.step` call between progress reports (default 250). */
	chunk?: number;
	onProgress?: (p: ExperimentProgress) => void;
	/** Stops the sweep between chunks (the promise rejects with the signal's reason). */
	signal?: AbortSignal;
}

/** The raw-input reference: the same figures by cosine on the inputs themselves. */
export type Baseline = Omit<RunMetrics, 'trainAcc' | 'closedSetAcc'>;

/** The sweep's outcome: the table, every run, and the raw-input reference per count. */
export interface ExperimentResult {
	rows: ExperimentRow[];
	runs: RunResult[];
	/** Raw-input metrics (no training), mean over seeds, one per identity count. */
	inputBaselines: { identities: number; baseline: Baseline }[];
	/** The first count's raw-input metrics (what the m sweep's chart draws as a level). */
	inputBaseline: Baseline;
	identities: number[];
	unseen: number;
	/** The data and model settings used (seed, classes and held-out classes excluded). */
	data: typeof EXPERIMENT_DATA;
	model: ExperimentModel;
	steps: number;
}

/** Pairs scored at most per test set (all pairs of 4 × 200 points; a sample beyond). */
const MAX_PAIRS = 400_000;

/** The figures of features [N, dim] on both test sets (`labels`, `split` of the same rows). */
function scoreFeatures(
	features: FeatureRows,
	dim: number,
	d: Dataset,
	seed: number
): { metrics: Baseline; reports: ReturnType<typeof recognitionReport> } {
	const reports = recognitionReport(features, dim, d.labels, d.split, {
		maxPairs: MAX_PAIRS,
		seed
	});
	const test: number[] = [];
	d.split.forEach((s, i) => s === SPLIT.test && test.push(i));
	const c = classCompactness(features, dim, d.labels, test);
	const deg = (v: number | null) => (v === null ? null : toDegrees(v));
	const { unseen, seen } = reports;
	return {
		metrics: {
			verifAUC: unseen.verification.auc,
			verifAccBest: unseen.verification.accuracy,
			tarAtFar1e2: unseen.verification.tar,
			rank1: unseen.identification.rank1,
			seenVerifAUC: seen.verification.auc,
			seenTarAtFar1e2: seen.verification.tar,
			seenRank1: seen.identification.rank1,
			maxIntraDeg: deg(c.maxIntra),
			minInterDeg: deg(c.minInterMeans)
		},
		reports
	};
}

/** Lets the event loop run (worker messages, timers) between chunks of training. */
const yieldToLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** What every run of one seed at one identity count shares. */
interface RunContext {
	seed: number;
	source: Dataset;
	identities: number;
	unseen: number;
	steps: number;
	chunk: number;
	model: ExperimentModel;
	fitMargins: boolean;
	sources: DataSources;
	signal?: AbortSignal;
}

/** Trains one loss on one seed and scores it. */
async function runOne(
	spec: LossSpec,
	c: RunContext,
	report: (step: number) => void
): Promise<RunResult> {
	const fitted =
		spec.m !== null && c.fitMargins
			? fitMargin(spec.loss, spec.m, c.identities, c.model.featureDim)
			: { m: spec.m, scaled: false };
	const trainer = new Trainer(
		{
			...c.model,
			data: c.source.params,
			seed: c.seed,
			loss: spec.loss,
			...(fitted.m === null ? {} : { m: fitted.m })
		},
		{ headless: true, sources: c.sources }
	);
	try {
		if (trainer.notices.length > 0) {
			throw new RangeError(`Experiment settings were clamped: ${trainer.notices.join('; ')}`);
		}
		while (trainer.steps < c.steps && !trainer.diverged) {
			c.signal?.throwIfAborted();
			trainer.step(Math.min(c.chunk, c.steps - trainer.steps));
			report(trainer.steps);
			await yieldToLoop();
		}
		const snap = trainer.snapshot();
		const { metrics, reports } = scoreFeatures(
			snap.features,
			snap.featureDim,
			trainer.data,
			c.seed
		);
		return {
			loss: spec.loss,
			m: fitted.m,
			requestedM: spec.m,
			mScaled: fitted.scaled,
			identities: c.identities,
			unseen: c.unseen,
			seed: c.seed,
			trainAcc: snap.trainAccuracy,
			closedSetAcc: snap.testAccuracy,
			...metrics,
			finalLoss: snap.loss,
			diverged: trainer.diverged,
			report: reports.unseen,
			seenReport: reports.seen
		};
	} finally {
		trainer.dispose();
	}
}

/** A whole number in [lo, hi] or a RangeError naming the setting. */
function count(name: string, v: number, lo: number, hi: number): number {
	if (!Number.isInteger(v) || v < lo || v > hi) {
		throw new RangeError(`${name} ${v}: expected a whole number in ${lo}–${hi}.`);
	}
	return v;
}

/**
 * Runs the sweep: every loss of `losses` (default DEFAULT_SWEEP) at every identity count, on
 * every seed, `steps` steps each (default DEFAULT_EXPERIMENT_STEPS); returns one row per
 * count and loss, every run and the raw-input baselines. Deterministic: the same config on
 * the same backend gives the same numbers. Throws a RangeError when a setting would be
 * clamped (so a typo cannot silently change the experiment).
 */
export async function runOpenSetExperiment(config: ExperimentConfig): Promise<ExperimentResult> {
	const losses = config.losses ?? DEFAULT_SWEEP;
	const steps = Math.max(1, Math.floor(config.steps ?? DEFAULT_EXPERIMENT_STEPS));
	const chunk = Math.max(1, Math.floor(config.chunk ?? 250));
	const seeds = [...config.seeds];
	if (seeds.length === 0) throw new RangeError('The experiment needs at least one seed.');
	const identities = [...(config.identities ?? DEFAULT_IDENTITIES)];
	if (identities.length === 0) throw new RangeError('The experiment needs an identity count.');
	const unseen = count('unseen', config.unseen ?? DEFAULT_UNSEEN, 2, 100);
	const data = { ...EXPERIMENT_DATA, ...config.data };
	const model = { ...EXPERIMENT_MODEL, ...config.model };
	const fitMargins = config.fitMargins ?? true;
	// A margin outside its loss's range is an error, before any margin is fitted to the data.
	for (const spec of losses) {
		const asked = { ...model, loss: spec.loss, ...(spec.m === null ? {} : { m: spec.m }) };
		const { notices } = clampTrainerOptions(asked, undefined, { headless: true });
		if (notices.length > 0) {
			throw new RangeError(`Experiment settings were clamped: ${notices.join('; ')}`);
		}
	}
	const runs: RunResult[] = [];
	const rows: ExperimentRow[] = [];
	const inputBaselines: ExperimentResult['inputBaselines'] = [];
	const total = losses.length * seeds.length * identities.length;
	for (const n of identities) {
		count('identities', n, 2, 250);
		// bySpec[k]: the runs of losses[k] at this count, one per seed.
		const bySpec: RunResult[][] = losses.map(() => []);
		const baselines: Baseline[] = [];
		for (const seed of seeds) {
			const { params, notices } = clampDataParams({ ...data, ...identityData(n, unseen), seed });
			if (notices.length > 0) throw new RangeError(`Data settings were clamped: ${notices[0]}`);
			const source = datasetOf(params, config.sources ?? {});
			baselines.push(scoreFeatures(source.points, source.dim, source, seed).metrics);
			const context: RunContext = {
				seed,
				source,
				identities: n,
				unseen,
				steps,
				chunk,
				model,
				fitMargins,
				sources: config.sources ?? {},
				signal: config.signal
			};
			for (const [k, spec] of losses.entries()) {
				const progress = (step: number, result: RunResult | null) =>
					config.onProgress?.({
						done: runs.length,
						runs: total,
						spec,
						identities: n,
						seed,
						step,
						steps,
						result
					});
				const result = await runOne(spec, context, (step) => progress(step, null));
				runs.push(result);
				bySpec[k].push(result);
				progress(steps, result);
			}
		}
		const base = losses.findIndex((s) => s.loss === BASELINE_LOSS);
		rows.push(...losses.map((spec, k) => toRow(spec, bySpec[k], base >= 0 ? bySpec[base] : null)));
		const keys = Object.keys(baselines[0]) as (keyof Baseline)[];
		inputBaselines.push({
			identities: n,
			baseline: Object.fromEntries(
				keys.map((key) => [key, summarise(baselines.map((b) => b[key])).mean])
			) as Baseline
		});
	}
	return {
		rows,
		runs,
		inputBaselines,
		inputBaseline: inputBaselines[0].baseline,
		identities,
		unseen,
		data,
		model,
		steps
	};
}
