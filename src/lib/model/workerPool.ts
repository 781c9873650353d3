/**
 * The browser sweep's executor: `RunTask`s spread over task workers (`taskWorker.ts`), each
 * taking the next task when it is free (`runPool`). Workers start on first use and stay for
 * the sweep's next phase (validation runs, then test runs); `dispose()` terminates them all,
 * and so does aborting the sweep's signal, at once rather than at the end of a chunk.
 * Results come back in task order and equal one worker's (every task is a pure function of
 * its fields).
 */
import { runPool, type Executor, type RunTask, type TaskHooks } from './experimentRun';
import type { RunResult } from '../math/experimentTable';
import type { FromTaskWorker, TaskWorkerInit, ToTaskWorker } from './taskProtocol';

/** What the pool needs of a task worker: a Web Worker has it, a test can fake it. */
export interface TaskPort {
	postMessage(message: ToTaskWorker): void;
	onmessage: ((e: MessageEvent<FromTaskWorker>) => void) | null;
	onerror: ((e: ErrorEvent) => void) | null;
	terminate(): void;
}

/** Task workers over a sweep: the executor, and what it started. */
export interface TaskPool {
	/** Runs tasks on up to `size` workers (no more than there are tasks). */
	executor: Executor;
	/** Workers started so far. */
	readonly started: number;
	/** The tfjs backends the ready workers run on ('wasm', or e.g. 'wasm, cpu'). */
	backend(): string;
	/** Terminates every worker; a task still running rejects. */
	dispose(): void;
}

/** One worker, one task at a time. */
interface Lane {
	run(task: RunTask, onStep: (step: number) => void): Promise<RunResult>;
	/** Rejects the running task with `reason` and ends the worker. */
	stop(reason: unknown): void;
}

function startLane(port: TaskPort, init: TaskWorkerInit, backends: Set<string>): Lane {
	let current: {
		index: number;
		onStep: (step: number) => void;
		resolve: (r: RunResult) => void;
		reject: (e: unknown) => void;
	} | null = null;
	let stopped = false;
	let stopReason: unknown = null;
	let markReady: (backend: string) => void = () => {};
	let failReady: (e: unknown) => void = () => {};
	const ready = new Promise<string>((resolve, reject) => {
		markReady = resolve;
		failReady = reject;
	});
	// A failed start is reported to the task that waits for it, never as an unhandled rejection.
	ready.catch(() => {});
	const fail = (e: unknown) => {
		failReady(e);
		current?.reject(e);
		current = null;
	};
	port.onmessage = ({ data: m }) => {
		if (m.type === 'ready') {
			backends.add(m.backend);
			markReady(m.backend);
		} else if (m.type === 'initFailed') fail(new Error(m.message));
		else if (current && m.index === current.index) {
			if (m.type === 'step') current.onStep(m.step);
			else if (m.type === 'done') {
				current.resolve(m.result);
				current = null;
			} else fail(new Error(m.message));
		}
	};
	port.onerror = (e) => fail(new Error(e.message || 'A sweep worker failed.'));
	port.postMessage({ type: 'init', ...init });
	return {
		async run(task, onStep) {
			await ready;
			if (stopped) throw stopReason;
			return new Promise<RunResult>((resolve, reject) => {
				current = { index: task.index, onStep, resolve, reject };
				port.postMessage({ type: 'task', task });
			});
		},
		stop(reason) {
			stopped = true;
			stopReason = reason;
			port.terminate();
			fail(reason);
		}
	};
}

/**
 * A pool of at most `size` task workers made by `spawn` (worker `id` 0, 1, …), each told
 * `init` when it starts.
 */
export function createTaskPool(
	size: number,
	spawn: (id: number) => TaskPort,
	init: TaskWorkerInit
): TaskPool {
	const limit = Math.max(1, Math.floor(size) || 1);
	const lanes: Lane[] = [];
	const backends = new Set<string>();
	let disposed = false;
	const dispose = (reason: unknown = new Error('The sweep workers were stopped.')) => {
		disposed = true;
		for (const lane of lanes.splice(0)) lane.stop(reason);
	};
	const executor: Executor = async (tasks, hooks) => {
		const { signal } = hooks;
		signal?.throwIfAborted();
		if (disposed) throw new Error('The sweep workers were stopped.');
		const n = Math.max(1, Math.min(limit, tasks.length));
		while (lanes.length < n) lanes.push(startLane(spawn(lanes.length), init, backends));
		// This call's lanes (a stopped lane rejects what it is asked to run).
		const mine = lanes.slice(0, n);
		const onAbort = () => dispose(signal?.reason);
		signal?.addEventListener('abort', onAbort, { once: true });
		try {
			return await runPool(tasks, n, async (task, lane) => {
				signal?.throwIfAborted();
				const result = await mine[lane].run(task, (step) => hooks.onStep?.(task, step));
				hooks.onDone?.(task, result);
				return result;
			});
		} finally {
			signal?.removeEventListener('abort', onAbort);
		}
	};
	return {
		executor,
		get started() {
			return lanes.length;
		},
		backend: () => [...backends].join(', '),
		dispose: () => dispose()
	};
}

/**
 * `executor` with a count of the steps of the runs in progress: `running()` is their sum in
 * runs (two runs half done: 1), for a progress bar that moves with every worker.
 */
export function trackRunning(executor: Executor): { executor: Executor; running(): number } {
	const steps = new Map<number, number>();
	let total = 0;
	const track = (task: RunTask, step: number) => {
		steps.set(task.index, Math.min(1, step / Math.max(1, task.steps)));
		total = [...steps.values()].reduce((a, b) => a + b, 0);
	};
	const wrapped: Executor = async (tasks, hooks: TaskHooks) => {
		steps.clear();
		total = 0;
		try {
			return await executor(tasks, {
				...hooks,
				onStep: (task, step) => {
					track(task, step);
					hooks.onStep?.(task, step);
				},
				onDone: (task, result) => {
					steps.delete(task.index);
					total = [...steps.values()].reduce((a, b) => a + b, 0);
					hooks.onDone?.(task, result);
				}
			});
		} finally {
			steps.clear();
			total = 0;
		}
	};
	return { executor: wrapped, running: () => total };
}
