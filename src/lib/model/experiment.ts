/**
 * The open-set experiment, headless: for every number of seen identities, every seed and
 * every loss, train a Trainer on the same data with the same initial weights and batches,
 * then score its features by cosine similarity alone on two test sets: new people (held-out
 * identities: verification AUC, best-threshold accuracy, TAR at FAR = 1e−2, rank-1) and new
 * photos of known people (the seen identities' test split: the same figures), next to the
 * training and closed-set accuracies. Rows are means over seeds with their spread and paired
 * differences against modified softmax, each with its 95 % bootstrap interval.
 *
 * The protocol (issue 24), the same for the CLI, the browser sweep and /compare:
 * - Honesty: the classifier has rows for the seen identities only (the strict open-set
 *   protocol, `headClasses`); held-out identities never shape training.
 * - The same budget: on one seed every loss sees the same data set, initial weights, steps
 *   and number of feature vectors per step (EXPERIMENT_BATCH; the pair losses as a P×K batch
 *   of that size, `pkFor`), the same architecture and optimizer.
 * - λ on the run's clock: A-Softmax anneals with SphereFace's official curve, reaching its
 *   floor (5) at the same fraction of training as SphereFace's run (1659 of 28,000 steps,
 *   `floorStepFor`). Every run reports the margin it trained under at the end
 *   (`effectiveMarginDeg`: the wedge between the decision boundaries of the two nearest
 *   class weights under the last step's λ).
 * - Margins chosen on data, not on the test: a spec with a `grid` has its margin picked per
 *   identity count by the mean TAR@FAR=1e−2 on new people of validation runs. Validation
 *   runs use seeds of their own (VALIDATION_SEEDS), so their identities (seen and held
 *   out) are other random identities than any test run's (Musgrave et al. 2020: choose on
 *   classes disjoint from the test classes).
 * - Independent runs: every run is a `RunTask`, a pure function of its fields, so an
 *   executor may run them in any order on any number of workers and the table is the same.
 */
import { Trainer } from './trainer';
import { datasetOf, type DataSources } from './dataSources';
import { clampTrainerOptions, DEFAULT_TRAINER_OPTIONS, type TrainerOptions } from './options';
import {
	BASELINE_LOSS,
	specKey,
	summarise,
	toRow,
	type ExperimentRow,
	type LossSpec,
	type MarginTrial,
	type RunMetrics,
	type RunResult
} from './experimentTable';
import {
	angleBetween,
	classCompactness,
	clampDataParams,
	floorStepFor,
	marginBetweenBoundaries,
	recognitionReport,
	SPLIT,
	toDegrees,
	type DataParams,
	type Dataset,
	type FeatureRows,
	type LossKind
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

/** Seeds of the validation runs that choose the margins (never a test seed: 1 … 1000). */
export const VALIDATION_SEEDS: readonly number[] = Object.freeze([1001, 1002, 1003, 1004]);

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

/** Feature vectors per training step, for every loss. */
export const EXPERIMENT_BATCH = 128;

/**
 * The P×K batch of the pair losses for `identities` seen classes: P·K = EXPERIMENT_BATCH,
 * P = 8 classes of K = 16 points, or 4 × 32 when there are fewer than 8 classes.
 */
export function pkFor(identities: number): { pkClasses: number; pkPerClass: number } {
	const pkClasses = identities >= 8 ? 8 : 4;
	return { pkClasses, pkPerClass: EXPERIMENT_BATCH / pkClasses };
}

/**
 * The model settings every loss shares; features on the sphere (3D, more room than 2D).
 * Contrastive and triplet loss train on unit-length features (the sphere every other loss
 * but softmax and center loss is scored on), triplet with batch-hard mining (Hermans et al.
 * 2017: P×K batches, each anchor's hardest positive and negative).
 */
export const EXPERIMENT_MODEL: Readonly<ExperimentModel> = Object.freeze({
	featureDim: 3,
	hiddenLayers: 2,
	hiddenUnits: 32,
	featureRelu: false,
	s: 16,
	lambdaMode: 'official',
	lambdaFixed: 5,
	lambdaMin: 5,
	// 0 here: every run sets the floor step from its own length (floorStepFor).
	lambdaFloorAt: 0,
	learningRate: 0.01,
	batchSize: EXPERIMENT_BATCH,
	weightDecay: 0.01,
	mining: 'hard',
	unitFeatures: true,
	...pkFor(8),
	centerLambda: DEFAULT_TRAINER_OPTIONS.centerLambda,
	centerAlpha: DEFAULT_TRAINER_OPTIONS.centerAlpha
});

/**
 * Training steps of the default run. On 6 seen identities every loss fits its training set
 * by step 500.
 */
export const DEFAULT_EXPERIMENT_STEPS = 3000;

/** One training run: a pure function of its fields (any worker may run it). */
export interface RunTask {
	/** Its place in the plan (results come back in this order). */
	index: number;
	loss: LossKind;
	/** The margin this run trains with (the spec's, or a grid value on validation runs). */
	m: number | null;
	/** The spec's own margin (the row's name). */
	requestedM: number | null;
	/** The spec's variant (A-Softmax 'pure'). */
	variant?: 'pure';
	identities: number;
	unseen: number;
	seed: number;
	steps: number;
	/** A validation run (chooses a margin) or a test run (a row of the table). */
	validation: boolean;
	data: DataParams;
	model: ExperimentModel;
}

/** Where the sweep stands, after every chunk of steps and at the end of every run. */
export interface ExperimentProgress {
	/** Runs finished, of `runs` (validation runs included). */
	done: number;
	runs: number;
	spec: LossSpec;
	identities: number;
	seed: number;
	step: number;
	steps: number;
	/** True while validation runs choose the margins. */
	validation: boolean;
	/** Set when this call reports a finished run. */
	result: RunResult | null;
}

/** What an executor is told while it runs tasks. */
export interface TaskHooks {
	onStep?: (task: RunTask, step: number) => void;
	onDone?: (task: RunTask, result: RunResult) => void;
	signal?: AbortSignal;
}

/** Runs tasks (in any order, on any number of workers); resolves to their results in task order. */
export type Executor = (tasks: readonly RunTask[], hooks: TaskHooks) => Promise<RunResult[]>;

/** What `runOpenSetExperiment` is asked to do. */
export interface ExperimentConfig {
	losses?: readonly LossSpec[];
	seeds: readonly number[];
	/** Seeds of the validation runs (default VALIDATION_SEEDS; empty: no margin is chosen). */
	validationSeeds?: readonly number[];
	steps?: number;
	/** Seen identity counts (default DEFAULT_IDENTITIES). */
	identities?: readonly number[];
	/** Held-out identities scored as new people (default DEFAULT_UNSEEN). */
	unseen?: number;
	/** Overrides of EXPERIMENT_DATA (the seed is set per run). */
	data?: Partial<typeof EXPERIMENT_DATA>;
	/** Overrides of EXPERIMENT_MODEL (features up to MAX_FEATURE_DIM dimensions). */
	model?: Partial<ExperimentModel>;
	/** Data read from files (the digits, for `data.generator` 'digits'). */
	sources?: DataSources;
	/** Steps per `trainer.step` call between progress reports (default 250). */
	chunk?: number;
	/** Runs the tasks (default: one after another in this thread, `inProcessExecutor`). */
	executor?: Executor;
	onProgress?: (p: ExperimentProgress) => void;
	/** Stops the sweep between chunks (the promise rejects with the signal's reason). */
	signal?: AbortSignal;
}

/** The raw-input reference: the same figures by cosine on the inputs themselves. */
export type Baseline = Omit<
	RunMetrics,
	'trainAcc' | 'closedSetAcc' | 'weightGapDeg' | 'effectiveMarginDeg' | 'lambdaEnd'
>;

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
	/** The test seeds, and the validation seeds that chose the margins. */
	seeds: number[];
	validationSeeds: number[];
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

/** The smallest angle between two of K unit rows of `weights` [K·dim] (null for K < 2). */
export function smallestWeightGap(
	weights: ArrayLike<number>,
	k: number,
	dim: number
): number | null {
	let best = Infinity;
	const row = (i: number) => Array.from({ length: dim }, (_, j) => weights[i * dim + j]);
	const rows = Array.from({ length: k }, (_, i) => row(i));
	for (let i = 0; i < k; i++)
		for (let j = i + 1; j < k; j++) best = Math.min(best, angleBetween(rows[i], rows[j]));
	return Number.isFinite(best) ? best : null;
}

/**
 * The margin a head enforces between two unit weights `gap` apart (radians), as the wedge
 * between their decision boundaries (`marginBetweenBoundaries`): A-Softmax with its λ,
 * CosFace and ArcFace with m, 0 for modified softmax; null for losses without class weights
 * (and softmax, whose boundaries are not angular).
 */
export function effectiveMargin(
	loss: LossKind,
	m: number | null,
	lambda: number,
	gap: number | null
): number | null {
	if (gap === null) return null;
	if (loss === 'modified') return 0;
	if (loss !== 'asoftmax' && loss !== 'cosface' && loss !== 'arcface') return null;
	// No boundary between the two weights: the margin claims the whole arc between them.
	return marginBetweenBoundaries(loss, gap, { m: m ?? undefined, lambda }) ?? gap;
}

/** Lets the event loop run (worker messages, timers) between chunks of training. */
const yieldToLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The dataset of a task (built from its data settings and seed; data files from `sources`). */
function taskDataset(task: RunTask, sources: DataSources): Dataset {
	return datasetOf(task.data, sources);
}

/** Trains one task and scores it. Deterministic: the same task gives the same result. */
export async function runTask(
	task: RunTask,
	{
		sources = {},
		chunk = 250,
		signal,
		onStep
	}: {
		sources?: DataSources;
		chunk?: number;
		signal?: AbortSignal;
		onStep?: (step: number) => void;
	} = {}
): Promise<RunResult> {
	const source = taskDataset(task, sources);
	const trainer = new Trainer(
		{
			...task.model,
			data: source.params,
			seed: task.seed,
			loss: task.loss,
			...(task.m === null ? {} : { m: task.m })
		},
		{ headless: true, sources }
	);
	try {
		if (trainer.notices.length > 0) {
			throw new RangeError(`Experiment settings were clamped: ${trainer.notices.join('; ')}`);
		}
		while (trainer.steps < task.steps && !trainer.diverged) {
			signal?.throwIfAborted();
			trainer.step(Math.min(chunk, task.steps - trainer.steps));
			onStep?.(trainer.steps);
			await yieldToLoop();
		}
		const snap = trainer.snapshot();
		const { metrics, reports } = scoreFeatures(
			snap.features,
			snap.featureDim,
			trainer.data,
			task.seed
		);
		const hasWeights = snap.rule === 'weights';
		const gap = hasWeights
			? smallestWeightGap(snap.weights, snap.numClasses, snap.featureDim)
			: null;
		const wedge = effectiveMargin(task.loss, task.m, snap.lambda, gap);
		return {
			loss: task.loss,
			m: task.m,
			requestedM: task.requestedM,
			...(task.variant ? { variant: task.variant } : {}),
			mScaled: false,
			identities: task.identities,
			unseen: task.unseen,
			seed: task.seed,
			trainAcc: snap.trainAccuracy,
			closedSetAcc: snap.testAccuracy,
			...metrics,
			weightGapDeg: gap === null ? null : toDegrees(gap),
			effectiveMarginDeg: wedge === null ? null : toDegrees(wedge),
			lambdaEnd: snap.lambda,
			finalLoss: snap.loss,
			diverged: trainer.diverged,
			report: reports.unseen,
			seenReport: reports.seen
		};
	} finally {
		trainer.dispose();
	}
}

/**
 * Runs `items` on `slots` concurrent lanes (each lane takes the next item when it is free);
 * resolves to the results in item order. The first failure rejects (other lanes stop taking
 * items).
 */
export async function runPool<T, R>(
	items: readonly T[],
	slots: number,
	run: (item: T, lane: number) => Promise<R>
): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	let failed = false;
	const lane = async (id: number) => {
		while (!failed && next < items.length) {
			const i = next++;
			try {
				results[i] = await run(items[i], id);
			} catch (e) {
				failed = true;
				throw e;
			}
		}
	};
	const lanes = Math.max(1, Math.min(Math.floor(slots) || 1, items.length));
	await Promise.all(Array.from({ length: lanes }, (_, id) => lane(id)));
	return results;
}

/** Runs every task here, one after another (`sources`: data files, e.g. the digits). */
export function inProcessExecutor(sources: DataSources = {}, chunk = 250): Executor {
	return (tasks, hooks) =>
		runPool(tasks, 1, async (task) => {
			const result = await runTask(task, {
				sources,
				chunk,
				signal: hooks.signal,
				onStep: (step) => hooks.onStep?.(task, step)
			});
			hooks.onDone?.(task, result);
			return result;
		});
}

/** A whole number in [lo, hi] or a RangeError naming the setting. */
function count(name: string, v: number, lo: number, hi: number): number {
	if (!Number.isInteger(v) || v < lo || v > hi) {
		throw new RangeError(`${name} ${v}: expected a whole number in ${lo}–${hi}.`);
	}
	return v;
}

/** Everything the plan needs from a config, checked. */
interface Plan {
	losses: readonly LossSpec[];
	steps: number;
	seeds: number[];
	validationSeeds: number[];
	identities: number[];
	unseen: number;
	data: typeof EXPERIMENT_DATA;
	model: ExperimentModel;
}

function planOf(config: ExperimentConfig): Plan {
	const losses = config.losses ?? DEFAULT_SWEEP;
	const steps = Math.max(1, Math.floor(config.steps ?? DEFAULT_EXPERIMENT_STEPS));
	const seeds = [...config.seeds];
	if (seeds.length === 0) throw new RangeError('The experiment needs at least one seed.');
	const validationSeeds = [...(config.validationSeeds ?? VALIDATION_SEEDS)];
	const overlap = validationSeeds.filter((s) => seeds.includes(s));
	if (overlap.length > 0) {
		throw new RangeError(`Seed ${overlap[0]} is both a test and a validation seed.`);
	}
	const identities = [...(config.identities ?? DEFAULT_IDENTITIES)];
	if (identities.length === 0) throw new RangeError('The experiment needs an identity count.');
	for (const n of identities) count('identities', n, 2, 250);
	const unseen = count('unseen', config.unseen ?? DEFAULT_UNSEEN, 2, 100);
	const data = { ...EXPERIMENT_DATA, ...config.data };
	const model = { ...EXPERIMENT_MODEL, ...config.model };
	return { losses, steps, seeds, validationSeeds, identities, unseen, data, model };
}

/** The task of `spec` with margin `m` at `identities` on `seed` (model settings per count). */
function taskOf(
	plan: Plan,
	spec: LossSpec,
	m: number | null,
	identities: number,
	seed: number,
	validation: boolean
): Omit<RunTask, 'index'> {
	const { params, notices } = clampDataParams({
		...plan.data,
		...identityData(identities, plan.unseen),
		seed
	});
	if (notices.length > 0) throw new RangeError(`Data settings were clamped: ${notices[0]}`);
	const model: ExperimentModel = {
		...plan.model,
		...pkFor(identities),
		...(spec.variant === 'pure' ? { lambdaMode: 'warmup' as const } : {}),
		lambdaFloorAt: plan.model.lambdaFloorAt || floorStepFor(plan.steps)
	};
	return {
		loss: spec.loss,
		m,
		requestedM: spec.m,
		...(spec.variant ? { variant: spec.variant } : {}),
		identities,
		unseen: plan.unseen,
		seed,
		steps: plan.steps,
		validation,
		data: params,
		model
	};
}

/** The margins a spec is tried with on validation runs (none when it has no grid or no seeds). */
function gridOf(spec: LossSpec, plan: Plan): readonly number[] {
	return spec.grid && spec.grid.length > 0 && plan.validationSeeds.length > 0 ? spec.grid : [];
}

/** Mean validation TAR@FAR=1e−2 on new people of each grid margin, and the best one. */
function chooseMargin(
	grid: readonly number[],
	runs: readonly RunResult[]
): { m: number; trials: MarginTrial[] } {
	const trials = grid.map((m) => ({
		m,
		score: summarise(runs.filter((r) => r.m === m).map((r) => r.tarAtFar1e2)).mean
	}));
	let best = trials[0];
	for (const t of trials) if ((t.score ?? -Infinity) > (best.score ?? -Infinity)) best = t;
	return { m: best.m, trials };
}

/**
 * Runs the sweep: every loss of `losses` (default DEFAULT_SWEEP) at every identity count, on
 * every seed, `steps` steps each (default DEFAULT_EXPERIMENT_STEPS), after validation runs
 * chose the margins of the specs with a grid; returns one row per count and loss, every test
 * run and the raw-input baselines. Deterministic: the same config on the same backend gives
 * the same numbers, whatever the executor and its number of workers. Throws a RangeError
 * when a setting would be clamped (so a typo cannot silently change the experiment).
 */
export async function runOpenSetExperiment(config: ExperimentConfig): Promise<ExperimentResult> {
	const plan = planOf(config);
	const { losses, seeds, identities, steps } = plan;
	const chunk = Math.max(1, Math.floor(config.chunk ?? 250));
	const sources = config.sources ?? {};
	const executor = config.executor ?? inProcessExecutor(sources, chunk);
	// A margin outside its loss's range is an error, before any run starts.
	for (const spec of losses) {
		for (const m of [spec.m, ...(spec.grid ?? [])]) {
			const asked = { ...plan.model, loss: spec.loss, ...(m === null ? {} : { m }) };
			const { notices } = clampTrainerOptions(asked, undefined, { headless: true });
			if (notices.length > 0) {
				throw new RangeError(`Experiment settings were clamped: ${notices.join('; ')}`);
			}
		}
	}
	// Phase 1: validation runs of every grid margin, at every count.
	const validation: Omit<RunTask, 'index'>[] = [];
	for (const n of identities)
		for (const seed of plan.validationSeeds)
			for (const spec of losses)
				for (const m of gridOf(spec, plan)) validation.push(taskOf(plan, spec, m, n, seed, true));
	const testRuns = losses.length * seeds.length * identities.length;
	const total = validation.length + testRuns;
	let done = 0;
	const specOf = (t: RunTask) =>
		losses.find((s) => specKey(s) === specKey(t)) ?? { loss: t.loss, m: t.requestedM };
	const hooks: TaskHooks = {
		signal: config.signal,
		onStep: (t, step) =>
			config.onProgress?.({
				done,
				runs: total,
				spec: specOf(t),
				identities: t.identities,
				seed: t.seed,
				step,
				steps,
				validation: t.validation,
				result: null
			}),
		onDone: (t, result) => {
			done++;
			config.onProgress?.({
				done,
				runs: total,
				spec: specOf(t),
				identities: t.identities,
				seed: t.seed,
				step: steps,
				steps,
				validation: t.validation,
				result
			});
		}
	};
	const index = <T>(tasks: T[]) => tasks.map((t, i) => ({ ...t, index: i }));
	const validationResults = validation.length > 0 ? await executor(index(validation), hooks) : [];
	// The margin of each grid spec at each count.
	const chosen = new Map<string, { m: number; trials: MarginTrial[] }>();
	const key = (spec: LossSpec, n: number) => `${specKey(spec)}@${n}`;
	for (const n of identities)
		for (const spec of losses) {
			const grid = gridOf(spec, plan);
			if (grid.length === 0) continue;
			const runs = validationResults.filter(
				(r) => r.identities === n && specKey(r) === specKey(spec)
			);
			chosen.set(key(spec, n), chooseMargin(grid, runs));
		}
	// Phase 2: the test runs, every loss at its margin on every test seed.
	const tests: Omit<RunTask, 'index'>[] = [];
	for (const n of identities)
		for (const seed of seeds)
			for (const spec of losses)
				tests.push(taskOf(plan, spec, chosen.get(key(spec, n))?.m ?? spec.m, n, seed, false));
	const runs = await executor(index(tests), hooks);
	const rows: ExperimentRow[] = [];
	const inputBaselines: ExperimentResult['inputBaselines'] = [];
	for (const n of identities) {
		const at = (spec: LossSpec) =>
			runs.filter((r) => r.identities === n && specKey(r) === specKey(spec));
		const base = losses.find((s) => s.loss === BASELINE_LOSS);
		rows.push(
			...losses.map((spec) =>
				toRow(spec, at(spec), base ? at(base) : null, chosen.get(key(spec, n))?.trials ?? null)
			)
		);
		const baselines = seeds.map((seed) => {
			const t = taskOf(plan, losses[0], null, n, seed, false);
			const source = datasetOf(t.data, sources);
			return scoreFeatures(source.points, source.dim, source, seed).metrics;
		});
		const keys = Object.keys(baselines[0]) as (keyof Baseline)[];
		inputBaselines.push({
			identities: n,
			baseline: Object.fromEntries(
				keys.map((k) => [k, summarise(baselines.map((b) => b[k])).mean])
			) as Baseline
		});
	}
	return {
		rows,
		runs,
		inputBaselines,
		inputBaseline: inputBaselines[0].baseline,
		identities,
		unseen: plan.unseen,
		data: plan.data,
		model: plan.model,
		steps,
		seeds,
		validationSeeds: plan.validationSeeds
	};
}
