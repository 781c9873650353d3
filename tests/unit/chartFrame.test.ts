import { describe, expect, test } from 'vitest';
import {
	chartFrame,
	gridColumnWidth,
	trainingChartFrame,
	type Margins
} from '../../src/lib/viz/chart/frame';

type Row = [string, number, number, Partial<Margins>, [number, number, number, number]];

describe('chartFrame: plot edges [left, right, top, bottom] from size and margins', () => {
	test.each<Row>([
		['typical', 400, 240, { top: 34, right: 56, bottom: 34, left: 56 }, [56, 344, 34, 206]],
		['no margins', 100, 50, {}, [0, 100, 0, 50]],
		['some sides only', 100, 50, { left: 10, bottom: 5 }, [10, 100, 0, 45]],
		['margins wider than the chart', 100, 50, { left: 80, right: 80 }, [80, 80, 0, 50]],
		['a margin past the edge', 100, 50, { top: 70 }, [0, 100, 50, 50]],
		['negative margins count as 0', 100, 50, { left: -10, top: -5 }, [0, 100, 0, 50]],
		[
			'NaN and Infinity margins count as 0',
			100,
			50,
			{ left: NaN, right: Infinity },
			[0, 100, 0, 50]
		],
		['zero size', 0, 0, { left: 10 }, [0, 0, 0, 0]],
		['negative size', -100, 50, { left: 10 }, [0, 0, 0, 50]],
		['NaN size', NaN, Infinity, { top: 5 }, [0, 0, 0, 0]]
	])('%s', (_, w, h, m, [left, right, top, bottom]) => {
		const f = chartFrame(w, h, m);
		expect([f.left, f.right, f.top, f.bottom]).toEqual([left, right, top, bottom]);
		expect(f.xRange).toEqual([left, right]);
		expect(f.yRange).toEqual([bottom, top]);
		expect([f.midX, f.midY]).toEqual([(left + right) / 2, (top + bottom) / 2]);
		for (const v of Object.values(f).flat()) if (typeof v === 'number') expect(v).not.toBeNaN();
		expect(f.viewBox).toBe(`0 0 ${f.width} ${f.height}`);
		expect(f.viewBox).not.toMatch(/NaN|Infinity/);
	});
});

describe('training charts drawn at their size on screen', () => {
	test.each([
		[0, 1, 0],
		[500, 1, 500],
		[616, 2, 300],
		[615, 2, 615],
		[1000, 3, 492]
	])('a %i px grid of %i charts: each %i px wide', (container, count, want) => {
		expect(gridColumnWidth(container, count)).toBe(want);
	});
	test('one SVG unit per CSS px, within height bounds; unknown width: 400', () => {
		expect(trainingChartFrame(550)).toMatchObject({ width: 550, height: 275 });
		expect(trainingChartFrame(900).height).toBe(300);
		expect(trainingChartFrame(240).height).toBe(190);
		expect(trainingChartFrame(100).width).toBe(240);
		expect(trainingChartFrame(0).width).toBe(400);
		expect(trainingChartFrame(NaN).width).toBe(400);
	});
});
