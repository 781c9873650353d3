/**
 * The worker's loop, driven with a fake host (clock, scheduler, post) on the cpu backend:
 * the message protocol, display-rate snapshots with acknowledgement, speed limits,
 * divergence pausing and error reporting.
 */
import { describe, expect, test } from 'vitest';
import { tf } from '../../src/lib/model/tf';
import { TrainingLoop, type LoopHost } from '../../src/lib/model/loop';
import type { FromWorker } from '../../src/lib/model/protocol';
import { initMessage, optionsMessage } from './workerMessages';
import { en } from './noticeText';

function fakeHost() {
	const sent: { msg: FromWorker; transfer: ArrayBuffer[] }[] = [];
	const tasks: (() => void)[] = [];
	let clock = 0;
	const host: LoopHost = {
		post: (msg, transfer = []) => sent.push({ msg, transfer }),
		schedule: (fn) => tasks.push(fn),
		delay: (fn) => tasks.push(fn),
		now: () => clock
	};
	return {
		host,
		sent,
		/** Runs `n` scheduled ticks, advancing the clock by `ms` before each. */
		run(n: number, ms = 16) {
			for (let i = 0; i < n && tasks.length > 0; i++) {
				clock += ms;
				tasks.shift()!();
			}
		},
		types: () => sent.map((s) => s.msg.type),
		snapshots: () =>
			sent
				.filter((s) => s.msg.type === 'snapshot')
				.map((s) => s.msg as Extract<FromWorker, { type: 'snapshot' }>)
	};
}

const small = {
	data: { classes: 3, pointsPerClass: 20 },
	hiddenLayers: 1,
	hiddenUnits: 8,
	batchSize: 16
};

describe('TrainingLoop', () => {
	test('init answers ready, the data set and a first snapshot, with transferred buffers', () => {
		const f = fakeHost();
		const loop = new TrainingLoop(f.host, 'cpu');
		loop.handle(initMessage(small));
		expect(f.types()).toEqual(['ready', 'dataset', 'snapshot']);
		const ready = f.sent[0].msg as Extract<FromWorker, { type: 'ready' }>;
		expect(ready.backend).toBe('cpu');
		expect(f.sent[1].transfer.length).toBe(3);
		expect(f.sent[2].transfer.length).toBeGreaterThanOrEqual(4);
		loop.handle({ type: 'dispose' });
	});

	test('play streams snapshots only after each ack, pause stops, step and reset answer at once', () => {
		const f = fakeHost();
		const loop = new TrainingLoop(f.host, 'cpu');
		loop.handle(initMessage(small));
		loop.handle({ type: 'play' });
		f.run(20);
		// The first snapshot was never acknowledged: no more arrive while training runs.
		expect(f.snapshots().length).toBe(1);
		loop.handle({ type: 'ack' });
		f.run(5);
		expect(f.snapshots().length).toBe(2);
		const last = f.snapshots().at(-1)!;
		expect(last.running).toBe(true);
		expect(last.snapshot.step).toBeGreaterThan(0);
		const before = f.sent.length;
		loop.handle({ type: 'pause' });
		// The last step's snapshot says "stopped" itself, before the state message.
		expect(f.sent.slice(before).map((s) => s.msg.type)).toEqual(['snapshot', 'state']);
		expect(f.snapshots().at(-1)!.running).toBe(false);
		f.run(5);
		const count = f.snapshots().length;
		const stepAtPause = f.snapshots().at(-1)!.snapshot.step;
		loop.handle({ type: 'step', n: 3 });
		expect(f.snapshots().length).toBe(count + 1);
		expect(f.snapshots().at(-1)!.snapshot.step).toBeGreaterThanOrEqual(stepAtPause + 3);
		loop.handle({ type: 'reset' });
		expect(f.snapshots().at(-1)!.snapshot.step).toBe(0);
		loop.handle({ type: 'dispose' });
	});

	test('a speed limit paces the steps', () => {
		const f = fakeHost();
		const loop = new TrainingLoop(f.host, 'cpu');
		loop.handle(initMessage(small));
		loop.handle({ type: 'speed', stepsPerSecond: 10 });
		loop.handle({ type: 'play' });
		f.run(63, 16); // about one second of fake time
		loop.handle({ type: 'pause' });
		loop.handle({ type: 'snapshot' });
		const step = f.snapshots().at(-1)!.snapshot.step;
		expect(step).toBeGreaterThanOrEqual(8);
		expect(step).toBeLessThanOrEqual(11);
		loop.handle({ type: 'dispose' });
	});

	test('options changes report notices; bad messages become errors, not exceptions', () => {
		const f = fakeHost();
		const loop = new TrainingLoop(f.host, 'cpu');
		loop.handle({ type: 'play' });
		expect(f.sent[0].msg).toEqual({ type: 'error', message: '"play" arrived before "init".' });
		loop.handle(initMessage(small));
		// A hostile page: m out of range reaches the worker, whose own clamp answers it.
		const msg = optionsMessage({ loss: 'asoftmax' }, small);
		loop.handle({ ...msg, options: { ...msg.options, m: 99 } });
		const opts = f.sent.find((s) => s.msg.type === 'options')!.msg as Extract<
			FromWorker,
			{ type: 'options' }
		>;
		expect(opts.options.m).toBe(6);
		expect(en(opts.notices).join()).toMatch(/out of range/);
		loop.handle({ type: 'grid', resolution: 12 });
		expect(f.snapshots().at(-1)!.snapshot.grid?.resolution).toBe(12);
		loop.handle({ type: 'dispose' });
		expect(tf.memory().numTensors).toBe(0);
	});
});
