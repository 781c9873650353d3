import { describe, expect, test } from 'vitest';
import {
	addPoints,
	clearPoints,
	formatBytes,
	fromDataset,
	nearestPoint,
	removePoint,
	shortestFloat32,
	toDatasetMessage,
	toMessage,
	trainable,
	type CustomData
} from '../../src/lib/state/customData';

/** A small 2D custom data set: points (x, y), labels, split as plain arrays. */
function data(
	points: number[],
	labels: number[],
	split: number[] = labels.map(() => 0),
	more: Partial<CustomData> = {}
): CustomData {
	return {
		source: 'upload',
		name: 'a.csv',
		dim: 2,
		numClasses: Math.max(2, ...labels.map((l) => l + 1)),
		points: Float64Array.from(points),
		labels: Int32Array.from(labels),
		split: Uint8Array.from(split),
		classNames: null,
		...more
	};
}

const plain = (c: CustomData) => ({
	points: Array.from(c.points),
	labels: Array.from(c.labels),
	split: Array.from(c.split),
	numClasses: c.numClasses,
	classNames: c.classNames,
	source: c.source
});

describe('addPoints', () => {
	const base = data([0, 0, 0.5, 0.5], [0, 1], [0, 1]);

	test('appends points of the class in the training split and leaves the input alone', () => {
		const next = addPoints(base, [[0.25, -0.5]], 1);
		expect(plain(next)).toEqual({
			points: [0, 0, 0.5, 0.5, 0.25, -0.5],
			labels: [0, 1, 1],
			split: [0, 1, 0],
			numClasses: 2,
			classNames: null,
			source: 'drawing'
		});
		expect(Array.from(base.points)).toEqual([0, 0, 0.5, 0.5]);
		expect(next.name).toBe('a.csv');
	});

	test('clamps coordinates to the input box [−1, 1]', () => {
		const next = addPoints(base, [[1.15, -3]], 0);
		expect(Array.from(next.points.slice(4))).toEqual([1, -1]);
	});

	test('the class count itself adds a class; names grow without colliding', () => {
		const named = data([0, 0, 1, 1], [0, 1], [0, 0], { classNames: ['1', '2'] });
		const next = addPoints(named, [[0, 0]], 2);
		expect(next.numClasses).toBe(3);
		expect(next.classNames).toEqual(['1', '2', 'class 2']);
		const cats = addPoints(
			data([0, 0, 1, 1], [0, 1], [0, 0], { classNames: ['cat', 'dog'] }),
			[[0, 0]],
			2
		);
		expect(cats.classNames).toEqual(['cat', 'dog', '2']);
	});

	test.each([
		['a class beyond the next one', 3],
		['a negative class', -1],
		['a fractional class', 0.5]
	])('returns the same data set for %s', (_, label) => {
		expect(addPoints(base, [[0, 0]], label)).toBe(base);
	});

	test('never goes past 10 classes, never edits 3D data, ignores an empty list', () => {
		const ten = data([0, 0, 1, 1], [0, 9]);
		expect(ten.numClasses).toBe(10);
		expect(addPoints(ten, [[0, 0]], 10)).toBe(ten);
		const d3 = { ...data([0, 0, 0, 1, 1, 1], [0, 1]), dim: 3 };
		expect(addPoints(d3, [[0, 0]], 0)).toBe(d3);
		expect(addPoints(base, [], 0)).toBe(base);
	});
});

describe('removePoint and clearPoints', () => {
	const base = data([0, 0, 0.1, 0.1, 0.2, 0.2], [0, 1, 0], [0, 1, 2]);

	test.each([
		[0, [0.1, 0.1, 0.2, 0.2], [1, 0], [1, 2]],
		[1, [0, 0, 0.2, 0.2], [0, 0], [0, 2]],
		[2, [0, 0, 0.1, 0.1], [0, 1], [0, 1]]
	])('removing point %i keeps the others in order', (i, points, labels, split) => {
		const next = removePoint(base, i);
		expect(plain(next)).toMatchObject({ points, labels, split, numClasses: 2 });
	});

	test('an index that is not a point changes nothing', () => {
		for (const i of [-1, 3, 1.5, NaN]) expect(removePoint(base, i)).toBe(base);
	});

	test('clear keeps the classes and names, drops every point', () => {
		const named = { ...base, classNames: ['a', 'b'] };
		const next = clearPoints(named);
		expect(plain(next)).toEqual({
			points: [],
			labels: [],
			split: [],
			numClasses: 2,
			classNames: ['a', 'b'],
			source: 'drawing'
		});
		expect(trainable(next)).toBe(false);
	});
});

describe('nearestPoint', () => {
	const pts = [0, 0, 0.1, 0, 0.1, 0, -0.5, 0.5];

	test.each([
		['closest within the radius', [0.02, 0], 0.05, 0],
		['ties go to the later point (drawn on top)', [0.1, 0.01], 0.05, 2],
		['nothing within the radius', [0.5, 0.5], 0.05, -1],
		['the radius is inclusive', [-0.5, 0.6], 0.1, 3],
		['a negative radius finds nothing', [0, 0], -1, -1]
	])('%s', (_, [x, y], r, want) => {
		expect(nearestPoint(pts, 2, x as number, y as number, r as number)).toBe(want);
	});

	test('uses the first two coordinates of 3D points', () => {
		expect(nearestPoint([0, 0, 9, 1, 1, -9], 3, 0.9, 1, 0.2)).toBe(1);
	});
});

describe('conversions', () => {
	test('fromDataset copies the worker data set as a drawing (float32 widened exactly)', () => {
		const msg = {
			dataVersion: 4,
			dim: 2,
			numClasses: 3,
			points: Float32Array.from([0.1, -0.2]),
			labels: Int32Array.from([2]),
			split: Uint8Array.from([2])
		};
		const c = fromDataset(msg);
		expect(c.source).toBe('drawing');
		expect(Array.from(c.points)).toEqual([Math.fround(0.1), Math.fround(-0.2)]);
		expect(c.labels).not.toBe(msg.labels);
		expect(Array.from(c.split)).toEqual([2]);
		expect(c.numClasses).toBe(3);
	});

	test('toMessage copies; toDatasetMessage is a not-yet-trained view', () => {
		const c = data([0.5, 0.25], [1]);
		const m = toMessage(c);
		expect(m.points).not.toBe(c.points);
		expect(Array.from(m.points)).toEqual([0.5, 0.25]);
		expect(Object.keys(m).sort()).toEqual(
			['classNames', 'dim', 'labels', 'numClasses', 'points', 'split'].sort()
		);
		const v = toDatasetMessage(c);
		expect(v.dataVersion).toBe(-1);
		expect(v.points).toBeInstanceOf(Float32Array);
	});

	test.each([
		[900, '900 bytes'],
		[1024, '1 KB'],
		[12_800, '12.5 KB'],
		[2 * 1024 * 1024, '2 MB'],
		[2 * 1024 * 1024 + 1, '2.1 MB']
	])('formatBytes(%i) = %s', (n, want) => {
		expect(formatBytes(n)).toBe(want);
	});

	test('shortestFloat32 gives short text that reads back as the same float32', () => {
		for (const v of [0.1, -0.2, 1 / 3, 0.7071067811865476, 1e-7, -1, 0, 123.456]) {
			const f = Math.fround(v);
			const s = shortestFloat32(f);
			expect(Math.fround(s)).toBe(f);
			expect(String(s).length).toBeLessThanOrEqual(String(f).length);
		}
		expect(shortestFloat32(Math.fround(0.1))).toBe(0.1);
		expect(shortestFloat32(Number.NaN)).toBeNaN();
	});
});
