/**
 * The geometry readouts (math/geometry.ts): Wang & Isola's alignment and uniformity, Liu et
 * al.'s hyperspherical energy, the regular simplex and its fit to the weights; and the
 * Procrustes rotation behind the fit (math/procrustes.ts). Expected values are worked out by
 * hand in the comments.
 */
import { describe, expect, test } from 'vitest';
import {
	ENERGY_PAIR_CAP,
	alignmentUniformity,
	forEachPairIndex,
	energyOf,
	fittedArrangement,
	geometryReadout,
	hypersphericalEnergy,
	regularArrangement,
	simplexEnergy
} from '../../src/lib/math/geometry';
import { procrustes, symmetricEigen } from '../../src/lib/math/procrustes';
import { createRng } from '../../src/lib/math/rng';
import { forEachPair, type PairOptions } from '../../src/lib/math/stats';

const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
/** Rows at polar angles (radians), with lengths 1, 2, 3… (directions are all that count). */
const polar = (angles: number[]) =>
	angles.flatMap((a, i) => [(1 + i) * Math.cos(a), (1 + i) * Math.sin(a)]);
/** Rotation of 2D rows by φ. */
const rotate2 = (rows: number[], phi: number) =>
	rows.flatMap((_, i) =>
		i % 2
			? []
			: [
					Math.cos(phi) * rows[i] - Math.sin(phi) * rows[i + 1],
					Math.sin(phi) * rows[i] + Math.cos(phi) * rows[i + 1]
				]
	);

describe('forEachPairIndex', () => {
	test.each<[number, PairOptions]>([
		[6, {}],
		[6, { maxPairs: 15 }],
		[50, { maxPairs: 300, seed: 4 }],
		[50, { maxPairs: 300, seed: 5 }]
	])('visits the pairs the angle statistics visit (%i rows, %o)', (n, opts) => {
		const units = Array.from({ length: n }, (_, i) => [Math.cos(i), Math.sin(i)]);
		const theirs: number[][] = [];
		const ours: number[][] = [];
		const a = forEachPair(units, opts, (i, j) => theirs.push([i, j]));
		const b = forEachPairIndex(n, opts, (i, j) => ours.push([i, j]));
		expect(b).toBe(a);
		expect(ours).toEqual(theirs);
		expect(ours.length).toBe(Math.min((n * (n - 1)) / 2, opts.maxPairs ?? Infinity));
	});
});

describe('alignmentUniformity', () => {
	test('two antipodal unit vectors of one class: alignment 4, uniformity −8', () => {
		// ‖u − v‖² = 4, so alignment = 4; uniformity = log exp(−2·4) = −8.
		const r = alignmentUniformity([1, 0, -3, 0], 2, [0, 0]);
		expect(r.alignment).toBeCloseTo(4, 12);
		expect(r.uniformity).toBeCloseTo(-8, 12);
		expect(r).toMatchObject({ pairs: 1, positivePairs: 1, sampled: false });
	});

	test('antipodal pair of two classes: no same-class pair, so alignment is null', () => {
		const r = alignmentUniformity([1, 0, -1, 0], 2, [0, 1]);
		expect(r.alignment).toBeNull();
		expect(r.uniformity).toBeCloseTo(-8, 12);
	});

	test('three points at 0°, 90°, 180°, classes (0, 0, 1)', () => {
		// Pair distances²: 0°–90°: 2, 0°–180°: 4, 90°–180°: 2. Same class: only 0°–90° → 2.
		// uniformity = log((e^−4 + e^−8 + e^−4)/3).
		const r = alignmentUniformity(polar([0, Math.PI / 2, Math.PI]), 2, [0, 0, 1]);
		expect(r.alignment).toBeCloseTo(2, 12);
		expect(r.uniformity).toBeCloseTo(Math.log((2 * Math.exp(-4) + Math.exp(-8)) / 3), 12);
	});

	test('alignment with α = 1 is the mean distance; other t scale the exponent', () => {
		// 0° and 60°: distance 2 sin 30° = 1; 0° and 120° (other class) distance √3.
		const f = polar([0, Math.PI / 3, (2 * Math.PI) / 3]);
		const r = alignmentUniformity(f, 2, [0, 0, 1], { alpha: 1, t: 1 });
		expect(r.alignment).toBeCloseTo(1, 12);
		// d² of the pairs: 1, 3, 1 → log((2e^−1 + e^−3)/3).
		expect(r.uniformity).toBeCloseTo(Math.log((2 * Math.exp(-1) + Math.exp(-3)) / 3), 12);
	});

	test('invariant to a rotation of every feature, and to their lengths', () => {
		const rng = createRng(3);
		const angles = Array.from({ length: 40 }, () => rng.next() * 2 * Math.PI);
		const labels = angles.map((_, i) => i % 4);
		const f = polar(angles);
		const a = alignmentUniformity(f, 2, labels);
		const b = alignmentUniformity(rotate2(f, 1.234), 2, labels);
		expect(b.alignment).toBeCloseTo(a.alignment!, 10);
		expect(b.uniformity).toBeCloseTo(a.uniformity!, 10);
	});

	test('below the cap every pair counts: the direct double sum over i≠j agrees', () => {
		const rng = createRng(11);
		const n = 30;
		const f = Array.from({ length: 3 * n }, () => rng.next() * 2 - 1);
		const labels = Array.from({ length: n }, (_, i) => i % 3);
		const u = Array.from({ length: n }, (_, i) => {
			const v = f.slice(3 * i, 3 * i + 3);
			const len = Math.hypot(...v);
			return v.map((x) => x / len);
		});
		let same = 0;
		let sameN = 0;
		let g = 0;
		for (let i = 0; i < n; i++)
			for (let j = 0; j < n; j++) {
				if (i === j) continue;
				const d2 = u[i].reduce((s, x, k) => s + (x - u[j][k]) ** 2, 0);
				g += Math.exp(-2 * d2);
				if (labels[i] === labels[j]) [same, sameN] = [same + d2, sameN + 1];
			}
		const r = alignmentUniformity(f, 3, labels, { maxPairs: (n * (n - 1)) / 2 });
		expect(r.sampled).toBe(false);
		expect(r.pairs).toBe((n * (n - 1)) / 2);
		expect(r.alignment).toBeCloseTo(same / sameN, 10);
		expect(r.uniformity).toBeCloseTo(Math.log(g / (n * (n - 1))), 10);
	});

	test('past the cap the seeded sample is repeatable and close to the exact value', () => {
		const rng = createRng(5);
		const n = 400;
		const f = Array.from({ length: 2 * n }, () => rng.next() * 2 - 1);
		const labels = Array.from({ length: n }, (_, i) => i % 2);
		const exact = alignmentUniformity(f, 2, labels);
		const a = alignmentUniformity(f, 2, labels, { maxPairs: 20_000, seed: 9 });
		const b = alignmentUniformity(f, 2, labels, { maxPairs: 20_000, seed: 9 });
		expect(exact.sampled).toBe(false);
		expect(a.sampled).toBe(true);
		expect(a.pairs).toBe(20_000);
		expect(a).toEqual(b);
		// Standard errors of the estimates here are about 0.01 (d² has sd ≈ 1.4 over 10k pairs).
		expect(Math.abs(a.uniformity! - exact.uniformity!)).toBeLessThan(0.06);
		expect(Math.abs(a.alignment! - exact.alignment!)).toBeLessThan(0.06);
	});

	test('degenerate inputs: finite numbers or null, never NaN', () => {
		const cases = [
			alignmentUniformity([0.5, 0.5, 0.5, 0.5, 0.5, 0.5], 2, [0, 0, 1]), // all equal
			alignmentUniformity([0, 0, 0, 0], 2, [0, 1]), // zero vectors
			alignmentUniformity([1, 0], 2, [0]), // one point
			alignmentUniformity([], 2, []), // none
			alignmentUniformity([NaN, 1, Infinity, 0, 1, 1], 2, [0, 0, 0]), // one usable row
			alignmentUniformity([1e308, 1e308, -1e308, 1e308], 2, [0, 0]) // huge rows
		];
		for (const r of cases) {
			for (const v of [r.alignment, r.uniformity])
				expect(v === null || Number.isFinite(v)).toBe(true);
		}
		// All equal: every distance 0 → alignment 0, uniformity log 1 = 0.
		expect(cases[0].alignment).toBe(0);
		expect(cases[0].uniformity).toBe(0);
		expect(cases[1]).toMatchObject({ alignment: null, uniformity: null, pairs: 0 });
		expect(cases[2]).toMatchObject({ alignment: null, uniformity: null });
		// 45° and 135°: d² = 2 → alignment 2.
		expect(cases[5].alignment).toBeCloseTo(2, 10);
	});
});

describe('hypersphericalEnergy', () => {
	test('two antipodal weights: 1/2; two orthogonal: 1/√2', () => {
		expect(hypersphericalEnergy([2, 0, -5, 0], 2)).toBeCloseTo(0.5, 12);
		expect(hypersphericalEnergy([1, 0, 0, 3], 2)).toBeCloseTo(1 / Math.SQRT2, 12);
	});

	test('four weights equally spaced on the circle, by hand', () => {
		// Neighbours (4 ordered pairs each way → 8 of 12) are √2 apart, opposite ones (4 of 12)
		// are 2 apart: E = (8/√2 + 4/2)/12.
		const e = hypersphericalEnergy(polar([0, Math.PI / 2, Math.PI, (3 * Math.PI) / 2]), 2);
		expect(e).toBeCloseTo((8 / Math.SQRT2 + 2) / 12, 12);
	});

	test('coincident weights are capped, never Infinity; rows without a direction are left out', () => {
		const e = hypersphericalEnergy([1, 0, 1, 0, -1, 0], 2);
		// Pairs: (0,1) at distance 0 → the cap; (0,2), (1,2) at 2 → 1/2 each.
		expect(e).toBeCloseTo((ENERGY_PAIR_CAP + 0.5 + 0.5) / 3, 6);
		expect(Number.isFinite(e)).toBe(true);
		expect(hypersphericalEnergy([1, 0, 0, 0, -1, 0], 2)).toBeCloseTo(0.5, 12);
		expect(hypersphericalEnergy([1, 0], 2)).toBeNull();
		expect(hypersphericalEnergy([0, 0, 0, 0], 2)).toBeNull();
		expect(energyOf([])).toBeNull();
	});
});

describe('regular arrangements', () => {
	const cosines = (vs: number[][]) => {
		const out: number[] = [];
		for (let i = 0; i < vs.length; i++)
			for (let j = i + 1; j < vs.length; j++) out.push(dot(vs[i], vs[j]));
		return out;
	};

	test('C = 3 in 2D: pairwise cos −1/2; C = 4 in 3D: pairwise cos −1/3; all unit', () => {
		const tri = regularArrangement(3, 2)!;
		const tet = regularArrangement(4, 3)!;
		for (const c of cosines(tri)) expect(c).toBeCloseTo(-1 / 2, 12);
		for (const c of cosines(tet)) expect(c).toBeCloseTo(-1 / 3, 12);
		for (const v of [...tri, ...tet]) expect(Math.hypot(...v)).toBeCloseTo(1, 12);
		for (const c of cosines(regularArrangement(3, 3)!)) expect(c).toBeCloseTo(-1 / 2, 12);
		expect(cosines(regularArrangement(2, 3)!)[0]).toBeCloseTo(-1, 12);
	});

	test('no closed form: C > 4 in 3D, C < 2, other dimensions', () => {
		expect(regularArrangement(5, 3)).toBeNull();
		expect(regularArrangement(1, 2)).toBeNull();
		expect(regularArrangement(3, 4)).toBeNull();
		expect(simplexEnergy(5, 3)).toBeNull();
		expect(simplexEnergy(1, 2)).toBeNull();
	});

	test('simplex energy by hand, and equal to the energy of the arrangement', () => {
		// C = 2: distance 2 → 1/2. C = 3: side √3 → 1/√3. C = 4 (tetrahedron): √(8/3) → √(3/8).
		expect(simplexEnergy(2, 2)).toBeCloseTo(0.5, 12);
		expect(simplexEnergy(3, 2)).toBeCloseTo(1 / Math.sqrt(3), 12);
		expect(simplexEnergy(4, 3)).toBeCloseTo(Math.sqrt(3 / 8), 12);
		// C = 4 on the circle: the square of the test above.
		expect(simplexEnergy(4, 2)).toBeCloseTo((8 / Math.SQRT2 + 2) / 12, 12);
		// C = 4 in 16 dimensions is still a simplex (C ≤ D + 1).
		expect(simplexEnergy(4, 16)).toBeCloseTo(Math.sqrt(3 / 8), 12);
		for (const [c, d] of [
			[2, 2],
			[5, 2],
			[7, 2],
			[3, 3],
			[4, 3]
		])
			expect(energyOf(regularArrangement(c, d)!)).toBeCloseTo(simplexEnergy(c, d)!, 12);
	});

	test('any other arrangement of the same count has more energy', () => {
		const rng = createRng(2);
		for (let trial = 0; trial < 20; trial++) {
			const angles = Array.from({ length: 5 }, () => rng.next() * 2 * Math.PI);
			expect(hypersphericalEnergy(polar(angles), 2)!).toBeGreaterThan(simplexEnergy(5, 2)!);
		}
	});
});

describe('fittedArrangement', () => {
	test('2D: weights that are a rotated, shuffled regular pentagon are matched exactly', () => {
		const phi = 0.7;
		const order = [3, 0, 4, 1, 2];
		const angles = order.map((k) => phi + (2 * Math.PI * k) / 5);
		const fit = fittedArrangement(polar(angles), 2)!;
		fit.forEach((v, row) => {
			expect(v[0]).toBeCloseTo(Math.cos(angles[row]), 10);
			expect(v[1]).toBeCloseTo(Math.sin(angles[row]), 10);
		});
	});

	test('2D: the fit of noisy weights is a regular polygon near them', () => {
		const angles = [0.1, 2.0, 4.3];
		const fit = fittedArrangement(polar(angles), 2)!;
		// Offsets from the ideal 0, 2π/3, 4π/3 are 0.1, −0.094, 0.111: the fit turns by about
		// their mean, 0.039, and no nearby turn of it lies closer to the weights.
		const phi = Math.atan2(fit[0][1], fit[0][0]);
		expect(phi).toBeCloseTo(0.039, 2);
		const cost = (turn: number) =>
			angles.reduce((s, a, k) => {
				const b = turn + (2 * Math.PI * k) / 3;
				return s + (Math.cos(a) - Math.cos(b)) ** 2 + (Math.sin(a) - Math.sin(b)) ** 2;
			}, 0);
		expect(cost(phi)).toBeLessThan(cost(phi + 1e-3));
		expect(cost(phi)).toBeLessThan(cost(phi - 1e-3));
		for (const c of [dot(fit[0], fit[1]), dot(fit[1], fit[2])]) expect(c).toBeCloseTo(-0.5, 10);
	});

	test('3D: a rotated tetrahedron (rows shuffled) is recovered vertex for vertex', () => {
		const tet = regularArrangement(4, 3)!;
		// Rotation about z by 0.5, then about x by 1.1.
		const [a, b] = [0.5, 1.1];
		const rot = (v: number[]) => {
			const [x, y, z] = [
				Math.cos(a) * v[0] - Math.sin(a) * v[1],
				Math.sin(a) * v[0] + Math.cos(a) * v[1],
				v[2]
			];
			return [x, Math.cos(b) * y - Math.sin(b) * z, Math.sin(b) * y + Math.cos(b) * z];
		};
		const target = [2, 0, 3, 1].map((k) => rot(tet[k]));
		const fit = fittedArrangement(target.flat(), 3)!;
		fit.forEach((v, row) => v.forEach((x, i) => expect(x).toBeCloseTo(target[row][i], 9)));
	});

	test('3D: three weights get an equilateral triangle in their own plane', () => {
		const w = [
			[1, 0, 0],
			[0, 1, 0],
			[0, 0, 1]
		];
		const fit = fittedArrangement(w.flat(), 3)!;
		for (const [i, j] of [
			[0, 1],
			[1, 2],
			[0, 2]
		])
			expect(dot(fit[i], fit[j])).toBeCloseTo(-0.5, 9);
		// The plane of the three weights is normal to (1, 1, 1); the triangle lies in it.
		for (const v of fit) expect(v[0] + v[1] + v[2]).toBeCloseTo(0, 9);
		// Each vertex leans towards its own weight.
		fit.forEach((v, k) => expect(dot(v, w[k])).toBeGreaterThan(0.8));
	});

	test('null without a closed form or with a weight of no direction', () => {
		expect(fittedArrangement(new Array(15).fill(1), 3)).toBeNull(); // 5 classes in 3D
		expect(fittedArrangement([1, 0, 0, 0, -1, 0], 2)).toBeNull();
		expect(fittedArrangement([1, 0], 2)).toBeNull();
	});
});

describe('procrustes', () => {
	test('recovers a known 2D rotation and a reflection', () => {
		const from = [
			[1, 0],
			[0, 2],
			[-1, -1]
		];
		const phi = 2.1;
		const R = [
			[Math.cos(phi), -Math.sin(phi)],
			[Math.sin(phi), Math.cos(phi)]
		];
		const apply = (M: number[][], v: number[]) => M.map((row) => dot(row, v));
		const got = procrustes(
			from,
			from.map((v) => apply(R, v))
		);
		got.forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo(R[i][j], 10)));
		const F = [
			[1, 0],
			[0, -1]
		];
		const refl = procrustes(
			from,
			from.map((v) => apply(F, v))
		);
		refl.forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo(F[i][j], 10)));
	});

	test('Jacobi eigenvalues of a hand-made symmetric matrix', () => {
		// [[2, 1], [1, 2]] has eigenvalues 1 and 3.
		const { values } = symmetricEigen([
			[2, 1],
			[1, 2]
		]);
		expect(values.slice().sort()).toEqual([expect.closeTo(1, 12), expect.closeTo(3, 12)]);
	});
});

describe('geometryReadout', () => {
	test('combines the readouts; metric losses say their directions are means', () => {
		const g = geometryReadout({
			step: 7,
			features: [1, 0, -1, 0],
			dim: 2,
			labels: [0, 0],
			directions: polar([0, (2 * Math.PI) / 3, (4 * Math.PI) / 3]),
			energyOf: 'means',
			pairs: { maxPairs: 100, seed: 7 }
		});
		expect(g).toMatchObject({ step: 7, directions: 3, energyOf: 'means', sampled: false });
		expect(g.alignment).toBeCloseTo(4, 12);
		expect(g.uniformity).toBeCloseTo(-8, 12);
		expect(g.energy).toBeCloseTo(1 / Math.sqrt(3), 12);
		expect(g.simplexEnergy).toBeCloseTo(1 / Math.sqrt(3), 12);
	});

	test('one class, one point, zero weights: finite or null throughout', () => {
		const g = geometryReadout({
			step: 0,
			features: [0, 0],
			dim: 2,
			labels: [0],
			directions: [0, 0, 0, 0],
			energyOf: 'weights',
			pairs: {}
		});
		for (const v of [g.alignment, g.uniformity, g.energy, g.simplexEnergy])
			expect(v === null || Number.isFinite(v)).toBe(true);
		expect(g).toMatchObject({ energy: null, simplexEnergy: null, directions: 0 });
	});
});
