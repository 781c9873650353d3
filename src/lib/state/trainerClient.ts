/**
 * The page's handle on the training worker: typed commands in, snapshots out. It starts
 * the module worker, acknowledges each snapshot after handing it on (so the worker never
 * floods the page), and terminates the worker on dispose.
 */
import { notice, type Notice } from '$lib/math/notice';
import type {
	BackendName,
	CustomDataMessage,
	DataChoice,
	DatasetMessage,
	FromWorker,
	LoadResult,
	ToWorker
} from '$lib/model/protocol';
import type { Snapshot } from '$lib/model/snapshot';
import type { TrainerOptions } from '$lib/math/settingTypes';
import type { DataSettings } from '$lib/math/settingTypes';

/** What the page hears from the worker. */
export interface ClientEvents {
	onReady?(backend: string, options: TrainerOptions, notices: Notice[]): void;
	onSnapshot?(snapshot: Snapshot, running: boolean): void;
	onDataset?(dataset: DatasetMessage): void;
	onOptions?(options: TrainerOptions, notices: Notice[], rebuilt: boolean): void;
	onRunning?(running: boolean): void;
	onError?(message: string): void;
	/** The data asked for could not be loaded; the model trains on `data` instead. */
	onDataRefused?(reason: Notice, data: DataSettings): void;
}

/** Creates the training worker (overridable in tests). */
export function createTrainingWorker(): Worker {
	return new Worker(new URL('../model/worker.ts', import.meta.url), {
		type: 'module',
		name: 'spherelab-trainer'
	});
}

/** What a load request answers when the worker is gone before it replied. */
const STOPPED: LoadResult = { ok: false, error: notice('workerStopped') };

export class TrainerClient {
	private worker: Worker | null;
	/** Load requests waiting for their `loaded` answer, by id. */
	private readonly loads = new Map<number, (r: LoadResult) => void>();
	private nextLoadId = 1;

	/** `options`: clamped by the page (the worker clamps once more on receipt). */
	constructor(
		options: TrainerOptions,
		data: DataChoice,
		private readonly events: ClientEvents,
		backend?: BackendName,
		worker: Worker = createTrainingWorker(),
		/** Where the worker finds the site's data files (absolute URLs). */
		assets: { digits?: string } = {}
	) {
		this.worker = worker;
		worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
		worker.onerror = (e) =>
			this.events.onError?.(e.message || 'The training worker failed to start.');
		this.send({ type: 'init', options, data, backend, assets });
	}

	play(): void {
		this.send({ type: 'play' });
	}
	pause(): void {
		this.send({ type: 'pause' });
	}
	step(n = 1): void {
		this.send({ type: 'step', n });
	}
	reset(seed?: number): void {
		this.send({ type: 'reset', seed });
	}
	/** Clamped options and what to train on (see `DataChoice`). */
	setOptions(options: TrainerOptions, data: DataChoice): void {
		this.send({ type: 'setOptions', options, data });
	}
	/** Steps per second while playing; 0 = as fast as possible. */
	setSpeed(stepsPerSecond: number): void {
		this.send({ type: 'speed', stepsPerSecond });
	}
	/** Resolution of the decision grid for 2D inputs (0 = none). */
	setGrid(resolution: number): void {
		this.send({ type: 'grid', resolution });
	}
	requestSnapshot(): void {
		this.send({ type: 'snapshot' });
	}

	/**
	 * Sends a CSV/TSV file's bytes to the worker, which reads it and trains on it. The buffer
	 * is transferred (unusable here afterwards). Resolves with the worker's answer.
	 */
	loadFile(bytes: ArrayBuffer): Promise<LoadResult> {
		return this.request((id) => this.send({ type: 'loadFile', id, bytes }, [bytes]));
	}

	/** Trains on this data set (copied to the worker). Resolves with the worker's answer. */
	loadData(data: CustomDataMessage): Promise<LoadResult> {
		return this.request((id) => this.send({ type: 'loadData', id, data }));
	}

	/** Stops training and terminates the worker, freeing everything it held. */
	dispose(): void {
		if (!this.worker) return;
		this.send({ type: 'dispose' });
		this.worker.terminate();
		this.worker = null;
		for (const resolve of this.loads.values()) resolve(STOPPED);
		this.loads.clear();
	}

	private request(post: (id: number) => void): Promise<LoadResult> {
		if (!this.worker) return Promise.resolve(STOPPED);
		const id = this.nextLoadId++;
		return new Promise((resolve) => {
			this.loads.set(id, resolve);
			post(id);
		});
	}

	/** Milliseconds between taking a snapshot and asking for the next (0 = at once). */
	private ackDelay = 0;

	/**
	 * Caps the snapshot rate below the worker's 30 Hz, e.g. for pages that draw several
	 * models at once; training speed is unchanged.
	 */
	setSnapshotInterval(ms: number): void {
		this.ackDelay = Number.isFinite(ms) && ms > 0 ? Math.min(ms, 2000) : 0;
	}

	private send(msg: ToWorker, transfer: Transferable[] = []): void {
		this.worker?.postMessage(msg, transfer);
	}

	private receive(msg: FromWorker): void {
		const ev = this.events;
		switch (msg.type) {
			case 'ready':
				ev.onReady?.(msg.backend, msg.options, msg.notices);
				break;
			case 'snapshot':
				ev.onSnapshot?.(msg.snapshot, msg.running);
				if (this.ackDelay > 0) setTimeout(() => this.send({ type: 'ack' }), this.ackDelay);
				else this.send({ type: 'ack' });
				break;
			case 'dataset':
				ev.onDataset?.(msg.dataset);
				break;
			case 'options':
				ev.onOptions?.(msg.options, msg.notices, msg.rebuilt);
				break;
			case 'state':
				ev.onRunning?.(msg.running);
				break;
			case 'dataRefused':
				this.events.onDataRefused?.(msg.reason, msg.data);
				break;
			case 'error':
				ev.onError?.(msg.message);
				break;
			case 'loaded':
				this.loads.get(msg.id)?.(msg.result);
				this.loads.delete(msg.id);
				break;
		}
	}
}
