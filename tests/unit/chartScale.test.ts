import { describe, expect, test } from 'vitest';
import {
	autoScale,
	finiteExtent,
	linearDomain,
	linearScale,
	logDomain,
	logScale
} from '../../src/lib/viz/chart/scale';

describe('finiteExtent', () => {
	test.each([
		[[], null],
		[[3], [3, 3]],
		[
			[2, -1, 5],
			[-1, 5]
		],
		[
			[NaN, 1, null, undefined, Infinity, -Infinity, 4],
			[1, 4]
		],
		[[NaN, Infinity, null], null]
	] as [(number | null | undefined)[], [number, number] | null][])('%j → %j', (values, want) => {
		expect(finiteExtent(values)).toEqual(want);
	});
});

describe('linearDomain: every domain becomes a finite one of non-zero width', () => {
	test.each([
		[
			[0, 1],
			[0, 1]
		],
		[
			[-3, 7],
			[-3, 7]
		],
		[
			[1, 0],
			[1, 0]
		], // reversed on purpose: kept
		[
			[0, 0],
			[0, 1]
		],
		[
			[5, 5],
			[4, 6]
		],
		[
			[-2, -2],
			[-3, -1]
		],
		[
			[NaN, 1],
			[0, 1]
		],
		[
			[0, Infinity],
			[0, 1]
		],
		[
			[-Infinity, Infinity],
			[0, 1]
		]
	] as [[number, number], [number, number]][])('%j → %j', (domain, want) => {
		expect(linearDomain(domain)).toEqual(want);
	});

	test('a fallback for a non-finite domain', () => {
		expect(linearDomain([NaN, NaN], [1, 4])).toEqual([1, 4]);
	});
});

describe('logDomain: positive, finite and apart', () => {
	test.each([
		[
			[0.001, 3],
			[0.001, 3]
		],
		[
			[5, 5],
			[0.5, 50]
		],
		[
			[0, 10],
			[1, 10]
		],
		[
			[-1, 10],
			[1, 10]
		],
		[
			[1, NaN],
			[1, 10]
		],
		[
			[1, Infinity],
			[1, 10]
		]
	] as [[number, number], [number, number]][])('%j → %j', (domain, want) => {
		expect(logDomain(domain)).toEqual(want);
	});
});

describe('linearScale and logScale map finite values to finite px for any domain', () => {
	const domains: [number, number][] = [
		[0, 1],
		[0, 0],
		[3, 3],
		[NaN, 2],
		[-Infinity, Infinity],
		[-5, 0]
	];
	test.each(domains)('linear over [%s, %s]', (a, b) => {
		const s = linearScale([a, b], [200, 10], true);
		for (const v of [-10, 0, 0.5, 1, 3, 1e6]) expect(Number.isFinite(s(v))).toBe(true);
		expect(s.domain()[0]).not.toBe(s.domain()[1]);
	});
	test.each(domains)('log over [%s, %s]', (a, b) => {
		const s = logScale([a, b], [200, 10], true);
		for (const v of [1e-6, 0.5, 1, 3, 1e6]) expect(Number.isFinite(s(v))).toBe(true);
	});

	test('nice rounds the domain outward; a broken range maps to one edge', () => {
		expect(linearScale([0, 1.37], [0, 1], true).domain()).toEqual([0, 1.4]);
		expect(linearScale([0, 1.37], [0, 1], 4).domain()).toEqual([0, 1.5]);
		expect(linearScale([0, 1.37], [0, 1]).domain()).toEqual([0, 1.37]);
		expect(logScale([0.002, 3], [0, 1], true).domain()).toEqual([0.001, 10]);
		expect(linearScale([0, 1], [NaN, 100])(0.5)).toBe(0);
	});
});

describe('autoScale: log once the values span more than two decades', () => {
	type Row = [string, (number | null)[], boolean, number[], string[]];
	const tenths = ['0.0', '0.2', '0.4', '0.6', '0.8', '1.0'];
	test.each<Row>([
		['a falling loss', [3, 0.5, 0.001], true, [0.001, 10], ['0.001', '0.01', '0.1', '1', '10']],
		[
			'two decades exactly stay linear',
			[1, 0.01],
			false,
			[0, 1],
			['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']
		],
		['a narrow range', [1.37, 0.9], false, [0, 1.4], ['0.0', '0.5', '1.0']],
		['a zero among them', [0, 1000], false, [0, 1000], ['0', '200', '400', '600', '800', '1,000']],
		['a single value', [0.5], false, [0, 0.5], ['0.0', '0.1', '0.2', '0.3', '0.4', '0.5']],
		['no values', [], false, [0, 1], tenths],
		['only missing or broken values', [null, NaN, Infinity], false, [0, 1], tenths],
		['negative values', [-2, -1], false, [0, 1], tenths]
	])('%s', (_, values, log, domain, labels) => {
		const a = autoScale(values, [200, 0]);
		expect(a.log).toBe(log);
		expect(a.scale.domain()).toEqual(domain);
		expect(a.ticks.map((t) => t.label)).toEqual(labels);
		for (const t of a.ticks) expect(Number.isFinite(t.pos)).toBe(true);
	});
});
