import { describe, expect, test } from 'vitest';
import {
	angleBetween,
	cosBetween,
	mean,
	norm,
	normalize,
	polarAngle,
	unit2,
	wedgeNorm,
	wrapAngle
} from '../../src/lib/math/vec';
import { createRng, hashSeed } from '../../src/lib/math/rng';

describe('seeded RNG', () => {
	test('the same seed gives the same stream; different seeds differ', () => {
		const a = createRng(42);
		const b = createRng(42);
		const c = createRng(43);
		const sa = Array.from({ length: 50 }, () => a.next());
		expect(Array.from({ length: 50 }, () => b.next())).toEqual(sa);
		expect(Array.from({ length: 50 }, () => c.next())).not.toEqual(sa);
	});

	test('uniform values stay in [0, 1) with a sensible mean; normals have mean 0 and variance 1', () => {
		const rng = createRng(7);
		const u = Array.from({ length: 20000 }, () => rng.next());
		expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...u)).toBeLessThan(1);
		expect(u.reduce((s, v) => s + v, 0) / u.length).toBeCloseTo(0.5, 1);
		const n = Array.from({ length: 20000 }, () => rng.normal());
		const mu = n.reduce((s, v) => s + v, 0) / n.length;
		const variance = n.reduce((s, v) => s + (v - mu) ** 2, 0) / n.length;
		expect(Math.abs(mu)).toBeLessThan(0.03);
		expect(Math.abs(variance - 1)).toBeLessThan(0.05);
		expect(n.every(Number.isFinite)).toBe(true);
	});

	test('int, shuffle and odd seeds', () => {
		const rng = createRng(1);
		const ints = Array.from({ length: 1000 }, () => rng.int(6));
		expect(new Set(ints)).toEqual(new Set([0, 1, 2, 3, 4, 5]));
		const items = [1, 2, 3, 4, 5, 6, 7, 8];
		expect(rng.shuffle([...items]).sort()).toEqual(items);
		for (const seed of [Number.NaN, Infinity, -1, 3.7, 2 ** 40]) {
			expect(Number.isInteger(hashSeed(seed))).toBe(true);
			expect(Number.isFinite(createRng(seed).next())).toBe(true);
		}
	});
});

describe('vectors and angles', () => {
	test('angleBetween is accurate near 0 and π where acos is not', () => {
		const tiny = 1e-9;
		expect(angleBetween([1, 0], [Math.cos(tiny), Math.sin(tiny)])).toBeCloseTo(tiny, 20);
		// Near π the answer is π − 1e-9, exact to the spacing of doubles at π (4e-16).
		expect(Math.PI - angleBetween([1, 0, 0], [-1, tiny, 0])).toBeCloseTo(tiny, 15);
		expect(angleBetween([1, 0], [0, 2])).toBeCloseTo(Math.PI / 2, 15);
		expect(angleBetween([0, 0], [1, 0])).toBe(0);
	});

	test('norms, normalisation and the zero vector', () => {
		expect(norm([3, 4])).toBe(5);
		expect(norm([1e-200, 1e-200])).toBeCloseTo(Math.SQRT2 * 1e-200, 210);
		expect(norm([1e200, 1e200])).toBeCloseTo(Math.SQRT2 * 1e200, -190);
		expect(normalize([0, 0, 0])).toEqual([0, 0, 0]);
		expect(norm(normalize([2, -3, 6]))).toBeCloseTo(1, 15);
		expect(wedgeNorm([1, 0, 0], [0, 1, 0])).toBe(1);
		expect(cosBetween([1, 1], [1, 1 + 1e-17])).toBeLessThanOrEqual(1);
		expect(cosBetween([0, 0], [1, 0])).toBe(0);
	});

	test('polar helpers and the mean', () => {
		expect(polarAngle(unit2(2))).toBeCloseTo(2, 15);
		expect(wrapAngle(-Math.PI / 2)).toBeCloseTo((3 * Math.PI) / 2, 15);
		expect(wrapAngle(7)).toBeCloseTo(7 - 2 * Math.PI, 15);
		expect(
			mean([
				[1, 2],
				[3, 4]
			])
		).toEqual([2, 3]);
		expect(mean([])).toEqual([]);
	});
});
