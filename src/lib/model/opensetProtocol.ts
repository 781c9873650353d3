/**
 * Messages between the page and the open-set worker: reports on both test sets of a live
 * model's features (new people, new photos of known people), and the headless sweep over
 * losses, margins and seeds, which the open-set worker spreads over task workers.
 */
import type { RecognitionReport } from '../math/openset';
import type { ExperimentResult } from './experiment';
import type { ExperimentConfig, ExperimentProgress } from './experimentPlan';

/**
 * A sweep as the page asks for it (no callbacks, signals, executors or loaded data cross the
 * worker boundary): `digitsUrl` is where the workers fetch the digits when the sweep runs on
 * them; `workers` is how many task workers train its runs (default `taskWorkerCount`);
 * `validationRuns` takes the first that many of VALIDATION_SEEDS as the validation seeds
 * (the page names no seed itself; the seeds live in experimentDefaults.ts).
 */
export type SweepConfig = Omit<
	ExperimentConfig,
	'onProgress' | 'signal' | 'sources' | 'executor'
> & {
	digitsUrl?: string;
	workers?: number;
	validationRuns?: number;
};

/** At most this many task workers (each holds its own tfjs and wasm memory). */
export const MAX_TASK_WORKERS = 8;

/**
 * Task workers for a machine with `cores` logical cores (`navigator.hardwareConcurrency`):
 * one core is left to the page, at least one worker, at most MAX_TASK_WORKERS; 2 when the
 * browser does not say.
 */
export function taskWorkerCount(cores: number | undefined): number {
	const n = cores !== undefined && Number.isFinite(cores) ? Math.floor(cores) : 3;
	return Math.max(1, Math.min(MAX_TASK_WORKERS, n - 1));
}

export type ToOpenSetWorker =
	| {
			type: 'report';
			id: number;
			features: Float32Array;
			dim: number;
			labels: Int32Array;
			split: Uint8Array;
	  }
	| { type: 'sweep'; id: number; config: SweepConfig }
	| { type: 'cancel' };

/**
 * Progress of a sweep without the finished run's full report (kept for the final result):
 * `running` is the share done of the runs in progress, summed (in runs), and `workers` the
 * task workers started.
 */
export type SweepProgress = Omit<ExperimentProgress, 'result'> & {
	finished: boolean;
	running: number;
	workers: number;
};

export type FromOpenSetWorker =
	| { type: 'report'; id: number; report: RecognitionReport }
	| { type: 'progress'; id: number; progress: SweepProgress }
	| { type: 'sweepDone'; id: number; result: ExperimentResult; backend: string; workers: number }
	| { type: 'sweepError'; id: number; message: string; cancelled: boolean };
