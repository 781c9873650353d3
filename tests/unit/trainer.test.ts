/**
 * The trainer on tfjs's cpu backend, driven directly (no worker, no frames): determinism,
 * live vs rebuilding options, validation, divergence, snapshots and tensor hygiene.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { tf } from '../../src/lib/model/tf';
import { Trainer } from '../../src/lib/model/trainer';
import type { Snapshot } from '../../src/lib/model/snapshot';
import { createRng } from '../../src/lib/math/rng';
import { generateDataset } from '../../src/lib/math/generators';
import { seenClassesOnly } from '../../src/lib/math/datasets';
import { SPLIT } from '../../src/lib/math/split';
import { en } from './noticeText';
import { NoticeError } from '../../src/lib/math/notice';

/** A small, fast configuration for tests that are about mechanics, not learning. */
const small = {
	data: { classes: 3, pointsPerClass: 30 },
	hiddenLayers: 1,
	hiddenUnits: 8,
	batchSize: 32
};

/** The English text of the notice `load` throws ('dataCannotTrain' with its reason). */
function refusal(load: () => void): string {
	try {
		load();
	} catch (e) {
		if (e instanceof NoticeError) return en([e.notice])[0];
		throw e;
	}
	return expect.fail('expected the data set to be refused');
}

const finite = (s: Snapshot) =>
	[s.features, s.weights, s.weightNorms, ...(s.bias ? [s.bias] : [])].every((a) =>
		a.every(Number.isFinite)
	);

afterAll(() => {
	// Every trainer below is disposed: nothing may remain.
	expect(tf.memory().numTensors).toBe(0);
});

describe('determinism', () => {
	test('the same seed and settings give the same snapshots, step for step', () => {
		const a = new Trainer({ ...small, loss: 'asoftmax', seed: 7 });
		const b = new Trainer({ ...small, loss: 'asoftmax', seed: 7 });
		const c = new Trainer({ ...small, loss: 'asoftmax', seed: 8 });
		for (let i = 0; i < 3; i++) {
			a.step(20);
			b.step(20);
			c.step(20);
			const [sa, sb, sc] = [a.snapshot(), b.snapshot(), c.snapshot()];
			expect(sa.loss).toBe(sb.loss);
			expect(Array.from(sa.features)).toEqual(Array.from(sb.features));
			expect(Array.from(sa.weights)).toEqual(Array.from(sb.weights));
			expect(Array.from(sa.features)).not.toEqual(Array.from(sc.features));
		}
		// Chunking does not matter: 60 single steps equal three chunks of 20.
		const d = new Trainer({ ...small, loss: 'asoftmax', seed: 7 });
		for (let i = 0; i < 60; i++) d.step(1);
		expect(Array.from(d.snapshot().features)).toEqual(Array.from(a.snapshot().features));
		[a, b, c, d].forEach((t) => t.dispose());
	});
});

describe('options', () => {
	test('m, s, λ, learning rate and batch size apply live (and the loss, when the weights are kept); data, dimensions, seed and a new loss rebuild', () => {
		const t = new Trainer({ ...small, loss: 'softmax', keepWeights: true });
		t.step(30);
		for (const live of [
			{ loss: 'asoftmax', m: 2 },
			{ m: 3.5 },
			{ lambdaMode: 'off' },
			{ loss: 'cosface', s: 30 },
			{ learningRate: 0.002 },
			{ batchSize: 8 },
			{ keepWeights: false }
		]) {
			expect(t.setOptions(live).rebuilt).toBe(false);
			expect(t.steps).toBe(30);
		}
		for (const rebuild of [
			{ loss: 'arcface' },
			{ featureDim: 3 },
			{ hiddenUnits: 16 },
			{ seed: 99 },
			{ data: { classes: 4 } }
		]) {
			t.step(5);
			expect(t.setOptions(rebuild).rebuilt).toBe(true);
			expect(t.steps).toBe(0);
		}
		expect(t.snapshot().numClasses).toBe(4);
		expect(t.snapshot().featureDim).toBe(3);
		t.dispose();
	});

	test('garbage settings are clamped with plain notices and never reach tfjs', () => {
		const t = new Trainer({
			...small,
			loss: 'asoftmax',
			m: 1e9,
			learningRate: 'fast',
			batchSize: -4,
			hiddenUnits: NaN,
			s: Infinity
		});
		const o = t.options;
		expect(o.m).toBe(6);
		expect(o.learningRate).toBe(0.01);
		expect(o.batchSize).toBe(1);
		expect(o.hiddenUnits).toBe(32);
		expect(o.s).toBe(64);
		expect(en(t.notices).join(' ')).toMatch(/m 1000000000 is out of range 1–6; using 6/);
		expect(en(t.notices).join(' ')).toMatch(/learningRate "fast" is not a number/);
		const { notices } = t.setOptions({ loss: 'nonsense', m: Number.NaN, data: { classes: 400 } });
		expect(en(notices).join(' ')).toMatch(/loss "nonsense" is not one of/);
		expect(en(notices).join(' ')).toMatch(/classes 400 is out of range 2–10; using 10/);
		expect(t.step(3).diverged).toBe(false);
		expect(finite(t.snapshot())).toBe(true);
		expect(t.step(Number.NaN).steps).toBe(0);
		t.dispose();
		expect(() => t.step(1)).toThrow(/disposed/);
	});
});

describe('snapshots', () => {
	test('shapes, finiteness, accuracies and the decision grid', () => {
		const t = new Trainer({ ...small, loss: 'softmax' });
		t.step(50);
		const s = t.snapshot({ gridResolution: 16 });
		const n = t.data.labels.length;
		expect(s.features.length).toBe(n * 2);
		expect(s.predictions.length).toBe(n);
		expect(s.weights.length).toBe(3 * 2);
		expect(s.bias?.length).toBe(3);
		expect(s.grid?.classes.length).toBe(256);
		expect(Math.max(...s.grid!.classes)).toBeLessThan(3);
		expect(s.grid!.confidence.every((c) => c >= 1 / 3 - 1e-6 && c <= 1)).toBe(true);
		expect(s.trainAccuracy).toBeGreaterThan(0.5);
		expect(s.backend).toBe('cpu');
		expect(finite(s)).toBe(true);
		// Unit weight rows.
		for (let j = 0; j < 3; j++)
			expect(Math.hypot(s.weights[2 * j], s.weights[2 * j + 1])).toBeCloseTo(1, 5);
		// No grid for 3D inputs.
		t.setOptions({ data: { inputDim: 3 } });
		expect(t.snapshot({ gridResolution: 16 }).grid).toBeNull();
		t.dispose();
	});

	test('the petal width: the 90th percentile θ of the test points to their own W, or to their class mean direction', () => {
		for (const loss of ['asoftmax', 'triplet'] as const) {
			const t = new Trainer({ ...small, loss, data: { ...small.data, testFraction: 0.3 } });
			t.step(30);
			const s = t.snapshot();
			const d = t.data;
			const dim = s.featureDim;
			const angles: number[] = [];
			d.labels.forEach((c, i) => {
				if (d.split[i] !== SPLIT.test) return;
				const k = Array.from(s.weightClasses).indexOf(c);
				const x = Array.from(s.features.subarray(i * dim, (i + 1) * dim));
				const w = Array.from(s.weights.subarray(k * dim, (k + 1) * dim));
				const cos = x.reduce((a, v, j) => a + v * w[j], 0) / Math.hypot(...x) / Math.hypot(...w);
				angles.push(Math.acos(Math.min(1, Math.max(-1, cos))));
			});
			angles.sort((a, b) => a - b);
			const rank = 0.9 * (angles.length - 1);
			const lo = Math.floor(rank);
			const want = angles[lo] + (rank - lo) * (angles[lo + 1] - angles[lo]);
			expect(s.petalWidth, loss).toBeCloseTo(want, 5);
			t.dispose();
		}
		// No test split: no petal width.
		const t = new Trainer({ ...small, data: { ...small.data, testFraction: 0 } });
		expect(t.snapshot().petalWidth).toBeNull();
		t.dispose();
	});
});

describe('the strict open-set protocol: no class weight for a held-out class', () => {
	const data = {
		generator: 'identities',
		inputDim: 8,
		classes: 5,
		heldOut: [1, 3],
		pointsPerClass: 30
	};

	test.each(['softmax', 'asoftmax', 'cosface'] as const)(
		'%s: the head has rows for the seen classes only and maps them back to data classes',
		(loss) => {
			const t = new Trainer({ ...small, loss, featureDim: 3, data });
			expect(t.notices).toEqual([]);
			expect(Array.from(t.headClasses)).toEqual([0, 2, 4]);
			t.step(40);
			const s = t.snapshot();
			expect(s.numClasses).toBe(3);
			expect(Array.from(s.weightClasses)).toEqual([0, 2, 4]);
			expect(s.weights.length).toBe(3 * 3);
			expect(s.weightNorms.length).toBe(3);
			if (loss === 'softmax') expect(s.bias?.length).toBe(3);
			// Predictions are data classes, never a held-out one.
			expect(new Set(s.predictions)).toEqual(
				new Set([...s.predictions].filter((p) => [0, 2, 4].includes(p)))
			);
			// Accuracy compares data classes with data classes.
			let hit = 0;
			let n = 0;
			t.data.split.forEach((sp, i) => {
				if (sp !== SPLIT.train) return;
				n++;
				if (s.predictions[i] === t.data.labels[i]) hit++;
			});
			expect(s.trainAccuracy).toBe(hit / n);
			t.dispose();
		}
	);

	test('training with held-out classes is exactly training on the seen classes relabelled', () => {
		const a = new Trainer({ ...small, loss: 'asoftmax', featureDim: 3, data, seed: 4 });
		const seen = seenClassesOnly(a.data);
		const b = new Trainer({ ...small, loss: 'asoftmax', featureDim: 3, data, seed: 4 });
		b.loadDataset(seen.dataset);
		a.step(25);
		b.step(25);
		const [sa, sb] = [a.snapshot(), b.snapshot()];
		expect(sa.loss).toBe(sb.loss);
		expect(Array.from(sa.weights)).toEqual(Array.from(sb.weights));
		// Row k of b's relabelled data is row rows[k] of a's; b's class j is a's class classes[j].
		const rows: number[] = [];
		a.data.split.forEach((sp, i) => sp !== SPLIT.heldOut && rows.push(i));
		rows.forEach((r, k) => {
			expect(Array.from(sa.features.subarray(r * 3, r * 3 + 3))).toEqual(
				Array.from(sb.features.subarray(k * 3, k * 3 + 3))
			);
			expect(sa.predictions[r]).toBe(seen.classes[sb.predictions[k]]);
		});
		expect(sa.trainAccuracy).toBe(sb.trainAccuracy);
		expect(sa.testAccuracy).toBe(sb.testAccuracy);
		a.dispose();
		b.dispose();
	});
});

describe('inputs of higher dimension (the identities family)', () => {
	test('the input layer follows the data dimension; held-out points get features; no grid', () => {
		const t = new Trainer({
			...small,
			loss: 'arcface',
			featureDim: 3,
			data: {
				generator: 'identities',
				inputDim: 8,
				classes: 5,
				heldOut: [3, 4],
				pointsPerClass: 30
			}
		});
		expect(t.notices).toEqual([]);
		expect(t.data.dim).toBe(8);
		t.step(30);
		const s = t.snapshot({ gridResolution: 16 });
		expect(s.inputDim).toBe(8);
		expect(s.grid).toBeNull();
		const n = t.data.labels.length;
		expect(s.features.length).toBe(n * 3);
		expect(finite(s)).toBe(true);
		// Every held-out point has a feature with a direction (cosine scores need one).
		for (let i = 0; i < n; i++) {
			if (t.data.split[i] !== 2) continue;
			const f = s.features.subarray(i * 3, i * 3 + 3);
			expect(Math.hypot(...f)).toBeGreaterThan(0);
		}
		// Switching the dimension rebuilds the model with a new input layer.
		expect(t.setOptions({ data: { inputDim: 12 } }).rebuilt).toBe(true);
		expect(t.data.dim).toBe(12);
		expect(t.step(5).diverged).toBe(false);
		expect(t.snapshot().inputDim).toBe(12);
		t.dispose();
	});

	test('embed: features of any inputs, the same as in the snapshot for its own points', () => {
		const t = new Trainer({
			...small,
			featureDim: 3,
			data: { generator: 'identities', inputDim: 6, classes: 3, pointsPerClass: 20 }
		});
		t.step(20);
		const s = t.snapshot();
		const before = tf.memory().numTensors;
		const f = t.embed(t.data.points);
		expect(tf.memory().numTensors).toBe(before);
		expect(Array.from(f)).toEqual(Array.from(s.features));
		expect(Array.from(t.embed(t.data.points.subarray(6, 12)))).toEqual(
			Array.from(s.features.subarray(3, 6))
		);
		expect(t.embed([]).length).toBe(0);
		expect(() => t.embed([1, 2, 3])).toThrow(/not rows of 6 inputs/);
		t.dispose();
		expect(() => t.embed(new Float64Array(6))).toThrow(/disposed/);
	});

	test('an uploaded 16D data set trains; 197D is refused', () => {
		const t = new Trainer(small);
		const d = generateDataset({
			generator: 'identities',
			inputDim: 16,
			classes: 3,
			pointsPerClass: 20
		});
		t.loadDataset(d);
		t.step(5);
		expect(t.snapshot().inputDim).toBe(16);
		expect(refusal(() => t.loadDataset({ ...d, dim: 197 }))).toMatch(/2 to 196 dimensions/);
		t.dispose();
	});
});

describe('divergence', () => {
	test('a non-finite state pauses at the last finite step with a reason; reset recovers', () => {
		const t = new Trainer({
			...small,
			loss: 'asoftmax',
			m: 4,
			lambdaMode: 'off',
			learningRate: 0.5
		});
		// Inputs of 1e18 overflow float32 features within a few steps.
		const d = generateDataset({ classes: 3, pointsPerClass: 30 });
		const huge = { ...d, points: d.points.map((v) => v * 1e18) };
		t.loadDataset(huge);
		let report = t.step(200);
		for (let i = 0; i < 10 && !report.diverged; i++) report = t.step(200);
		expect(report.diverged).toBe(true);
		const s = t.snapshot();
		expect(s.status).toBe('diverged');
		expect(s.divergedAt).toBe(t.steps + 1);
		expect(s.message).toMatch(
			/^A-Softmax with m = 4 and λ = 0\.0 diverged at step \d+: turn λ annealing on or lower the learning rate/
		);
		expect(finite(s)).toBe(true);
		expect(t.step(10).steps).toBe(0); // stays paused
		t.reset();
		expect(t.diverged).toBe(false);
		expect(t.steps).toBe(0);
		t.dispose();
	});

	test('bad data sets are refused with a message and change nothing', () => {
		const t = new Trainer(small);
		const d = generateDataset({ classes: 3, pointsPerClass: 30 });
		expect(
			refusal(() =>
				t.loadDataset({ ...d, points: d.points.map((v, i) => (i === 5 ? Number.NaN : v)) })
			)
		).toBe('This data set cannot be trained on: some coordinates are not finite numbers.');
		expect(refusal(() => t.loadDataset({ ...d, labels: d.labels.map(() => 7) }))).toMatch(
			/class indices/
		);
		expect(t.data.labels.length).toBe(90);
		t.dispose();
	});
});

describe('resources', () => {
	test('tf.memory().numTensors is unchanged after 5,000 steps and after 200 option switches', () => {
		const t = new Trainer({
			...small,
			loss: 'asoftmax',
			batchSize: 16,
			data: { classes: 3, pointsPerClass: 10 }
		});
		t.step(10);
		t.snapshot({ gridResolution: 8 });
		const base = tf.memory().numTensors;
		for (let i = 0; i < 50; i++) {
			t.step(100);
			if (i % 10 === 0) t.snapshot({ gridResolution: 8 });
		}
		expect(t.steps).toBe(5010);
		expect(tf.memory().numTensors).toBe(base);
		const rng = createRng(3);
		const losses = ['softmax', 'modified', 'asoftmax', 'cosface', 'arcface'];
		for (let i = 0; i < 200; i++) {
			t.setOptions({
				loss: losses[rng.int(5)],
				lambdaMode: ['off', 'official', 'pytorch', 'fixed'][rng.int(4)],
				batchSize: 4 + rng.int(20),
				...(i % 25 === 0 ? { hiddenUnits: 4 + rng.int(8), featureDim: 2 + rng.int(2) } : {})
			});
			t.step(2);
			if (i % 20 === 0) t.snapshot({ gridResolution: 4 });
		}
		t.setOptions({ hiddenUnits: 8, featureDim: 2, loss: 'asoftmax' });
		t.step(10);
		t.snapshot({ gridResolution: 8 });
		expect(tf.memory().numTensors).toBe(base);
		t.dispose();
	}, 120_000);
});
