/**
 * The sweep's parallel speed-up (part of `npm run bench`): one fixed set of RunTasks (4 losses
 * × 2 seeds at 25 seen identities, SWEEP_STEPS steps each, the experiment's data and model)
 * through `threadExecutor(1)` and `threadExecutor(THREADS)`, alternated over ROUNDS rounds
 * in the same run (this machine's speed drifts), medians reported. Times count from the
 * moment every thread is ready (starting a thread, its module runner and tfjs, is paid once
 * per sweep), and with the start as well. Both must give the same results, run for run.
 */
import { cpus, loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import {
	EXPERIMENT_DATA,
	EXPERIMENT_MODEL,
	identityData,
	pkFor
} from '../../src/lib/model/experimentDefaults';
import type { RunTask } from '../../src/lib/model/experimentRun';
import type { LossSpec, RunResult } from '../../src/lib/math/experimentTable';
import { clampDataSettings } from '../../src/lib/math/dataSettings';
import { floorStepFor } from '../../src/lib/math/lambda';
import { threadExecutor } from '../experiment/threads';

/** Steps per task, tasks' identities, threads against one, alternated rounds. */
export const SWEEP_STEPS = 600;
const IDENTITIES = 25;
const UNSEEN = 20;
const THREADS = 2;
const ROUNDS = 3;
const LOSSES: readonly LossSpec[] = [
	{ loss: 'modified', m: null },
	{ loss: 'asoftmax', m: 4 },
	{ loss: 'cosface', m: 0.35 },
	{ loss: 'arcface', m: 0.5 }
];
const SEEDS = [1, 2];

/** The fixed tasks: what `runOpenSetExperiment` would plan for these losses and seeds. */
function sweepTasks(): RunTask[] {
	const tasks: RunTask[] = [];
	for (const seed of SEEDS)
		for (const spec of LOSSES) {
			const { data: params } = clampDataSettings({
				...EXPERIMENT_DATA,
				...identityData(IDENTITIES, UNSEEN),
				seed
			});
			tasks.push({
				index: tasks.length,
				loss: spec.loss,
				m: spec.m,
				requestedM: spec.m,
				identities: IDENTITIES,
				unseen: UNSEEN,
				seed,
				steps: SWEEP_STEPS,
				validation: false,
				data: params,
				model: {
					...EXPERIMENT_MODEL,
					...pkFor(IDENTITIES),
					lambdaFloorAt: floorStepFor(SWEEP_STEPS)
				}
			});
		}
	return tasks;
}

/** One pass of the tasks on `threads` threads: seconds from ready, seconds with the start. */
async function timed(
	tasks: RunTask[],
	threads: number
): Promise<{ runs: number; total: number; results: RunResult[] }> {
	const t0 = performance.now();
	let ready = t0;
	const executor = threadExecutor(threads, { onStarted: () => (ready = performance.now()) });
	const results = await executor(tasks, {});
	const end = performance.now();
	return { runs: (end - ready) / 1000, total: (end - t0) / 1000, results };
}

/** The median (of an even count: the mean of the middle two, not the upper one). */
function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const k = Math.floor(s.length / 2);
	return s.length % 2 === 1 ? s[k] : (s[k - 1] + s[k]) / 2;
}
const round = (v: number, digits = 2) => Number(v.toFixed(digits));

/**
 * The speed-up of THREADS threads over one on the fixed tasks; `log` prints each round. The
 * load average (1 minute) before and after says how busy the machine was.
 */
export async function benchSweep(log: (...a: unknown[]) => void) {
	const tasks = sweepTasks();
	const loadBefore = loadavg()[0];
	const one: { runs: number; total: number }[] = [];
	const many: { runs: number; total: number }[] = [];
	let identical = true;
	for (let r = 0; r < ROUNDS; r++) {
		const a = await timed(tasks, 1);
		const b = await timed(tasks, THREADS);
		identical &&= isDeepStrictEqual(a.results, b.results);
		one.push(a);
		many.push(b);
		log(
			`sweep round ${r + 1}: 1 thread ${a.runs.toFixed(1)} s (${a.total.toFixed(1)} s with start), ${THREADS} threads ${b.runs.toFixed(1)} s (${b.total.toFixed(1)} s), speed-up ${(a.runs / b.runs).toFixed(2)}×`
		);
	}
	const ratios = one.map((a, i) => a.runs / many[i].runs);
	const withStart = one.map((a, i) => a.total / many[i].total);
	return {
		tasks: tasks.length,
		stepsPerTask: SWEEP_STEPS,
		threads: THREADS,
		cores: cpus().length,
		seconds: round(median(many.map((m) => m.runs))),
		referenceSeconds: round(median(one.map((m) => m.runs))),
		// Each round's own ratio cancels the machine's drift between rounds; their median.
		ratio: round(median(ratios), 3),
		ratios: ratios.map((x) => round(x, 3)),
		withStart: {
			seconds: round(median(many.map((m) => m.total))),
			referenceSeconds: round(median(one.map((m) => m.total))),
			ratio: round(median(withStart), 3)
		},
		identical,
		loadAverage: [round(loadBefore), round(loadavg()[0])]
	};
}
