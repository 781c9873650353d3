/**
 * The stored record of the user's data: what is written and the strict check of what is read
 * back (IndexedDB itself is the browser's; the e2e test reloads a page to cover it).
 */
import { describe, expect, test } from 'vitest';
import { fromStored, toStored } from '../../src/lib/state/dataStore';
import type { CustomData } from '../../src/lib/state/customData';

const custom: CustomData = {
	source: 'upload',
	name: 'last year.csv',
	dim: 2,
	numClasses: 3,
	points: Float64Array.from([0.5, -1, 1, 0, -0.25, 0.125]),
	labels: Int32Array.from([0, 1, 2]),
	split: Uint8Array.from([0, 1, 0]),
	classNames: ['cat', 'dog', 'fox']
};

const record = () => toStored(custom) as unknown as Record<string, unknown>;

describe('toStored / fromStored', () => {
	test('a round trip gives the same data set, in fresh arrays', () => {
		const stored = toStored(custom);
		expect(stored.version).toBe(1);
		expect(stored.points).not.toBe(custom.points);
		const back = fromStored(structuredClone(stored));
		expect(back).toEqual(custom);
		expect(back?.points).not.toBe(stored.points);
	});

	test('drawings without names and 3D uploads round-trip too', () => {
		const drawing: CustomData = { ...custom, source: 'drawing', name: '', classNames: null };
		expect(fromStored(toStored(drawing))).toEqual(drawing);
		const d3: CustomData = {
			...custom,
			dim: 3,
			points: Float64Array.from({ length: 9 }, () => 0.5)
		};
		expect(fromStored(toStored(d3))).toEqual(d3);
	});

	test.each<[string, (r: Record<string, unknown>) => unknown]>([
		['nothing stored', () => undefined],
		['not an object', () => 'x,y,label'],
		['another version', (r) => ({ ...r, version: 2 })],
		['an unknown source', (r) => ({ ...r, source: 'url' })],
		['a name that is not text', (r) => ({ ...r, name: 5 })],
		['4D inputs', (r) => ({ ...r, dim: 4 })],
		['one class', (r) => ({ ...r, numClasses: 1 })],
		['eleven classes', (r) => ({ ...r, numClasses: 11 })],
		[
			'plain arrays instead of typed ones',
			(r) => ({ ...r, points: [0.5, -1, 1, 0, -0.25, 0.125] })
		],
		['float32 points', (r) => ({ ...r, points: Float32Array.from(r.points as Float64Array) })],
		['points and labels of different lengths', (r) => ({ ...r, points: new Float64Array(4) })],
		['split of another length', (r) => ({ ...r, split: Uint8Array.from([0, 1]) })],
		[
			'no points',
			(r) => ({
				...r,
				points: new Float64Array(0),
				labels: new Int32Array(0),
				split: new Uint8Array(0)
			})
		],
		['a NaN coordinate', (r) => ({ ...r, points: Float64Array.from([NaN, 0, 0, 0, 0, 0]) })],
		[
			'a coordinate outside [−1, 1]',
			(r) => ({ ...r, points: Float64Array.from([2, 0, 0, 0, 0, 0]) })
		],
		['a label beyond the classes', (r) => ({ ...r, labels: Int32Array.from([0, 1, 3]) })],
		['a negative label', (r) => ({ ...r, labels: Int32Array.from([0, -1, 2]) })],
		['an unknown split', (r) => ({ ...r, split: Uint8Array.from([0, 3, 0]) })],
		['no training point', (r) => ({ ...r, split: Uint8Array.from([1, 1, 2]) })],
		['too few names', (r) => ({ ...r, classNames: ['cat'] })],
		['a name that is not a string', (r) => ({ ...r, classNames: ['cat', 2, 'fox'] })]
	])('reads %s as nothing stored', (_, corrupt) => {
		expect(fromStored(corrupt(record()))).toBeNull();
	});

	test('long file names are cut', () => {
		const long = fromStored({ ...record(), name: 'a'.repeat(500) });
		expect(long?.name.length).toBe(200);
	});
});
