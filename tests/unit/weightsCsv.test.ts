/**
 * The class weights' download (`weightsCsv`, state/exports.ts): one row per classifier row,
 * the raw weights (unit direction × norm), data classes or names, the class means for the
 * metric losses; and the flipped-label counts the feature circle's note shows
 * (`flippedCounts`, viz/featurePoints.ts).
 */
import { describe, expect, test } from 'vitest';
import { weightsCsv } from '../../src/lib/state/exports';
import { flippedCounts } from '../../src/lib/viz/featurePoints';
import { circleSnapshot } from './circleSnapshot';

describe('weightsCsv', () => {
	test('raw weights, one row per class, in row order with data classes', () => {
		const s = circleSnapshot([0, Math.PI / 2, Math.PI], 'arcface', 0.5);
		s.weightNorms = Float32Array.from([2, 0.5, 4]);
		s.weightClasses = Int32Array.from([0, 2, 5]); // class 1, 3, 4 held out
		const lines = weightsCsv(s)!.trimEnd().split('\n');
		expect(lines[0]).toBe('class,w_1,w_2');
		const rows = lines.slice(1).map((l) => l.split(',').map(Number));
		expect(rows.map((r) => r[0])).toEqual([0, 2, 5]);
		const expected = [
			[2, 0],
			[0, 0.5],
			[-4, 0]
		];
		rows.forEach((r, k) => {
			expect(r[1]).toBeCloseTo(expected[k][0], 6);
			expect(r[2]).toBeCloseTo(expected[k][1], 6);
		});
	});

	test('class names, quoted when needed', () => {
		const s = circleSnapshot([0, 1], 'cosface', 0.3);
		const csv = weightsCsv(s, ['cat', 'dog, big'])!;
		expect(csv.split('\n')[1].startsWith('cat,')).toBe(true);
		expect(csv.split('\n')[2].startsWith('"dog, big",')).toBe(true);
	});

	test('sub-centers: one unit row per sub-center, class and index', () => {
		const s = Object.assign(circleSnapshot([0, 1], 'arcface', 0.5), {
			subCenters: { k: 2, subWeights: Float32Array.from([1, 0, 0, 1, -1, 0, 0, -1]) }
		});
		s.weightClasses = Int32Array.from([1, 3]);
		expect(weightsCsv(s)).toBe('class,sub,w_1,w_2\n1,0,1,0\n1,1,0,1\n3,0,-1,0\n3,1,0,-1\n');
		// K = 1 (or no readout): the class rows.
		s.subCenters.k = 1;
		expect(weightsCsv(s)!.split('\n')[0]).toBe('class,w_1,w_2');
	});

	test('metric losses: the class means; null without a snapshot', () => {
		const s = circleSnapshot([0, 1], 'cosface', 1);
		s.lossKind = 'triplet';
		s.rule = 'nearestDirection';
		s.classMeans = Float32Array.from([0.5, 0.25, -1, 2]);
		expect(weightsCsv(s)).toBe('class,mean_1,mean_2\n0,0.5,0.25\n1,-1,2\n');
		s.classMeans = null;
		expect(weightsCsv(s)).toBeNull();
		expect(weightsCsv(null)).toBeNull();
	});
});

describe('flippedCounts', () => {
	test('counts flipped points and training points', () => {
		const labels = Int32Array.from([0, 1, 1, 2, 0]);
		const truth = Int32Array.from([0, 0, 1, 1, 0]);
		const split = Uint8Array.from([0, 0, 0, 0, 1]);
		expect(flippedCounts(labels, split, truth)).toEqual({ flipped: 2, train: 4 });
		expect(flippedCounts(labels, split, null)).toEqual({ flipped: 0, train: 4 });
		expect(flippedCounts(null, null, null)).toEqual({ flipped: 0, train: 0 });
	});
});
