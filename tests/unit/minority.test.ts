/**
 * The minority collapse readout (math/minority.ts): hand-computed angles and accuracies, null
 * when balanced, and the trainer's snapshot carrying it (model/readout.ts) for the weights
 * and, for a metric loss, the class mean directions, with test accuracy on the true labels.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { meanPairwiseAngle, minorityReadout, showsCollapse } from '../../src/lib/math/minority';
import { tf } from '../../src/lib/model/tf';
import { Trainer } from '../../src/lib/model/trainer';
import { SPLIT } from '../../src/lib/math/split';

await tf.setBackend('cpu');

afterAll(() => {
	expect(tf.memory().numTensors).toBe(0);
});

const dirs = (degrees: number[]) =>
	Float32Array.from(
		degrees.flatMap((d) => [Math.cos((d * Math.PI) / 180), Math.sin((d * Math.PI) / 180)])
	);

describe('meanPairwiseAngle', () => {
	test('hand-computed cases', () => {
		const w = dirs([0, 90, 180, 45]);
		expect(meanPairwiseAngle(w, 2, [0, 1])).toBeCloseTo(Math.PI / 2, 6);
		// 0°, 90°, 180°: pairs 90°, 180°, 90° → 120°.
		expect((meanPairwiseAngle(w, 2, [0, 1, 2])! * 180) / Math.PI).toBeCloseTo(120, 4);
		expect(meanPairwiseAngle(w, 2, [3])).toBeNull();
		expect(meanPairwiseAngle(w, 2, [])).toBeNull();
	});
	test('does not need unit rows, and a zero row counts as angle 0', () => {
		const w = Float32Array.from([3, 0, 0, 5, 0, 0]);
		expect(meanPairwiseAngle(w, 2, [0, 1])).toBeCloseTo(Math.PI / 2, 6);
		expect(meanPairwiseAngle(w, 2, [0, 2])).toBe(0);
	});
});

describe('minorityReadout', () => {
	const base = {
		// Six classes; minority 3, 4, 5 crowd at 0°, 10°, 20°, majority at 90°, 180°, 270°.
		directions: dirs([90, 180, 270, 0, 10, 20]),
		dim: 2,
		classes: Int32Array.from([0, 1, 2, 3, 4, 5]),
		// Test points: one per class; classes 4 and 5 predicted wrong; a train point (ignored).
		labels: Int32Array.from([0, 1, 2, 3, 4, 5, 5]),
		predictions: Int32Array.from([0, 1, 2, 3, 3, 3, 5]),
		split: Uint8Array.from([1, 1, 1, 1, 1, 1, SPLIT.train])
	};

	test('null when balanced', () => {
		expect(minorityReadout({ ...base, imbalance: 1 })).toBeNull();
	});

	test('angles and accuracies of the two halves', () => {
		const r = minorityReadout({ ...base, imbalance: 0.1 })!;
		expect(r.minority).toEqual([3, 4, 5]);
		expect(r.share).toBe(0.1);
		expect(showsCollapse(r)).toBe(true);
		// Minority pairs 10°, 20°, 10° → 13.33°; majority 90°, 180°, 90° → 120°.
		expect((r.minorityAngle! * 180) / Math.PI).toBeCloseTo(40 / 3, 3);
		expect((r.majorityAngle! * 180) / Math.PI).toBeCloseTo(120, 3);
		expect(r.minorityAccuracy).toBeCloseTo(1 / 3, 9);
		expect(r.majorityAccuracy).toBe(1);
	});

	test('rows follow the classes (held-out classes have none)', () => {
		const r = minorityReadout({
			...base,
			imbalance: 0.5,
			directions: dirs([0, 120, 240, 250]),
			classes: Int32Array.from([0, 2, 3, 5])
		})!;
		expect(r.minority).toEqual([3, 5]);
		expect((r.minorityAngle! * 180) / Math.PI).toBeCloseTo(10, 3);
		expect((r.majorityAngle! * 180) / Math.PI).toBeCloseTo(120, 3);
		expect(r.majorityAccuracy).toBe(1); // classes 0 and 2
		expect(r.minorityAccuracy).toBe(0.5); // class 3 right, class 5 wrong
	});

	test('collapse only when the minority angle is clearly (under 0.9 times) the smaller', () => {
		const at = (minor: number, major: number) =>
			minorityReadout({
				...base,
				imbalance: 0.5,
				directions: dirs([0, major, 180, 180 + minor]),
				classes: Int32Array.from([0, 1, 2, 3])
			});
		expect(showsCollapse(at(85, 100))).toBe(true);
		expect(showsCollapse(at(95, 100))).toBe(false);
		expect(showsCollapse(at(120, 100))).toBe(false);
		expect(showsCollapse(null)).toBe(false);
	});
});

describe("the trainer's snapshot", () => {
	const data = { generator: 'blobs', classes: 6, pointsPerClass: 30, seed: 2 } as const;

	test('balanced: null', () => {
		const t = new Trainer({ loss: 'arcface', data, seed: 2 }, { headless: true });
		expect(t.snapshot().imbalance).toBeNull();
		t.dispose();
	});

	test.each(['arcface', 'triplet'] as const)(
		'%s: the readout of its own directions and predictions, on the true labels',
		(loss) => {
			const t = new Trainer(
				{ loss, data: { ...data, imbalance: 0.2, labelNoise: 0.3 }, seed: 2 },
				{ headless: true }
			);
			t.step(5);
			const s = t.snapshot();
			const d = t.data;
			expect(d.trueLabels).toBeDefined();
			const expected = minorityReadout({
				imbalance: 0.2,
				directions: s.weights,
				dim: s.featureDim,
				classes: s.weightClasses,
				predictions: s.predictions,
				labels: d.trueLabels!,
				split: d.split
			});
			expect(s.imbalance).toEqual(expected);
			expect(s.imbalance!.minority).toEqual([3, 4, 5]);
			expect(s.imbalance!.minorityAngle).toBeGreaterThanOrEqual(0);
			t.dispose();
		}
	);
});
