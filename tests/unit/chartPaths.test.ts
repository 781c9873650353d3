import { describe, expect, test } from 'vitest';
import { barRects, linePath, rugPath, stepAreaPath } from '../../src/lib/viz/chart/paths';

type P = [number, number];
const id = (p: P) => p;
const noNaN = (d: string) => expect(d).not.toMatch(/NaN|Infinity|undefined|null/);

describe('linePath', () => {
	test.each([
		['no points', [], ''],
		['one point', [[1, 2]], 'M1,2Z'],
		[
			'two points',
			[
				[1, 2],
				[3, 4]
			],
			'M1,2L3,4'
		],
		[
			'a missing point is a gap',
			[
				[1, 2],
				[NaN, 3],
				[3, 4],
				[5, 6]
			],
			'M1,2ZM3,4L5,6'
		],
		[
			'infinite coordinates are gaps',
			[
				[1, Infinity],
				[3, 4],
				[5, -Infinity]
			],
			'M3,4Z'
		],
		[
			'nothing finite',
			[
				[NaN, NaN],
				[Infinity, 1]
			],
			''
		]
	] as [string, P[], string][])('%s', (_, data, want) => {
		const d = linePath(data, id);
		expect(d).toBe(want);
		noNaN(d);
	});

	test('the accessor gets each datum and its index', () => {
		expect(linePath([10, 20], (v, i) => [i, v])).toBe('M0,10L1,20');
	});
});

describe('stepAreaPath', () => {
	const x = (v: number) => v * 10;
	const y = (v: number) => 100 - v * 10;
	test.each([
		['no points', [], 100, ''],
		[
			'a broken baseline',
			[
				[0, 1],
				[1, 1]
			],
			NaN,
			''
		],
		[
			'one step',
			[
				[0, 1],
				[1, 1]
			],
			100,
			'M0,90L10,90L10,90L10,100L10,100L0,100Z'
		],
		[
			'steps hold until the next x',
			[
				[0, 1],
				[1, 2],
				[2, 2]
			],
			100,
			'M0,90L10,90L10,80L20,80L20,80L20,100L20,100L10,100L10,100L0,100Z'
		],
		[
			'points off the scales are left out',
			[
				[0, 1],
				[NaN, 5],
				[1, 1]
			],
			100,
			'M0,90L10,90L10,90L10,100L10,100L0,100Z'
		]
	] as [string, P[], number, string][])('%s', (_, points, base, want) => {
		const d = stepAreaPath(points, x, y, base);
		expect(d).toBe(want);
		noNaN(d);
	});
});

describe('rugPath', () => {
	const x = (v: number) => v * 100;
	test.each([
		['no values', [], 50, 12, 10, '', 0],
		['one tick a value', [0, 0.5], 50, 12, 10, 'M0.0,50v-12M50.0,50v-12', 2],
		[
			'non-finite values are skipped and not counted',
			[NaN, 0.25, Infinity],
			50,
			12,
			10,
			'M25.0,50v-12',
			1
		],
		[
			'past max, every k-th value',
			[0, 0.1, 0.2, 0.3, 0.4],
			50,
			12,
			2,
			'M0.0,50v-12M30.0,50v-12',
			5
		],
		['a broken baseline draws nothing but still counts', [0.1], NaN, 12, 10, '', 1],
		['max 0 behaves as 1', [0.1, 0.2], 50, 12, 0, 'M10.0,50v-12', 2]
	] as [string, number[], number, number, number, string, number][])(
		'%s',
		(_, values, y0, len, max, d, count) => {
			const rug = rugPath(values, x, y0, len, max);
			expect(rug).toEqual({ d, count });
			noNaN(rug.d);
		}
	);

	test('a position the scale cannot give is skipped', () => {
		expect(rugPath([1, 2], (v) => (v === 1 ? NaN : v), 0, 5).d).toBe('M2.0,0v-5');
	});
});

describe('barRects', () => {
	const x = (v: number) => v * 10;
	const y = (v: number) => 100 - v;
	test.each([
		['no bars', [], []],
		[
			'a bar, narrowed by the gap',
			[{ lo: 0, hi: 2, value: 30 }],
			[{ x: 0.5, y: 70, width: 19, height: 30 }]
		],
		[
			'an empty bar has height 0',
			[{ lo: 2, hi: 3, value: 0 }],
			[{ x: 20.5, y: 100, width: 9, height: 0 }]
		],
		[
			'a bar narrower than the gap has width 0',
			[{ lo: 1, hi: 1.05, value: 5 }],
			[{ x: 10.5, y: 95, width: 0, height: 5 }]
		],
		[
			'a negative value hangs below the base',
			[{ lo: 0, hi: 1, value: -10 }],
			[{ x: 0.5, y: 100, width: 9, height: 10 }]
		],
		[
			'broken bars are left out',
			[
				{ lo: NaN, hi: 1, value: 1 },
				{ lo: 0, hi: 1, value: Infinity }
			],
			[]
		]
	] as [string, { lo: number; hi: number; value: number }[], object[]][])('%s', (_, bars, want) => {
		expect(barRects(bars, x, y)).toEqual(want);
	});
});
