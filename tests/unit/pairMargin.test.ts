/**
 * The margin of the Euclidean losses in feature space (math/pairMargin.ts): the anchor, its
 * positive and negative and the ring of contrastive and triplet loss, and each class's spread
 * for center loss, on small hand-made point sets whose distances are easy to check.
 */
import { describe, expect, test } from 'vitest';
import {
	anchorRing,
	classSpreads,
	lossPoint,
	type PairPoints
} from '../../src/lib/math/pairMargin';
import { SPLIT } from '../../src/lib/math/split';

/** Points [[x, y], …] with labels, all training points unless `split` says otherwise. */
function points(xy: [number, number][], labels: number[], extra: Partial<PairPoints> = {}) {
	return {
		features: xy.flat(),
		labels,
		split: extra.split ?? labels.map(() => SPLIT.train),
		unit: false,
		...extra
	} satisfies PairPoints;
}

// Class 0 at x = 0 and 1 (so d(a, p) = 1 for both), class 1 at x = 1.5 and 4.
const LINE = points(
	[
		[0, 0],
		[1, 0],
		[1.5, 0],
		[4, 0]
	],
	[0, 0, 1, 1]
);

describe('anchorRing', () => {
	test.each([
		// contrastive, m = 1: hinge m − d(a, n); point 1's nearest negative is 0.5 away (hinge
		// 0.5), point 2's nearest negative is point 1 at 0.5 too: ties go to the lowest index.
		{
			kind: 'contrastive',
			m: 1,
			anchor: 1,
			positive: 0,
			negative: 2,
			radius: 1,
			hinge: 0.5
		},
		// triplet, m = 0.5: hinge d(a,p)² − d(a,n)² + m. Point 1: 1 − 0.25 + 0.5 = 1.25; point 2
		// (furthest positive 4 at 2.5, nearest negative 1 at 0.5): 6.25 − 0.25 + 0.5 = 6.5.
		{
			kind: 'triplet',
			m: 0.5,
			anchor: 2,
			positive: 3,
			negative: 1,
			radius: Math.sqrt(6.25 + 0.5),
			hinge: 6.5
		},
		// A margin no pair violates: the least satisfied anchor still shows, with hinge ≤ 0.
		{
			kind: 'contrastive',
			m: 0.1,
			anchor: 1,
			positive: 0,
			negative: 2,
			radius: 0.1,
			hinge: -0.4
		}
	] as const)(
		'$kind, m = $m: anchor $anchor, positive $positive, negative $negative',
		({ kind, m, anchor, positive, negative, radius, hinge }) => {
			const r = anchorRing(LINE, kind, m);
			expect(r).not.toBeNull();
			expect(r!.anchor).toBe(anchor);
			expect(r!.positive).toBe(positive);
			expect(r!.negative).toBe(negative);
			expect(r!.radius).toBeCloseTo(radius, 9);
			expect(r!.hinge).toBeCloseTo(hinge, 9);
			expect(r!.centre).toEqual(lossPoint(LINE, anchor));
		}
	);

	test('keeps the previous anchor while it still teaches, else picks the worst again', () => {
		// Point 0 (hinge 1 − 2.25 + 0.5 = −0.75) no longer teaches: the worst anchor replaces it;
		// point 1 (hinge 1 − 0.25 + 0.5 = 1.25) still does: it stays.
		expect(anchorRing(LINE, 'triplet', 0.5, 0)!.anchor).toBe(2);
		expect(anchorRing(LINE, 'triplet', 0.5, 1)!.anchor).toBe(1);
	});

	test('uses training points only: a test point is neither anchor, positive nor negative', () => {
		const split = [SPLIT.train, SPLIT.train, SPLIT.test, SPLIT.train];
		const r = anchorRing({ ...LINE, split }, 'contrastive', 3);
		// Without point 2, the only negative is point 3: hinges 3 − 4, 3 − 3 and 3 − 3 (point 3 to 1).
		expect(r!.negative).toBe(3);
		expect([r!.anchor, r!.positive, r!.negative]).not.toContain(2);
		expect(anchorRing({ ...LINE, split }, 'contrastive', 3, 2)!.anchor).not.toBe(2);
	});

	test('unit features: distances between the points on the unit circle', () => {
		// Class 0 at angles 0° and 90° (lengths 5 and 0.1), class 1 at 180° (length 2).
		const p = points(
			[
				[5, 0],
				[0, 0.1],
				[-2, 0]
			],
			[0, 0, 1],
			{ unit: true }
		);
		const r = anchorRing(p, 'triplet', 0.2)!;
		// Every anchor of class 0: d(a,p)² = 2, d(a,n)² = 2 (90° anchor) or 4: the 90° one wins.
		expect(r.anchor).toBe(1);
		expect(r.centre).toEqual([0, 1]);
		expect(r.radius).toBeCloseTo(Math.sqrt(2 + 0.2), 9);
	});

	test('null without an anchor that has both a positive and a negative', () => {
		expect(anchorRing(points([[0, 0]], [0]), 'triplet', 1)).toBeNull();
		expect(
			anchorRing(
				points(
					[
						[0, 0],
						[1, 1]
					],
					[0, 1]
				),
				'contrastive',
				1
			)
		).toBeNull();
	});
});

describe('classSpreads', () => {
	// Class 0: ten points at distances 1…10 from the origin along x, with their mean at 5.5.
	const xs: [number, number][] = Array.from({ length: 10 }, (_, i) => [i + 1, 0]);
	const p = points([...xs, [0, 3]], [...xs.map(() => 0), 1]);

	test.each([
		// Given means: distances |x − 0| = 1…10, the 90th percentile of 1…10 is 9.1.
		{ means: [0, 0, 0, 3], c0: [0, 0], r0: 9.1 },
		// No means: the mean 5.5; distances 0.5…4.5 (twice each), 90th percentile 4.5.
		{ means: null, c0: [5.5, 0], r0: 4.5 }
	])('class 0 around $c0: radius $r0', ({ means, c0, r0 }) => {
		const s = classSpreads(p, means);
		expect(s.map((c) => c.label)).toEqual([0, 1]);
		expect(s[0].centre).toEqual(c0);
		expect(s[0].radius).toBeCloseTo(r0, 9);
		// One point: it is its own mean (radius 0), or 0 from the given mean (0, 3).
		expect(s[1].radius).toBeCloseTo(0, 9);
	});

	test('classes without training points have no ring', () => {
		const split = Array.from(p.labels, (l) => (l === 1 ? SPLIT.heldOut : SPLIT.train));
		expect(classSpreads({ ...p, split }).map((c) => c.label)).toEqual([0]);
	});
});
