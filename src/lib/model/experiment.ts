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
import { datasetOf, type DataSources } from './dataSources';
import { clampTrainerOptions, DEFAULT_TRAINER_OPTIONS } from './options';
import {
	inProcessExecutor,
	scoreFeatures,
	type Baseline,
	type Executor,
	type ExperimentModel,
	type RunTask,
	type TaskHooks
} from './experimentRun';
import {
	BASELINE_LOSS,
	specKey,
	summarise,
	toRow,
	type ExperimentRow,
	type LossSpec,
	type MarginTrial,
	type RunResult
} from './experimentTable';
import { clampDataParams, floorStepFor, type DataParams } from '../math/index';

export * from './experimentTable';
export * from './experimentRun';

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
	const report = (t: RunTask, step: number, result: RunResult | null) =>
		config.onProgress?.({
			done,
			runs: total,
			spec: specOf(t),
			identities: t.identities,
			seed: t.seed,
			step,
			steps,
			validation: t.validation,
			result
		});
	const hooks: TaskHooks = {
		signal: config.signal,
		onStep: (t, step) => report(t, step, null),
		onDone: (t, result) => {
			done++;
			report(t, steps, result);
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
