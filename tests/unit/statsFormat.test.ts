import { describe, expect, test } from 'vitest';
import { M_MIN_BINARY, M_MIN_MULTICLASS, marginBound } from '../../src/lib/math/circle';
import type { AngleStats } from '../../src/lib/math/stats';
import type { HeadKind } from '../../src/lib/math/psi';
import type { Histogram, NormHistogram } from '../../src/lib/math/histograms';
import {
	angleBars,
	angleMarkers,
	angleHistogramLabel,
	boundStatus,
	boundText,
	criterionText,
	degrees,
	formatNorm,
	histogramBars,
	maxValue,
	meetsBound,
	normHistogramLabel,
	normalisedCounts,
	stepPoints
} from '../../src/lib/viz/statsFormat';

const rad = (deg: number) => (deg * Math.PI) / 180;

describe('degrees', () => {
	test.each([
		[rad(23.4), '23.4°'],
		[0, '0.0°'],
		[Math.PI, '180.0°'],
		[rad(61.26), '61.3°'],
		[-1e-12, '0.0°'],
		[null, '—'],
		[NaN, '—'],
		[Infinity, '—']
	] as [number | null, string][])('%s rad → %s', (r, want) => {
		expect(degrees(r)).toBe(want);
	});

	test('digits', () => {
		expect(degrees(rad(23.4), 0)).toBe('23°');
		expect(degrees(rad(23.456), 2)).toBe('23.46°');
	});
});

describe('formatNorm', () => {
	test.each([
		[0.4213, '0.42'],
		[4.213, '4.21'],
		[42.13, '42.1'],
		[421.3, '421'],
		[0, '0.00'],
		[NaN, '—'],
		[-Infinity, '—']
	])('%s → %s', (v, want) => {
		expect(formatNorm(v)).toBe(want);
	});
});

describe('normalisedCounts', () => {
	test.each([
		[
			[1, 3, 0, 4],
			[0.125, 0.375, 0, 0.5]
		],
		[
			[0, 0, 0],
			[0, 0, 0]
		],
		[[], []],
		[
			[2, NaN, -1, 2],
			[0.5, 0, 0, 0.5]
		],
		[[5], [1]]
	])('%j → %j', (counts, want) => {
		const h: Histogram = { edges: counts.map((_, k) => k).concat(counts.length), counts };
		expect(normalisedCounts(h)).toEqual(want);
	});

	test('fractions sum to 1 for any non-empty histogram', () => {
		const counts = [7, 0, 13, 1, 400, 2];
		const sum = normalisedCounts({ edges: [0, 1, 2, 3, 4, 5, 6], counts }).reduce((a, b) => a + b);
		expect(sum).toBeCloseTo(1, 12);
	});
});

describe('histogramBars / angleBars / maxValue', () => {
	const h: Histogram = { edges: [0, Math.PI / 2, Math.PI], counts: [1, 3] };

	test('raw counts, edges scaled', () => {
		expect(histogramBars(h, { scale: 2 })).toEqual([
			{ lo: 0, hi: Math.PI, value: 1 },
			{ lo: Math.PI, hi: 2 * Math.PI, value: 3 }
		]);
	});

	test('angle bars are in degrees and fractions of pairs', () => {
		const bars = angleBars(h);
		expect(bars.map((b) => [b.lo, b.hi])).toEqual([
			[0, 90],
			[90, 180]
		]);
		expect(bars.map((b) => b.value)).toEqual([0.25, 0.75]);
	});

	test('bins without both edges are dropped, not drawn at NaN', () => {
		expect(histogramBars({ edges: [0, 1], counts: [2, 5] })).toEqual([{ lo: 0, hi: 1, value: 2 }]);
		expect(histogramBars({ edges: [0, NaN, 2], counts: [2, 5] })).toEqual([]);
	});

	test('maxValue over several series, 0 for none', () => {
		expect(maxValue(angleBars(h), histogramBars(h))).toBe(3);
		expect(maxValue(angleBars(h))).toBe(0.75);
		expect(maxValue()).toBe(0);
		expect(maxValue([])).toBe(0);
	});
});

describe('stepPoints', () => {
	test.each([
		[[], []],
		[
			[{ lo: 0, hi: 5, value: 2 }],
			[
				[0, 2],
				[5, 2]
			]
		],
		[
			[
				{ lo: 0, hi: 5, value: 0.25 },
				{ lo: 5, hi: 10, value: 0.75 }
			],
			[
				[0, 0.25],
				[5, 0.75],
				[10, 0.75]
			]
		]
	])('%j', (bars, want) => {
		expect(stepPoints(bars)).toEqual(want);
	});
});

describe('angleMarkers', () => {
	test('both angles, in degrees with labels', () => {
		const mk = angleMarkers({ maxIntra: rad(23.4), minInter: rad(61.2) });
		expect(mk.map((k) => [k.kind, k.text])).toEqual([
			['intra', 'max intra 23.4°'],
			['inter', 'min inter 61.2°']
		]);
		expect(mk[0].deg).toBeCloseTo(23.4, 10);
		expect(mk[1].deg).toBeCloseTo(61.2, 10);
	});

	test.each([
		[null, rad(10), ['inter']],
		[rad(10), null, ['intra']],
		[null, null, []],
		[NaN, Infinity, []]
	] as [number | null, number | null, string[]][])('%s, %s → %j', (maxIntra, minInter, want) => {
		expect(angleMarkers({ maxIntra, minInter }).map((k) => k.kind)).toEqual(want);
	});
});

describe('criterionText', () => {
	test.each([
		[true, '✓ holds'],
		[false, '✗ does not hold yet'],
		[null, '—']
	] as [boolean | null, string][])('%s → %s', (c, want) => {
		expect(criterionText(c)).toBe(want);
	});
});

describe('boundText', () => {
	test.each([
		[M_MIN_BINARY, 'm ≥ 2 + √3 ≈ 3.73 for two classes'],
		[marginBound(2), 'm ≥ 2 + √3 ≈ 3.73 for two classes'],
		[M_MIN_MULTICLASS, 'm ≥ 3 for many classes (2D)'],
		[marginBound(10), 'm ≥ 3 for many classes (2D)'],
		[2.5, 'm ≥ 2.5'],
		[NaN, '—']
	])('%s → %s', (bound, want) => {
		expect(boundText(bound)).toBe(want);
	});
});

describe('meetsBound', () => {
	test.each([
		[4, M_MIN_BINARY, true],
		[3, M_MIN_BINARY, false],
		[3.73, M_MIN_BINARY, false],
		[2 + Math.sqrt(3), M_MIN_BINARY, true],
		[3, M_MIN_MULTICLASS, true],
		[2.999999999999, M_MIN_MULTICLASS, true],
		[2.99, M_MIN_MULTICLASS, false],
		[1, M_MIN_MULTICLASS, false],
		[NaN, M_MIN_MULTICLASS, false],
		[Infinity, M_MIN_MULTICLASS, false],
		[4, NaN, false]
	])('m = %s, bound %s → %s', (m, bound, want) => {
		expect(meetsBound(m, bound)).toBe(want);
	});
});

describe('boundStatus', () => {
	test.each([
		['asoftmax', 4, M_MIN_BINARY, 'm = 4 meets it ✓'],
		['asoftmax', 3, M_MIN_BINARY, 'm = 3 is below it ✗'],
		['asoftmax', 3, M_MIN_MULTICLASS, 'm = 3 meets it ✓'],
		['asoftmax', 2.5, M_MIN_MULTICLASS, 'm = 2.5 is below it ✗'],
		['asoftmax', NaN, M_MIN_MULTICLASS, 'm = —'],
		['softmax', 4, M_MIN_MULTICLASS, 'the bound is for A-Softmax'],
		['modified', 4, M_MIN_MULTICLASS, 'the bound is for A-Softmax'],
		['cosface', 0.35, M_MIN_MULTICLASS, 'the bound is for A-Softmax'],
		['arcface', 0.5, M_MIN_BINARY, 'the bound is for A-Softmax']
	] as [HeadKind, number, number, string][])('%s, m = %s, bound %s', (loss, m, bound, want) => {
		expect(boundStatus(loss, m, bound)).toBe(want);
	});
});

describe('angleHistogramLabel', () => {
	const stats = (maxIntra: number | null, minInter: number | null): AngleStats => ({
		count: 10,
		skipped: 0,
		numClasses: 2,
		sampled: false,
		intraPairs: 20,
		interPairs: 25,
		maxIntra,
		minInter,
		minInterMeans: null,
		meanIntra: null,
		meanInter: null,
		medianIntra: null,
		p90Intra: null,
		criterion: maxIntra !== null && minInter !== null ? maxIntra < minInter : null,
		perClassMaxIntra: []
	});

	test.each([
		[
			rad(23.4),
			rad(61.2),
			false,
			'Histogram of pair angles: same-class pairs up to 23°, different-class pairs from 61°'
		],
		[
			rad(90),
			rad(10),
			true,
			'Histogram of pair angles: same-class pairs up to 90°, different-class pairs from 10° (sampled pairs)'
		],
		[null, null, false, 'Histogram of pair angles: no same-class pairs, no different-class pairs']
	] as [number | null, number | null, boolean, string][])(
		'%s, %s, sampled %s',
		(maxIntra, minInter, sampled, want) => {
			const label = angleHistogramLabel(stats(maxIntra, minInter), sampled);
			expect(label).toBe(want);
			expect(label).not.toMatch(/NaN/);
		}
	);
});

describe('normHistogramLabel', () => {
	const norms = (counts: number[], max: number, overflow = 0): NormHistogram => ({
		edges: counts.map((_, k) => (max * k) / counts.length).concat(max),
		counts,
		overflow,
		skipped: 0
	});

	test.each([
		[
			norms([1, 5, 2], 3),
			'Histogram of feature norms ‖x‖ from 0 to 3.00, 8 points, most between 1.00 and 2.00'
		],
		[
			norms([0, 0, 4], 30, 2),
			'Histogram of feature norms ‖x‖ from 0 to 30.0, 4 points, most between 20.0 and 30.0, 2 beyond the axis'
		],
		[norms([0, 0], 1), 'Histogram of feature norms ‖x‖ from 0 to 1.00, 0 points'],
		[
			{ edges: [], counts: [], overflow: 0, skipped: 0 },
			'Histogram of feature norms ‖x‖ from 0 to —, 0 points'
		]
	] as [NormHistogram, string][])('%#', (h, want) => {
		expect(normHistogramLabel(h)).toBe(want);
	});
});
