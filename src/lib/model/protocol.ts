/**
 * The typed messages between the page and the training worker. Large arrays travel as
 * transferable typed arrays (moved, not copied).
 */
import type { Snapshot } from './snapshot';
import type { TrainerOptions } from './options';

/** The data set being trained on, sent once per rebuild (points and labels do not change between rebuilds). */
export interface DatasetMessage {
	dataVersion: number;
	dim: number;
	numClasses: number;
	/** [N·dim] input coordinates. */
	points: Float32Array;
	labels: Int32Array;
	/** 0 train, 1 test, 2 held out. */
	split: Uint8Array;
}

/** Page → worker. */
export type ToWorker =
	| { type: 'init'; options: unknown; backend?: BackendName }
	| { type: 'play' }
	| { type: 'pause' }
	| { type: 'step'; n: number }
	| { type: 'reset'; seed?: number }
	| { type: 'setOptions'; options: unknown }
	/** Steps per second while playing; 0 = as fast as the worker can. */
	| { type: 'speed'; stepsPerSecond: number }
	/** Decision-grid resolution for 2D inputs (0 = none). */
	| { type: 'grid'; resolution: number }
	| { type: 'snapshot' }
	/** The page has taken the last snapshot; the worker may send the next. */
	| { type: 'ack' }
	| { type: 'dispose' };

/** Worker → page. */
export type FromWorker =
	| { type: 'ready'; backend: string; options: TrainerOptions; notices: string[] }
	| { type: 'dataset'; dataset: DatasetMessage }
	| { type: 'snapshot'; snapshot: Snapshot; running: boolean }
	| { type: 'options'; options: TrainerOptions; notices: string[]; rebuilt: boolean }
	| { type: 'state'; running: boolean }
	| { type: 'error'; message: string };

/** tfjs backends the worker can run on, in order of preference. */
export type BackendName = 'wasm' | 'webgl' | 'cpu';

/** The buffers behind typed arrays, for a postMessage transfer list (nulls skipped). */
export function buffersOf(...arrays: (ArrayBufferView | null | undefined)[]): ArrayBuffer[] {
	return arrays.filter((a) => a != null).map((a) => a.buffer as ArrayBuffer);
}

/** The buffers of a snapshot that can be transferred. */
export function snapshotTransferables(s: Snapshot): ArrayBuffer[] {
	return buffersOf(
		s.features,
		s.predictions,
		s.weights,
		s.weightNorms,
		s.bias,
		s.grid?.classes,
		s.grid?.confidence
	);
}
