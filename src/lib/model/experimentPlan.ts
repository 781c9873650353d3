/**
 * What the sweep is asked (`ExperimentConfig`) and what it reports as it goes
 * (`ExperimentProgress`), and its plan: the config checked, every run as a `RunTask` (the
 * data and model settings of its identity count, λ's floor on the run's clock), and the
 * margin of a spec with a grid chosen per identity count from its validation runs.
 */
import { noticeBrief } from '../math/notice';
import type { DataSources } from './dataSources';
import {
	DEFAULT_EXPERIMENT_STEPS,
	DEFAULT_IDENTITIES,
	DEFAULT_SWEEP,
	DEFAULT_UNSEEN,
	EXPERIMENT_DATA,
	EXPERIMENT_MODEL,
	identityData,
	pkFor,
	VALIDATION_SEEDS
} from './experimentDefaults';
import type { Executor, ExperimentModel, RunTask } from './experimentRun';
import {
	summarise,
	type LossSpec,
	type MarginTrial,
	type RunResult
} from '../math/experimentTable';
import { clampDataSettings } from '../math/dataSettings';
import { floorStepFor } from '../math/lambda';

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

/** A whole number in [lo, hi] or a RangeError naming the setting. */
function count(name: string, v: number, lo: number, hi: number): number {
	if (!Number.isInteger(v) || v < lo || v > hi) {
		throw new RangeError(`${name} ${v}: expected a whole number in ${lo}–${hi}.`);
	}
	return v;
}

/** Everything the plan needs from a config, checked. */
export interface Plan {
	losses: readonly LossSpec[];
	steps: number;
	seeds: number[];
	validationSeeds: number[];
	identities: number[];
	unseen: number;
	data: typeof EXPERIMENT_DATA;
	model: ExperimentModel;
}

/** The config checked, with every default filled in (a RangeError for a bad setting). */
export function planOf(config: ExperimentConfig): Plan {
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
export function taskOf(
	plan: Plan,
	spec: LossSpec,
	m: number | null,
	identities: number,
	seed: number,
	validation: boolean
): Omit<RunTask, 'index'> {
	const { data: settings, notices } = clampDataSettings({
		...plan.data,
		...identityData(identities, plan.unseen),
		seed
	});
	if (notices.length > 0)
		throw new RangeError(`Data settings were clamped: ${noticeBrief(notices[0])}`);
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
		data: settings,
		model
	};
}

/** The margins a spec is tried with on validation runs (none when it has no grid or no seeds). */
export function gridOf(spec: LossSpec, plan: Plan): readonly number[] {
	return spec.grid && spec.grid.length > 0 && plan.validationSeeds.length > 0 ? spec.grid : [];
}

/** Mean validation TAR@FAR=1e−2 on new people of each grid margin, and the best one. */
export function chooseMargin(
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
