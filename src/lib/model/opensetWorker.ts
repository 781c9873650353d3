/**
 * The open-set worker (a module Web Worker): scores a live model's features on both test
 * sets, new people and new photos of known people (verification ROC, rank-1, pair angles), and runs the headless sweep over losses,
 * margins and seeds with tfjs, off the page's main thread.
 */
import { recognitionReport } from '../math/openset';
import { selectBackend } from './backend';
import { runOpenSetExperiment } from './experiment';
import { fetchDigits, fetchSiteBytes, type Digits } from '../io/digits';
import type { FromOpenSetWorker, ToOpenSetWorker } from './opensetProtocol';

interface WorkerScope {
	onmessage: ((e: MessageEvent<ToOpenSetWorker>) => void) | null;
	postMessage(message: FromOpenSetWorker): void;
}
const scope = self as unknown as WorkerScope;
let backend: Promise<string> | null = null;
let sweep: AbortController | null = null;
/** The digits, fetched once from the site for the first sweep on them (null: not yet). */
let digits: Promise<Digits> | null = null;

async function runSweep(config: ToOpenSetWorker & { type: 'sweep' }): Promise<void> {
	sweep?.abort();
	const controller = new AbortController();
	sweep = controller;
	try {
		backend ??= selectBackend('wasm');
		const name = await backend;
		const { digitsUrl, ...rest } = config.config;
		if (rest.data?.generator === 'digits') digits ??= fetchDigits(digitsUrl, fetchSiteBytes);
		const sources = rest.data?.generator === 'digits' ? { digits: await digits } : {};
		const result = await runOpenSetExperiment({
			...rest,
			sources,
			signal: controller.signal,
			onProgress: ({ result: finished, ...progress }) =>
				scope.postMessage({
					type: 'progress',
					id: config.id,
					progress: { ...progress, finished: !!finished }
				})
		});
		scope.postMessage({ type: 'sweepDone', id: config.id, result, backend: name });
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
