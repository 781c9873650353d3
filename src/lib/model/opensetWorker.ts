/**
 * The open-set worker (a module Web Worker): scores a live model's features on both test
 * sets, new people and new photos of known people (verification ROC, rank-1, pair angles),
 * and runs the headless sweep over losses, margins and seeds off the page's main thread. It
 * plans the sweep (`runOpenSetExperiment`) and spreads its runs over task workers of its own
 * (`taskWorker.ts`, a pool from `workerPool.ts`); where a worker cannot start workers, the
 * runs train here, one after another.
 */
import { recognitionReport } from '../math/openset';
import { selectBackend } from './backend';
import { runOpenSetExperiment } from './experiment';
import { VALIDATION_SEEDS } from './experimentDefaults';
import { inProcessExecutor, type Executor } from './experimentRun';
import { fetchDigits, fetchSiteBytes, type Digits } from '../io/digits';
import {
	MAX_TASK_WORKERS,
	taskWorkerCount,
	type FromOpenSetWorker,
	type ToOpenSetWorker
} from './opensetProtocol';
import { createTaskPool, trackRunning, type TaskPool, type TaskPort } from './workerPool';

interface WorkerScope {
	onmessage: ((e: MessageEvent<ToOpenSetWorker>) => void) | null;
	postMessage(message: FromOpenSetWorker): void;
}
const scope = self as unknown as WorkerScope;
/** tfjs here, started only when the runs train in this worker. */
let backend: Promise<string> | null = null;
let sweep: AbortController | null = null;
/** The digits, fetched once from the site for the first sweep on them (null: not yet). */
let digits: Promise<Digits> | null = null;

/** A task worker (Vite bundles it as its own chunk, from this literal URL). */
function spawnTaskWorker(id: number): TaskPort {
	return new Worker(new URL('./taskWorker.ts', import.meta.url), {
		type: 'module',
		name: `spherelab-sweep-task-${id + 1}`
	}) as unknown as TaskPort;
}

async function runSweep(config: ToOpenSetWorker & { type: 'sweep' }): Promise<void> {
	sweep?.abort();
	const controller = new AbortController();
	sweep = controller;
	let pool: TaskPool | null = null;
	try {
		const { digitsUrl, workers, validationRuns, ...rest } = config.config;
		const onDigits = rest.data?.generator === 'digits';
		// The raw-input baselines are scored here, so this worker needs the digits too.
		if (onDigits) digits ??= fetchDigits(digitsUrl, fetchSiteBytes);
		const sources = onDigits ? { digits: await digits } : {};
		const chunk = Math.max(1, Math.floor(rest.chunk ?? 250));
		let executor: Executor;
		let name = () => '';
		if (typeof Worker === 'function') {
			pool = createTaskPool(
				Math.min(MAX_TASK_WORKERS, workers ?? taskWorkerCount(navigator.hardwareConcurrency)),
				spawnTaskWorker,
				{ chunk, ...(onDigits ? { digitsUrl } : {}) }
			);
			executor = pool.executor;
			name = () => pool?.backend() ?? '';
		} else {
			backend ??= selectBackend('wasm');
			const here = await backend;
			executor = inProcessExecutor(sources, chunk);
			name = () => here;
		}
		const tracked = trackRunning(executor);
		const started = () => pool?.started ?? 1;
		const result = await runOpenSetExperiment({
			...rest,
			...(validationRuns === undefined
				? {}
				: { validationSeeds: VALIDATION_SEEDS.slice(0, Math.max(0, validationRuns)) }),
			sources,
			chunk,
			executor: tracked.executor,
			signal: controller.signal,
			onProgress: ({ result: finished, ...progress }) =>
				scope.postMessage({
					type: 'progress',
					id: config.id,
					progress: {
						...progress,
						finished: !!finished,
						running: tracked.running(),
						workers: started()
					}
				})
		});
		scope.postMessage({
			type: 'sweepDone',
			id: config.id,
			result,
			backend: name(),
			workers: started()
		});
	} catch (e) {
		// A failed fetch is not cached: the next sweep on digits tries again.
		if (
			digits &&
			(await digits.then(
				() => false,
				() => true
			))
		)
			digits = null;
		const cancelled = controller.signal.aborted;
		const message = cancelled ? 'Sweep cancelled.' : e instanceof Error ? e.message : String(e);
		scope.postMessage({ type: 'sweepError', id: config.id, message, cancelled });
	} finally {
		pool?.dispose();
		if (sweep === controller) sweep = null;
	}
}

scope.onmessage = (e) => {
	const msg = e.data;
	if (msg.type === 'report') {
		const report = recognitionReport(msg.features, msg.dim, msg.labels, msg.split);
		scope.postMessage({ type: 'report', id: msg.id, report });
	} else if (msg.type === 'sweep') {
		void runSweep(msg);
	} else if (msg.type === 'cancel') {
		sweep?.abort();
	}
};
