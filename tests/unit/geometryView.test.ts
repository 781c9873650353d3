/**
 * What the geometry views draw (viz/geometryView.ts) and what the history keeps of the
 * readouts (viz/history.ts): the numbers as written, the reference arrangement's name, one
 * trajectory point per readout, and the spokes of the least-energy arrangement on the circle.
 */
import { describe, expect, test } from 'vitest';
import {
	MAX_SPOKE_CLASSES,
	arrangementSpokes,
	formatReadout,
	geometryTrack,
	metricPoints,
	referenceKind
} from '../../src/lib/viz/geometryView';
import { TrainingHistory, type HistoryGeometry } from '../../src/lib/viz/history';
import { CIRCLE_R, PANEL } from '../../src/lib/viz/featurePlot';

const g = (step: number, alignment: number | null = 1): HistoryGeometry => ({
	step,
	alignment,
	uniformity: -2,
	energy: 0.6,
	simplexEnergy: 0.58
});
const point = (step: number, geometry?: HistoryGeometry) => ({
	step,
	loss: 1,
	trainAccuracy: 0.5,
	testAccuracy: 0.5,
	lambda: 0,
	geometry
});

describe('formatReadout', () => {
	test.each([
		[0.3142, '0.31'],
		[-2.106, '−2.11'],
		[-0.001, '0.00'],
		[null, '—'],
		[NaN, '—'],
		[Infinity, '—']
	])('%s → %s', (v, text) => expect(formatReadout(v)).toBe(text));
});

describe('referenceKind', () => {
	test.each([
		[2, 2, 'simplex'],
		[3, 2, 'simplex'],
		[4, 2, 'polygon'],
		[4, 3, 'simplex'],
		[5, 3, 'none'],
		[1, 2, 'none']
	])('%i directions in %iD: %s', (c, d, kind) => expect(referenceKind(c, d)).toBe(kind));
});

describe('the history and the trajectory', () => {
	test('the history keeps the readouts, non-finite numbers as null, and omits none', () => {
		const h = new TrainingHistory();
		h.push(point(1));
		h.push({ ...point(2), geometry: { ...g(2), energy: NaN } });
		expect(h.points[0].geometry).toBeUndefined();
		expect(h.points[1].geometry).toEqual({ ...g(2), energy: null });
	});

	test('one point per readout step; a lower step starts over', () => {
		const pts = [point(1), point(2, g(2)), point(3, g(2)), point(5, g(4)), point(6, g(6, null))];
		const track = geometryTrack(pts);
		expect(track.map((t) => t.step)).toEqual([2, 4, 6]);
		expect(metricPoints(track, 'alignment')).toEqual([
			[2, 1],
			[4, 1]
		]);
		expect(geometryTrack([...pts, point(1, g(1))]).map((t) => t.step)).toEqual([1]);
	});
});

describe('arrangementSpokes', () => {
	const snap = (angles: number[]) => ({
		featureDim: 2,
		numClasses: angles.length,
		weights: new Float32Array(angles.flatMap((a) => [Math.cos(a), Math.sin(a)]))
	});
	const C = PANEL / 2;

	test('three weights evenly spaced: the spokes lie on them, at the rim', () => {
		const angles = [0.3, 0.3 + (2 * Math.PI) / 3, 0.3 + (4 * Math.PI) / 3];
		const spokes = arrangementSpokes(snap(angles));
		spokes.forEach(([x, y], k) => {
			expect(x).toBeCloseTo(C + CIRCLE_R * Math.cos(angles[k]), 3);
			expect(y).toBeCloseTo(C - CIRCLE_R * Math.sin(angles[k]), 3);
		});
	});

	test('none for 3D, one class, too many classes, or a weight without direction', () => {
		expect(arrangementSpokes(null)).toEqual([]);
		expect(arrangementSpokes({ ...snap([0, 1]), featureDim: 3 })).toEqual([]);
		expect(arrangementSpokes(snap([0]))).toEqual([]);
		const many = Array.from({ length: MAX_SPOKE_CLASSES + 1 }, (_, k) => k);
		expect(arrangementSpokes(snap(many))).toEqual([]);
		expect(arrangementSpokes({ ...snap([0, 1]), weights: new Float32Array([1, 0, 0, 0]) })).toEqual(
			[]
		);
	});
});
