import { describe, expect, test } from 'vitest';
import { offAnglePoints } from '../../src/lib/math/offAngle';

describe('offAnglePoints', () => {
	// Two classes in 2D: W0 along x, W1 along y (data classes 3 and 5).
	const base = {
		featureDim: 2,
		weights: [2, 0, 0, 1],
		weightClasses: [3, 5],
		// rows: class 3 at 0°, 30°, 100°; class 5 at 90° (0° off) and at 0° (90° off); a held-out row.
		features: [
			1,
			0,
			Math.cos(Math.PI / 6),
			Math.sin(Math.PI / 6),
			Math.cos(1.745),
			Math.sin(1.745),
			0,
			3,
			4,
			0,
			1,
			1
		],
		predictions: [3, 3, 5, 5, 3, 3],
		labels: [3, 3, 3, 5, 5, 7],
		split: [1, 1, 1, 1, 1, 2]
	};

	test('ranks each seen class by the angle to its own weight, largest first, with predictions', () => {
		const out = offAnglePoints(base, 2);
		expect(out.map((c) => c.cls)).toEqual([3, 5]);
		expect(out[0].points.map((p) => p.index)).toEqual([2, 1]);
		expect(out[0].points[0].angleDeg).toBeCloseTo((1.745 * 180) / Math.PI, 6);
		expect(out[0].points[0].predicted).toBe(5);
		expect(out[0].points[1].angleDeg).toBeCloseTo(30, 6);
		expect(out[1].points.map((p) => [p.index, Math.round(p.angleDeg)])).toEqual([
			[4, 90],
			[3, 0]
		]);
	});

	test('only the asked split; held-out and zero or non-finite features are left out', () => {
		const split = [0, 1, 1, 1, 1, 2];
		const features = [...base.features];
		features[2] = 0;
		features[3] = 0; // row 1 at the origin: no angle
		features[4] = NaN;
		const out = offAnglePoints({ ...base, split, features }, 5);
		expect(out[0].points).toEqual([]);
		expect(offAnglePoints({ ...base, split }, 5, 0)[0].points.map((p) => p.index)).toEqual([0]);
	});
});
