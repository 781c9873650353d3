import { describe, expect, test } from 'vitest';
import {
	boundaryCurve,
	boundaryCurves,
	boundaryRing,
	classTarget,
	figureRings,
	marginBand,
	nearestWeightPair,
	PAPER_MARGINS,
	type AnglePoint,
	type FigureOptions
} from '../../src/lib/math/boundaryFigure';
import type { HeadKind } from '../../src/lib/math/psi';
import { LOSS_NAMES } from '../../src/lib/math/margins';
import {
	FIGURE_FORMULAS,
	figureDescription,
	formatDegrees,
	labelWidth,
	ringArcs,
	ringLayout,
	W1_ANGLE,
	type BoundaryWords
} from '../../src/lib/viz/boundaryFigure';
import { boxAt, boxesOverlap } from '../../src/lib/viz/labelPlacement';
import { closeTo, reference } from './reference';

const PI = Math.PI;
const deg = (d: number) => (d * PI) / 180;

/** Every loss and parameter set the figure can be asked for, including the edges of the sliders. */
const CASES: [string, HeadKind, FigureOptions][] = [
	['softmax r = 1', 'softmax', {}],
	['softmax r = 0.5', 'softmax', { normRatio: 0.5 }],
	['softmax r = 2', 'softmax', { normRatio: 2 }],
	['modified', 'modified', {}],
	...[1, 1.5, 2, 3, 4, 6].flatMap((m): [string, HeadKind, FigureOptions][] => [
		[`A-Softmax m = ${m}`, 'asoftmax', { m }],
		[`A-Softmax m = ${m}, λ = 5`, 'asoftmax', { m, lambda: 5 }]
	]),
	...[0, 0.2, 0.35, 0.8].map((m): [string, HeadKind, FigureOptions] => [
		`CosFace m = ${m}`,
		'cosface',
		{ m }
	]),
	...[0, 0.3, 0.5, 1.2].flatMap((m): [string, HeadKind, FigureOptions][] => [
		[`ArcFace m = ${m}`, 'arcface', { m }],
		[`ArcFace m = ${m}, plain`, 'arcface', { m, arcfaceVariant: 'plain' }]
	])
];

const flat = (pieces: AnglePoint[][]) => pieces.flat();

describe('angle space: every sampled point lies on its boundary', () => {
	test.each(CASES)('%s', (_name, kind, opts) => {
		const { class1, class2 } = boundaryCurves(kind, opts);
		expect(class1.length).toBeGreaterThan(0);
		expect(class2.length).toBeGreaterThan(0);
		for (const [cls, pieces] of [
			[1, class1],
			[2, class2]
		] as const) {
			for (const piece of pieces) {
				expect(piece.length).toBeGreaterThanOrEqual(2);
				for (const [t1, t2] of piece) {
					expect(Number.isFinite(t1) && Number.isFinite(t2)).toBe(true);
					expect(t1).toBeGreaterThanOrEqual(0);
					expect(t1).toBeLessThanOrEqual(PI);
					expect(t2).toBeGreaterThanOrEqual(0);
					expect(t2).toBeLessThanOrEqual(PI);
					// Class 1: t1(θ1) = cos θ2; class 2: t2(θ2) = cos θ1.
					const residual =
						cls === 1
							? classTarget(kind, 1, t1, opts) - Math.cos(t2)
							: classTarget(kind, 2, t2, opts) - Math.cos(t1);
					expect(Math.abs(residual)).toBeLessThan(1e-9);
				}
				// A piece is a connected curve: no step between neighbours is a jump.
				for (let i = 1; i < piece.length; i++) {
					const step = Math.hypot(piece[i][0] - piece[i - 1][0], piece[i][1] - piece[i - 1][1]);
					expect(step).toBeLessThan(0.25);
				}
			}
		}
	});
});

describe('angle space: where the curves leave the square', () => {
	test.each([2, 3, 4, 6])('A-Softmax m = %s: class 1 runs from (0, 0) to (π/m, π)', (m) => {
		const pieces = boundaryCurve('asoftmax', 1, { m });
		expect(pieces).toHaveLength(1);
		const p = pieces[0];
		expect(p[0][0]).toBe(0);
		expect(p[0][1]).toBeCloseTo(0, 7);
		// ψ is flat at its branch end: the last θ1 with ψ ≥ −1 in float64 is π/m + O(1e-8).
		expect(p.at(-1)![0]).toBeCloseTo(PI / m, 7);
		expect(p.at(-1)![1]).toBeCloseTo(PI, 6);
	});

	test.each([0.3, 0.5, 1.2])(
		'ArcFace m = %s (th_mm): θ2 = θ1 + m up to θ1 = π − m, then none',
		(m) => {
			const pieces = boundaryCurve('arcface', 1, { m });
			expect(pieces).toHaveLength(1);
			for (const [t1, t2] of pieces[0]) expect(t2).toBeCloseTo(t1 + m, 6);
			expect(pieces[0].at(-1)![0]).toBeCloseTo(PI - m, 9);
			expect(pieces[0].at(-1)![0]).toBeLessThan(PI - m);
		}
	);

	test('ArcFace plain: the curve turns back down past π − m (what th_mm avoids)', () => {
		const pieces = boundaryCurve('arcface', 1, { m: 0.5, arcfaceVariant: 'plain' });
		const last = flat(pieces).at(-1)!;
		expect(last[0]).toBeCloseTo(PI, 12);
		expect(last[1]).toBeCloseTo(PI - 0.5, 6);
	});

	test('CosFace m = 0.35: from (0, acos 0.65) to where cos θ1 = m − 1', () => {
		const pieces = boundaryCurve('cosface', 1, { m: 0.35 });
		expect(pieces).toHaveLength(1);
		expect(pieces[0][0][1]).toBeCloseTo(Math.acos(0.65), 12);
		expect(pieces[0].at(-1)![0]).toBeCloseTo(Math.acos(0.35 - 1), 9);
	});

	test('softmax r = 2: class 1 enters at θ1 = acos(1/2) and leaves at acos(−1/2); class 2 is the same set', () => {
		const c1 = boundaryCurve('softmax', 1, { normRatio: 2 });
		expect(c1).toHaveLength(1);
		expect(c1[0][0][0]).toBeCloseTo(PI / 3, 9);
		expect(c1[0][0][1]).toBeCloseTo(0, 6);
		expect(c1[0].at(-1)![0]).toBeCloseTo((2 * PI) / 3, 9);
		for (const [t1, t2] of flat(boundaryCurve('softmax', 2, { normRatio: 2 })))
			expect(2 * Math.cos(t1) - Math.cos(t2)).toBeCloseTo(0, 12);
	});
});

describe('the losses that reduce to modified softmax', () => {
	const modified = boundaryCurves('modified', {});
	const same = (a: AnglePoint[][], b: AnglePoint[][]) => {
		expect(a.length).toBe(b.length);
		a.forEach((piece, i) => {
			expect(piece.length).toBe(b[i].length);
			piece.forEach(([x, y], j) => {
				expect(Math.abs(x - b[i][j][0])).toBeLessThan(1e-12);
				expect(Math.abs(y - b[i][j][1])).toBeLessThan(1e-7);
			});
		});
	};
	test.each([
		['softmax, r = 1', 'softmax', { normRatio: 1 }],
		['A-Softmax m = 1', 'asoftmax', { m: 1 }],
		['A-Softmax m = 1, λ = 5', 'asoftmax', { m: 1, lambda: 5 }],
		['CosFace m = 0', 'cosface', { m: 0 }],
		['ArcFace m = 0', 'arcface', { m: 0 }]
	] as [string, HeadKind, FigureOptions][])('%s', (_name, kind, opts) => {
		const c = boundaryCurves(kind, opts);
		same(c.class1, modified.class1);
		same(c.class2, modified.class2);
		for (const delta of [deg(20), deg(90), deg(135), PI]) {
			const ring = boundaryRing(kind, delta, opts);
			expect(ring.theta1).toBeCloseTo(delta / 2, 12);
			expect(ring.theta2).toBeCloseTo(delta / 2, 12);
			expect(ring.margin).toBeCloseTo(0, 12);
		}
	});

	test('modified softmax: the diagonal θ2 = θ1', () => {
		for (const [t1, t2] of flat(modified.class1)) expect(t2).toBeCloseTo(t1, 7);
	});
});

describe('on the circle: the boundary angles match the reference', () => {
	test.each(
		reference.boundary_angles_2d.map(
			(r) => [`${r.kind} Δ=${r.delta.toFixed(4)} m=${r.m ?? '-'} λ=${r.lambda ?? '-'}`, r] as const
		)
	)('%s', (_name, row) => {
		const ring = boundaryRing(row.kind as HeadKind, row.delta, { m: row.m, lambda: row.lambda });
		if (row.theta1 === null) {
			expect(ring.theta1).toBeNull();
			expect(ring.margin).toBeNull();
			return;
		}
		expect(closeTo(ring.theta1 as number, row.theta1, 1e-12)).toBe(true);
		expect(ring.theta2).toBe(ring.theta1);
		if (row.margin_between_boundaries !== undefined)
			expect(closeTo(ring.margin as number, row.margin_between_boundaries, 1e-12, 1e-3)).toBe(true);
	});
});

describe('rings', () => {
	test('the paper margins at Δ = 90°: A-Softmax 54°, CosFace ≈ 28.7°, ArcFace 45° − 28.6°', () => {
		const rings = figureRings(deg(90), { ...PAPER_MARGINS });
		expect(rings.map((r) => r.kind)).toEqual([
			'softmax',
			'modified',
			'asoftmax',
			'cosface',
			'arcface'
		]);
		expect(rings[2].margin).toBeCloseTo((3 * PI) / 2 / 5, 12);
		expect(rings[3].margin).toBeCloseTo(PI / 2 - 2 * 0.5353120719449607, 12);
		expect(rings[4].margin).toBeCloseTo(0.5, 12);
	});

	test.each([
		['CosFace 0.35 at 20°', 'cosface', { m: 0.35 }, deg(20)],
		['ArcFace 0.5 at 20°', 'arcface', { m: 0.5 }, deg(20)],
		['ArcFace 1.2 at 60°', 'arcface', { m: 1.2 }, deg(60)],
		['softmax r = 0.2 at 30°', 'softmax', { normRatio: 0.2 }, deg(30)],
		['Δ = 0', 'asoftmax', { m: 4 }, 0],
		['Δ NaN', 'modified', {}, Number.NaN],
		['Δ > π', 'modified', {}, 4]
	] as [string, HeadKind, FigureOptions, number][])(
		'no boundary inside the arc: %s',
		(_n, kind, opts, delta) => {
			expect(boundaryRing(kind, delta, opts)).toEqual({
				kind,
				theta1: null,
				theta2: null,
				margin: null
			});
		}
	);

	test.each([0.5, 0.9, 1.5, 3])(
		'softmax r = %s: one boundary, r·cos θ1 = cos(Δ − θ1), no wedge',
		(r) => {
			for (const delta of [deg(60), deg(90), deg(170), PI]) {
				const ring = boundaryRing('softmax', delta, { normRatio: r });
				if (ring.theta1 === null) continue;
				expect(r * Math.cos(ring.theta1) - Math.cos(delta - ring.theta1)).toBeCloseTo(0, 12);
				expect(ring.theta1 + (ring.theta2 as number)).toBeCloseTo(delta, 12);
				expect(ring.margin).toBe(0);
			}
		}
	);

	test('A-Softmax: the wedge grows with Δ; ArcFace: the wedge is m whatever Δ', () => {
		for (const delta of [deg(40), deg(90), deg(150)]) {
			expect(boundaryRing('asoftmax', delta, { m: 4 }).margin).toBeCloseTo((3 * delta) / 5, 12);
			expect(boundaryRing('arcface', delta, { m: 0.5 }).margin).toBeCloseTo(0.5, 12);
		}
	});

	test('bad margins fall back or clamp instead of giving NaN', () => {
		const rings = figureRings(deg(90), { asoftmax: Number.NaN, cosface: -1, arcface: Infinity });
		for (const r of rings) expect(r.theta1 === null || Number.isFinite(r.theta1)).toBe(true);
		expect(rings[2].margin).toBeCloseTo((3 * PI) / 2 / 5, 12); // NaN m → the paper's 4
		expect(rings[3].margin).toBeCloseTo(0, 12); // m < 0 → 0
	});
});

describe('the margin band', () => {
	/** Shoelace area of a polygon. */
	const area = (p: AnglePoint[]) => {
		let s = 0;
		for (let i = 0; i < p.length; i++) {
			const [x1, y1] = p[i];
			const [x2, y2] = p[(i + 1) % p.length];
			s += x1 * y2 - x2 * y1;
		}
		return Math.abs(s) / 2;
	};
	test('zero for softmax and modified softmax, ArcFace ≈ the band |θ2 − θ1| ≤ m', () => {
		expect(area(marginBand('modified'))).toBeLessThan(1e-9);
		expect(area(marginBand('softmax', { normRatio: 2 }))).toBeLessThan(1e-9);
		// Inside the square the band |θ2 − θ1| ≤ m, plus the corner where class 1 cannot win.
		const m = 0.5;
		const band = area(marginBand('arcface', { m }));
		expect(band).toBeGreaterThan(PI * PI - (PI - m) ** 2 - 1e-3);
		expect(band).toBeLessThan(PI * PI - (PI - m) ** 2 + 1e-3);
	});
	test('every vertex is finite and inside the square; a larger m gives a larger band', () => {
		for (const m of [2, 3, 4]) {
			for (const [x, y] of marginBand('asoftmax', { m })) {
				expect(x).toBeGreaterThanOrEqual(0);
				expect(x).toBeLessThanOrEqual(PI);
				expect(y).toBeGreaterThanOrEqual(0);
				expect(y).toBeLessThanOrEqual(PI);
			}
		}
		expect(area(marginBand('asoftmax', { m: 2 }))).toBeLessThan(
			area(marginBand('asoftmax', { m: 4 }))
		);
		expect(area(marginBand('cosface', { m: 0.2 }))).toBeLessThan(
			area(marginBand('cosface', { m: 0.35 }))
		);
	});
});

describe('nearestWeightPair', () => {
	const polar = (...degs: number[]) => degs.flatMap((d) => [Math.cos(deg(d)), Math.sin(deg(d))]);
	test.each([
		['three weights in 2-D', polar(0, 30, 100), 3, 2, { i: 0, j: 1, delta: deg(30) }],
		['the closest pair last', polar(0, 120, 240, 250), 4, 2, { i: 2, j: 3, delta: deg(10) }],
		[
			'norms do not matter',
			[3, 0, 0, 0.1, 5, 5.1],
			3,
			2,
			{ i: 1, j: 2, delta: Math.atan2(5, 5.1) }
		],
		['across ±180°', polar(170, -170, 60), 3, 2, { i: 0, j: 1, delta: deg(20) }],
		['ties: the first pair', polar(0, 90, 180, 270), 4, 2, { i: 0, j: 1, delta: deg(90) }],
		['two opposite weights', [1, 0, 0, -2, 0, 0], 2, 3, { i: 0, j: 1, delta: PI }],
		['identical rows', [1, 2, 1, 2], 2, 2, { i: 0, j: 1, delta: 0 }],
		['a zero row is skipped', [0, 0, 1, 0, 0, 1], 3, 2, { i: 1, j: 2, delta: deg(90) }],
		['huge and tiny rows', [1e200, 0, 0, 1e-200], 2, 2, { i: 0, j: 1, delta: deg(90) }],
		['only the first k rows', [1, 0, 0, 1, 1, 0.001], 2, 2, { i: 0, j: 1, delta: deg(90) }],
		[
			'Float32Array, 3-D',
			new Float32Array([1, 0, 0, 0, 1, 0, 0, 0, -1]),
			3,
			3,
			{ i: 0, j: 1, delta: deg(90) }
		]
	] as [string, ArrayLike<number>, number, number, { i: number; j: number; delta: number }][])(
		'%s',
		(_name, w, k, dim, want) => {
			const got = nearestWeightPair(w, k, dim);
			expect(got).not.toBeNull();
			expect(got!.i).toBe(want.i);
			expect(got!.j).toBe(want.j);
			expect(got!.delta).toBeCloseTo(want.delta, 12);
		}
	);

	test('a tiny angle keeps its digits (where acos of the cosine would give 0)', () => {
		const got = nearestWeightPair([1, 0, 1, 1e-9], 2, 2);
		expect(got!.delta).toBeCloseTo(1e-9, 20);
		expect(got!.delta / 1e-9).toBeCloseTo(1, 12);
	});

	test.each([
		['no rows', [], 0, 2],
		['one row', [1, 0], 1, 2],
		['one usable row', [1, 0, 0, 0], 2, 2],
		['all zero', [0, 0, 0, 0], 2, 2],
		['NaN', [1, 0, Number.NaN, 1], 2, 2],
		['Infinity', [1, 0, Infinity, 1], 2, 2],
		['too short for k × dim', [1, 0, 0], 2, 2],
		['dim 0', [1, 0, 0, 1], 2, 0],
		['fractional k', [1, 0, 0, 1], 1.5, 2],
		['NaN dim', [1, 0, 0, 1], 2, Number.NaN]
	] as [string, number[], number, number][])('null: %s', (_name, w, k, dim) => {
		expect(nearestWeightPair(w, k, dim)).toBeNull();
	});
});

describe('the figure layout (viz)', () => {
	const EN_LABELS = [
		'Softmax: 0°',
		'Modified softmax: 0°',
		'A-Softmax: 108°',
		'CosFace: no boundary',
		'ArcFace: no boundary'
	];
	const KO_LABELS = [
		'Softmax: 0°',
		'수정 Softmax: 0°',
		'A-Softmax: 54°',
		'CosFace: 경계 없음',
		'ArcFace: 29°'
	];

	test.each([260, 330, 400, 600])('width %s: labels clear of each other and left of W1', (w) => {
		for (const labels of [EN_LABELS, KO_LABELS]) {
			for (const d of [deg(20), deg(90), PI]) {
				const L = ringLayout(w, labels, d);
				for (const v of [L.width, L.height, L.cx, L.cy, L.arrow, ...L.radii, ...L.labels.flat()])
					expect(Number.isFinite(v)).toBe(true);
				for (let i = 1; i < L.radii.length; i++)
					expect(L.radii[i] - L.radii[i - 1]).toBeGreaterThanOrEqual(L.band + 4);
				const boxes = L.labels.map(([x, y], i) => boxAt(x, y, labelWidth(labels[i]), 19));
				boxes.forEach((b, i) => {
					expect(b.x1, labels[i]).toBeLessThan(L.cx);
					boxes.slice(i + 1).forEach((c) => expect(boxesOverlap(b, c)).toBe(false));
				});
				// The circle and its arrows stay inside the panel.
				expect(L.cx + L.arrow).toBeLessThanOrEqual(L.width);
				expect(L.cy - L.arrow).toBeGreaterThanOrEqual(0);
				expect(L.cy + L.arrow).toBeLessThanOrEqual(L.height);
			}
		}
	});

	test("a ring's arcs cover W1 to W2: class 1, the wedge, class 2", () => {
		for (const delta of [deg(20), deg(90), PI]) {
			for (const ring of figureRings(delta, { ...PAPER_MARGINS })) {
				const a = ringArcs(ring, delta);
				if (ring.theta1 === null) {
					expect(a.class1).toBeNull();
					expect(a.class2).toBeNull();
					expect(a.gap).toEqual([W1_ANGLE - delta, W1_ANGLE]);
					continue;
				}
				const span = (s: [number, number] | null) => (s ? s[1] - s[0] : 0);
				expect(span(a.class1) + span(a.gap) + span(a.class2)).toBeCloseTo(delta, 12);
				expect(span(a.gap)).toBeCloseTo(ring.margin as number, 12);
				expect(a.class1![1]).toBe(W1_ANGLE);
				expect(a.class2![0]).toBeCloseTo(W1_ANGLE - delta, 15);
			}
		}
	});

	test.each([
		[deg(54), '54'],
		[deg(28.6479), '29'],
		[deg(2.5), '2.5'],
		[0, '0'],
		[-1e-17, '0'],
		[Number.NaN, '—']
	])('formatDegrees(%s) = %s', (rad, text) => {
		expect(formatDegrees(rad)).toBe(text);
	});

	test('the description names every loss, its margin and its wedge', () => {
		const words: BoundaryWords = {
			...FIGURE_FORMULAS,
			names: LOSS_NAMES,
			ringNone: '{loss}: no boundary',
			softmaxEqual: 'Softmax, equal norms',
			wedge: '{loss} leaves a {angle}° wedge',
			noWedge: '{loss} has no boundary',
			description: '{delta}° apart: {wedges}.'
		};
		const margins = { ...PAPER_MARGINS };
		const text = figureDescription(words, figureRings(deg(40), margins), deg(40), margins, 0, 1);
		expect(text).toBe(
			'40° apart: Softmax leaves a 0° wedge; Modified softmax leaves a 0° wedge; ' +
				'A-Softmax, m = 4 leaves a 24° wedge; CosFace, m = 0.35 has no boundary; ' +
				'ArcFace, m = 0.5 leaves a 29° wedge.'
		);
	});
});
