/**
 * The worker loop's data messages, on the cpu backend with a fake host: a file read in the
 * worker and trained on, a bad file refused with the reader's message and nothing changed,
 * given data sets (drawings) trained on, and training continuing across a load.
 */
import { describe, expect, test } from 'vitest';
import { tf } from '../../src/lib/model/tf';
import { TrainingLoop, customDataset, type LoopHost } from '../../src/lib/model/loop';
import type { CustomDataMessage, FromWorker, LoadResult } from '../../src/lib/model/protocol';
import { DEFAULT_DATA_SETTINGS } from '../../src/lib/math/dataSettings';

import { initMessage, optionsMessage } from './workerMessages';
import { noticeBrief } from '../../src/lib/math/notice';
import { en } from './noticeText';

await tf.setBackend('cpu');

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
	const of = <T extends FromWorker['type']>(type: T) =>
		sent.filter((s) => s.msg.type === type).map((s) => s.msg as Extract<FromWorker, { type: T }>);
	return {
		host,
		sent,
		run(n: number, ms = 16) {
			for (let i = 0; i < n && tasks.length > 0; i++) {
				clock += ms;
				tasks.shift()!();
			}
		},
		of,
		/** The answer to load request `id`. */
		loaded: (id: number): LoadResult => {
			const m = of('loaded').find((l) => l.id === id);
			if (!m) throw new Error(`no answer to ${id}`);
			return m.result;
		}
	};
}

const small = {
	data: { classes: 3, pointsPerClass: 20 },
	hiddenLayers: 1,
	hiddenUnits: 8,
	batchSize: 16
};
const bytes = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;

/** A CSV of two labelled classes, `n` rows each. */
function csv(n: number): string {
	const rows = ['x,y,label'];
	for (let i = 0; i < n; i++) rows.push(`${i},${i % 3},cat`, `${-i},${10 + (i % 4)},dog`);
	return rows.join('\n');
}

function drawing(
	points: number[],
	labels: number[],
	split = labels.map(() => 0)
): CustomDataMessage {
	return {
		dim: 2,
		numClasses: 2,
		points: Float64Array.from(points),
		labels: Int32Array.from(labels),
		split: Uint8Array.from(split),
		classNames: null
	};
}

describe('TrainingLoop: files and given data sets', () => {
	test('a file is read in the worker: the new data set, a snapshot, then the answer', () => {
		const f = fakeHost();
		const loop = new TrainingLoop(f.host, 'cpu');
		loop.handle(initMessage(small));
		const before = f.sent.length;
		const buffer = bytes(csv(20));
		loop.handle({ type: 'loadFile', id: 7, bytes: buffer });
		expect(f.sent.slice(before).map((s) => s.msg.type)).toEqual(['dataset', 'snapshot', 'loaded']);
		const r = f.loaded(7);
		if (!r.ok) throw new Error(noticeBrief(r.error));
		const dataset = f.of('dataset').at(-1)!.dataset;
		expect(dataset.labels.length).toBe(40);
		expect(dataset.numClasses).toBe(2);
		expect(r.dataVersion).toBe(dataset.dataVersion);
		expect(f.of('snapshot').at(-1)!.snapshot.dataVersion).toBe(r.dataVersion);
		expect(r.data?.classNames).toEqual(['cat', 'dog']);
		expect(r.data?.points.length).toBe(80);
		// Scaled into the input box, split with the data seed (25% test per class).
		expect(r.data!.points.every((v) => v >= -1 && v <= 1)).toBe(true);
		expect(Array.from(r.data!.split).filter((s) => s === 1).length).toBe(10);
		// The copies travel as transferables.
		expect(f.sent.at(-1)!.transfer.length).toBe(3);
		loop.handle({ type: 'dispose' });
	});

	test.each([
		['a wrong column count', 'x,y,label\n1,2,a\n3,4\n', /^Line 3: expected 3 columns/],
		['a non-number', 'x,y,label\n1,2,a\n3,four,b\n', /^Line 3: "four" in column y is not a number/],
		['an empty file', '', /^This file is empty/],
		['one class', 'x,y,label\n1,2,a\n3,4,a\n', /at least 2 classes/]
	])('%s is refused with the reader’s message, and the data stays', (_, text, message) => {
		const f = fakeHost();
		const loop = new TrainingLoop(f.host, 'cpu');
		loop.handle(initMessage(small));
		loop.handle({ type: 'step', n: 3 });
		const before = f.sent.length;
		loop.handle({ type: 'loadFile', id: 1, bytes: bytes(text) });
		expect(f.sent.slice(before).map((s) => s.msg.type)).toEqual(['loaded']);
		const r = f.loaded(1);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(en([r.error])[0]).toMatch(message);
		loop.handle({ type: 'snapshot' });
		const s = f.of('snapshot').at(-1)!.snapshot;
		expect(s.step).toBe(3);
		expect(s.dataVersion).toBe(f.of('dataset')[0].dataset.dataVersion);
		loop.handle({ type: 'dispose' });
	});

	test('binary bytes are refused too', () => {
		const f = fakeHost();
		const loop = new TrainingLoop(f.host, 'cpu');
		loop.handle(initMessage(small));
		const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
		loop.handle({ type: 'loadFile', id: 2, bytes: png.buffer });
		const r = f.loaded(2);
		expect(r.ok ? '' : en([r.error])[0]).toMatch(/binary file/);
		loop.handle({ type: 'dispose' });
	});

	test('a drawing is trained on, even a single point, and playing continues on it', () => {
		const f = fakeHost();
		const loop = new TrainingLoop(f.host, 'cpu');
		loop.handle(initMessage(small));
		loop.handle({ type: 'play' });
		f.run(3);
		loop.handle({ type: 'loadData', id: 3, data: drawing([0.5, 0.5], [1]) });
		const r = f.loaded(3);
		expect(r).toMatchObject({ ok: true, warnings: [], data: null });
		const dataset = f.of('dataset').at(-1)!.dataset;
		expect(dataset.labels.length).toBe(1);
		expect(Array.from(dataset.points)).toEqual([0.5, 0.5]);
		loop.handle({ type: 'ack' });
		f.run(5);
		const last = f.of('snapshot').at(-1)!;
		expect(last.running).toBe(true);
		expect(last.snapshot.step).toBeGreaterThan(0);
		expect(Number.isFinite(last.snapshot.loss)).toBe(true);
		loop.handle({ type: 'dispose' });
	});

	test('a drawing stays through option changes that do not name the data, and reset', () => {
		const f = fakeHost();
		const loop = new TrainingLoop(f.host, 'cpu');
		loop.handle(initMessage(small));
		loop.handle({ type: 'loadData', id: 1, data: drawing([0, 0, 0.5, 0.5, -0.5, 0], [0, 1, 1]) });
		loop.handle(
			optionsMessage({ loss: 'cosface', hiddenUnits: 6, seed: 4 }, small, { kind: 'custom' })
		);
		loop.handle({ type: 'reset' });
		expect(f.of('dataset').at(-1)!.dataset.labels.length).toBe(3);
		loop.handle(optionsMessage({ data: { classes: 3, pointsPerClass: 20 } }, small));
		expect(f.of('dataset').at(-1)!.dataset.labels.length).toBe(60);
		loop.handle({ type: 'dispose' });
	});

	test.each<[string, CustomDataMessage, RegExp]>([
		['no training point', drawing([0, 0], [0], [1]), /no point is in the training split/],
		['a NaN', drawing([0, NaN], [0]), /not finite/],
		['a label beyond the classes', drawing([0, 0], [5]), /class indices/]
	])('a data set with %s is refused with a message, and nothing changes', (_, data, message) => {
		const f = fakeHost();
		const loop = new TrainingLoop(f.host, 'cpu');
		loop.handle(initMessage(small));
		const before = f.sent.length;
		loop.handle({ type: 'loadData', id: 9, data });
		expect(f.sent.slice(before).map((s) => s.msg.type)).toEqual(['loaded']);
		const r = f.loaded(9);
		expect(r.ok ? '' : en([r.error])[0]).toMatch(message);
		loop.handle({ type: 'dispose' });
	});

	test('a load before init is answered, not thrown', () => {
		const f = fakeHost();
		const loop = new TrainingLoop(f.host, 'cpu');
		loop.handle({ type: 'loadFile', id: 4, bytes: bytes(csv(3)) });
		const r = f.loaded(4);
		expect(r.ok).toBe(false);
		expect(!r.ok && en([r.error])[0]).toMatch(/not ready/);
	});

	test('no tensors leak across loads', () => {
		const f = fakeHost();
		const loop = new TrainingLoop(f.host, 'cpu');
		loop.handle(initMessage(small));
		loop.handle({ type: 'step', n: 2 });
		const base = tf.memory().numTensors;
		for (let i = 0; i < 5; i++) {
			loop.handle({ type: 'loadFile', id: i, bytes: bytes(csv(10 + i)) });
			loop.handle({ type: 'loadData', id: 100 + i, data: drawing([0, 0, 0.1, 0.1], [0, 1]) });
			loop.handle({ type: 'loadFile', id: 200 + i, bytes: bytes('x,y,label\n1,2\n') });
		}
		loop.handle({ type: 'step', n: 2 });
		expect(tf.memory().numTensors).toBe(base);
		loop.handle({ type: 'dispose' });
	});
});

describe('customDataset', () => {
	test('copies the arrays and describes the set in its data settings', () => {
		const msg = drawing([0, 0, 0.5, 0.5, 1, 1], [0, 1, 1], [0, 0, 2]);
		const d = customDataset(msg, { ...DEFAULT_DATA_SETTINGS, heldOut: [], seed: 5 });
		expect(d.points).not.toBe(msg.points);
		expect(d.points).toBeInstanceOf(Float64Array);
		expect(d.settings).toMatchObject({ classes: 2, inputDim: 2, seed: 5, pointsPerClass: 5 });
		expect(d.settings.heldOut).toEqual([]);
	});
});
