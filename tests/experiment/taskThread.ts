/**
 * Inside one worker thread: tfjs on wasm, then every task the parent posts is run with
 * `runTask` and answered with its result (progress after every chunk). A task is a pure
 * function of its fields, so which thread runs it does not change its result.
 */
import { readFileSync } from 'node:fs';
import type { MessagePort } from 'node:worker_threads';
import '@tensorflow/tfjs-backend-wasm';
import { tf } from '../../src/lib/model/tf';
import { parseDigits } from '../../src/lib/io/digits';
import { runTask, type RunTask } from '../../src/lib/model/experimentRun';
import type { DataSources } from '../../src/lib/model/dataSources';
import { noticeBrief } from '../../src/lib/math/notice';

export type ToThread = { type: 'task'; task: RunTask } | { type: 'stop' };
export type FromThread =
	| { type: 'ready'; backend: string }
	| { type: 'step'; index: number; step: number }
	| { type: 'done'; index: number; result: Awaited<ReturnType<typeof runTask>> }
	| { type: 'failed'; index: number; message: string };

/** What the parent passes when it starts a thread. */
export interface ThreadData {
	backend: 'wasm' | 'cpu';
	digits: boolean;
	chunk: number;
}

function readDigits() {
	const parsed = parseDigits(new Uint8Array(readFileSync('static/data/digits-14.bin')));
	if (!parsed.ok) throw new Error(noticeBrief(parsed.error));
	return parsed.digits;
}

/** Serves tasks on `port` until a 'stop' message; resolves then. */
export async function serve(port: MessagePort, data: ThreadData): Promise<void> {
	await tf.setBackend(data.backend);
	await tf.ready();
	const sources: DataSources = data.digits ? { digits: readDigits() } : {};
	const post = (m: FromThread) => port.postMessage(m);
	post({ type: 'ready', backend: tf.getBackend() });
	await new Promise<void>((resolve) => {
		let queue = Promise.resolve();
		port.on('message', (msg: ToThread) => {
			if (msg.type === 'stop') {
				void queue.then(() => {
					port.close();
					resolve();
				});
				return;
			}
			const { task } = msg;
			queue = queue.then(async () => {
				try {
					const result = await runTask(task, {
						sources,
						chunk: data.chunk,
						onStep: (step) => post({ type: 'step', index: task.index, step })
					});
					post({ type: 'done', index: task.index, result });
				} catch (e) {
					post({ type: 'failed', index: task.index, message: (e as Error).message });
				}
			});
		});
	});
}
