import { describe, expect, test } from 'vitest';
import { chartFrame } from '../../src/lib/viz/chart/frame';
import { sweepChart, type SweepRow } from '../../src/lib/viz/sweepChart';

const F = chartFrame(420, 240, { top: 12, right: 120, bottom: 36, left: 46 });
const row = (loss: string, m: number | null, auc: number | null, std: number | null = null) =>
	({ loss, m, verifAUC: auc, spread: { verifAUC: std === null ? null : { std } } }) as SweepRow;
/** Every number the chart hands to the SVG. */
function numbers(c: ReturnType<typeof sweepChart>): number[] {
	return [
		...c.xTicks.map((t) => t.pos),
		...c.yTicks.map((t) => t.pos),
		...c.levels.map((l) => l.y),
		...c.points.flatMap((p) => [p.x, p.y, ...(p.bar ?? [])])
	];
}

describe('sweepChart', () => {
	const rows = [
		row('softmax', null, 0.81),
		row('asoftmax', 1, 0.83, 0.02),
		row('asoftmax', 2, 0.87, 0.02),
		row('asoftmax', 4, 0.91),
		row('cosface', 0.35, 0.89, 0.01)
	];
	const c = sweepChart(rows, 0.76, F);

	test('A-Softmax as points on the m axis, the others and the raw inputs as levels', () => {
		expect(c.points.map((p) => p.row.m)).toEqual([1, 2, 4]);
		[46, 130 + 2 / 3, 300].forEach((x, i) => expect(c.points[i].x).toBeCloseTo(x));
		expect(c.levels.map((l) => l.row?.loss ?? 'inputs')).toEqual(['softmax', 'cosface', 'inputs']);
		expect(c.line).toMatch(/^M46,[\d.]+L[\d.]+,[\d.]+L300,[\d.]+$/);
		expect(c.xTicks.map((t) => t.label)).toEqual(['1', '2', '3', '4']);
	});

	test('y spans values ± std and the baseline, padded by 0.02, labelled with two decimals', () => {
		// 0.76 − 0.02 = 0.74 … 0.91 + 0.02 = 0.93, niced outward to [0.74, 0.94]: the ends of the
		// plot, with round ticks inside.
		expect(c.yTicks.map((t) => t.label)).toEqual(['0.75', '0.80', '0.85', '0.90']);
		const y = (v: number) => F.bottom + ((v - 0.74) / 0.2) * (F.top - F.bottom);
		c.yTicks.forEach((t) => expect(t.pos).toBeCloseTo(y(t.value)));
		expect(c.levels.at(-1)?.y).toBeCloseTo(y(0.76));
		expect(c.points[0].bar).not.toBeNull();
		expect(c.points[2].bar).toBeNull(); // no spread, no bar
	});

	test('error bars and the domain stay inside [0, 1]', () => {
		const near = sweepChart(
			[row('asoftmax', 1, 0.99, 0.05), row('asoftmax', 2, 0.01, 0.05)],
			null,
			F
		);
		expect(near.yTicks.at(0)?.value).toBe(0);
		expect(near.yTicks.at(-1)?.value).toBe(1);
		expect(near.points[0].bar?.[1]).toBeCloseTo(F.top);
		expect(near.points[1].bar?.[0]).toBeCloseTo(F.bottom);
	});

	test.each([
		['no rows, no baseline', [], null],
		['only missing AUCs', [row('asoftmax', 1, null), row('softmax', null, null)], null],
		['NaN and Infinity', [row('asoftmax', 2, NaN, NaN), row('cosface', 0.35, Infinity)], NaN],
		['a NaN spread', [row('asoftmax', 2, 0.8, NaN)], null],
		['an A-Softmax row without m', [row('asoftmax', null, 0.8)], 0.7],
		['a single value', [row('asoftmax', 3, 0.5)], null]
	] as [string, SweepRow[], number | null][])(
		'%s: nothing non-finite reaches the SVG',
		(_, rs, base) => {
			const chart = sweepChart(rs, base, F);
			for (const v of numbers(chart)) expect(Number.isFinite(v)).toBe(true);
			expect(chart.line).not.toMatch(/NaN|Infinity/);
			expect(chart.yTicks.length).toBeGreaterThan(1);
		}
	);

	test('rows without a usable AUC or m are left out', () => {
		const chart = sweepChart(
			[row('asoftmax', 1, NaN), row('asoftmax', null, 0.8), row('softmax', null, null)],
			null,
			F
		);
		expect(chart.points).toEqual([]);
		expect(chart.levels).toEqual([]);
		expect(chart.line).toBe('');
	});
});
