/**
 * The verification views' worker (a module Web Worker): scores every pair of a test set's
 * features by cosine and sweeps them into the exact ROC (`verificationModel`), off the page's
 * main thread, for test sets with many pairs (tens of milliseconds each on a laptop, once per
 * snapshot while a model trains). Pure math: no tfjs here.
 */
import { verificationModel } from '../math/recognitionView';
import type { FromVerificationWorker, ToVerificationWorker } from './verificationProtocol';

interface WorkerScope {
	onmessage: ((e: MessageEvent<ToVerificationWorker>) => void) | null;
	postMessage(message: FromVerificationWorker): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
	const { id, features, dim, labels, rows } = e.data;
	scope.postMessage({ id, model: verificationModel(features, dim, labels, rows) });
};
