import { describe, expect, test } from 'vitest';
import { linearScale, logScale } from '../../src/lib/viz/chart/scale';
import { decadeLabel, decadeTicks, scaleTicks, stepFormat } from '../../src/lib/viz/chart/ticks';

const labels = (ticks: { label: string }[]) => ticks.map((t) => t.label);

describe('scaleTicks', () => {
	const x = linearScale([0, 1], [0, 100]);
	test.each([
		['d3 values and format', {}, ['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']],
		['a tick count', { count: 2 }, ['0.0', '0.5', '1.0']],
		['a specifier', { count: 2, specifier: '%' }, ['0%', '50%', '100%']],
		['given values and format', { values: [0, 0.25, 1], format: String }, ['0', '0.25', '1']],
		['non-finite values are left out', { values: [NaN, 0.5, Infinity], format: String }, ['0.5']],
		['no values', { values: [] }, []]
	] as [string, Parameters<typeof scaleTicks>[1], string[]][])('%s', (_, opts, want) => {
		expect(labels(scaleTicks(x, opts))).toEqual(want);
	});

	test('positions come from the scale', () => {
		expect(scaleTicks(x, { values: [0, 0.25, 1] }).map((t) => t.pos)).toEqual([0, 25, 100]);
	});

	test('values the scale cannot place (0 or below on a log axis) are left out', () => {
		const y = logScale([0.001, 10], [100, 0]);
		const ticks = scaleTicks(y, { values: [-1, 0, 1, 10], format: String });
		expect(labels(ticks)).toEqual(['1', '10']);
		for (const t of ticks) expect(Number.isFinite(t.pos)).toBe(true);
	});
});

describe('decadeTicks', () => {
	test.each([
		[
			[0.001, 10],
			['0.001', '0.01', '0.1', '1', '10']
		],
		[
			[1, 1000],
			['1', '10', '100', '1000']
		],
		[
			[5, 5],
			['0.1', '1', '10', '100']
		], // [0.5, 50], niced to whole decades
		[
			[0, 10],
			['1', '10']
		], // a log domain cannot reach 0: the fallback [1, 10]
		[
			[0.00002, 3],
			['1e−5', '1e−4', '0.001', '0.01', '0.1', '1', '10']
		], // a falling loss: short labels that fit the axis margin, never ".00001"
		[
			[1e-9, 1],
			['1e−9', '', '1e−7', '', '1e−5', '', '0.001', '', '0.1', '']
		] // over eight decades every other label is left out
	] as [[number, number], string[]][])('over %j', (domain, want) => {
		expect(labels(decadeTicks(logScale(domain, [100, 0], true)))).toEqual(want);
	});
});

describe('stepFormat: labels of a step axis with 4 ticks', () => {
	test.each([
		[9000, ['0', '2,000', '4,000', '6,000', '8,000']],
		[40_000, ['0', '10k', '20k', '30k', '40k']],
		[12_500, ['0', '2k', '4k', '6k', '8k', '10k', '12k']],
		[25, ['0', '5', '10', '15', '20', '25']]
	])('steps 0 to %s', (max, want) => {
		const x = linearScale([0, max], [0, 400]);
		expect(labels(scaleTicks(x, { count: 4, format: stepFormat(x, 4) }))).toEqual(want);
	});

	test('a plain 0 at the origin, never "0k" or "0.0"', () => {
		for (const max of [40_000, 12_500, 1.5])
			expect(stepFormat(linearScale([0, max], [0, 1]), 4)(0)).toBe('0');
	});
});

describe('decadeLabel', () => {
	test.each([
		[-6, '1e−6'],
		[-4, '1e−4'],
		[-3, '0.001'],
		[0, '1'],
		[3, '1000'],
		[4, '1e4']
	])('10^%i → %s', (e, want) => expect(decadeLabel(e)).toBe(want));
});
