/**
 * Running the sweep's tasks on several lanes: `runPool` (order, lane count, failure), the
 * open-set experiment on 1 lane and on 3 lanes (the same table, run for run), and the
 * browser's worker pool (`createTaskPool`) over fake task workers that train in this thread:
 * the same results, progress from every worker, and cancel that ends every worker at once.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tf } from '../../src/lib/model/tf';
import { runOpenSetExperiment } from '../../src/lib/model/experiment';
import type { ExperimentConfig } from '../../src/lib/model/experimentPlan';
import { runPool, runTask, type Executor, type RunTask } from '../../src/lib/model/experimentRun';
import type { FromTaskWorker, ToTaskWorker } from '../../src/lib/model/taskProtocol';
import { createTaskPool, trackRunning, type TaskPort } from '../../src/lib/model/workerPool';
import { MAX_TASK_WORKERS, taskWorkerCount } from '../../src/lib/model/opensetProtocol';

/** Resolves after `ms` milliseconds of the event loop (the pool's lanes interleave there). */
const later = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe('runPool', () => {
	test('results come back in item order, whatever order they finish in', async () => {
		// Later items finish first.
		const delays = [40, 30, 20, 10, 0];
		const out = await runPool(delays, 3, async (ms, lane) => {
			await later(ms);
			return `${ms}:${lane >= 0}`;
		});
		expect(out).toEqual(delays.map((ms) => `${ms}:true`));
	});

	test.each([
		[1, 5, 1],
		[3, 5, 3],
		[8, 5, 5],
		[0, 4, 1],
		[2.7, 4, 2]
	])('%s slots on %s items: %s lanes at once, lane ids 0…', async (slots, items, lanes) => {
		let running = 0;
		let most = 0;
		const ids = new Set<number>();
		await runPool(
			Array.from({ length: items }, (_, i) => i),
			slots,
			async (_, lane) => {
				ids.add(lane);
				running++;
				most = Math.max(most, running);
				await later(5);
				running--;
			}
		);
		expect(most).toBe(lanes);
		expect([...ids].sort()).toEqual(Array.from({ length: lanes }, (_, i) => i));
	});

	test('every item runs once; a free lane takes the next item', async () => {
		const seen: number[] = [];
		await runPool([30, 5, 5, 5], 2, async (ms, lane) => {
			await later(ms);
			seen.push(lane);
		});
		// Lane 0 holds the slow item while lane 1 runs the other three.
		expect(seen).toEqual([1, 1, 1, 0]);
	});

	test('the first failure rejects, and no lane takes another item', async () => {
		const started: number[] = [];
		const run = runPool([0, 1, 2, 3, 4, 5], 2, async (i) => {
			started.push(i);
			if (i === 1) throw new Error('run 1 failed');
			await later(5);
			return i;
		});
		await expect(run).rejects.toThrow('run 1 failed');
		await later(30);
		expect(started).toEqual([0, 1]);
	});

	test('no items: an empty result', async () => {
		expect(await runPool([], 3, async () => 1)).toEqual([]);
	});
});

describe('taskWorkerCount', () => {
	test.each([
		[undefined, 2],
		[0, 1],
		[1, 1],
		[2, 1],
		[3, 2],
		[4, 3],
		[64, MAX_TASK_WORKERS]
	])('%s cores: %s task workers', (cores, n) => {
		expect(taskWorkerCount(cores)).toBe(n);
	});
});

/** A tiny sweep: modified softmax and CosFace with a margin grid, 2 seeds, 1 validation seed. */
const TINY: ExperimentConfig = {
	losses: [
		{ loss: 'modified', m: null },
		{ loss: 'cosface', m: 0.35, grid: [0.1, 0.35] }
	],
	seeds: [1, 2],
	validationSeeds: [1001],
	steps: 30,
	chunk: 10,
	unseen: 4,
	identities: [6],
	data: { pointsPerClass: 16 },
	model: { hiddenUnits: 8 }
};

/** An executor of `slots` lanes in this thread; records the lanes used and the most at once. */
function laneExecutor(slots: number) {
	const used = { lanes: new Set<number>(), running: 0, most: 0 };
	const executor: Executor = (tasks, hooks) =>
		runPool(tasks, slots, async (task, lane) => {
			used.lanes.add(lane);
			used.running++;
			used.most = Math.max(used.most, used.running);
			try {
				const result = await runTask(task, {
					chunk: 10,
					signal: hooks.signal,
					onStep: (step) => hooks.onStep?.(task, step)
				});
				hooks.onDone?.(task, result);
				return result;
			} finally {
				used.running--;
			}
		});
	return { executor, used };
}

/** A fake task worker: answers the pool's messages as `taskWorker.ts` does, in this thread. */
class FakeTaskWorker implements TaskPort {
	onmessage: ((e: MessageEvent<FromTaskWorker>) => void) | null = null;
	onerror: ((e: ErrorEvent) => void) | null = null;
	terminated = false;
	tasks: number[] = [];
	constructor(private readonly train: (task: RunTask, w: FakeTaskWorker) => Promise<void>) {}
	emit(m: FromTaskWorker): void {
		if (!this.terminated) this.onmessage?.({ data: m } as MessageEvent<FromTaskWorker>);
	}
	postMessage(m: ToTaskWorker): void {
		if (m.type === 'init') setTimeout(() => this.emit({ type: 'ready', backend: 'cpu' }), 1);
		else {
			this.tasks.push(m.task.index);
			void this.train(m.task, this);
		}
	}
	terminate(): void {
		this.terminated = true;
	}
}

/** Trains the task for real, reporting steps as a task worker does. */
async function trainHere(task: RunTask, w: FakeTaskWorker): Promise<void> {
	const result = await runTask(task, {
		chunk: 10,
		onStep: (step) => w.emit({ type: 'step', index: task.index, step })
	});
	w.emit({ type: 'done', index: task.index, result });
}

describe('the sweep on several lanes (cpu backend)', () => {
	beforeAll(async () => {
		await tf.setBackend('cpu');
		await tf.ready();
	});

	afterAll(() => {
		expect(tf.memory().numTensors).toBe(0);
	});

	test('1 lane and 3 lanes give the same rows and runs', async () => {
		const one = laneExecutor(1);
		const three = laneExecutor(3);
		const a = await runOpenSetExperiment({ ...TINY, executor: one.executor });
		const b = await runOpenSetExperiment({ ...TINY, executor: three.executor });
		// Validation: 1 seed × 2 margins (2 tasks); tests: 2 seeds × 2 losses (4 tasks).
		expect(one.used.lanes).toEqual(new Set([0]));
		expect(three.used.lanes).toEqual(new Set([0, 1, 2]));
		expect(three.used.most).toBe(3);
		expect(b.rows).toEqual(a.rows);
		expect(b.runs).toEqual(a.runs);
		expect(b.inputBaselines).toEqual(a.inputBaselines);
		// The grid spec's margin was chosen on the validation run, from both margins.
		const cosface = a.rows.find((r) => r.loss === 'cosface')!;
		expect(cosface.trials?.map((t) => t.m)).toEqual([0.1, 0.35]);
		expect([0.1, 0.35]).toContain(cosface.m);
		expect(cosface.delta?.verifAUC?.seeds).toBe(2);
	}, 240_000);

	test('the worker pool: the same results as one lane, progress from every worker', async () => {
		const workers: FakeTaskWorker[] = [];
		const pool = createTaskPool(
			3,
			() => {
				const w = new FakeTaskWorker(trainHere);
				workers.push(w);
				return w;
			},
			{ chunk: 10 }
		);
		const tracked = trackRunning(pool.executor);
		const running: number[] = [];
		const reference = await runOpenSetExperiment({ ...TINY, executor: laneExecutor(1).executor });
		const result = await runOpenSetExperiment({
			...TINY,
			executor: tracked.executor,
			onProgress: (p) => {
				if (!p.result) running.push(tracked.running());
			}
		});
		expect(result.rows).toEqual(reference.rows);
		expect(result.runs).toEqual(reference.runs);
		// Two validation tasks start 2 workers; the 4 test tasks a third, reused afterwards.
		expect(pool.started).toBe(3);
		expect(workers.every((w) => w.tasks.length > 0)).toBe(true);
		expect(pool.backend()).toBe('cpu');
		// Several runs in progress at once: their shares add up past one run.
		expect(Math.max(...running)).toBeGreaterThan(1);
		expect(tracked.running()).toBe(0);
		pool.dispose();
		expect(workers.every((w) => w.terminated)).toBe(true);
	}, 240_000);
});

describe('the worker pool: cancel and failure', () => {
	/** A task that never ends by itself (the worker is busy until terminated). */
	const forever = async (task: RunTask, w: FakeTaskWorker) => {
		w.emit({ type: 'step', index: task.index, step: 1 });
	};
	const tasks = (n: number) =>
		Array.from({ length: n }, (_, index) => ({ index, steps: 10 }) as RunTask);

	test('aborting the signal rejects at once and terminates every worker', async () => {
		const workers: FakeTaskWorker[] = [];
		const pool = createTaskPool(
			3,
			() => {
				const w = new FakeTaskWorker(forever);
				workers.push(w);
				return w;
			},
			{ chunk: 10 }
		);
		const controller = new AbortController();
		let steps = 0;
		const run = pool.executor(tasks(5), {
			signal: controller.signal,
			onStep: () => {
				steps++;
				if (steps === 3) controller.abort(new Error('cancelled by the reader'));
			}
		});
		await expect(run).rejects.toThrow('cancelled by the reader');
		expect(workers).toHaveLength(3);
		expect(workers.every((w) => w.terminated)).toBe(true);
		// No worker was given a fourth task.
		expect(workers.flatMap((w) => w.tasks).sort()).toEqual([0, 1, 2]);
		await expect(pool.executor(tasks(1), {})).rejects.toThrow(/stopped/);
	});

	test('an aborted signal starts nothing', async () => {
		let spawned = 0;
		const pool = createTaskPool(
			2,
			() => {
				spawned++;
				return new FakeTaskWorker(forever);
			},
			{ chunk: 10 }
		);
		await expect(pool.executor(tasks(2), { signal: AbortSignal.abort() })).rejects.toThrow();
		expect(spawned).toBe(0);
	});

	test('a failed task or a worker that cannot start rejects with its message', async () => {
		const failing = createTaskPool(
			2,
			() =>
				new FakeTaskWorker(async (task, w) =>
					w.emit({ type: 'failed', index: task.index, message: 'out of memory' })
				),
			{ chunk: 10 }
		);
		await expect(failing.executor(tasks(3), {})).rejects.toThrow('out of memory');
		failing.dispose();

		const broken = createTaskPool(
			1,
			() => {
				const w = new FakeTaskWorker(forever);
				w.postMessage = (m) => {
					if (m.type === 'init')
						setTimeout(() => w.emit({ type: 'initFailed', message: 'no digits' }), 1);
				};
				return w;
			},
			{ chunk: 10 }
		);
		await expect(broken.executor(tasks(2), {})).rejects.toThrow('no digits');
		broken.dispose();

		const crashed = createTaskPool(
			1,
			() => {
				const w = new FakeTaskWorker(forever);
				setTimeout(() => w.onerror?.({ message: 'script error' } as ErrorEvent), 5);
				return w;
			},
			{ chunk: 10 }
		);
		await expect(crashed.executor(tasks(1), {})).rejects.toThrow('script error');
		crashed.dispose();
	});
});
