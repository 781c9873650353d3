/**
 * One run of the open-set experiment and the executors that run many: `runTask` trains one
 * `RunTask` (a pure function of its fields) and scores its features on both test sets, with
 * the margin it trained under; `runPool` spreads items over lanes; `inProcessExecutor` runs
 * tasks one after another in this thread (the worker-thread and web-worker executors build on
 * `runPool` and `runTask` too). The sweep's plan of tasks is `experimentPlan.ts`; `experiment.ts`
 * runs it.
 */
import { noticeBrief } from '../math/notice';
import { Trainer } from './trainer';
import { datasetOf, type DataSources } from './dataSources';
import type { TrainerOptions } from '../math/settingTypes';
import type { RunMetrics, RunResult } from '../math/experimentTable';
import { angleBetween, toDegrees } from '../math/vec';
import { classCompactness } from '../math/compactness';
import { marginBetweenBoundaries } from '../math/boundary';
import { recognitionReport } from '../math/openset';
import { SPLIT } from '../math/split';
import type { DataSettings } from '../math/settingTypes';
import type { Dataset } from '../math/datasets';
import type { FeatureRows } from '../math/stats';
import type { LossKind } from '../math/margins';

/** The trainer settings the losses share (everything but the data, loss, margin and seed). */
export type ExperimentModel = Omit<TrainerOptions, 'data' | 'loss' | 'm' | 'seed'>;

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
	data: DataSettings;
	model: ExperimentModel;
}

/** What an executor is told while it runs tasks. */
export interface TaskHooks {
	onStep?: (task: RunTask, step: number) => void;
	onDone?: (task: RunTask, result: RunResult) => void;
	signal?: AbortSignal;
}

/** Runs tasks (in any order, on any number of workers); resolves to their results in task order. */
export type Executor = (tasks: readonly RunTask[], hooks: TaskHooks) => Promise<RunResult[]>;

/** The raw-input reference: the same figures by cosine on the inputs themselves. */
export type Baseline = Omit<
	RunMetrics,
	'trainAcc' | 'closedSetAcc' | 'weightGapDeg' | 'effectiveMarginDeg' | 'lambdaEnd'
>;

/** Pairs scored at most per test set (all pairs of 4 × 200 points; a sample beyond). */
const MAX_PAIRS = 400_000;

/** The figures of features [N, dim] on both test sets (`labels`, `split` of the same rows). */
export function scoreFeatures(
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
			data: source.settings,
			seed: task.seed,
			loss: task.loss,
			...(task.m === null ? {} : { m: task.m })
		},
		{ headless: true, sources }
	);
	try {
		if (trainer.notices.length > 0) {
			throw new RangeError(
				`Experiment settings were clamped: ${trainer.notices.map(noticeBrief).join('; ')}`
			);
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
