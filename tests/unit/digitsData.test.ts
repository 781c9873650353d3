/**
 * Digits as a data set: the setting rows (defaults when switching between toy data and
 * digits), `digitsDataset` on the shipped file (which digits, scaling, split, held-out digits),
 * and the worker loop fetching the file only when digits are asked for, holding messages
 * meanwhile, and refusing a broken or missing file with a reason while keeping its data.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { digitsDataset, encodeDigits, parseDigits, type Digits } from '../../src/lib/io/digits';
import { clampDataSettings } from '../../src/lib/math/dataSettings';
import { DIGITS_PER_CLASS } from '../../src/lib/math/limits';
import { SPLIT } from '../../src/lib/math/split';
import { clampTrainerOptions } from '../../src/lib/model/options';
import { parseSettings } from '../../src/lib/state/urlSettings';
import { Trainer } from '../../src/lib/model/trainer';
import { datasetOf } from '../../src/lib/model/dataSources';
import { TrainingLoop, type LoopHost } from '../../src/lib/model/loop';
import type { FromWorker } from '../../src/lib/model/protocol';
import { initMessage, optionsMessage } from './workerMessages';
import { en } from './noticeText';
import { NoticeError, because, notice, noticeBrief, type Notice } from '../../src/lib/math/notice';

/** A refusal's reason as the page shows it (the notice 'digitsRefused', in English). */
const shown = (reason: Notice) => en([because(notice('digitsRefused'), reason)])[0];

/** The English text of the notice `f` throws (fails when it throws anything else). */
function thrown(f: () => unknown): string {
	try {
		f();
	} catch (e) {
		if (e instanceof NoticeError) return en([e.notice])[0];
		throw e;
	}
	return expect.fail('expected a NoticeError');
}

const bytes = new Uint8Array(readFileSync('static/data/digits-14.bin'));
const parsed = parseDigits(bytes);
if (!parsed.ok) throw new Error(noticeBrief(parsed.error));
const digits: Digits = parsed.digits;

describe('the digits settings', () => {
	test('?data=digits: all ten digits, every balanced digit, their 196 pixels, a wider MLP', () => {
		const { settings, notices } = parseSettings('data=digits');
		expect(notices).toEqual([]);
		const o = settings.options;
		expect(o.data).toMatchObject({ classes: 10, pointsPerClass: DIGITS_PER_CLASS, inputDim: 196 });
		expect(o.hiddenUnits).toBe(128);
		// A-Softmax on digits warms up with SphereFace's λ curve, clocked to reach its floor at
		// step 300, then trains the pure margin, λ = 0 (toy data: a pure margin from the start).
		expect(o.lambdaMode).toBe('warmup');
		expect(o.lambdaFloorAt).toBe(300);
		expect(parseSettings('data=blobs').settings.options.lambdaMode).toBe('off');
		expect(parseSettings('data=blobs').settings.options.lambdaFloorAt).toBe(0);
		expect(parseSettings('data=digits&lambda=off').settings.options.lambdaMode).toBe('off');
	});

	test('switching blobs → digits → blobs starts from each kind’s defaults, silently', () => {
		const blobs = clampTrainerOptions({}).options;
		expect(blobs.data).toMatchObject({ generator: 'blobs', classes: 4, inputDim: 2 });
		const toDigits = clampTrainerOptions({ data: { generator: 'digits' } }, blobs);
		expect(toDigits.notices).toEqual([]);
		expect(toDigits.options.data).toMatchObject({
			classes: 10,
			pointsPerClass: DIGITS_PER_CLASS,
			inputDim: 196
		});
		expect(toDigits.options.hiddenUnits).toBe(128);
		expect(toDigits.options.lambdaMode).toBe('warmup');
		expect(toDigits.options.lambdaFloorAt).toBe(300);
		const back = clampTrainerOptions({ data: { generator: 'blobs' } }, toDigits.options);
		expect(back.notices).toEqual([]);
		expect(back.options.data).toMatchObject({ classes: 4, pointsPerClass: 100, inputDim: 2 });
		expect(back.options.hiddenUnits).toBe(32);
		expect(back.options.lambdaMode).toBe('off');
		expect(back.options.lambdaFloorAt).toBe(0);
		// Between two toy generators the class count carries over as before.
		const spirals = clampTrainerOptions(
			{ data: { generator: 'spirals' } },
			clampTrainerOptions({ data: { classes: 6 } }).options
		);
		expect(spirals.options.data.classes).toBe(6);
	});

	test('digits limits: 2–10 classes, 5–863 per class, always 196 inputs', () => {
		const { data: params, notices } = clampDataSettings({
			generator: 'digits',
			classes: 12,
			pointsPerClass: 5000,
			inputDim: 2
		});
		expect(params).toMatchObject({ classes: 10, pointsPerClass: DIGITS_PER_CLASS, inputDim: 196 });
		expect(notices).toHaveLength(3);
	});
});

describe('digitsDataset', () => {
	test('the shipped file holds at least DIGITS_PER_CLASS of every digit, and one class exactly that many', () => {
		const counts = new Array(10).fill(0);
		for (const l of digits.labels) counts[l]++;
		expect(Math.min(...counts)).toBe(DIGITS_PER_CLASS);
	});

	test('digits 0…classes−1, the first of each in file order, pixels in [0, 1], class by class', () => {
		const { data: params } = clampDataSettings({
			generator: 'digits',
			classes: 3,
			pointsPerClass: 50
		});
		const d = digitsDataset(digits, params);
		expect(d.dim).toBe(196);
		expect(d.numClasses).toBe(3);
		expect(d.labels.length).toBe(150);
		expect([...d.labels.slice(0, 50)].every((l) => l === 0)).toBe(true);
		expect([...d.labels.slice(100)].every((l) => l === 2)).toBe(true);
		// The first digit 1 of the file is row 50 of the data set, pixel for pixel.
		const first1 = digits.labels.indexOf(1);
		for (let p = 0; p < 196; p++) {
			expect(d.points[50 * 196 + p]).toBe(digits.pixels[first1 * 196 + p] / 255);
		}
		expect(d.points.every((v) => v >= 0 && v <= 1)).toBe(true);
		expect(Math.max(...d.points)).toBe(1);
	});

	test('the split: the test fraction of each digit, held-out digits whole; the seed moves the split, not the digits', () => {
		const { data: params } = clampDataSettings({
			generator: 'digits',
			pointsPerClass: 100,
			testFraction: 0.2,
			heldOut: [7, 8, 9],
			seed: 3
		});
		const d = digitsDataset(digits, params);
		for (let c = 0; c < 10; c++) {
			const rows = [...d.labels.keys()].filter((i) => d.labels[i] === c);
			const split = rows.map((i) => d.split[i]);
			if (c >= 7) expect(split.every((s) => s === SPLIT.heldOut)).toBe(true);
			else expect(split.filter((s) => s === SPLIT.test)).toHaveLength(20);
		}
		const other = digitsDataset(digits, { ...params, seed: 4 });
		expect(other.points).toEqual(d.points);
		expect(other.split).not.toEqual(d.split);
	});

	test('a file with too few digits of a class, or other images, is refused in plain words', () => {
		const { data: params } = clampDataSettings({ generator: 'digits', pointsPerClass: 100 });
		const few = { ...digits, count: 500, labels: digits.labels.slice(0, 500) };
		expect(thrown(() => digitsDataset(few, params))).toMatch(
			/has 50 digits 0, fewer than the 100 asked/
		);
		const big = parseDigits(
			encodeDigits({
				width: 28,
				height: 28,
				count: 1,
				labels: new Uint8Array(1),
				pixels: new Uint8Array(784)
			})
		);
		if (!big.ok) throw new Error(noticeBrief(big.error));
		expect(thrown(() => digitsDataset(big.digits, params))).toMatch(
			/28 × 28 images, not the 196 inputs/
		);
	});

	test('a trainer without loaded digits says so; with them it trains', () => {
		const { data: params } = clampDataSettings({
			generator: 'digits',
			classes: 2,
			pointsPerClass: 20
		});
		expect(() => datasetOf(params, {})).toThrow('The digits are not loaded yet.');
		const t = new Trainer({ data: params, hiddenUnits: 8, batchSize: 16 }, { sources: { digits } });
		const report = t.step(3);
		expect(report.steps).toBe(3);
		expect(Number.isFinite(report.loss)).toBe(true);
		expect(t.snapshot().inputDim).toBe(196);
		t.dispose();
	});
});

/** A fake worker host whose fetch answers from `answer` (bytes, or an error to throw). */
function fakeHost(answer: () => Promise<ArrayBuffer>) {
	const sent: FromWorker[] = [];
	const fetched: string[] = [];
	const host: LoopHost = {
		post: (msg) => sent.push(msg),
		schedule: () => {},
		delay: () => {},
		now: () => 0,
		fetchBytes: (url) => {
			fetched.push(url);
			return answer();
		}
	};
	return { host, sent, fetched, types: () => sent.map((m) => m.type) };
}

const URL_ = 'http://127.0.0.1/data/digits-14.bin';
const smallDigits = {
	data: { generator: 'digits', classes: 2, pointsPerClass: 20 },
	hiddenUnits: 8,
	batchSize: 16
};
const buffer = () => Promise.resolve(bytes.slice().buffer as ArrayBuffer);
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the worker loop and the digits file', () => {
	test('toy data never fetch; digits fetch once, with messages held until the file is in', async () => {
		const f = fakeHost(buffer);
		const loop = new TrainingLoop(f.host, 'cpu');
		loop.handle(initMessage({ hiddenUnits: 8 }, { assets: { digits: URL_ } }));
		expect(f.fetched).toEqual([]);
		loop.handle(optionsMessage(smallDigits));
		loop.handle({ type: 'step', n: 2 });
		const before = f.sent.length;
		await settle();
		expect(f.fetched).toEqual([URL_]);
		const after = f.sent.slice(before);
		expect(after.map((m) => m.type)).toEqual(['options', 'dataset', 'snapshot', 'snapshot']);
		const last = after[3] as Extract<FromWorker, { type: 'snapshot' }>;
		expect(last.snapshot.step).toBe(2);
		expect(last.snapshot.inputDim).toBe(196);
		// A later rebuild on digits reads the file already in memory.
		loop.handle(optionsMessage({ data: { ...smallDigits.data, classes: 3 } }, smallDigits));
		await settle();
		expect(f.fetched).toHaveLength(1);
		loop.handle({ type: 'dispose' });
	});

	test('a truncated file: the reason, and the model keeps the blobs it had', async () => {
		const f = fakeHost(() => Promise.resolve(bytes.slice(0, 5000).buffer as ArrayBuffer));
		const loop = new TrainingLoop(f.host, 'cpu');
		loop.handle(initMessage({ hiddenUnits: 8 }, { assets: { digits: URL_ } }));
		loop.handle(optionsMessage(smallDigits));
		await settle();
		const refused = f.sent.find((m) => m.type === 'dataRefused') as Extract<
			FromWorker,
			{ type: 'dataRefused' }
		>;
		expect(shown(refused.reason)).toMatch(
			/^The digits file is truncated \(5000 of 1970012 bytes\)\. Keeping/
		);
		expect(refused.data.generator).toBe('blobs');
		const options = f.sent.filter((m) => m.type === 'options').at(-1) as Extract<
			FromWorker,
			{ type: 'options' }
		>;
		expect(options.options.data.generator).toBe('blobs');
		expect(options.rebuilt).toBe(false);
		loop.handle({ type: 'step', n: 1 });
		expect(f.types().at(-1)).toBe('snapshot');
		loop.handle({ type: 'dispose' });
	});

	test('no network at the start: the default data, the reason, and a later request tries again', async () => {
		let online = false;
		const f = fakeHost(() =>
			online ? buffer() : Promise.reject(new TypeError('Failed to fetch'))
		);
		const loop = new TrainingLoop(f.host, 'cpu');
		loop.handle(initMessage(smallDigits, { assets: { digits: URL_ } }));
		await settle();
		expect(f.types()).toEqual(['ready', 'dataRefused', 'dataset', 'snapshot']);
		const refused = f.sent[1] as Extract<FromWorker, { type: 'dataRefused' }>;
		expect(shown(refused.reason)).toBe(
			'The digits file could not be loaded (Failed to fetch). Keeping the data set of before.'
		);
		expect(refused.data.generator).toBe('blobs');
		online = true;
		loop.handle(optionsMessage(smallDigits));
		await settle();
		expect(f.fetched).toHaveLength(2);
		const options = f.sent.filter((m) => m.type === 'options').at(-1) as Extract<
			FromWorker,
			{ type: 'options' }
		>;
		expect(options.options.data.generator).toBe('digits');
		loop.handle({ type: 'dispose' });
	});
});
