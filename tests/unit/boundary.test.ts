import { describe, expect, test } from 'vitest';
import {
	arcAngleStats,
	classArcs2d,
	marginBound,
	M_MIN_BINARY,
	M_MIN_MULTICLASS
} from '../../src/lib/math/circle';
import { boundaryAngle2d, marginBetweenBoundaries } from '../../src/lib/math/boundary';
import type { HeadKind } from '../../src/lib/math/psi';
import { closeTo, reference } from './reference';

describe('boundary angles match the reference', () => {
	test.each(
		reference.boundary_angles_2d.map(
			(r) => [`${r.kind} Δ=${r.delta.toFixed(4)} m=${r.m ?? '-'} λ=${r.lambda ?? '-'}`, r] as const
		)
	)('%s', (_name, row) => {
		const opts = { m: row.m, lambda: row.lambda };
		const t1 = boundaryAngle2d(row.kind as HeadKind, row.delta, opts);
		if (row.theta1 === null) {
			expect(t1).toBeNull();
			return;
		}
		expect(t1).not.toBeNull();
		expect(closeTo(t1 as number, row.theta1, 1e-12)).toBe(true);
		if (row.margin_between_boundaries !== undefined) {
			const margin = marginBetweenBoundaries(row.kind as HeadKind, row.delta, opts) as number;
			expect(closeTo(margin, row.margin_between_boundaries, 1e-12, 1e-3)).toBe(true);
		}
	});
});

describe('boundary geometry', () => {
	test.each([1, 2, 3, 4, 1.5, 2.5])('A-Softmax m = %s, λ = 0: margin is (m − 1)Δ/(m + 1)', (m) => {
		for (const delta of [0.3, 1, Math.PI / 2, 2.5, Math.PI]) {
			expect(marginBetweenBoundaries('asoftmax', delta, { m, lambda: 0 })).toBeCloseTo(
				((m - 1) * delta) / (m + 1),
				12
			);
		}
	});

	test('a larger m gives a larger margin; λ annealing shrinks it', () => {
		const d = Math.PI / 2;
		const at = (m: number, lambda = 0) =>
			marginBetweenBoundaries('asoftmax', d, { m, lambda }) as number;
		expect(at(2)).toBeLessThan(at(3));
		expect(at(3)).toBeLessThan(at(4));
		expect(at(4, 5)).toBeLessThan(at(4, 0));
		expect(at(4, 5)).toBeGreaterThan(at(4, 1000));
	});

	test('no boundary inside the arc gives null, never NaN', () => {
		expect(boundaryAngle2d('arcface', 0.3, { m: 0.5 })).toBeNull();
		expect(boundaryAngle2d('cosface', 0.1, { m: 0.35 })).toBeNull();
		expect(boundaryAngle2d('asoftmax', 0, { m: 4 })).toBeNull();
		expect(boundaryAngle2d('asoftmax', Number.NaN, { m: 4 })).toBeNull();
	});
});

describe('the margin λ really enforces (A-Softmax, λ > 0), against an independent grid solve', () => {
	/**
	 * SphereFace's ψ for integer m written out here, not taken from psi.ts:
	 * ψ(θ) = (−1)^k cos(mθ) − 2k with k = ⌊mθ/π⌋, and the blended target (λ cos θ + ψ)/(1 + λ).
	 */
	const target = (theta: number, m: number, lambda: number) => {
		const k = Math.floor((m * theta) / Math.PI);
		const psi = (k % 2 === 0 ? 1 : -1) * Math.cos(m * theta) - 2 * k;
		return (lambda * Math.cos(theta) + psi) / (1 + lambda);
	};
	/**
	 * The wedge between two unit weights Δ apart, by brute force: the share of a fine grid of
	 * directions φ between them (φ from w1, Δ − φ from w2) that neither class owns, class i
	 * owning φ when its target beats the other class's cos. No root finding, no symmetry assumed.
	 */
	const GRID = 200_000;
	const gridWedge = (delta: number, m: number, lambda: number) => {
		let free = 0;
		for (let i = 0; i < GRID; i++) {
			const phi = ((i + 0.5) / GRID) * delta;
			const first = target(phi, m, lambda) > Math.cos(delta - phi);
			const second = target(delta - phi, m, lambda) > Math.cos(phi);
			if (!first && !second) free++;
		}
		return (free / GRID) * delta;
	};
	const deg = Math.PI / 180;
	const cases = [2, 4].flatMap((m) =>
		[0, 1, 5].flatMap((lambda) => [60, 90].map((d) => [m, lambda, d] as const))
	);
	test.each(cases)('m = %i, λ = %i, weights %i° apart', (m, lambda, d) => {
		const delta = d * deg;
		const solved = marginBetweenBoundaries('asoftmax', delta, { m, lambda }) as number;
		// One grid cell is Δ/GRID (< 1e−5 rad); each edge can be off by one cell.
		expect(Math.abs(solved - gridWedge(delta, m, lambda))).toBeLessThan((2 * delta) / GRID);
		if (lambda === 0) expect(solved).toBeCloseTo(((m - 1) * delta) / (m + 1), 12);
		else expect(solved).toBeLessThan(((m - 1) * delta) / (m + 1));
	});

	test('m = 4, 60° apart: 36° nominal, about 16.7° at λ = 5 (the floor of the official schedule)', () => {
		const at = (lambda: number) =>
			(marginBetweenBoundaries('asoftmax', 60 * deg, { m: 4, lambda }) as number) / deg;
		expect(at(0)).toBeCloseTo(36, 10);
		expect(at(5)).toBeCloseTo(16.686, 2);
		expect(gridWedge(60 * deg, 4, 5) / deg).toBeCloseTo(16.686, 2);
	});
});

describe('class regions on the circle and the bounds on m', () => {
	/** max intra − min inter for a layout; ≤ 0 means SphereFace's criterion holds. */
	const excess = (angles: number[], m: number) => {
		const s = arcAngleStats(classArcs2d(angles, 'asoftmax', { m, lambda: 0 }));
		return s.maxIntra - s.minInter;
	};
	/** The m at which the criterion starts to hold, by bisection over m. */
	const crossing = (angles: number[]) => {
		let lo = 1.01;
		let hi = 8;
		for (let i = 0; i < 60; i++) {
			const mid = 0.5 * (lo + hi);
			if (excess(angles, mid) > 0) lo = mid;
			else hi = mid;
		}
		return hi;
	};

	test.each([Math.PI / 3, Math.PI / 2, (2 * Math.PI) / 3])(
		'two classes Δ = %s apart: the criterion starts to hold at m = 2 + √3',
		(delta) => {
			expect(crossing([0, delta])).toBeCloseTo(M_MIN_BINARY, 6);
			expect(excess([0, delta], 3)).toBeGreaterThan(0);
		}
	);

	test.each([3, 4, 6, 10])(
		'%s classes evenly spread: the criterion starts to hold at m = 3',
		(c) => {
			const angles = Array.from({ length: c }, (_, i) => (2 * Math.PI * i) / c);
			expect(crossing(angles)).toBeCloseTo(M_MIN_MULTICLASS, 6);
			expect(excess(angles, 2)).toBeGreaterThan(0);
			expect(excess(angles, 4)).toBeLessThan(0);
		}
	);

	test('modified softmax tiles the circle with no unowned wedge', () => {
		const arcs = classArcs2d([0, 2, 4], 'modified');
		const total = arcs.reduce((s, a) => s + (a?.width ?? 0), 0);
		expect(total).toBeCloseTo(2 * Math.PI, 9);
		expect(arcAngleStats(arcs).minInter).toBeLessThan(1e-9);
	});

	test('A-Softmax arcs around two weights Δ apart end at Δ/(m + 1) toward each other', () => {
		const [a] = classArcs2d([0, Math.PI / 2], 'asoftmax', { m: 4 });
		expect(a).not.toBeNull();
		expect((a!.start + a!.width) % (2 * Math.PI)).toBeCloseTo(Math.PI / 2 / 5, 9);
		expect(marginBound(2)).toBe(M_MIN_BINARY);
		expect(marginBound(5)).toBe(3);
	});
});
