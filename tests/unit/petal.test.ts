/**
 * The petal width (math/petal.ts): the 90th percentile of the angle between a test feature and
 * its own class's direction, over the test points of the classes that have a direction.
 */
import { describe, expect, test } from 'vitest';
import { petalAngles, petalWidth, type PetalInput } from '../../src/lib/math/petal';
import { SPLIT } from '../../src/lib/math/split';

const deg = Math.PI / 180;
/** Unit-free 2D rows at polar angles (degrees), with arbitrary lengths. */
const at = (angles: number[], lengths = angles.map((_, i) => 1 + i)) =>
	angles.flatMap((a, i) => [lengths[i] * Math.cos(a * deg), lengths[i] * Math.sin(a * deg)]);

/** Class 0 along +x, class 1 along +y; every point a test point unless `split` says otherwise. */
function input(angles: number[], labels: number[], extra: Partial<PetalInput> = {}): PetalInput {
	return {
		features: at(angles),
		dim: 2,
		labels,
		split: extra.split ?? labels.map(() => SPLIT.test),
		directions: [2, 0, 0, 0.5],
		classes: [0, 1],
		...extra
	};
}

describe('petalAngles', () => {
	test('θ to the own class direction, whatever the lengths of features and directions', () => {
		const a = petalAngles(input([10, -20, 95, 60], [0, 0, 1, 1]));
		expect(a.map((r) => r / deg)).toEqual([10, 20, 5, 30].map((v) => expect.closeTo(v, 10)));
	});

	test('only the asked split; a class without a direction (held out) and zero rows are left out', () => {
		const split = [SPLIT.test, SPLIT.train, SPLIT.test, SPLIT.heldOut, SPLIT.test];
		const base = input([10, 40, 100, 0, 0], [0, 0, 1, 2, 0], { split });
		base.features = [...at([10, 40, 100, 0]), 0, 0]; // the last point is the zero vector
		expect(petalAngles(base).map((r) => r / deg)).toEqual([
			expect.closeTo(10, 10),
			expect.closeTo(10, 10)
		]);
		expect(petalAngles({ ...base, which: SPLIT.train }).map((r) => r / deg)).toEqual([
			expect.closeTo(40, 10)
		]);
		// A held-out point of a class that does have a direction is measured when asked for.
		const classes = [0, 1, 2];
		const directions = [1, 0, 0, 1, -1, 0];
		expect(petalAngles({ ...base, classes, directions, which: SPLIT.heldOut })).toEqual([
			expect.closeTo(Math.PI, 12)
		]);
	});

	test('3D features, and directions given for data classes in any row order', () => {
		const p: PetalInput = {
			features: [1, 1, 0, 0, 0, 3],
			dim: 3,
			labels: [7, 4],
			split: [SPLIT.test, SPLIT.test],
			directions: [0, 0, 1, 1, 0, 0], // row 0: class 4 (+z), row 1: class 7 (+x)
			classes: [4, 7]
		};
		expect(petalAngles(p).map((r) => r / deg)).toEqual([
			expect.closeTo(45, 10),
			expect.closeTo(0, 10)
		]);
	});
});

describe('petalWidth', () => {
	test('the 90th percentile, linearly interpolated between order statistics', () => {
		// Ten angles 1°…10°: rank 0.9 · 9 = 8.1, so 9° + 0.1 · (10° − 9°) = 9.1°.
		const angles = Array.from({ length: 10 }, (_, i) => i + 1);
		const p = input(
			angles,
			angles.map(() => 0)
		);
		expect((petalWidth(p) as number) / deg).toBeCloseTo(9.1, 10);
		expect((petalWidth(p, 0.5) as number) / deg).toBeCloseTo(5.5, 10);
		expect((petalWidth(p, 1) as number) / deg).toBeCloseTo(10, 10);
	});

	test('one straggler hardly moves it (unlike the max)', () => {
		const tight = Array.from({ length: 99 }, (_, i) => (i % 2 ? 1 : -1) * (i / 99) * 5);
		const labels = new Array(100).fill(0);
		const w = petalWidth(input([...tight, 170], labels)) as number;
		expect(w / deg).toBeLessThan(5);
		expect(w / deg).toBeGreaterThan(4);
	});

	test('narrower petals give a smaller width', () => {
		const spread = (s: number) =>
			petalWidth(
				input(
					Array.from({ length: 50 }, (_, i) => 90 + s * Math.sin(i)),
					new Array(50).fill(1)
				)
			) as number;
		expect(spread(3)).toBeLessThan(spread(12));
	});

	test('null without test points, never NaN', () => {
		expect(petalWidth(input([10, 20], [0, 0], { split: [SPLIT.train, SPLIT.train] }))).toBeNull();
		expect(petalWidth(input([], []))).toBeNull();
		const nan = input([10], [0]);
		nan.features = [NaN, 1];
		expect(petalWidth(nan)).toBeNull();
	});
});
