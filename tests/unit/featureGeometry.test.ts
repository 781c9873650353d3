import { describe, expect, test } from 'vitest';
import { circleGeometry, featureExtent, marginWedges } from '../../src/lib/viz/featureGeometry';
import type { Snapshot } from '../../src/lib/model/snapshot';
import { classArcs2d, type HeadKind } from '../../src/lib/math/index';

/** A 2D snapshot with unit weights at the given angles. */
function snap(angles: number[], lossKind: HeadKind, m: number, lambda = 0): Snapshot {
	const weights = new Float32Array(angles.flatMap((a) => [Math.cos(a), Math.sin(a)]));
	return {
		step: 1,
		dataVersion: 1,
		loss: 0.1,
		trainAccuracy: 1,
		testAccuracy: 1,
		lambda,
		lossKind,
		m,
		s: 30,
		rule: 'weights',
		classMeans: null,
		activity: null,
		backend: 'cpu',
		inputDim: 2,
		featureDim: 2,
		numClasses: angles.length,
		weightClasses: Int32Array.from(angles, (_, j) => j),
		features: new Float32Array([1, 0, 0, 1]),
		predictions: new Int32Array(2),
		weights,
		weightNorms: new Float32Array(angles.length).fill(1),
		bias: null,
		grid: null,
		status: 'ok',
		message: null,
		divergedAt: null,
		stats: null
	};
}

describe('margin wedges on the circle', () => {
	test.each([2, 3, 4])(
		'A-Softmax m = %s, λ = 0: the wedge between neighbours Δ apart is (m − 1)Δ/(m + 1)',
		(m) => {
			const angles = [0, 1.2, 2.9, 4.4];
			const g = circleGeometry(snap(angles, 'asoftmax', m));
			expect(g.wedges.length).toBe(4);
			for (const w of g.wedges) {
				if (w.delta <= Math.PI) expect(w.width).toBeCloseTo(((m - 1) * w.delta) / (m + 1), 6);
			}
			const near = g.wedges.find((w) => w.between[0] === 0 && w.between[1] === 1)!;
			expect(near.delta).toBeCloseTo(1.2, 6);
		}
	);

	test('a third class close to one side bounds the region: the wedge is not pairwise and the two-class formula does not hold', () => {
		const deg = Math.PI / 180;
		const g = circleGeometry(snap([0, -10 * deg, 100 * deg], 'asoftmax', 3));
		const w = g.wedges.find((x) => x.between[0] === 0 && x.between[1] === 2)!;
		expect(w.pairwise).toBe(false);
		expect(Math.abs(w.width - (2 * w.delta) / 4)).toBeGreaterThan(0.01);
	});

	test('modified softmax leaves no wedge; softmax has no angular arcs', () => {
		expect(circleGeometry(snap([0, 2, 4], 'modified', 1)).wedges).toEqual([]);
		const s = circleGeometry(snap([0, 2, 4], 'softmax', 1));
		expect(s.arcs).toEqual([]);
		expect(s.weightAngles[1]).toBeCloseTo(2, 6);
	});

	test('λ annealing narrows the wedge', () => {
		const w0 = circleGeometry(snap([0, Math.PI / 2], 'asoftmax', 4, 0)).wedges[0].width;
		const w5 = circleGeometry(snap([0, Math.PI / 2], 'asoftmax', 4, 5)).wedges[0].width;
		expect(w5).toBeLessThan(w0);
		expect(w5).toBeGreaterThan(0);
	});

	test('a wedge list for arcs given directly', () => {
		const arcs = classArcs2d([0, Math.PI], 'cosface', { m: 0.35 });
		const wedges = marginWedges(arcs, [0, Math.PI]);
		expect(wedges.length).toBe(2);
		for (const w of wedges) expect(w.delta).toBeCloseTo(Math.PI, 6);
	});
});

test('featureExtent is robust to outliers and never zero', () => {
	const f = new Float32Array(200);
	for (let i = 0; i < 100; i++) f[2 * i] = 1;
	f[0] = 1000;
	expect(featureExtent(f, 2)).toBeCloseTo(1.15, 5);
	expect(featureExtent(new Float32Array(4), 2)).toBeGreaterThan(0);
	expect(featureExtent(new Float32Array([NaN, 1]), 2)).toBe(1);
});
