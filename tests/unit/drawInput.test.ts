import { describe, expect, test } from 'vitest';
import { plotBox, toInput, toPixel } from '../../src/lib/viz/inputPlot';
import { drawsDim } from '../../src/lib/viz/inputSpace';
import { PAINT_INTERVAL_MS, PAINT_SPACING_PX, shouldPaint } from '../../src/lib/viz/drawGestures';

describe('pixel ↔ input coordinates', () => {
	const extent: [number, number] = [-1.2, 1.2];

	test.each([
		[0, 0, [-1.2, 1.2]],
		[240, 240, [1.2, -1.2]],
		[120, 120, [0, 0]],
		[20, 220, [-1, -1]]
	])('pixel (%d, %d) of a 240 px plot is input %j', (px, py, want) => {
		const [x, y] = toInput(px, py, 240, extent);
		expect(x).toBeCloseTo(want[0], 12);
		expect(y).toBeCloseTo(want[1], 12);
	});

	test('toInput inverts toPixel', () => {
		for (const [x, y] of [
			[0.3, -0.7],
			[-1, 1],
			[1.1, 0]
		]) {
			const [px, py] = toPixel(x, y, 333, extent);
			const [bx, by] = toInput(px, py, 333, extent);
			expect(bx).toBeCloseTo(x, 12);
			expect(by).toBeCloseTo(y, 12);
		}
	});

	test('plotBox: a left margin of 7% (16–26 px), 6 px top and right', () => {
		expect(plotBox(400)).toEqual({ ox: 26, oy: 6, size: 368, extent: [-1.2, 1.2] });
		expect(plotBox(200)).toEqual({ ox: 16, oy: 6, size: 178, extent: [-1.2, 1.2] });
		expect(plotBox(300, [-2, 2]).extent).toEqual([-2, 2]);
	});

	test('points are drawn for 2D and 3D inputs only', () => {
		expect([1, 2, 3, 4, 8, 16].map(drawsDim)).toEqual([false, true, true, false, false, false]);
	});
});

describe('shouldPaint (drag throttle)', () => {
	test.each([
		[PAINT_SPACING_PX, PAINT_INTERVAL_MS, true],
		[PAINT_SPACING_PX - 1, 1000, false],
		[100, PAINT_INTERVAL_MS - 1, false],
		[100, 1000, true]
	])('moved %d px after %d ms → %s', (px, ms, want) => {
		expect(shouldPaint(px, ms)).toBe(want);
	});
});
