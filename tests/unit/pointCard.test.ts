/**
 * The hover card's geometry (viz/pointCard.ts, viz/cardPlace.ts): the card of a snapshot's point is the
 * arithmetic of pointGradient/pointPair on that point, the arrow's gain is a round value, an
 * arrow past the cap is shortened and says so, and the unit circle's arrow is the push's part
 * across the feature's direction.
 */
import { describe, expect, test } from 'vitest';
import {
	ARROW_CAP,
	ARROW_KEYS,
	nearestInDirection,
	arrowGain,
	circleArrow,
	panelArrow,
	pointCard,
	pushOf,
	rawArrow,
	rawScale,
	roundGain,
	targetScoreLabel
} from '../../src/lib/viz/pointCard';
import { pointArithmetic } from '../../src/lib/math/pointGradient';
import { cardPosition, type CardPlace } from '../../src/lib/viz/cardPlace';
import { CIRCLE_R, circlePosition, rawToPanel } from '../../src/lib/viz/featurePlot';
import { SPLIT } from '../../src/lib/math/split';
import { circleSnapshot } from './circleSnapshot';

describe('roundGain', () => {
	test.each([
		[1, 1],
		[1.9, 1],
		[2, 2],
		[4.99, 2],
		[5, 5],
		[9.9, 5],
		[10, 10],
		[0.03, 0.02],
		[0.0071, 0.005],
		[0, 1],
		[-3, 1],
		[NaN, 1],
		[Infinity, 1]
	])('%s → %s', (g, want) => expect(roundGain(g)).toBeCloseTo(want, 12));
});

describe('arrows', () => {
	test('panelArrow: y up in features is up on the panel; past the cap it is shortened', () => {
		const a = panelArrow([200, 200], [1, 1], 10);
		expect(a.to).toEqual([210, 190]);
		expect(a).toMatchObject({ factor: 1, capped: false, tiny: false });
		const long = panelArrow([0, 0], [100, 0], 10);
		expect(long.capped).toBe(true);
		expect(long.to[0]).toBeCloseTo(ARROW_CAP, 9);
		expect(long.factor).toBeCloseTo(ARROW_CAP / 1000, 12);
		expect(panelArrow([0, 0], [0, 0], 10)).toMatchObject({ tiny: true, to: [0, 0] });
		expect(panelArrow([0, 0], [NaN, 1], 10)).toMatchObject({ tiny: true, to: [0, 0] });
	});

	test('a CosFace point: the card is pointArithmetic, the arrows follow its push', () => {
		const s = circleSnapshot([0, Math.PI / 2], 'cosface', 0.35);
		s.features = new Float32Array([2, 1, -1, 2]);
		const labels = Int32Array.from([0, 1]);
		const card = pointCard(s, labels, null, 0)!;
		expect(card.kind).toBe('head');
		const math = pointArithmetic(
			[2, 1],
			[
				[1, 0],
				[0, 1]
			],
			null,
			0,
			{
				kind: 'cosface',
				m: 0.35,
				lambda: 0,
				s: 30
			}
		);
		if (card.kind !== 'head') throw new Error('not a head card');
		expect(card.math.grad[0]).toBeCloseTo(math.grad[0], 6);
		expect(card.math.grad[1]).toBeCloseTo(math.grad[1], 6);
		const push = pushOf(card);
		const raw = rawArrow(card, 4, 2);
		const from = rawToPanel(2, 1, 4);
		expect(raw.from).toEqual(from);
		const k = 2 * rawScale(4) * raw.factor;
		expect(raw.to[0]).toBeCloseTo(from[0] + push[0] * k, 9);
		expect(raw.to[1]).toBeCloseTo(from[1] - push[1] * k, 9);
		// CosFace's push is across x already: the circle's arrow is the same direction.
		const circle = circleArrow(card, 0, 1)!;
		expect(circle.from).toEqual(circlePosition(2, 1, 0));
		const dx = circle.to[0] - circle.from[0];
		const dy = -(circle.to[1] - circle.from[1]);
		expect(dx * 2 + dy * 1).toBeCloseTo(0, 6);
		expect(Math.hypot(dx, dy)).toBeCloseTo(
			Math.min(ARROW_CAP, (Math.hypot(...push) * CIRCLE_R) / Math.hypot(2, 1)),
			5
		);
	});

	test('a zero feature has no circle arrow; a held-out class has no push', () => {
		const s = circleSnapshot([0, Math.PI / 2], 'arcface', 0.5);
		s.features = new Float32Array([0, 0, 1, 1]);
		const labels = Int32Array.from([0, 5]);
		const zero = pointCard(s, labels, null, 0)!;
		expect(circleArrow(zero, 0)).toBeNull();
		expect(pushOf(zero)).toEqual([0, 0]);
		const held = pointCard(s, labels, null, 1)!;
		expect(held.kind === 'head' && held.math.issue).toBe('noTarget');
		expect(pointCard(s, labels, null, 7)).toBeNull();
	});

	test('arrowGain: a round value that draws the typical push about 40 units long', () => {
		const s = circleSnapshot([0, Math.PI / 2, Math.PI], 'cosface', 0.35);
		s.features = new Float32Array([1, 0.3, 0.2, 1, -1, 0.4, 0.5, 0.5, -0.3, 1.2, -1, -0.2]);
		const labels = Int32Array.from([0, 1, 2, 1, 1, 2]);
		const split = Uint8Array.from([0, 0, 0, 0, 0, SPLIT.test]);
		const g = arrowGain(s, labels, split, 2);
		expect(roundGain(g)).toBe(g);
		const lengths = [0, 1, 2, 3, 4].map((i) =>
			Math.hypot(...pushOf(pointCard(s, labels, split, i)!))
		);
		lengths.sort((a, b) => a - b);
		const drawn = lengths[3] * g * rawScale(2);
		expect(drawn).toBeLessThanOrEqual(40 + 1e-9);
		expect(drawn).toBeGreaterThan(40 / 2.5 - 1e-9);
	});

	test('a triplet point: the card is the pair readout', () => {
		const s = circleSnapshot([0, Math.PI / 2], 'cosface', 1);
		s.lossKind = 'triplet';
		s.rule = 'nearestMean';
		s.features = new Float32Array([0, 0, 1, 0, 0, 2, 0.5, 0.5]);
		const labels = Int32Array.from([0, 0, 0, 1]);
		const card = pointCard(s, labels, new Uint8Array(4), 0)!;
		expect(card.kind).toBe('pair');
		if (card.kind !== 'pair') throw new Error('not a pair card');
		expect([card.pair.positive, card.pair.negative]).toEqual([2, 3]);
		expect(card.unit).toBe(false);
		expect(pushOf(card)).toEqual(card.pair.push);
	});
});

describe('nearestInDirection (the arrow keys)', () => {
	// Raw panel, extent 4: features (0,0) centre, (1,0) right, (2,0.5) further right, (0,1) up, (−1,−0.5) left and a little down.
	const s = circleSnapshot([0, Math.PI / 2], 'cosface', 0.35);
	s.features = new Float32Array([0, 0, 1, 0, 2, 0.5, 0, 1, -1, -0.5]);
	test.each([
		[0, 'ArrowRight', 1],
		[1, 'ArrowRight', 2],
		[2, 'ArrowRight', -1],
		[0, 'ArrowUp', 3],
		[0, 'ArrowDown', -1],
		[0, 'ArrowLeft', 4],
		[1, 'ArrowLeft', 0]
	])('from %s, %s → %s', (from, key, want) => {
		expect(nearestInDirection(s, from, 'raw', 4, ARROW_KEYS[key])).toBe(want);
	});
	test('with no point hovered it starts from the centre', () => {
		expect(nearestInDirection(s, -1, 'raw', 4, ARROW_KEYS.ArrowRight)).toBe(1);
	});
});

describe('cardPosition: beside, above or below the point, never over it', () => {
	/** A 600 × 400 figure fully in view; the card is 200 × 100. */
	const place = (points: [number, number][], view: Partial<CardPlace> = {}): CardPlace => ({
		points,
		width: 600,
		viewTop: 0,
		viewBottom: 400,
		viewLeft: 0,
		viewRight: 600,
		...view
	});
	test.each([
		['room on the right', [[100, 200]], {}, { left: 116, top: 150 }],
		['no room on the right: left of it', [[500, 200]], {}, { left: 284, top: 150 }],
		[
			'its twin right of it: left',
			[
				[300, 200],
				[400, 200]
			],
			{},
			{ left: 84, top: 150 }
		],
		[
			'marks on both sides: above',
			[
				[300, 200],
				[400, 200],
				[150, 200]
			],
			{},
			{ left: 200, top: 84 }
		],
		['near the top of the view: kept in view', [[100, 20]], {}, { left: 116, top: 0 }],
		[
			'the view ends at 250 (a dock): kept above it',
			[[100, 240]],
			{ viewBottom: 250 },
			{ left: 116, top: 150 }
		]
	] as const)('%s', (_name, points, view, want) => {
		expect(
			cardPosition(
				place(
					points.map((p) => [...p] as [number, number]),
					view
				),
				200,
				100
			)
		).toEqual(want);
	});
	test('the card never covers the point, wherever it is', () => {
		for (let x = 0; x <= 600; x += 50)
			for (let y = 0; y <= 400; y += 50) {
				const c = cardPosition(place([[x, y]]), 200, 100);
				const inside = x > c.left && x < c.left + 200 && y > c.top && y < c.top + 100;
				expect(inside, `${x}, ${y}`).toBe(false);
			}
	});
});

describe('targetScoreLabel', () => {
	test('names the score row of the heads with a scale, and only those', () => {
		expect(targetScoreLabel('cosface')).toBe('pointx.cosface');
		expect(targetScoreLabel('arcface')).toBe('pointx.arcface');
		expect(targetScoreLabel('combined')).toBe('pointx.combined');
		for (const k of ['softmax', 'modified', 'asoftmax', 'triplet', 'center'] as const)
			expect(targetScoreLabel(k)).toBeNull();
	});
});
