import { describe, expect, test } from 'vitest';
import {
	boxAt,
	boxesOverlap,
	placeLabels,
	segmentCrossesBox,
	textWidth
} from '../../src/lib/viz/labelPlacement';
import { classMarks, labelFont, panelLabels } from '../../src/lib/viz/featureLabels';
import { circleGeometry } from '../../src/lib/viz/featureGeometry';
import { CIRCLE_R, PANEL } from '../../src/lib/viz/featurePlot';
import type { Snapshot } from '../../src/lib/model/snapshot';
import type { HeadKind } from '../../src/lib/math/psi';
import { circleSnapshot } from './circleSnapshot';

/** A 2D snapshot with unit weights at the given angles (degrees). */
const snap = (degrees: number[], lossKind: HeadKind, m: number): Snapshot =>
	circleSnapshot(
		degrees.map((d) => (d * Math.PI) / 180),
		lossKind,
		m
	);

describe('segmentCrossesBox', () => {
	const box = boxAt(0, 0, 10, 4);
	test.each([
		['through the middle', { x1: -10, y1: 0, x2: 10, y2: 0 }, true],
		['diagonal through a corner region', { x1: -10, y1: -10, x2: 10, y2: 10 }, true],
		['ends inside', { x1: 0, y1: 0, x2: 50, y2: 50 }, true],
		['passes above', { x1: -10, y1: 5, x2: 10, y2: 5 }, false],
		['stops short', { x1: -20, y1: 0, x2: -6, y2: 0 }, false],
		['vertical beside', { x1: 6, y1: -10, x2: 6, y2: 10 }, false]
	])('%s', (_, s, crosses) => expect(segmentCrossesBox(s, box)).toBe(crosses));
});

describe('placeLabels', () => {
	const bounds = { x0: 0, y0: 0, x1: 100, y1: 100 };
	test('takes the first candidate that clashes with nothing', () => {
		const segment = { x1: 0, y1: 50, x2: 100, y2: 50 };
		const [at] = placeLabels(
			[
				{
					width: 10,
					height: 6,
					candidates: [
						[50, 50],
						[50, 40]
					]
				}
			],
			[segment],
			bounds
		);
		expect(at).toEqual([50, 40]);
	});
	test('a later label avoids an earlier one', () => {
		const req = {
			width: 20,
			height: 10,
			candidates: [
				[50, 50],
				[50, 70]
			] as [number, number][]
		};
		const [a, b] = placeLabels([req, req], [], bounds);
		expect(a).toEqual([50, 50]);
		expect(b).toEqual([50, 70]);
	});
	test('keeps inside the bounds', () => {
		const [at] = placeLabels(
			[
				{
					width: 20,
					height: 10,
					candidates: [
						[2, 2],
						[20, 20]
					]
				}
			],
			[],
			bounds
		);
		expect(at).toEqual([20, 20]);
	});
	test('with no clean candidate, the one with fewest clashes; no finite candidate: NaN', () => {
		const segments = [
			{ x1: 0, y1: 50, x2: 100, y2: 50 },
			{ x1: 50, y1: 0, x2: 50, y2: 100 }
		];
		const [at, none] = placeLabels(
			[
				{
					width: 10,
					height: 10,
					candidates: [
						[50, 50],
						[20, 50]
					]
				},
				{ width: 10, height: 10, candidates: [[NaN, 3]] }
			],
			segments,
			bounds
		);
		expect(at).toEqual([20, 50]);
		expect(none.every(Number.isNaN)).toBe(true);
	});
	test('text width grows with the text and the font', () => {
		expect(textWidth('W10', 14)).toBeGreaterThan(textWidth('W1', 14));
		expect(textWidth('W1', 20)).toBeCloseTo((textWidth('W1', 10) * 20) / 10);
	});
});

describe('labelFont', () => {
	test.each([
		[400, 14],
		[200, 13],
		[1000, 26]
	])('a %i px panel draws its labels at %i px on screen', (width, px) => {
		expect((labelFont(width) * width) / PANEL).toBeCloseTo(px);
	});
	test('no width yet: the design size', () => expect(labelFont(0)).toBe(14));
});

/** Every pair of placed label boxes, and every label against every arrow: clashes. */
function clashes(s: Snapshot, font: number) {
	const labels = panelLabels('circle', s, 1, circleGeometry(s), font);
	const boxes = labels.map((l) => boxAt(l.x, l.y, textWidth(l.text, font * 1.07), font * 1.15));
	const arrows = classMarks('circle', s, 1).map((m) => ({
		x1: PANEL / 2,
		y1: PANEL / 2,
		x2: m.tip[0],
		y2: m.tip[1]
	}));
	let n = 0;
	boxes.forEach((b, i) => {
		for (const a of arrows) if (segmentCrossesBox(a, b)) n++;
		for (let j = i + 1; j < boxes.length; j++) if (boxesOverlap(b, boxes[j])) n++;
	});
	return { labels, n };
}

describe('panelLabels on the unit circle', () => {
	test('spread weights: every label on its own ray, none crossing an arrow or a label', () => {
		const s = snap([0, 90, 180, 270], 'asoftmax', 4);
		const { labels, n } = clashes(s, 14);
		expect(labels.filter((l) => l.kind === 'class').map((l) => l.text)).toEqual([
			'W1',
			'W2',
			'W3',
			'W4'
		]);
		expect(labels.filter((l) => l.kind === 'wedge')).toHaveLength(4);
		expect(labels.every((l) => l.leader === null)).toBe(true);
		expect(n).toBe(0);
	});
	test('two weights 12° apart (the crowded case): the narrow wedge’s label moves clear, with a leader', () => {
		const s = snap([60, 72, 180, 250], 'asoftmax', 4);
		const { labels, n } = clashes(s, 16);
		expect(n).toBe(0);
		const narrow = labels.find((l) => l.kind === 'wedge' && l.data.between === '0-1');
		expect(narrow).toBeDefined();
		// Its wedge lies between 60° and 72°: a label outside that sector points back to it.
		const angle = (Math.atan2(PANEL / 2 - narrow!.y, narrow!.x - PANEL / 2) * 180) / Math.PI;
		const r = Math.hypot(narrow!.x - PANEL / 2, narrow!.y - PANEL / 2);
		const insideWedge = angle > 60 && angle < 72 && r <= CIRCLE_R;
		expect(narrow!.leader === null).toBe(insideWedge);
	});
	test('wedge labels carry their angles for tests and exports', () => {
		const s = snap([0, 90, 180, 270], 'cosface', 0.35);
		const wedge = panelLabels('circle', s, 1, circleGeometry(s), 14).find(
			(l) => l.kind === 'wedge'
		)!;
		expect(Number(wedge.data['wedge-deg'])).toBeCloseTo(Number(wedge.text.replace('°', '')), 1);
	});
	test('a weight that is not finite draws no arrow and no label', () => {
		const s = snap([0, 90, 180], 'softmax', 1);
		s.weights[2] = NaN;
		expect(classMarks('circle', s, 1).map((m) => m.name)).toEqual(['W1', 'W3']);
	});
});
