import { describe, expect, test } from 'vitest';
import { argmax, batchLoss, crossEntropy, featureLogits } from '../../src/lib/math/logits';
import { arrayError, closeTo, headOptionsOf, reference } from './reference';

describe('float64 heads match the reference at 1e-12', () => {
	test.each(reference.cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
		const p = headOptionsOf(c);
		const { X, W, b, y } = c.inputs;
		const logits = X.map((x, i) => featureLogits(x, W, b ?? null, y[i], p));
		expect(arrayError(logits.flat(), c.expected.logits.flat(), 1)).toBeLessThan(1e-12);
		X.forEach((_, i) => {
			expect(closeTo(crossEntropy(logits[i], y[i]), c.expected.per_sample_loss[i], 1e-12)).toBe(
				true
			);
		});
		expect(closeTo(batchLoss(X, W, b ?? null, y, p), c.expected.loss, 1e-12)).toBe(true);
	});
});

describe('helpers', () => {
	test('argmax and a stable cross-entropy', () => {
		expect(argmax([0.1, 3, -2])).toBe(1);
		expect(argmax([])).toBe(-1);
		expect(crossEntropy([1000, 0], 0)).toBeCloseTo(0, 12);
		expect(crossEntropy([0, 0], 1)).toBeCloseTo(Math.LN2, 15);
	});
});
