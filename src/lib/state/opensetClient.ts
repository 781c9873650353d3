/**
 * The page's handle on the open-set worker: `report()` resolves to the reports of a model's
 * features on both test sets; `sweep()` runs the headless sweep with progress callbacks, its
 * runs spread over `sweepWorkers()` task workers. The worker starts on first use and ends
 * (with its task workers) on `dispose()`.
 */
import type { RecognitionReport } from '$lib/math/openset';
import type { ExperimentResult } from '$lib/model/experiment';
import {
	taskWorkerCount,
	type FromOpenSetWorker,
	type SweepConfig,
	type SweepProgress,
	type ToOpenSetWorker
} from '$lib/model/opensetProtocol';

/** Task workers a sweep uses in this browser: its logical cores less one, at least one. */
export function sweepWorkers(): number {
	return taskWorkerCount(
		typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency
	);
}

export interface SweepHandlers {
	onProgress(p: SweepProgress): void;
	/** `workers`: the task workers that trained the runs. */
	onDone(result: ExperimentResult, backend: string, workers: number): void;
	onError(message: string, cancelled: boolean): void;
}

export class OpenSetClient {
	private worker: Worker | null = null;
	private nextId = 1;
	private readonly pending = new Map<number, (r: RecognitionReport) => void>();
	private sweepHandlers: SweepHandlers | null = null;
	/** The running sweep's id: messages of a sweep that was replaced are dropped. */
	private sweepId = 0;

	private get port(): Worker {
		if (!this.worker) {
			this.worker = new Worker(new URL('../model/opensetWorker.ts', import.meta.url), {
				type: 'module',
				name: 'spherelab-openset'
			});
			this.worker.onmessage = (e: MessageEvent<FromOpenSetWorker>) => this.receive(e.data);
			this.worker.onerror = (e) =>
				this.sweepHandlers?.onError(e.message || 'The open-set worker failed.', false);
		}
		return this.worker;
	}

	private post(message: ToOpenSetWorker, transfer: Transferable[] = []): void {
		this.port.postMessage(message, transfer);
	}

	private receive(msg: FromOpenSetWorker): void {
		if (msg.type === 'report') {
			this.pending.get(msg.id)?.(msg.report);
			this.pending.delete(msg.id);
			return;
		}
		if (msg.id !== this.sweepId) return;
		if (msg.type === 'progress') this.sweepHandlers?.onProgress(msg.progress);
		else if (msg.type === 'sweepDone')
			this.sweepHandlers?.onDone(msg.result, msg.backend, msg.workers);
		else if (msg.type === 'sweepError') this.sweepHandlers?.onError(msg.message, msg.cancelled);
	}

	/** The open-set report of the held-out points (split 2) of these features. */
	report(
		features: ArrayLike<number>,
		dim: number,
		labels: ArrayLike<number>,
		split: ArrayLike<number>
	): Promise<RecognitionReport> {
		const id = this.nextId++;
		const f = Float32Array.from(features);
		const l = Int32Array.from(labels);
		const s = Uint8Array.from(split);
		return new Promise((resolve) => {
			this.pending.set(id, resolve);
			this.post({ type: 'report', id, features: f, dim, labels: l, split: s }, [
				f.buffer,
				l.buffer,
				s.buffer
			]);
		});
	}

	/**
	 * Starts a sweep on `config.workers` task workers (default `sweepWorkers()`); a running one
	 * is cancelled and its handlers told so.
	 */
	sweep(config: SweepConfig, handlers: SweepHandlers): void {
		this.sweepHandlers?.onError('Cancelled: another sweep started.', true);
		this.sweepHandlers = handlers;
		try {
			const workers = config.workers ?? sweepWorkers();
			this.post({ type: 'sweep', id: ++this.sweepId, config: { ...config, workers } });
		} catch (e) {
			// A config that cannot be cloned (a bug, never user input): say so, do not hang.
			this.sweepHandlers = null;
			handlers.onError(e instanceof Error ? e.message : String(e), false);
		}
	}

	/** Stops the running sweep: the open-set worker terminates its task workers at once. */
	cancel(): void {
		this.post({ type: 'cancel' });
	}

	dispose(): void {
		this.worker?.terminate();
		this.worker = null;
		this.pending.clear();
		this.sweepHandlers = null;
	}
}
