/** The identity sweep's chart: Δ against modified on a log axis of identity counts. */
import { describe, expect, test } from 'vitest';
import { chartFrame } from '../../src/lib/viz/chart/frame';
import { DODGE_PX, identityChart, seriesKey, type DeltaRow } from '../../src/lib/viz/identityChart';

const F = chartFrame(400, 200, { top: 10, right: 10, bottom: 30, left: 40 });
const row = (
	loss: string,
	m: number | null,
	identities: number,
	mean: number,
	std = 0.01
): DeltaRow => ({
	loss,
	requestedM: m,
	identities,
	delta: { verifAUC: { mean, std } }
});

describe('identityChart', () => {
	const rows = [6, 25, 100].flatMap((n, k) => [
		row('modified', null, n, 0, 0),
		row('asoftmax', 2, n, -0.02 + 0.02 * k),
		row('cosface', 0.35, n, -0.05)
	]);

	test('one series per loss and margin, modified is the zero line; log-spaced counts', () => {
		const c = identityChart(rows, 'verifAUC', F, 3);
		expect(c.series.map((s) => s.key)).toEqual(['asoftmax:2', 'cosface:0.35']);
		const xs = c.series[0].points.map((p) => p.x);
		// Equal ratios (25/6 vs 100/25 ≈ 4.2 vs 4) give nearly equal steps on a log axis.
		expect((xs[1] - xs[0]) / (xs[2] - xs[1])).toBeCloseTo(Math.log(25 / 6) / Math.log(4), 9);
		// Two series sit DODGE_PX apart, either side of the count, and inside the frame.
		const last = c.series[1].points.map((p) => p.x);
		expect(last[0] - xs[0]).toBeCloseTo(DODGE_PX, 9);
		expect(xs[0]).toBeCloseTo(F.left, 9);
		expect(last[2]).toBeCloseTo(F.right, 9);
		// Higher Δ is higher on the page; the zero line lies between −0.05 and +0.02.
		const ys = c.series[0].points.map((p) => p.y);
		expect(ys[2]).toBeLessThan(ys[0]);
		expect(c.zero).toBeGreaterThan(ys[2]);
		expect(c.zero).toBeLessThan(c.series[1].points[0].y);
		// No interval in these rows (a sweep saved before them): ±1 std bars.
		expect(c.bars).toBe('std');
		const [y1, y2] = c.series[0].points[0].bar!;
		expect(Math.abs(y1 - y2)).toBeGreaterThan(0);
		expect(c.xTicks.map((t) => t.label)).toEqual(['6', '25', '100']);
	});

	test('the 95 % interval is the bar when rows carry one, and the y axis reaches its ends', () => {
		const withCi = (mean: number, ci: [number, number] | null, n = 6) => ({
			...row('asoftmax', 4, n, mean),
			delta: { verifAUC: { mean, std: 0.001, ci95: ci } }
		});
		const c = identityChart(
			[withCi(0.01, [-0.2, 0.05]), withCi(0.02, [0.01, 0.03], 25)],
			'verifAUC',
			F,
			10
		);
		expect(c.bars).toBe('ci95');
		const [p6, p25] = c.series[0].points;
		// The low end −0.2 lies below the zero line, and inside the frame.
		expect(p6.bar![0]).toBeGreaterThan(c.zero);
		expect(p6.bar![0]).toBeLessThanOrEqual(F.bottom);
		expect(p6.bar![1]).toBeLessThan(p6.y);
		// An interval that excludes 0 sits wholly above the zero line.
		expect(Math.max(...p25.bar!)).toBeLessThan(c.zero);
		// One seed (ci95 null): no bar, even with a standard deviation.
		const one = identityChart([withCi(0.01, null)], 'verifAUC', F, 1);
		expect(one.series[0].points[0].bar).toBeNull();
		expect(one.bars).toBeNull();
	});

	test('A-Softmax with λ → 0 is a series of its own', () => {
		const pure = { ...row('asoftmax', 4, 6, 0.02), variant: 'pure' };
		const c = identityChart([row('asoftmax', 4, 6, 0.01), pure], 'verifAUC', F, 3);
		expect(c.series.map((s) => s.key)).toEqual(['asoftmax:4', 'asoftmax:4:pure']);
		expect(seriesKey(pure)).toBe('asoftmax:4:pure');
	});

	test('one seed draws no bars; missing differences and non-finite values are left out', () => {
		const bad = [
			...rows,
			{ ...row('arcface', 0.5, 6, 0), delta: { verifAUC: { mean: NaN, std: 0 } } }
		];
		const c = identityChart(bad, 'verifAUC', F, 1);
		expect(c.series.map((s) => s.key)).toEqual(['asoftmax:2', 'cosface:0.35']);
		expect(c.series.every((s) => s.points.every((p) => p.bar === null))).toBe(true);
		expect(identityChart(rows, 'tarAtFar1e2', F, 1).series).toEqual([]);
		expect(seriesKey(rows[0])).toBe('modified');
	});

	test('a single identity count still has an axis around it', () => {
		const c = identityChart([row('asoftmax', 4, 6, 0.01)], 'verifAUC', F, 1);
		const p = c.series[0].points[0];
		expect(p.x).toBeCloseTo((F.left + F.right) / 2, 6);
		expect(Number.isFinite(c.zero)).toBe(true);
	});
});
