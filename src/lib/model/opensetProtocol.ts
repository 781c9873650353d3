/**
 * Messages between the page and the open-set worker: reports on both test sets of a live
 * model's features (new people, new photos of known people), and the headless sweep over losses, margins and seeds.
 */
import type { RecognitionReport } from '../math/openset';
import type { ExperimentConfig, ExperimentProgress, ExperimentResult } from './experiment';

/**
 * A sweep as the page asks for it (no callbacks, signals or loaded data cross the worker
 * boundary): `digitsUrl` is where the worker fetches the digits when the sweep runs on them.
 */
export type SweepConfig = Omit<ExperimentConfig, 'onProgress' | 'signal' | 'sources'> & {
	digitsUrl?: string;
};

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

/** Progress of a sweep without the finished run's full report (kept for the final result). */
export type SweepProgress = Omit<ExperimentProgress, 'result'> & { finished: boolean };

export type FromOpenSetWorker =
	| { type: 'report'; id: number; report: RecognitionReport }
	| { type: 'progress'; id: number; progress: SweepProgress }
	| { type: 'sweepDone'; id: number; result: ExperimentResult; backend: string }
	| { type: 'sweepError'; id: number; message: string; cancelled: boolean };
