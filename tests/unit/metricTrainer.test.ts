/**
 * The metric losses in training (model/metricTraining.ts and the trainer), on tfjs's cpu
 * backend: the parameter gradient of contrastive and triplet loss and of softmax + λ_c·center
 * loss against central finite differences of the forward pass alone, Wen et al.'s centre
 * update against its formula computed here in float64, and the trainer: each loss learns 4
 * blobs, predicts by the nearest class mean, reports its batch activity, replays
 * deterministically, and rolls a divergence back with its centres. Budgets are steps.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { tf } from '../../src/lib/model/tf';
import { centerLossStep, pairLossStep, type PairLoss } from '../../src/lib/model/metricTraining';
import { contrastiveLoss, tripletLoss } from '../../src/lib/model/metricLosses';
import { initParams, makeLayout } from '../../src/lib/model/network';
import { mlpForward } from '../../src/lib/model/training';
import { Trainer } from '../../src/lib/model/trainer';
import type { Snapshot } from '../../src/lib/model/snapshot';
import { createRng } from '../../src/lib/math/rng';
import { generateDataset } from '../../src/lib/math/generators';
import type { LossKind } from '../../src/lib/math/margins';

await tf.setBackend('cpu');

/** Wall-clock budget of a training test (a timeout for busy machines, not a speed goal). */
const HEAVY = 300_000;

afterAll(() => {
	expect(tf.memory().numTensors).toBe(0);
});

const layout = makeLayout(2, [6], 3, 3);
const rng = createRng(11);
const params0 = initParams(layout, rng);
const N = 12;
const xs = Float32Array.from({ length: N * 2 }, () => rng.normal());
const ys = Int32Array.from({ length: N }, (_, i) => i % 3);

/** The loss at params p by the forward pass only (no hand-written backward). */
function forwardLoss(p: Float32Array, loss: PairLoss): number {
	return tf.tidy(() => {
		const f = mlpForward(layout, tf.tensor1d(p), tf.tensor2d(xs, [N, 2])).features as tf.Tensor2D;
		const labels = tf.tensor1d(ys, 'int32');
		const l =
			loss.kind === 'contrastive'
				? contrastiveLoss(f, labels, loss)
				: tripletLoss(f, labels, {
						margin: loss.margin,
						mining: loss.mining,
						normalize: loss.normalize
					});
		return l.dataSync()[0];
	});
}

/** Central differences at `count` seeded coordinates of the MLP part of the parameters. */
function checkGradient(grad: Float32Array, loss: (p: Float32Array) => number, count: number): void {
	const pick = createRng(5);
	const mlpSize = layout.size - (layout.numClasses * layout.featureDim + layout.numClasses);
	let checked = 0;
	for (let t = 0; t < count; t++) {
		const i = pick.int(mlpSize);
		const h = 1e-2;
		const up = params0.slice();
		const down = params0.slice();
		up[i] += h;
		down[i] -= h;
		const fd = (loss(up) - loss(down)) / (2 * h);
		expect(Math.abs(grad[i] - fd), `∂L/∂p[${i}]: ${grad[i]} vs ${fd}`).toBeLessThan(
			3e-3 + 3e-2 * Math.abs(fd)
		);
		checked++;
	}
	expect(checked).toBe(count);
}

describe('pairLossStep: the gradient through the MLP', () => {
	const cases: PairLoss[] = [
		{ kind: 'contrastive', margin: 1.5, normalize: false },
		{ kind: 'contrastive', margin: 0.8, normalize: true },
		{ kind: 'triplet', margin: 1, mining: 'all', normalize: false },
		{ kind: 'triplet', margin: 0.5, mining: 'hard', normalize: false },
		{ kind: 'triplet', margin: 0.3, mining: 'all', normalize: true }
	];
	test.each(cases)('$kind margin $margin ($mining) unit $normalize', (loss) => {
		const out = tf.tidy(() => {
			const step = pairLossStep(
				layout,
				tf.tensor1d(params0),
				tf.tensor2d(xs, [N, 2]),
				tf.tensor1d(ys, 'int32'),
				loss,
				true
			);
			return [step.loss, step.grad, step.activity as tf.Tensor1D];
		});
		const [value, grad, activity] = out.map((t) => t.dataSync() as Float32Array);
		tf.dispose(out);
		expect(value[0]).toBeCloseTo(forwardLoss(params0, loss), 5);
		expect(grad.length).toBe(layout.size);
		// The class layer is not used by these losses: its gradient is exactly zero.
		const classPart = grad.subarray(layout.size - (3 * 3 + 3));
		expect(classPart.every((g) => g === 0)).toBe(true);
		expect(grad.some((g) => g !== 0)).toBe(true);
		checkGradient(grad, (p) => forwardLoss(p, loss), 12);
		for (const a of activity) expect(a >= 0 && a <= 1).toBe(true);
	});
});

describe('centerLossStep: softmax + λ_c · center loss, and the centres of Algorithm 1', () => {
	const centers0 = Float32Array.from({ length: 3 * 3 }, () => 0.5 * rng.normal());
	const oneHot = Float32Array.from({ length: N * 3 }, (_, k) =>
		ys[Math.floor(k / 3)] === k % 3 ? 1 : 0
	);
	const opts = { kind: 'center', lambda: 0.7, alpha: 0.4 } as const;

	function run(p: Float32Array) {
		const out = tf.tidy(() => {
			const s = centerLossStep(
				layout,
				tf.tensor1d(p),
				tf.tensor2d(xs, [N, 2]),
				tf.tensor2d(oneHot, [N, 3]),
				tf.tensor2d(centers0, [3, 3]),
				opts
			);
			const f = mlpForward(layout, tf.tensor1d(p), tf.tensor2d(xs, [N, 2])).features;
			return [s.loss, s.grad, s.centers as tf.Tensor2D, f];
		});
		const [loss, grad, centers, features] = out.map((t) => t.dataSync() as Float32Array);
		tf.dispose(out);
		return { loss: loss[0], grad, centers, features };
	}

	test('the loss is softmax cross-entropy + λ_c Σ‖x − c_y‖²/(2B), its gradient matches', () => {
		const { loss, grad, features } = run(params0);
		// The softmax part by hand, in float64.
		const p = params0;
		const off = layout.size - (3 * 3 + 3);
		let ce = 0;
		let center = 0;
		for (let i = 0; i < N; i++) {
			const f = features.subarray(3 * i, 3 * i + 3);
			const z = [0, 1, 2].map(
				(k) => p[off + 9 + k] + f.reduce((a, v, j) => a + v * p[off + 3 * k + j], 0)
			);
			const top = Math.max(...z);
			const lse = top + Math.log(z.reduce((a, v) => a + Math.exp(v - top), 0));
			ce += lse - z[ys[i]];
			for (let j = 0; j < 3; j++) center += (f[j] - centers0[3 * ys[i] + j]) ** 2;
		}
		expect(loss).toBeCloseTo(ce / N + (opts.lambda * center) / (2 * N), 4);
		checkGradient(grad, (q) => run(q).loss, 12);
	});

	test('each centre moves by α (n c − Σx)/(1 + n) towards its batch features', () => {
		const { centers, features } = run(params0);
		for (let k = 0; k < 3; k++) {
			const own = [...ys.keys()].filter((i) => ys[i] === k);
			for (let j = 0; j < 3; j++) {
				const c = centers0[3 * k + j];
				const sum = own.reduce((a, i) => a + features[3 * i + j], 0);
				const delta = (own.length * c - sum) / (1 + own.length);
				expect(centers[3 * k + j]).toBeCloseTo(c - opts.alpha * delta, 5);
			}
		}
	});
});

const blobs4 = {
	generator: 'blobs',
	classes: 4,
	pointsPerClass: 50,
	noise: 0.2,
	inputDim: 2
} as const;
const model = {
	featureDim: 2,
	hiddenLayers: 2,
	hiddenUnits: 16,
	batchSize: 64,
	data: blobs4
} as const;
const finite = (s: Snapshot) =>
	[s.features, s.weights, s.weightNorms, s.classMeans ?? []].every((a) => a.every(Number.isFinite));

describe('the trainer with a metric loss', () => {
	const losses: [LossKind, object][] = [
		['contrastive', {}],
		['triplet', { mining: 'all' }],
		['triplet', { mining: 'hard', unitFeatures: true }],
		['center', {}]
	];
	test.each(losses)(
		'%s %o: nearest-mean accuracy ≥ 90 % on 4 blobs within 300 steps, loss falling',
		(loss, extra) => {
			const t = new Trainer({ ...model, loss, ...extra });
			const first = t.step(1).loss as number;
			t.step(299);
			const s = t.snapshot();
			t.dispose();
			expect(s.status).toBe('ok');
			expect(s.rule).toBe(
				(extra as { unitFeatures?: boolean }).unitFeatures ? 'nearestDirection' : 'nearestMean'
			);
			expect(s.testAccuracy).toBeGreaterThanOrEqual(0.9);
			expect(s.loss as number).toBeLessThan(first);
			expect(finite(s)).toBe(true);
			// No class weights: the snapshot's means are its training features' class means.
			const means = s.classMeans as Float32Array;
			expect(means.length).toBe(4 * 2);
			expect(s.activity === null).toBe(loss === 'center');
			if (s.activity) for (const a of s.activity) expect(a >= 0 && a <= 1).toBe(true);
		},
		HEAVY
	);

	test('the class means and predictions follow the features', () => {
		const t = new Trainer({ ...model, loss: 'contrastive' });
		t.step(50);
		const s = t.snapshot();
		const d = t.data;
		t.dispose();
		for (let k = 0; k < 4; k++) {
			const own = [...d.labels.keys()].filter((i) => d.labels[i] === k && d.split[i] === 0);
			for (let j = 0; j < 2; j++) {
				const mean = own.reduce((a, i) => a + s.features[2 * i + j], 0) / own.length;
				expect(s.classMeans![2 * k + j]).toBeCloseTo(mean, 4);
			}
		}
		for (let i = 0; i < d.labels.length; i++) {
			const dist = [0, 1, 2, 3].map((k) =>
				Math.hypot(
					s.features[2 * i] - s.classMeans![2 * k],
					s.features[2 * i + 1] - s.classMeans![2 * k + 1]
				)
			);
			expect(s.predictions[i]).toBe(dist.indexOf(Math.min(...dist)));
		}
	});

	test.each(['triplet', 'center'] as LossKind[])(
		'%s: 40 steps in one call or in four give the same model (P×K batches and centres replay)',
		(loss) => {
			const a = new Trainer({ ...model, loss, seed: 3 });
			const b = new Trainer({ ...model, loss, seed: 3 });
			a.step(40);
			for (let i = 0; i < 4; i++) b.step(10);
			const [sa, sb] = [a.snapshot(), b.snapshot()];
			a.dispose();
			b.dispose();
			expect(Array.from(sb.features)).toEqual(Array.from(sa.features));
			expect(sb.loss).toBe(sa.loss);
		},
		HEAVY
	);

	test('center loss: a divergence rolls back to the last finite step, centres included', () => {
		const t = new Trainer({
			...model,
			loss: 'center',
			centerLambda: 10,
			centerAlpha: 1,
			learningRate: 0.5
		});
		const d = generateDataset({ classes: 3, pointsPerClass: 30 });
		// Inputs of 1e30: the squared distances to the centres overflow float32 at once.
		t.loadDataset({ ...d, points: d.points.map((v) => v * 1e30) });
		let report = t.step(200);
		for (let i = 0; i < 10 && !report.diverged; i++) report = t.step(200);
		expect(report.diverged).toBe(true);
		const s = t.snapshot();
		expect(s.status).toBe('diverged');
		expect(s.message).toMatch(/^Center loss diverged at step \d+/);
		expect(finite(s)).toBe(true);
		// Back on sane data the same trainer trains again: nothing non-finite was kept.
		t.loadDataset(d);
		expect(t.diverged).toBe(false);
		expect(t.step(5).diverged).toBe(false);
		expect(finite(t.snapshot())).toBe(true);
		t.dispose();
	});
});
