/**
 * The sweeps' row names and Δ cells: the margin a row trained with, A-Softmax's λ → 0 variant,
 * the margins tried, and a paired difference with its interval and seeds ahead; rows saved
 * before intervals and trials existed lose those parts, nothing else.
 */
import { describe, expect, test } from 'vitest';
import {
	deltaText,
	marginText,
	rowLabel,
	seriesLabel,
	signed,
	trialsText,
	type LabelRow
} from '../../src/lib/state/sweepRows';

const row = (over: Partial<LabelRow>): LabelRow => ({
	loss: 'cosface',
	m: 0.35,
	requestedM: 0.35,
	...over
});

describe('row and series labels', () => {
	test.each<[string, Partial<LabelRow>, string, string]>([
		[
			'a fixed margin',
			{ loss: 'asoftmax', m: 4, requestedM: 4 },
			'A-Softmax m = 4',
			'A-Softmax m = 4'
		],
		[
			'λ → 0',
			{ loss: 'asoftmax', m: 4, requestedM: 4, variant: 'pure' },
			'A-Softmax m = 4, λ → 0',
			'A-Softmax m = 4, λ → 0'
		],
		['no margin', { loss: 'softmax', m: null, requestedM: null }, 'Softmax', 'Softmax'],
		[
			'a chosen margin',
			{
				m: 0.2,
				trials: [
					{ m: 0.1, score: 0.5 },
					{ m: 0.2, score: 0.6 },
					{ m: 0.35, score: 0.55 }
				]
			},
			'CosFace m = 0.2',
			'CosFace, m ∈ {0.1, 0.2, 0.35}'
		],
		['float noise', { m: 0.35000000000000003 }, 'CosFace m = 0.35', 'CosFace m = 0.35']
	])('%s', (_name, over, label, series) => {
		expect(rowLabel(row(over))).toBe(label);
		expect(seriesLabel(row(over))).toBe(series);
	});

	test('the margins tried, the chosen one marked; none when the margin was fixed', () => {
		const t = trialsText(
			row({
				m: 0.2,
				trials: [
					{ m: 0.1, score: 0.5 },
					{ m: 0.2, score: 0.6123 },
					{ m: 0.35, score: null }
				]
			})
		);
		expect(t?.parts).toEqual([
			{ text: '0.1 (0.500)', chosen: false },
			{ text: '0.2 (0.612)', chosen: true },
			{ text: '0.35 (—)', chosen: false }
		]);
		expect(trialsText(row({ trials: null }))).toBeNull();
		expect(trialsText(row({}))).toBeNull();
		expect(marginText(0.1 + 0.2)).toBe('0.3');
	});
});

describe('Δ cells', () => {
	test.each([
		[0.0123, '+0.012'],
		[-0.0345, '−0.035'],
		[0, '0.000'],
		[-0.0001, '0.000']
	])('signed(%s) = %s', (v, text) => {
		expect(signed(v)).toBe(text);
	});

	test('mean, interval, seeds ahead and verdict', () => {
		expect(
			deltaText({ mean: 0.02, ci95: [0.004, 0.031], verdict: 'helps', ahead: 9, seeds: 10 })
		).toEqual({
			mean: '+0.020',
			interval: '[+0.004, +0.031]',
			ahead: { k: 9, n: 10 },
			verdict: 'helps'
		});
	});

	test('a file saved before intervals: the mean and seeds ahead only; one seed: the mean', () => {
		expect(deltaText({ mean: -0.01, ahead: 1, seeds: 3 })).toEqual({
			mean: '−0.010',
			interval: null,
			ahead: { k: 1, n: 3 },
			verdict: 'none'
		});
		expect(deltaText({ mean: 0.01, ci95: null, ahead: 1, seeds: 1, verdict: 'none' })).toEqual({
			mean: '+0.010',
			interval: null,
			ahead: null,
			verdict: 'none'
		});
		expect(deltaText(null)).toBeNull();
		expect(deltaText({ mean: NaN })).toBeNull();
	});
});
