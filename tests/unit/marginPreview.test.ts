import { describe, expect, test } from 'vitest';
import type { HeadKind } from '../../src/lib/math/index';
import { marginFigure } from '../../src/lib/viz/marginPreview';

const rad = (deg: number) => (deg * Math.PI) / 180;
const deg = (r: number | null) => (r === null ? null : Math.round((r * 1800) / Math.PI) / 10);

describe('marginFigure: the two-class preview', () => {
	test.each([
		// kind, m, Δ°, θ₁°, wedge°, labelled
		['modified', 1, 90, 45, 0, false],
		['asoftmax', 4, 90, 18, 54, true], // θ₁ = Δ/(m+1), wedge (m−1)Δ/(m+1)
		['asoftmax', 2, 120, 40, 40, true],
		['asoftmax', 1, 60, 30, 0, false]
	] as [HeadKind, number, number, number, number, boolean][])(
		'%s, m = %s, Δ = %s°',
		(kind, m, delta, theta1, wedge, labelled) => {
			const f = marginFigure(kind, m, rad(delta), 120);
			expect(deg(f.theta1)).toBe(theta1);
			expect(deg(f.margin)).toBe(wedge);
			expect(f.wedgeLabel !== null).toBe(labelled);
			expect(f.sectors).toHaveLength(2);
			expect(f.sectors.every((d) => d.length > 0)).toBe(true);
		}
	);

	test('weights sit symmetric about +x, labels 22 px outside the circle', () => {
		const f = marginFigure('asoftmax', 4, rad(90), 120);
		expect(f.weights.map((w) => deg(w.angle))).toEqual([-45, 45]);
		const [a, b] = f.weights;
		expect(a.tip[0]).toBeCloseTo(120 * Math.SQRT1_2);
		expect(a.tip[1]).toBeCloseTo(120 * Math.SQRT1_2); // SVG y grows downward
		expect(b.tip[1]).toBeCloseTo(-120 * Math.SQRT1_2);
		expect(Math.hypot(...a.label)).toBeCloseTo(142);
		expect(f.wedgeLabel?.[0]).toBeCloseTo(120 * 0.62);
	});

	test.each([NaN, Infinity, -1, 0, rad(200)])('Δ = %s rad draws nothing at NaN', (delta) => {
		const f = marginFigure('asoftmax', 4, delta, 120);
		expect(f).toEqual({ sectors: [], weights: [], theta1: null, margin: null, wedgeLabel: null });
	});
});
