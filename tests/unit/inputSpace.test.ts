import { describe, expect, it } from 'vitest';
import type { DatasetMessage } from '../../src/lib/model/protocol';
import type { DecisionGrid, Snapshot } from '../../src/lib/model/snapshot';
import { backingSize } from '../../src/lib/viz/canvas';
import {
	gridPixels,
	inputSpaceCaption,
	misclassified,
	pointRadius,
	toPixel
} from '../../src/lib/viz/inputPlot';
import { CLASS_COLORS } from '../../src/lib/viz/palette';

function rgb(hex: string): number[] {
	const v = parseInt(hex.slice(1), 16);
	return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

function grid(classes: number[], confidence: number[]): DecisionGrid {
	return {
		resolution: Math.round(Math.sqrt(classes.length)),
		extent: [-1.2, 1.2],
		classes: Uint8Array.from(classes),
		confidence: Float32Array.from(confidence)
	};
}

/** The RGBA bytes of cell i. */
const cell = (px: Uint8ClampedArray, i: number) => Array.from(px.slice(i * 4, i * 4 + 4));

describe('gridPixels', () => {
	// 2×2 grid over 3 classes: chance is 1/3.
	const g = grid([1, 2, 0, 1], [1, 1 / 3, 2 / 3, Number.NaN]);
	const px = gridPixels(g, 3);

	it('has res·res·4 bytes, all opaque', () => {
		expect(px.length).toBe(2 * 2 * 4);
		for (let i = 0; i < 4; i++) expect(px[i * 4 + 3]).toBe(255);
	});

	it('paints a certain cell in its class colour', () => {
		expect(cell(px, 0)).toEqual([...rgb(CLASS_COLORS[1]), 255]);
	});

	it('paints a chance-level cell white', () => {
		expect(cell(px, 1)).toEqual([255, 255, 255, 255]);
	});

	it('blends halfway to white at half the normalised confidence', () => {
		// (2/3 − 1/3) / (1 − 1/3) = 1/2.
		const want = rgb(CLASS_COLORS[0]).map((c) => Math.round((c + 255) / 2));
		cell(px, 2)
			.slice(0, 3)
			.forEach((v, k) => expect(Math.abs(v - want[k])).toBeLessThanOrEqual(1));
	});

	it('is whiter where confidence is lower', () => {
		const lum = (i: number) => px[i * 4] + px[i * 4 + 1] + px[i * 4 + 2];
		const same = gridPixels(grid([0, 0, 0, 0], [1, 0.9, 0.6, 0.4]), 3);
		const l = (i: number) => same[i * 4] + same[i * 4 + 1] + same[i * 4 + 2];
		expect(l(0)).toBeLessThan(l(1));
		expect(l(1)).toBeLessThan(l(2));
		expect(l(2)).toBeLessThan(l(3));
		expect(lum(2)).toBeGreaterThan(rgb(CLASS_COLORS[0]).reduce((a, b) => a + b));
	});

	it('treats non-finite confidence as chance (white), never NaN bytes', () => {
		expect(cell(px, 3)).toEqual([255, 255, 255, 255]);
	});

	it('uses the same colour for two classes only past the palette length', () => {
		const two = gridPixels(grid([3, 3 + CLASS_COLORS.length, 4, 0], [1, 1, 1, 1]), 2);
		expect(cell(two, 0)).toEqual(cell(two, 1));
		expect(cell(two, 0)).not.toEqual(cell(two, 2));
	});
});

describe('toPixel', () => {
	const ext: [number, number] = [-1.2, 1.2];
	it.each([
		{ name: 'top-left (lo, hi)', x: -1.2, y: 1.2, want: [0, 0] },
		{ name: 'top-right (hi, hi)', x: 1.2, y: 1.2, want: [400, 0] },
		{ name: 'bottom-left (lo, lo)', x: -1.2, y: -1.2, want: [0, 400] },
		{ name: 'bottom-right (hi, lo)', x: 1.2, y: -1.2, want: [400, 400] },
		{ name: 'centre', x: 0, y: 0, want: [200, 200] },
		{ name: 'y up: positive y is above the centre', x: 0, y: 0.6, want: [200, 100] }
	])('$name', ({ x, y, want }) => {
		const [px, py] = toPixel(x, y, 400, ext);
		expect(px).toBeCloseTo(want[0], 9);
		expect(py).toBeCloseTo(want[1], 9);
	});

	it('matches the grid cell centres of model/readout.ts', () => {
		// Row r, col c sits at x = lo + (c+½)/res·(hi−lo), y = hi − (r+½)/res·(hi−lo).
		const res = 10;
		const [r, c] = [2, 7];
		const x = -1.2 + ((c + 0.5) / res) * 2.4;
		const y = 1.2 - ((r + 0.5) / res) * 2.4;
		const [px, py] = toPixel(x, y, res, ext);
		expect(px).toBeCloseTo(c + 0.5, 9);
		expect(py).toBeCloseTo(r + 0.5, 9);
	});
});

describe('small helpers', () => {
	it('pointRadius is about 3 px at 400 px and capped', () => {
		expect(pointRadius(400)).toBeCloseTo(3, 9);
		expect(pointRadius(4000)).toBe(4.5);
		expect(pointRadius(10)).toBe(1.5);
	});

	it('captions only 3D inputs', () => {
		const d = {
			dataVersion: 1,
			numClasses: 2,
			points: new Float32Array(),
			labels: new Int32Array(),
			split: new Uint8Array()
		};
		expect(inputSpaceCaption({ ...d, dim: 3 })).toBe('3D inputs: x–y projection, no regions');
		expect(inputSpaceCaption({ ...d, dim: 2 })).toBeNull();
		expect(inputSpaceCaption(null)).toBeNull();
	});

	it('backingSize scales by the pixel ratio and guards bad input', () => {
		expect(backingSize(300, 2)).toBe(600);
		expect(backingSize(300.4, 1.5)).toBe(451);
		expect(backingSize(300, Number.NaN)).toBe(300);
		expect(backingSize(-5, 2)).toBe(1);
	});
});

describe('misclassified', () => {
	// Rows: train right, train wrong, test wrong, held out "wrong" (never marked), test right.
	const d: DatasetMessage = {
		dataVersion: 3,
		dim: 2,
		numClasses: 2,
		points: new Float32Array(10),
		labels: Int32Array.from([0, 1, 0, 1, 1]),
		split: Uint8Array.from([0, 0, 1, 2, 1])
	};
	const snap = (dataVersion: number, predictions: number[]) =>
		({ dataVersion, predictions: Int32Array.from(predictions) }) as unknown as Snapshot;

	it('marks wrong train and test points, not held-out ones', () => {
		expect(misclassified(d, snap(3, [0, 0, 1, 0, 1]))).toEqual([1, 2]);
	});

	it('marks nothing for a snapshot of another data set or a short one', () => {
		expect(misclassified(d, snap(2, [1, 0, 1, 0, 0]))).toEqual([]);
		expect(misclassified(d, snap(3, [1, 0]))).toEqual([]);
		expect(misclassified(d, null)).toEqual([]);
	});
});
