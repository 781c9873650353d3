/**
 * The raw panel's decision-region raster: each cell the colour of the class a plain head
 * picks at the cell's centre, at the raster's fixed alpha, rows from the top of the plane.
 */
import { describe, expect, test } from 'vitest';
import { paintRegions, plainClass, REGION_RES, rgbOf } from '../../src/lib/viz/featurePlot';
import { classColor } from '../../src/lib/viz/palette';
import type { Snapshot } from '../../src/lib/model/snapshot';

describe('paintRegions', () => {
	test('each cell has its plain class colour at alpha 40, rows from the top', () => {
		// Two classes, weights +x and −x: the left half is class 1, the right half class 0.
		const s = {
			numClasses: 2,
			weightClasses: Int32Array.from([0, 1]),
			weights: Float32Array.from([1, 0, -1, 0]),
			weightNorms: Float32Array.from([1, 1]),
			bias: null
		} as unknown as Snapshot;
		const img = { width: REGION_RES, data: new Uint8ClampedArray(REGION_RES * REGION_RES * 4) };
		paintRegions(img, s, 2);
		const cell = (r: number, c: number) =>
			Array.from(img.data.slice((r * REGION_RES + c) * 4, (r * REGION_RES + c) * 4 + 4));
		expect(cell(0, 0)).toEqual([...rgbOf(classColor(1)), 40]);
		expect(cell(REGION_RES - 1, REGION_RES - 1)).toEqual([...rgbOf(classColor(0)), 40]);
		// Every cell agrees with plainClass at its centre.
		const k = 2 / ((200 - 16) / 200);
		for (const [r, c] of [
			[10, 47],
			[50, 48],
			[95, 3]
		]) {
			const x = ((c + 0.5) / REGION_RES) * 2 * k - k;
			const y = k - ((r + 0.5) / REGION_RES) * 2 * k;
			expect(cell(r, c).slice(0, 3)).toEqual(rgbOf(classColor(plainClass(s, x, y))));
		}
	});

	test('with a held-out class the regions take the colours of the classes the rows stand for', () => {
		// Rows for data classes 0 and 2 (class 1 held out: no weight, no region).
		const s = {
			numClasses: 2,
			weightClasses: Int32Array.from([0, 2]),
			weights: Float32Array.from([1, 0, -1, 0]),
			weightNorms: Float32Array.from([1, 1]),
			bias: null
		} as unknown as Snapshot;
		const img = { width: REGION_RES, data: new Uint8ClampedArray(REGION_RES * REGION_RES * 4) };
		paintRegions(img, s, 2);
		const colours = new Set<string>();
		for (let i = 0; i < img.data.length; i += 4) colours.add(String(img.data.slice(i, i + 3)));
		expect(colours).toEqual(new Set([String(rgbOf(classColor(0))), String(rgbOf(classColor(2)))]));
	});
});
