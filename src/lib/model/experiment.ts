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
 *
 * This file runs the sweep; its settings are experimentDefaults.ts, its plan (config, tasks,
 * margin choice) experimentPlan.ts, one run experimentRun.ts, the table experimentTable.ts.
 */
import { noticeBrief } from '../math/notice';
import { datasetOf } from './dataSources';
import { clampTrainerOptions } from './options';
import { EXPERIMENT_DATA } from './experimentDefaults';
import { chooseMargin, gridOf, planOf, taskOf, type ExperimentConfig } from './experimentPlan';
import {
	inProcessExecutor,
	scoreFeatures,
	type Baseline,
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
} from '../math/experimentTable';

/**
 * The two types of a result that pages and saved sweeps (src/lib/state, src/lib/components)
 * still import from here; every other name is imported from the module that defines it.
 */

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
				throw new RangeError(
					`Experiment settings were clamped: ${notices.map(noticeBrief).join('; ')}`
				);
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
