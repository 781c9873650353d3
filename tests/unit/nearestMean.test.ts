import { describe, expect, test } from 'vitest';
import { applyMeanRule, fitMeanRule } from '../../src/lib/math/nearestMean';

describe('the nearest-class-mean rule', () => {
	// Two classes in the plane: class 0 around (2, 0), class 1 around (0, 4); one test point.
	const f = [1, 0, 3, 0, 0, 3, 0, 5, 9, 9];
	const rows = [0, 0, 1, 1, -1];

	test('the means are those of the counted points; τ their mean squared spread', () => {
		const r = fitMeanRule(f, 2, rows, 2, false);
		expect(Array.from(r.means)).toEqual([2, 0, 0, 4]);
		expect(Array.from(r.present)).toEqual([1, 1]);
		expect(r.tau).toBeCloseTo(1, 12);
	});

	test('a point goes to the nearest mean, with softmax(−d²/τ) confidence', () => {
		const r = fitMeanRule(f, 2, rows, 2, false);
		const { rows: got, confidence } = applyMeanRule(r, [2, 1, 0, 3.5, 1, 2]);
		expect(Array.from(got)).toEqual([0, 1, 0]);
		// (2, 1): d² = 1 and 13 → 1 / (1 + e^−12).
		expect(confidence[0]).toBeCloseTo(1 / (1 + Math.exp(-12)), 6);
		// (1, 2) is as far from both means (d² = 5): a coin toss.
		expect(confidence[2]).toBeCloseTo(0.5, 6);
	});

	test('unit features compare directions: a far point on a mean direction belongs to it', () => {
		const r = fitMeanRule(f, 2, rows, 2, true);
		expect(r.means[0]).toBeCloseTo(1, 6);
		expect(r.means[3]).toBeCloseTo(1, 6);
		const { rows: got } = applyMeanRule(r, [30, 1, 1, 30, 0.1, 0]);
		expect(Array.from(got)).toEqual([0, 1, 0]);
	});

	test('the two rules can disagree, and each is applied as asked', () => {
		// Class 0 near the origin, class 1 far out along +x: a point at (0.5, 0.2) is nearer
		// class 0's mean in the plane but points along class 1's direction.
		const g = [0.1, 0.5, -0.1, 0.5, 5, 0, 7, 0];
		const rr = [0, 0, 1, 1];
		const euclid = fitMeanRule(g, 2, rr, 2, false);
		const angle = fitMeanRule(g, 2, rr, 2, true);
		expect(applyMeanRule(euclid, [0.5, 0.2]).rows[0]).toBe(0);
		expect(applyMeanRule(angle, [0.5, 0.2]).rows[0]).toBe(1);
	});

	test('a class without training points is never predicted; bad points stay finite', () => {
		const r = fitMeanRule([1, 1, Number.NaN, 0], 2, [0, 0], 3, false);
		expect(Array.from(r.present)).toEqual([1, 0, 0]);
		const { rows: got, confidence } = applyMeanRule(r, [5, 5, Number.NaN, 1, 0, 0]);
		expect(Array.from(got)).toEqual([0, 0, 0]);
		expect(confidence[0]).toBe(1);
		expect(confidence[1]).toBe(0);
		expect(Number.isFinite(r.tau)).toBe(true);
	});
});
