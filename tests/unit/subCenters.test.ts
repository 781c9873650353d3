/**
 * Sub-centers (Deng et al. 2020): the pure helpers of math/subCenters.ts on hand-made
 * tables, the float64 head's max over sub-centers, and the trainer with K = 3 on tfjs's cpu
 * backend: the snapshot's dominant rows, every point's nearest sub-center, predictions by
 * the max over sub-centers, the shares under label noise, and no leaked tensors.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { tf } from '../../src/lib/model/tf';
import { Trainer } from '../../src/lib/model/trainer';
import {
	dominantSubCenters,
	nearestSubCenter,
	nearestSubCenterRows,
	subCenterShares,
	subCentersFor
} from '../../src/lib/math/subCenters';
import { featureLogits } from '../../src/lib/math/logits';
import { SPLIT } from '../../src/lib/math/split';

afterAll(() => {
	// Every trainer below is disposed: nothing may remain.
	expect(tf.memory().numTensors).toBe(0);
});

describe('math helpers', () => {
	test.each([
		['softmax', 3, 1],
		['contrastive', 3, 1],
		['triplet', 4, 1],
		['center', 2, 1],
		['modified', 3, 3],
		['asoftmax', 2, 2],
		['cosface', 5, 5],
		['arcface', 3, 3],
		['combined', 4, 4],
		['arcface', 0, 1],
		['arcface', 2.5, 1]
	] as const)('subCentersFor(%s, %s) = %s', (loss, k, expected) => {
		expect(subCentersFor(loss, k)).toBe(expected);
	});

	test('nearestSubCenterRows picks each class’s smallest angle, the first on a tie', () => {
		const W = [
			[1, 0],
			[0, 1], // class 0
			[-1, 0],
			[-1, 0] // class 1: a tie
		];
		const { index, rows } = nearestSubCenterRows([0.2, 1], W, 2);
		expect(index).toEqual([1, 0]);
		expect(rows).toEqual([W[1], W[2]]);
	});

	test('nearestSubCenter reads each point’s own class and skips rows < 0', () => {
		// 3 points, C = 2, K = 3: cosines [N, C·K].
		const cos = [
			[0.1, 0.9, 0.2, /* class 1 */ 0.8, 0.0, 0.0],
			[0.5, 0.1, 0.2, /* class 1 */ 0.1, 0.3, 0.7],
			[0.9, 0.1, 0.1, /* class 1 */ 0.9, 0.1, 0.1]
		].flat();
		expect(Array.from(nearestSubCenter(cos, [0, 1, -1], 2, 3))).toEqual([1, 2, -1]);
	});

	test('dominantSubCenters counts each class’s points; ties go low; empty classes get 0', () => {
		const subOf = [0, 2, 2, 1, -1, 1, 0, 0, 1];
		const rows = [0, 0, 0, 0, 0, 1, 1, 1, 1];
		expect(Array.from(dominantSubCenters(subOf, rows, 3, 3))).toEqual([2, 0, 0]);
	});

	test('subCenterShares: flipped and clean points away from the dominant sub-center', () => {
		const subOf = [0, 0, 1, 1, 2, 0, -1];
		const rows = [0, 0, 0, 0, 0, 1, 1];
		const dominant = [0, 0];
		const flipped = [0, 0, 0, 1, 1, 1, 1];
		// Clean: rows 0–2 (one of three away); flipped: 3–5 (two of three away); 6 not counted.
		expect(subCenterShares(subOf, rows, dominant, flipped)).toEqual({
			noisy: 2 / 3,
			clean: 1 / 3,
			noisyCount: 3,
			cleanCount: 3
		});
		expect(subCenterShares([0], [0], [0], [0]).noisy).toBeNull();
	});

	test('featureLogits with K sub-centers equals K = 1 on each class’s nearest row', () => {
		const W = [
			[1, 0.2],
			[-0.3, 1],
			[0.5, -1],
			[-1, -0.1],
			[0.7, 0.7],
			[0, -1]
		];
		const x = [0.4, 1.1];
		for (const opts of [
			{ kind: 'arcface', m: 0.5, s: 30 },
			{ kind: 'modified' },
			{ kind: 'asoftmax', m: 3 }
		] as const) {
			const { rows } = nearestSubCenterRows(x, W, 2);
			expect(featureLogits(x, W, null, 1, { ...opts, subCenters: 2 })).toEqual(
				featureLogits(x, rows, null, 1, opts)
			);
		}
	});
});

/** A small run with sub-centers and label noise. */
const noisy = (k: number, extra: object = {}) => ({
	loss: 'arcface',
	subCenters: k,
	data: { classes: 3, pointsPerClass: 40, labelNoise: 0.3 },
	hiddenLayers: 1,
	hiddenUnits: 12,
	batchSize: 32,
	...extra
});

describe('the trainer with K = 3', () => {
	test('K = 1 gives the very model of a run without the setting', () => {
		const a = new Trainer({ ...noisy(1), subCenters: undefined });
		const b = new Trainer(noisy(1));
		a.step(20);
		b.step(20);
		const [sa, sb] = [a.snapshot(), b.snapshot()];
		expect(Array.from(sb.weights)).toEqual(Array.from(sa.weights));
		expect(Array.from(sb.features)).toEqual(Array.from(sa.features));
		expect(sb.subCenters ?? null).toBeNull();
		a.dispose();
		b.dispose();
	});

	test('the snapshot: dominant rows, nearest sub-centers, max-over-sub-center predictions', () => {
		const t = new Trainer(noisy(3));
		t.step(150);
		const s = t.snapshot();
		const sub = s.subCenters;
		expect(sub).toBeTruthy();
		if (!sub) return;
		const { k } = sub;
		const C = s.numClasses;
		const D = s.featureDim;
		expect(k).toBe(3);
		expect(sub.subWeights.length).toBe(C * k * D);
		expect(s.weights.length).toBe(C * D);
		const d = t.data;
		const row = (r: number) => Array.from(sub.subWeights.subarray(r * D, (r + 1) * D));
		const dot = (a: ArrayLike<number>, b: ArrayLike<number>) =>
			Array.from(a).reduce((acc, v, i) => acc + v * b[i], 0);
		for (let j = 0; j < C; j++) {
			// weights holds the dominant sub-center, which most of the class's points are nearest to.
			expect(Array.from(s.weights.subarray(j * D, (j + 1) * D))).toEqual(
				row(j * k + sub.dominant[j])
			);
			const counts = new Array(k).fill(0);
			d.labels.forEach((l, i) => {
				if (d.split[i] === SPLIT.train && l === j) counts[sub.subOf[i]]++;
			});
			expect(counts[sub.dominant[j]]).toBe(Math.max(...counts));
		}
		let predictedRight = 0;
		let checked = 0;
		d.labels.forEach((l, i) => {
			const f = s.features.subarray(i * D, (i + 1) * D);
			const cos = Array.from({ length: C * k }, (_, r) => dot(f, row(r)));
			if (d.split[i] !== SPLIT.train) {
				expect(sub.subOf[i]).toBe(-1);
			} else {
				const own = cos.slice(l * k, (l + 1) * k);
				const best = own.indexOf(Math.max(...own));
				// Skip near-ties, where float32 and float64 may disagree.
				if ([...own].sort((a, b) => b - a)[1] < own[best] - 1e-4) {
					expect(sub.subOf[i]).toBe(best);
					checked++;
				}
			}
			// The predicted class has the largest cosine over every sub-center.
			const top = cos.indexOf(Math.max(...cos));
			if (Math.floor(top / k) === s.predictions[i]) predictedRight++;
		});
		expect(checked).toBeGreaterThan(50);
		expect(predictedRight).toBeGreaterThan(0.99 * d.labels.length);
		// Label noise is on: both shares are measured over the training points.
		const shares = sub.shares;
		expect(shares).not.toBeNull();
		const flipped = d.labels.filter(
			(l, i) => d.split[i] === SPLIT.train && d.trueLabels && d.trueLabels[i] !== l
		).length;
		expect(shares?.noisyCount).toBe(flipped);
		expect(flipped).toBeGreaterThan(0);
		t.dispose();
	});

	test('switching to softmax with the weights kept reshapes the head', () => {
		const t = new Trainer({ ...noisy(3), keepWeights: true });
		t.step(5);
		expect(t.snapshot().subCenters?.k).toBe(3);
		const { rebuilt } = t.setOptions({ loss: 'softmax' });
		expect(rebuilt).toBe(true);
		t.step(5);
		expect(t.snapshot().subCenters ?? null).toBeNull();
		expect(t.setOptions({ loss: 'cosface' }).rebuilt).toBe(true);
		expect(t.setOptions({ loss: 'arcface' }).rebuilt).toBe(false);
		t.dispose();
	});

	test('tf.memory().numTensors is unchanged over 2,000 steps and snapshots with K = 3', () => {
		const t = new Trainer({ ...noisy(3), batchSize: 16 });
		t.step(10);
		t.snapshot({ gridResolution: 8, stats: true });
		const base = tf.memory().numTensors;
		for (let i = 0; i < 20; i++) {
			t.step(100);
			if (i % 5 === 0) t.snapshot({ gridResolution: 8, stats: true });
		}
		expect(t.steps).toBe(2010);
		expect(tf.memory().numTensors).toBe(base);
		for (const loss of ['cosface', 'asoftmax', 'combined', 'modified', 'arcface']) {
			t.setOptions({ loss });
			t.step(20);
			t.snapshot({ gridResolution: 4 });
		}
		expect(tf.memory().numTensors).toBe(base);
		t.dispose();
	}, 120_000);
});
