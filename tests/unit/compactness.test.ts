/** Class compactness: the largest intra-class angle per class and the closest class means. */
import { expect, test } from 'vitest';
import { classCompactness } from '../../src/lib/math/compactness';

const rad = (d: number) => (d * Math.PI) / 180;
const at = (d: number) => [Math.cos(rad(d)), Math.sin(rad(d))];

test('exact angles on the circle; rows outside the selection and rows without a direction are left out', () => {
	// Class 0 at 0°, 10°, 20° (max 20°, mean direction 10°); class 1 at 90°, 100° (max 10°, mean 95°).
	const pts = [at(0), at(10), at(20), at(90), at(100), [0, 0], at(180)].flat();
	const labels = Int32Array.from([0, 0, 0, 1, 1, 1, 0]);
	const c = classCompactness(Float64Array.from(pts), 2, labels, [0, 1, 2, 3, 4, 5]);
	expect(c.classes).toBe(2);
	expect(c.maxIntra).toBeCloseTo((rad(20) + rad(10)) / 2, 12);
	expect(c.minInterMeans).toBeCloseTo(rad(85), 12);
});

test('no pairs: nulls, never NaN', () => {
	const c = classCompactness(Float64Array.from(at(5)), 2, Int32Array.from([0]), [0]);
	expect(c).toEqual({ maxIntra: null, minInterMeans: null, classes: 1 });
	expect(classCompactness(new Float64Array(0), 2, new Int32Array(0), [])).toEqual({
		maxIntra: null,
		minInterMeans: null,
		classes: 0
	});
});
