/**
 * The experiment's executor over Node worker threads: `threads` workers (each its own Vite
 * module runner and tfjs wasm), every one taking the next task when it is free. Results come
 * back in task order and are the same as in one thread (every task is a pure function of its
 * fields). `threads` = 1 still runs in a worker, so timings compare like with like.
 */
import { Worker } from 'node:worker_threads';
import { runPool, type Executor, type RunTask } from '../../src/lib/model/experimentRun';
import type { RunResult } from '../../src/lib/math/experimentTable';
import type { FromThread, ThreadData } from './taskThread';

const THREAD = new URL('./thread.mjs', import.meta.url);

/** A started thread: runs one task at a time. */
interface Lane {
	run(task: RunTask, onStep: (step: number) => void): Promise<RunResult>;
	stop(): Promise<void>;
}

function startLane(data: ThreadData): Promise<Lane> {
	const worker = new Worker(THREAD, { workerData: data });
	let current: {
		index: number;
		onStep: (step: number) => void;
		resolve: (r: RunResult) => void;
		reject: (e: Error) => void;
	} | null = null;
	return new Promise((ready, fail) => {
		worker.once('error', fail);
		worker.on('error', (e) => current?.reject(e));
		worker.on('exit', (code) => {
			if (code !== 0) current?.reject(new Error(`An experiment thread exited with code ${code}.`));
		});
		worker.on('message', (m: FromThread) => {
			if (m.type === 'ready') {
				ready({
					run: (task, onStep) =>
						new Promise<RunResult>((resolve, reject) => {
							current = { index: task.index, onStep, resolve, reject };
							worker.postMessage({ type: 'task', task });
						}),
					stop: async () => {
						worker.postMessage({ type: 'stop' });
						await new Promise((r) => worker.once('exit', r));
					}
				});
			} else if (current && m.index === current.index) {
				if (m.type === 'step') current.onStep(m.step);
				else if (m.type === 'done') current.resolve(m.result);
				else if (m.type === 'failed') current.reject(new Error(m.message));
			}
		});
	});
}

/**
 * An executor over `threads` worker threads (started per call, stopped when it ends);
 * `onStarted` is told when every thread is ready, before the first task (the benchmark times
 * the runs from there).
 */
export function threadExecutor(
	threads: number,
	{
		digits = false,
		chunk = 250,
		backend = 'wasm',
		onStarted
	}: Partial<ThreadData> & { onStarted?: (threads: number) => void } = {}
): Executor {
	return async (tasks, hooks) => {
		const n = Math.max(1, Math.min(threads, tasks.length));
		const lanes = await Promise.all(
			Array.from({ length: n }, () => startLane({ digits, chunk, backend }))
		);
		onStarted?.(n);
		try {
			return await runPool(tasks, n, async (task, lane) => {
				hooks.signal?.throwIfAborted();
				const result = await lanes[lane].run(task, (step) => hooks.onStep?.(task, step));
				hooks.onDone?.(task, result);
				return result;
			});
		} finally {
			await Promise.all(lanes.map((l) => l.stop()));
		}
	};
}
