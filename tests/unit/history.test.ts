import { describe, expect, test } from 'vitest';
import {
	latestValue,
	settledMax,
	TrainingHistory,
	type HistoryPoint
} from '../../src/lib/viz/history';

const pt = (step: number, loss: number | null = 1 / (step + 1)): HistoryPoint => ({
	step,
	loss,
	trainAccuracy: 0.5,
	testAccuracy: null,
	lambda: 5
});
const steps = (h: TrainingHistory) => h.points.map((p) => p.step);

describe('TrainingHistory', () => {
	test('keeps increasing steps and drops repeated ones', () => {
		const h = new TrainingHistory();
		for (const s of [0, 1, 1, 2, 2, 2, 5]) h.push(pt(s));
		expect(steps(h)).toEqual([0, 1, 2, 5]);
	});

	test('a lower step means a new run: the history starts over', () => {
		const h = new TrainingHistory();
		for (const s of [0, 10, 20, 30]) h.push(pt(s));
		h.push(pt(0));
		expect(steps(h)).toEqual([0]);
		h.push(pt(3));
		expect(steps(h)).toEqual([0, 3]);
		h.push(pt(2));
		expect(steps(h)).toEqual([2]);
	});

	test('reset() empties it', () => {
		const h = new TrainingHistory();
		h.push(pt(4));
		h.push(pt(5));
		h.reset();
		expect(h.points).toHaveLength(0);
		h.push(pt(7));
		expect(steps(h)).toEqual([7]);
	});

	test('non-finite metrics become null, never NaN', () => {
		const h = new TrainingHistory();
		h.push({
			step: 1,
			loss: NaN,
			trainAccuracy: Infinity,
			testAccuracy: 0.9,
			lambda: NaN,
			petalWidth: NaN
		});
		h.push({ ...pt(2), activity: [0.5, NaN] });
		h.push({ ...pt(3), activity: [0.25, 0.75], petalWidth: 0.2 });
		expect(h.points[0]).toEqual({
			step: 1,
			loss: null,
			trainAccuracy: null,
			testAccuracy: 0.9,
			lambda: 0,
			petalWidth: null,
			activity: null
		});
		// No petal width given: null; a finite one is kept.
		expect(h.points[1].petalWidth).toBeNull();
		expect(h.points[2].petalWidth).toBe(0.2);
		// A batch activity with a non-finite share is dropped whole; a finite one is kept.
		expect(h.points[1].activity).toBeNull();
		expect(h.points[2].activity).toEqual([0.25, 0.75]);
	});

	test.each([8, 10, 11, 500])('bounded at %s points, first and last kept', (max) => {
		const h = new TrainingHistory(max);
		for (let s = 0; s <= 20 * max + 3; s++) {
			h.push(pt(s));
			expect(h.points.length).toBeLessThanOrEqual(max);
			expect(h.points[0].step).toBe(0);
			expect(h.points.at(-1)!.step).toBe(s);
		}
		const st = steps(h);
		for (let i = 1; i < st.length; i++) expect(st[i]).toBeGreaterThan(st[i - 1]);
		// Decimated, not truncated: the whole run is still spread over the buffer.
		expect(st.length).toBeGreaterThan(max / 3);
	});

	test('decimation keeps an even spacing (not dense at the end)', () => {
		const h = new TrainingHistory(100);
		for (let s = 0; s < 10_000; s++) h.push(pt(s));
		const st = steps(h).slice(0, -1); // the last point is kept for being last
		const gaps = st.slice(1).map((s, i) => s - st[i]);
		expect(new Set(gaps).size).toBe(1);
	});

	test('points is a stable snapshot until the next change', () => {
		const h = new TrainingHistory();
		h.push(pt(1));
		const a = h.points;
		expect(h.points).toBe(a);
		h.push(pt(1)); // ignored
		expect(h.points).toBe(a);
		h.push(pt(2));
		expect(h.points).not.toBe(a);
		expect(a).toHaveLength(1);
	});
});

describe('latestValue', () => {
	test.each([
		['no points', [], null],
		['the last point has it', [pt(0, 2), pt(1, 1)], 1],
		['skips trailing missing values', [pt(0, 2), pt(1, 0.5), pt(2, null), pt(3, null)], 0.5],
		['all missing', [pt(0, null), pt(1, null)], null]
	] as [string, HistoryPoint[], number | null][])('%s', (_, points, want) => {
		expect(latestValue(points, (p) => p.loss)).toBe(want);
	});
});

describe('settledMax', () => {
	const width = (p: HistoryPoint) => p.petalWidth ?? null;
	const run = (values: (number | null)[], stepOf = (i: number) => i * 100) =>
		values.map((petalWidth, i) => ({ ...pt(stepOf(i)), petalWidth }));

	test('ignores the first twentieth of the steps: the transient from random weights', () => {
		// Steps 0, 50, 100, 500, 1000, 1500, 2000: the first twentieth ends at step 100, so
		// 170 (step 0) and 90 (step 50) are left out.
		const steps = [0, 50, 100, 500, 1000, 1500, 2000];
		const values = [170, 90, 40, 12, 15, 6, 5];
		expect(
			settledMax(
				run(values, (i) => steps[i]),
				width
			)
		).toBe(40);
		expect(settledMax(run([170, 90, 20, 14]), width, 0.5)).toBe(20);
		expect(settledMax(run([170, 90, 20, 14]), width, 0)).toBe(90);
	});

	test('falls back to every value when none lies later, and is null without values', () => {
		expect(settledMax(run([170]), width)).toBe(170);
		expect(settledMax(run([null, NaN, null]), width)).toBeNull();
		expect(settledMax([], width)).toBeNull();
	});
});
