import { describe, expect, test } from 'vitest';
import {
	chebyshevT,
	chebyshevCoefficients,
	derivativeCoefficients,
	cosMTheta,
	psi,
	psiBranch,
	psiMixed,
	targetCurve,
	arcfaceTarget
} from '../../src/lib/math/psi';
import { closeTo, reference } from './reference';

const table = reference.psi_table;
const margins = Object.keys(table.psi);

describe('psi(θ, m) matches the reference table', () => {
	test.each(margins)('m = %s', (key) => {
		const m = Number(key);
		table.theta.forEach((theta, i) => {
			expect(closeTo(psi(theta, m), table.psi[key][i], 1e-12)).toBe(true);
			if (Number.isInteger(m)) {
				expect(closeTo(psi(theta, m, 'chebyshev'), table.psi[key][i], 1e-12)).toBe(true);
			}
		});
	});

	test.each(margins)('λ = 5 mix, m = %s', (key) => {
		const m = Number(key);
		table.theta.forEach((theta, i) => {
			expect(closeTo(psiMixed(theta, m, 5), table.psi_lambda5[key][i], 1e-12)).toBe(true);
		});
	});
});

describe('psi properties', () => {
	const ms = [1, 2, 3, 4, 1.5, 2.5, 3.7, 6];
	test.each(ms)('m = %s: ψ(0) = 1, decreasing, continuous at every kπ/m', (m) => {
		expect(psi(0, m)).toBe(1);
		let prev = Infinity;
		for (let i = 0; i <= 2000; i++) {
			const v = psi((i / 2000) * Math.PI, m);
			expect(v).toBeLessThanOrEqual(prev + 1e-12);
			prev = v;
		}
		for (let k = 1; k < Math.ceil(m); k++) {
			const t = (k * Math.PI) / m;
			expect(Math.abs(psi(t - 1e-9, m) - psi(t + 1e-9, m))).toBeLessThan(1e-7);
		}
	});

	test.each([1, 2, 3, 4, 5, 6])(
		'integer m = %s: ψ(π) = −(2m − 1) and Chebyshev = angle form',
		(m) => {
			expect(psi(Math.PI, m)).toBeCloseTo(-(2 * m - 1), 12);
			for (let i = 0; i <= 64; i++) {
				const t = (i / 64) * Math.PI;
				expect(Math.abs(cosMTheta(t, m, 'chebyshev') - Math.cos(m * t))).toBeLessThan(1e-12);
			}
		}
	);

	test('m = 1 is cos θ; T_4 is 8c⁴ − 8c² + 1', () => {
		for (const t of [0, 0.3, 1, 2, Math.PI]) expect(psi(t, 1)).toBeCloseTo(Math.cos(t), 15);
		for (const c of [-1, -0.4, 0, 0.7, 1])
			expect(chebyshevT(4, c)).toBeCloseTo(8 * c ** 4 - 8 * c ** 2 + 1, 14);
	});

	test('branch index is capped at ⌈m⌉ − 1, so θ = π stays on the last branch', () => {
		expect(psiBranch(Math.PI, 4)).toBe(3);
		expect(psiBranch(Math.PI, 2.5)).toBe(2);
		expect(psiBranch(0, 2.5)).toBe(0);
		expect(psiBranch(Math.PI / 4 + 1e-12, 4)).toBe(1);
	});

	test('λ mixing: λ = 0 is ψ, huge λ approaches cos θ, bad λ is treated as 0', () => {
		expect(psiMixed(1, 4, 0)).toBe(psi(1, 4));
		expect(Math.abs(psiMixed(1, 4, 1e9) - Math.cos(1))).toBeLessThan(1e-8);
		expect(psiMixed(1, 4, Number.NaN)).toBe(psi(1, 4));
		expect(psiMixed(1, 4, -3)).toBe(psi(1, 4));
	});
});

describe('target curves of the other heads', () => {
	test('CosFace is cos θ − m; ArcFace th_mm switches to the linear branch past π − m', () => {
		expect(targetCurve('cosface', 0.4, { m: 0.35 })).toBeCloseTo(Math.cos(0.4) - 0.35, 15);
		expect(arcfaceTarget(0.4, 0.5)).toBeCloseTo(Math.cos(0.9), 15);
		expect(arcfaceTarget(3, 0.5)).toBeCloseTo(Math.cos(3) - 0.5 * Math.sin(0.5), 15);
		expect(arcfaceTarget(3, 0.5, 'plain')).toBeCloseTo(Math.cos(3.5), 15);
		expect(targetCurve('modified', 0.7)).toBe(Math.cos(0.7));
	});
});

describe('Chebyshev coefficients', () => {
	test('T_4 = 8c⁴ − 8c² + 1 and T_3 = 4c³ − 3c; every T_m matches cos(mθ) with its derivative', () => {
		expect(chebyshevCoefficients(4)).toEqual([1, 0, -8, 0, 8]);
		expect(chebyshevCoefficients(3)).toEqual([0, -3, 0, 4]);
		expect(derivativeCoefficients([1, 0, -8, 0, 8])).toEqual([0, -16, 0, 32]);
		const evalPoly = (a: number[], c: number) => a.reduceRight((acc, v) => acc * c + v, 0);
		for (const m of [1, 2, 3, 4, 5, 6]) {
			const a = chebyshevCoefficients(m);
			const da = derivativeCoefficients(a);
			for (const t of [0.1, 0.7, 1.3, 2.2, 3]) {
				expect(evalPoly(a, Math.cos(t))).toBeCloseTo(Math.cos(m * t), 12);
				// dT_m/dc = m sin(mθ)/sin θ
				expect(evalPoly(da, Math.cos(t))).toBeCloseTo((m * Math.sin(m * t)) / Math.sin(t), 9);
			}
		}
	});
});
