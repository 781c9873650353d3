/**
 * Class density: the cap fraction of the sphere, the even spacing of K classes, and the
 * margins that still fit (CosFace and ArcFace lowered when the classes are crowded).
 */
import { describe, expect, test } from 'vitest';
import { capFraction, classSpacing, fitMargin } from '../../src/lib/math/classDensity';

const deg = (r: number) => (r * 180) / Math.PI;

describe('cap fraction', () => {
	test.each([
		// Circle: an arc of half-width r is r/π of it.
		[2, Math.PI / 4, 0.25],
		// Sphere: a cap of angular radius r holds (1 − cos r)/2 of the area.
		[3, Math.PI / 3, (1 - Math.cos(Math.PI / 3)) / 2],
		[3, Math.PI / 2, 0.5],
		// Any dimension: a hemisphere is half.
		[8, Math.PI / 2, 0.5],
		[16, Math.PI / 2, 0.5],
		[8, 0, 0],
		[8, Math.PI, 1]
	])('S^(%i−1), r = %f: %f', (dim, r, expected) => {
		expect(capFraction(r, dim)).toBeCloseTo(expected, 9);
	});

	test('caps of high-dimensional spheres are smaller at the same radius', () => {
		const r = Math.PI / 6;
		expect(capFraction(r, 8)).toBeLessThan(capFraction(r, 3));
		expect(capFraction(r, 16)).toBeLessThan(capFraction(r, 8));
	});
});

describe('class spacing and fitted margins', () => {
	test('on the circle K classes are 2π/K apart; on the sphere cos(θ/2) = 1 − 2/K', () => {
		for (const k of [2, 6, 25, 200]) {
			expect(classSpacing(k, 2)).toBeCloseTo((2 * Math.PI) / k, 9);
			expect(Math.cos(classSpacing(k, 3) / 2)).toBeCloseTo(1 - 2 / k, 9);
		}
		expect(classSpacing(1, 3)).toBe(Math.PI);
	});

	test('more classes, less room; more dimensions, more room', () => {
		expect(classSpacing(200, 3)).toBeLessThan(classSpacing(25, 3));
		expect(classSpacing(200, 8)).toBeGreaterThan(classSpacing(200, 3));
		expect(deg(classSpacing(6, 3))).toBeCloseTo(96.4, 1);
	});

	test.each([
		// The published margins fit 6 identities on the sphere…
		['cosface', 0.35, 6, 3, 0.35, false],
		['arcface', 0.5, 6, 3, 0.5, false],
		// …not 200: half the feasible margin, three significant digits, rounded down.
		['cosface', 0.35, 200, 3, 0.0199, true],
		['arcface', 0.5, 200, 3, 0.141, true],
		// 8-D features have room for the published margins at 200 identities.
		['arcface', 0.5, 200, 8, 0.5, false],
		// A-Softmax's multiplicative margin (annealed by λ) is never changed.
		['asoftmax', 4, 200, 3, 4, false]
	] as const)('%s m = %f, %i classes in %i-D → %f', (loss, m, k, dim, expected, scaled) => {
		const fit = fitMargin(loss, m, k, dim);
		expect(fit.m).toBeCloseTo(expected, 9);
		expect(fit.scaled).toBe(scaled);
		if (loss === 'arcface') expect(fit.m).toBeLessThanOrEqual(classSpacing(k, dim) / 2);
		if (loss === 'cosface')
			expect(fit.m).toBeLessThanOrEqual((1 - Math.cos(classSpacing(k, dim))) / 2);
	});
});
