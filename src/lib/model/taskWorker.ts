/**
 * One task worker of the browser sweep (a module Web Worker started by the open-set worker):
 * tfjs on its best backend, the digits fetched from the site when the sweep runs on them,
 * then every task it is posted is trained with `runTask` and answered with its result. A
 * task is a pure function of its fields, so which worker trains it does not change the table.
 */
import { selectBackend } from './backend';
import { runTask } from './experimentRun';
import type { DataSources } from './dataSources';
import { fetchDigits, fetchSiteBytes } from '../io/digits';
import type { FromTaskWorker, TaskWorkerInit, ToTaskWorker } from './taskProtocol';

interface WorkerScope {
	onmessage: ((e: MessageEvent<ToTaskWorker>) => void) | null;
	postMessage(message: FromTaskWorker): void;
}
const scope = self as unknown as WorkerScope;
/** The backend and data files, ready before the first task (set by 'init'). */
let ready: Promise<{ sources: DataSources; chunk: number }> | null = null;
/** Tasks run one after another (the parent posts one at a time; this keeps it so). */
let queue: Promise<void> = Promise.resolve();

async function init(config: TaskWorkerInit): Promise<{ sources: DataSources; chunk: number }> {
	const backend = await selectBackend('wasm');
	const sources: DataSources = config.digitsUrl
		? { digits: await fetchDigits(config.digitsUrl, fetchSiteBytes) }
		: {};
	scope.postMessage({ type: 'ready', backend });
	return { sources, chunk: config.chunk };
}

scope.onmessage = (e) => {
	const msg = e.data;
	if (msg.type === 'init') {
		ready = init(msg);
		ready.catch((err: unknown) =>
			scope.postMessage({
				type: 'initFailed',
				message: err instanceof Error ? err.message : String(err)
			})
		);
		return;
	}
	const { task } = msg;
	queue = queue.then(async () => {
		try {
			if (!ready) throw new Error('The task worker was not started.');
			const { sources, chunk } = await ready;
			const result = await runTask(task, {
				sources,
				chunk,
				onStep: (step) => scope.postMessage({ type: 'step', index: task.index, step })
			});
			scope.postMessage({ type: 'done', index: task.index, result });
		} catch (err) {
			const message = err instanceof Error ? err.message : String(err);
			scope.postMessage({ type: 'failed', index: task.index, message });
		}
	});
};
