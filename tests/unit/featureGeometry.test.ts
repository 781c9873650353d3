import { describe, expect, test } from 'vitest';
import {
	circleCaption,
	circleGeometry,
	featureExtent,
	marginWedges
} from '../../src/lib/viz/featureGeometry';
import { circleSnapshot } from './circleSnapshot';
import { lambdaMargin } from '../../src/lib/viz/marginReadout';
import { classArcs2d } from '../../src/lib/math/circle';
import { marginBetweenBoundaries } from '../../src/lib/math/boundary';

const snap = circleSnapshot;

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

	test('A-Softmax at λ > 0: the nominal wedges (λ = 0) beside the narrower ones λ enforces', () => {
		const deg = Math.PI / 180;
		const angles = [0, 60 * deg, 180 * deg, 270 * deg];
		const g = circleGeometry(snap(angles, 'asoftmax', 4, 5));
		expect(g.nominal.length).toBe(4);
		// Where the two neighbours bound the wedge themselves (the 60° and 90° gaps; a third
		// weight bounds the 120° one), the two-class formulas hold.
		const pairwise = g.nominal.filter((n) => n.pairwise);
		expect(pairwise.length).toBe(3);
		for (const n of pairwise) {
			const real = g.wedges.find((w) => w.between.join() === n.between.join())!;
			expect(n.width).toBeCloseTo((3 * n.delta) / 5, 6);
			expect(real.width).toBeCloseTo(
				marginBetweenBoundaries('asoftmax', real.delta, { m: 4, lambda: 5 }) as number,
				6
			);
			expect(real.width).toBeLessThan(n.width);
		}
		// No λ, or no A-Softmax: one set of wedges only.
		expect(circleGeometry(snap(angles, 'asoftmax', 4, 0)).nominal).toEqual([]);
		expect(circleGeometry(snap(angles, 'cosface', 0.35, 5)).nominal).toEqual([]);
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

describe('lambdaMargin: the readout of the nominal and the effective margin', () => {
	const deg = Math.PI / 180;
	test('the closest pair of weights, 36° nominal and about 16.7° at λ = 5 for m = 4, 60° apart', () => {
		const r = lambdaMargin(snap([0, 100 * deg, 160 * deg, 250 * deg], 'asoftmax', 4, 5))!;
		expect(r.rows).toEqual([1, 2]);
		expect(r.delta / deg).toBeCloseTo(60, 4);
		expect(r.nominal / deg).toBeCloseTo(36, 4);
		expect(r.effective / deg).toBeCloseTo(16.686, 2);
		expect([r.m, r.lambda]).toEqual([4, 5]);
	});

	test('any feature dimension: the pair is found by angle on the sphere', () => {
		const s = snap([0, 1], 'asoftmax', 2, 1);
		s.featureDim = 3;
		s.weights = new Float32Array([1, 0, 0, 0, 1, 0, 0, Math.SQRT1_2, Math.SQRT1_2]);
		s.numClasses = 3;
		const r = lambdaMargin(s)!;
		expect(r.rows).toEqual([1, 2]);
		expect(r.delta / deg).toBeCloseTo(45, 4);
		expect(r.effective).toBeCloseTo(
			marginBetweenBoundaries('asoftmax', 45 * deg, { m: 2, lambda: 1 }) as number,
			6
		);
	});

	test('nothing to say without λ, without A-Softmax, or without class weights', () => {
		expect(lambdaMargin(snap([0, 1], 'asoftmax', 4, 0))).toBeNull();
		expect(lambdaMargin(snap([0, 1], 'arcface', 0.5, 5))).toBeNull();
		const metric = snap([0, 1], 'asoftmax', 4, 5);
		metric.rule = 'nearestDirection';
		expect(lambdaMargin(metric)).toBeNull();
	});
});

describe('the combined head and negative margins on the circle', () => {
	const four = [0, Math.PI / 2, Math.PI, (3 * Math.PI) / 2];

	test('positive combined margins leave wedges, as wide as the two-class boundary says', () => {
		const margins = { m1: 1, m2: 0.3, m3: 0.2 };
		const g = circleGeometry(circleSnapshot(four, 'combined', 1, 0, margins));
		expect(g.overlaps).toEqual([]);
		expect(g.wedges).toHaveLength(4);
		const want = marginBetweenBoundaries('combined', Math.PI / 2, margins)!;
		expect(want).toBeGreaterThan(0.1);
		for (const w of g.wedges) expect(w.width).toBeCloseTo(want, 6);
	});

	test.each([
		['combined', { m1: 1, m2: 0, m3: -0.3 }, 1],
		['combined', { m1: 1, m2: -0.3, m3: 0 }, 1],
		['cosface', { m1: 1, m2: 0.3, m3: 0.2 }, -0.2],
		['arcface', { m1: 1, m2: 0.3, m3: 0.2 }, -0.3]
	] as const)('%s with a negative margin (%o, m = %d): overlaps, no wedges', (kind, margins, m) => {
		const g = circleGeometry(circleSnapshot(four, kind, m, 0, margins));
		expect(g.wedges).toEqual([]);
		expect(g.overlaps).toHaveLength(4);
		for (const o of g.overlaps) {
			expect(o.width).toBeGreaterThan(0.05);
			expect(o.width).toBeLessThan(Math.PI / 2);
			// The overlap straddles the bisector between its two classes' weights.
			const mid = o.start + o.width / 2;
			const bisector = (four[o.between[0]] + o.delta / 2) % (2 * Math.PI);
			expect(Math.abs(Math.atan2(Math.sin(mid - bisector), Math.cos(mid - bisector)))).toBeLessThan(
				1e-6
			);
		}
		// Each class's arc is wider than its quarter: it reaches past both bisectors.
		for (const a of g.arcs) expect(a!.width).toBeGreaterThan(Math.PI / 2);
	});

	test('zero margins: neither wedges nor overlaps', () => {
		const g = circleGeometry(circleSnapshot(four, 'combined', 1, 0, { m1: 1, m2: 0, m3: 0 }));
		expect(g.wedges).toEqual([]);
		expect(g.overlaps).toEqual([]);
	});
});

describe('circleCaption: the unit circle says what it draws', () => {
	const four = [0, Math.PI / 2, Math.PI, (3 * Math.PI) / 2];
	const caption = (s: ReturnType<typeof circleSnapshot>) => circleCaption(s, circleGeometry(s));

	test('wedges, overlaps, no owner, bisectors, λ wedges and softmax', () => {
		expect(circleCaption(null, null).key).toBe('circle.waiting');
		const m = (m3: number) => ({ m1: 1, m2: 0, m3 });
		expect(caption(circleSnapshot(four, 'combined', 1, 0, m(0.2))).key).toBe('circle.wedges');
		expect(caption(circleSnapshot(four, 'combined', 1, 0, m(-0.2))).key).toBe('circle.overlap');
		expect(caption(circleSnapshot(four, 'combined', 1, 0, m(0))).key).toBe('circle.bisectors');
		// Two weights 5° apart and two 40° apart: m3 = 0.3 leaves no class an arc.
		const close = [245, -5, 35, 240].map((d) => (d * Math.PI) / 180);
		expect(caption(circleSnapshot(close, 'combined', 1, 0, m(0.3))).key).toBe('circle.noOwner');
		const lambda = caption(circleSnapshot(four, 'asoftmax', 4, 5));
		expect(lambda).toEqual({ key: 'circle.lambdaWedges', params: { lambda: '5.0', m: '4' } });
		expect(caption(circleSnapshot(four, 'softmax', 1)).key).toBe('circle.softmax');
	});
});
