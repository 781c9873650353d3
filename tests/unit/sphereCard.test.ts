/**
 * The point card of the feature sphere: the arithmetic is pointArithmetic's for the point's
 * 3-D feature (checked against the float64 reference in pointGradient.test.ts), the push is
 * the part of −∇ across the point's direction, and there is no card for the Euclidean losses,
 * 2-D features or a point out of range.
 */
import { describe, expect, test } from 'vitest';
import { pushLength, sphereCard } from '../../src/lib/viz/sphereCard';
import { pointArithmetic } from '../../src/lib/math/pointGradient';
import type { Snapshot } from '../../src/lib/model/snapshot';
import type { LossKind } from '../../src/lib/math/margins';
import { circleSnapshot } from './circleSnapshot';

/** Three unit weights along the axes, three features, labels 0, 1, 2. */
function snapshot3(kind: LossKind): { s: Snapshot; labels: Int32Array } {
	const s = { ...circleSnapshot([0, 1, 2], 'modified', 1) };
	s.lossKind = kind;
	s.m = kind === 'asoftmax' ? 4 : kind === 'cosface' ? 0.35 : 0.5;
	s.featureDim = 3;
	s.inputDim = 2;
	s.weights = Float32Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1);
	s.features = Float32Array.of(0.8, 0.5, 0.1, -0.2, 1.5, 0.4, 0.3, 0.3, 2);
	s.predictions = Int32Array.of(0, 1, 2);
	return { s, labels: Int32Array.of(0, 1, 2) };
}

describe('sphereCard', () => {
	test.each(['softmax', 'modified', 'asoftmax', 'cosface', 'arcface'] as const)(
		'%s: the arithmetic of the feature, and a push across its direction',
		(kind) => {
			const { s, labels } = snapshot3(kind);
			for (let i = 0; i < 3; i++) {
				const card = sphereCard(s, labels, i)!;
				const x = Array.from(s.features.subarray(3 * i, 3 * i + 3));
				const W = [
					[1, 0, 0],
					[0, 1, 0],
					[0, 0, 1]
				];
				const expected = pointArithmetic(x, W, null, i, { kind, m: s.m, lambda: 0, s: 30 });
				expect(card.arith.loss).toBeCloseTo(expected.loss!, 12);
				expect(card.arith.grad).toEqual(expected.grad);
				// −∇ less its part along x̂: orthogonal to x, and what is left of −∇.
				const dot = card.push.reduce((a, p, d) => a + p * x[d], 0);
				expect(Math.abs(dot)).toBeLessThan(1e-9);
				const r = Math.hypot(...x);
				const along = expected.grad.reduce((a, g, d) => a + (g * x[d]) / r, 0);
				card.push.forEach((p, d) =>
					expect(p).toBeCloseTo(-(expected.grad[d] - (along * x[d]) / r), 12)
				);
				expect(card.pushNorm).toBeCloseTo(Math.hypot(...card.push), 12);
			}
		}
	);

	test('no card: Euclidean losses, 2-D features, a point out of range', () => {
		const { s, labels } = snapshot3('triplet');
		expect(sphereCard(s, labels, 0)).toBeNull();
		const t = snapshot3('cosface');
		expect(sphereCard(t.s, t.labels, 3)).toBeNull();
		expect(sphereCard(t.s, t.labels, -1)).toBeNull();
		expect(sphereCard({ ...t.s, featureDim: 2 }, t.labels, 0)).toBeNull();
	});

	test('a zero feature has no push and no NaN', () => {
		const { s, labels } = snapshot3('cosface');
		s.features = Float32Array.of(0, 0, 0, 0, 1, 0, 0, 0, 1);
		const card = sphereCard(s, labels, 0)!;
		expect(card.push).toEqual([0, 0, 0]);
		expect(card.pushNorm).toBe(0);
		expect(card.arith.probs.every(Number.isFinite)).toBe(true);
	});

	test.each([
		[0, 0],
		[-1, 0],
		[NaN, 0],
		[Infinity, 0],
		[0.5, 0.45 * Math.tanh(0.5)],
		[100, 0.45]
	])('pushLength(%s) = %s', (norm, len) => expect(pushLength(norm)).toBeCloseTo(len, 12));
});
