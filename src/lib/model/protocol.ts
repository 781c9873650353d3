/**
 * The typed messages between the page and the training worker. Large arrays travel as
 * transferable typed arrays (moved, not copied).
 */
import type { Snapshot } from './snapshot';
import type { TrainerOptions } from '../math/settingTypes';
import type { DataSettings } from '../math/settingTypes';
import type { Notice } from '../math/notice';

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
	/** [N] true classes, present only when label noise flipped training labels (`Dataset.trueLabels`). */
	trueLabels?: Int32Array;
}

/**
 * A data set given by the page or read from a file: an upload or a drawing, already in the
 * input box [−1, 1]. Points are float64 (exactly what is stored and exported; the model
 * trains on their float32 copy).
 */
export interface CustomDataMessage {
	/** Input dimension (2 or 3 for files and drawings). */
	dim: number;
	numClasses: number;
	/** [N·dim] input coordinates. */
	points: Float64Array;
	/** [N] class indices 0..numClasses − 1. */
	labels: Int32Array;
	/** [N] 0 train, 1 test, 2 held out. */
	split: Uint8Array;
	/** The class names of an uploaded file (as written there), or null for plain indices. */
	classNames: string[] | null;
}

/** The worker's answer to `loadFile` / `loadData`: trained on now, or refused with a reason. */
export type LoadResult =
	| {
			ok: true;
			/** The dataVersion of the rebuilt model (snapshots of the new data carry it). */
			dataVersion: number;
			/** Notes from the file reader worth showing. */
			warnings: Notice[];
			/** For `loadFile`: the data set read from the file; null for `loadData`. */
			data: CustomDataMessage | null;
	  }
	/** `error` says why (the reader's notice, naming the line); nothing changed. */
	| { ok: false; error: Notice };

/**
 * Which data set the model trains on, said explicitly with every change of options:
 * `generated` the toy set `options.data` describes, `digits` the site's digits file (fetched
 * before the options apply; `options.data.generator` is 'digits'), `custom` the data set the
 * worker was last given by `loadFile` / `loadData` (an upload or a drawing), kept while
 * the other options change.
 */
export type DataChoice = { kind: 'generated' } | { kind: 'digits' } | { kind: 'custom' };

/** The data choice that matches clamped options when no custom data set is in use. */
export function generatedChoice(options: TrainerOptions): DataChoice {
	return { kind: options.data.generator === 'digits' ? 'digits' : 'generated' };
}

/** Page → worker. */
export type ToWorker =
	/**
	 * `options` were clamped by the page; the worker clamps them once more on receipt (its
	 * own boundary) and passes the result down. `assets.digits`: the absolute URL of the
	 * site's digits file, fetched (from the site itself) only when the digits are chosen.
	 */
	| {
			type: 'init';
			options: TrainerOptions;
			data: DataChoice;
			backend?: BackendName;
			assets?: { digits?: string };
	  }
	| { type: 'play' }
	| { type: 'pause' }
	| { type: 'step'; n: number }
	| { type: 'reset'; seed?: number }
	| { type: 'setOptions'; options: TrainerOptions; data: DataChoice }
	/** Steps per second while playing; 0 = as fast as the worker can. */
	| { type: 'speed'; stepsPerSecond: number }
	/** Decision-grid resolution for 2D inputs (0 = none). */
	| { type: 'grid'; resolution: number }
	| { type: 'snapshot' }
	/** The page has taken the last snapshot; the worker may send the next. */
	| { type: 'ack' }
	/**
	 * The bytes of a CSV/TSV file (transferred): the worker reads it (parseDataFile), scales
	 * and splits it with the current data seed and test fraction, and trains on it.
	 */
	| { type: 'loadFile'; id: number; bytes: ArrayBuffer }
	/** Train on this data set instead of the generated one (a drawing, a restored upload). */
	| { type: 'loadData'; id: number; data: CustomDataMessage }
	| { type: 'dispose' };

/** Worker → page. */
export type FromWorker =
	| { type: 'ready'; backend: string; options: TrainerOptions; notices: Notice[] }
	| { type: 'dataset'; dataset: DatasetMessage }
	| { type: 'snapshot'; snapshot: Snapshot; running: boolean }
	| { type: 'options'; options: TrainerOptions; notices: Notice[]; rebuilt: boolean }
	| { type: 'state'; running: boolean }
	/** The answer to `loadFile` / `loadData` with the same id. */
	| { type: 'loaded'; id: number; result: LoadResult }
	| { type: 'error'; message: string }
	/**
	 * The data asked for could not be had (the digits file failed to load): `data` is what
	 * the model trains on instead, `reason` the reader's notice saying why.
	 */
	| { type: 'dataRefused'; reason: Notice; data: DataSettings };

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
		s.weightClasses,
		s.weights,
		s.weightNorms,
		s.bias,
		s.classMeans,
		s.grid?.classes,
		s.grid?.confidence
	);
}
