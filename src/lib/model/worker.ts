/**
 * The training worker's entry (a module Web Worker): picks the tfjs backend, then hands
 * every message to a TrainingLoop. Training never runs on the page's main thread.
 */
import { selectBackend } from './backend';
import { TrainingLoop } from './loop';
import { fetchSiteBytes } from '../io/digits';
import type { FromWorker, ToWorker } from './protocol';

/** The parts of the worker scope used here (the WebWorker lib is not in the page's TS config). */
interface WorkerScope {
	onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
	postMessage(message: FromWorker, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
// A MessageChannel yields to pending messages without setTimeout's 4 ms clamping.
const channel = new MessageChannel();
const queue: (() => void)[] = [];
channel.port1.onmessage = () => queue.shift()?.();

const pending: ToWorker[] = [];
let loop: TrainingLoop | null = null;
let starting = false;

/** Picks the backend the page asked for (with fallbacks), then replays queued messages. */
async function start(preferred: ToWorker & { type: 'init' }): Promise<void> {
	const backend = await selectBackend(preferred.backend);
	loop = new TrainingLoop(
		{
			post: (message: FromWorker, transfer: ArrayBuffer[] = []) =>
				scope.postMessage(message, transfer),
			schedule: (fn) => {
				queue.push(fn);
				channel.port2.postMessage(null);
			},
			delay: (fn, ms) => setTimeout(fn, ms),
			now: () => performance.now(),
			fetchBytes: fetchSiteBytes
		},
		backend
	);
	for (const m of pending.splice(0)) loop.handle(m);
}

scope.onmessage = (e: MessageEvent<ToWorker>) => {
	if (loop) {
		loop.handle(e.data);
		return;
	}
	// Until the backend is ready, queue everything; the first init starts it.
	pending.push(e.data);
	if (!starting && e.data.type === 'init') {
		starting = true;
		void start(e.data);
	}
};
