import { describe, expect, test } from 'vitest';
import { fitDistance } from '../../src/lib/viz/cameraFit';

/** Half-angle (radians) a sphere of `radius` subtends from distance `d`. */
const subtends = (radius: number, d: number) => Math.asin(radius / d);

describe('fitDistance', () => {
	test.each([
		// radius, fov, aspect
		[1, 40, 1],
		[1.5, 40, 1.6],
		[1.5, 40, 0.46],
		[2, 75, 1],
		[1, 10, 3]
	])('radius %f, fov %f°, aspect %f: the sphere touches the tighter edge', (r, fov, aspect) => {
		const d = fitDistance(r, fov, aspect);
		const halfV = (fov * Math.PI) / 360;
		const halfH = Math.atan(Math.tan(halfV) * aspect);
		const angle = subtends(r, d);
		expect(angle).toBeLessThanOrEqual(halfV + 1e-12);
		expect(angle).toBeLessThanOrEqual(halfH + 1e-12);
		expect(Math.abs(angle - Math.min(halfV, halfH))).toBeLessThan(1e-12);
	});

	test('a wide canvas is framed by its height, a tall one by its width', () => {
		expect(fitDistance(1, 40, 2)).toBeCloseTo(fitDistance(1, 40, 1), 12);
		expect(fitDistance(1, 40, 0.5)).toBeGreaterThan(fitDistance(1, 40, 1));
	});

	test('the distance grows with the radius', () => {
		expect(fitDistance(1.45, 40, 1)).toBeCloseTo(1.45 * fitDistance(1, 40, 1), 12);
		expect(fitDistance(1, 40, 1)).toBeCloseTo(1 / Math.sin(Math.PI / 9), 12);
	});

	test('a canvas not laid out yet (aspect 0 or NaN) counts as square', () => {
		expect(fitDistance(1, 40, 0)).toBe(fitDistance(1, 40, 1));
		expect(fitDistance(1, 40, NaN)).toBe(fitDistance(1, 40, 1));
	});
});
