/** Paired summaries: the bootstrap interval of a mean, the verdict it allows, determinism. */
import { describe, expect, test } from 'vitest';
import {
	bootstrapMeanInterval,
	pairedSummary,
	quantileSorted,
	verdictOf
} from '../../src/lib/math/bootstrap';
import { createRng } from '../../src/lib/math/rng';

describe('bootstrapMeanInterval', () => {
	test('equal differences give a point interval; one value gives none', () => {
		expect(bootstrapMeanInterval([0.1, 0.1, 0.1, 0.1])).toEqual([0.1, 0.1]);
		expect(bootstrapMeanInterval([0.3])).toBeNull();
		expect(bootstrapMeanInterval([])).toBeNull();
		expect(bootstrapMeanInterval([NaN, 1])).toBeNull();
	});

	test('fixed inputs: the interval lies within the data, holds the mean, and is reproducible', () => {
		const xs = [0.05, -0.02, 0.11, 0.03, 0.07, -0.04, 0.09, 0.02, 0.06, 0.01];
		const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
		const ci = bootstrapMeanInterval(xs)!;
		expect(ci[0]).toBeGreaterThan(Math.min(...xs));
		expect(ci[1]).toBeLessThan(Math.max(...xs));
		expect(ci[0]).toBeLessThan(mean);
		expect(ci[1]).toBeGreaterThan(mean);
		expect(bootstrapMeanInterval(xs)).toEqual(ci);
		// Another resampling seed moves the ends by little.
		const other = bootstrapMeanInterval(xs, { seed: 99 })!;
		expect(Math.abs(other[0] - ci[0])).toBeLessThan(0.004);
		expect(Math.abs(other[1] - ci[1])).toBeLessThan(0.004);
	});

	test('large samples: the interval matches the normal one, mean ± 1.96·s/√n', () => {
		const rng = createRng(5);
		const xs = Array.from({ length: 400 }, () => 0.2 + rng.normal());
		const n = xs.length;
		const mean = xs.reduce((a, b) => a + b, 0) / n;
		const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
		const half = (1.96 * sd) / Math.sqrt(n);
		const [lo, hi] = bootstrapMeanInterval(xs)!;
		expect(lo).toBeCloseTo(mean - half, 1);
		expect(hi).toBeCloseTo(mean + half, 1);
		expect(Math.abs(hi - lo - 2 * half) / (2 * half)).toBeLessThan(0.08);
	});
});

describe('verdicts', () => {
	test('helps and hurts only when the interval excludes 0', () => {
		expect(verdictOf([0.01, 0.2])).toBe('helps');
		expect(verdictOf([-0.2, -0.01])).toBe('hurts');
		expect(verdictOf([-0.01, 0.2])).toBe('none');
		expect(verdictOf([0, 0.2])).toBe('none');
		expect(verdictOf(null)).toBe('none');
	});

	test('pairedSummary: mean, seeds ahead, verdict', () => {
		const s = pairedSummary([0.1, 0.2, 0.15, 0.12, 0.18])!;
		expect(s.mean).toBeCloseTo(0.15, 12);
		expect(s.ahead).toBe(5);
		expect(s.seeds).toBe(5);
		expect(s.verdict).toBe('helps');
		const mixed = pairedSummary([0.3, -0.3, 0.2, -0.25, 0.01])!;
		expect(mixed.verdict).toBe('none');
		expect(mixed.ahead).toBe(3);
		expect(pairedSummary([])).toBeNull();
		expect(pairedSummary([0.4])).toMatchObject({ ci95: null, verdict: 'none', seeds: 1 });
	});

	test('quantiles interpolate between sorted values', () => {
		expect(quantileSorted([0, 10], 0.25)).toBe(2.5);
		expect(quantileSorted([1, 2, 3], 1)).toBe(3);
		expect(quantileSorted([], 0.5)).toBeNaN();
	});
});
