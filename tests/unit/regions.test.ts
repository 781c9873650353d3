/**
 * The sphere shader's region rule, on the CPU (regionOf), against the math core's 2D
 * boundaries: on the great circle through two weights Δ apart, class 1 owns exactly the
 * directions within θ₁ = boundaryAngle2d(Δ) of its weight, and the band between the two
 * boundaries belongs to no class.
 */
import { describe, expect, test } from 'vitest';
import { boundaryAngle2d } from '../../src/lib/math/boundary';
import { createRng } from '../../src/lib/math/rng';
import { normalize } from '../../src/lib/math/vec';
import { regionOf } from '../../src/lib/math/circle';
import type { HeadKind } from '../../src/lib/math/psi';

const cases: [HeadKind, { m?: number; lambda?: number }][] = [
	['asoftmax', { m: 2, lambda: 0 }],
	['asoftmax', { m: 4, lambda: 0 }],
	['asoftmax', { m: 4, lambda: 5 }],
	['asoftmax', { m: 2.5, lambda: 0 }],
	['cosface', { m: 0.35 }],
	['arcface', { m: 0.5 }],
	['modified', {}]
];

describe.each(cases)('%s %o', (kind, opts) => {
	test('on the great circle between two weights the owner switches at the 2D boundary angle', () => {
		const rng = createRng(9);
		for (let trial = 0; trial < 5; trial++) {
			// A random pair of unit weights Δ apart in 3D, and the plane they span.
			const delta = 0.6 + 1.8 * rng.next();
			const a = normalize([rng.normal(), rng.normal(), rng.normal()]);
			const t = normalize([rng.normal(), rng.normal(), rng.normal()]);
			const dot = a[0] * t[0] + a[1] * t[1] + a[2] * t[2];
			const u = normalize(t.map((v, i) => v - dot * a[i]));
			const at = (phi: number) => a.map((v, i) => Math.cos(phi) * v + Math.sin(phi) * u[i]);
			const W = [at(0), at(delta)];
			const t1 = boundaryAngle2d(kind, delta, opts);
			if (t1 === null) {
				// An additive margin wider than the gap: the class does not even own its weight.
				expect(regionOf(at(0), W, kind, opts)).toBe(-1);
				continue;
			}
			expect(regionOf(at(t1 - 1e-6), W, kind, opts)).toBe(0);
			expect(regionOf(at(delta - t1 + 1e-6), W, kind, opts)).toBe(1);
			if (delta - 2 * t1 > 1e-3) expect(regionOf(at(delta / 2), W, kind, opts)).toBe(-1);
			else expect(regionOf(at(delta / 2 - 1e-6), W, kind, opts)).toBe(0);
		}
	});
});

test('six classes: every weight direction owns itself, and a margin head leaves a band', () => {
	const rng = createRng(3);
	const W = Array.from({ length: 6 }, () => normalize([rng.normal(), rng.normal(), rng.normal()]));
	W.forEach((w, i) => expect(regionOf(w, W, 'asoftmax', { m: 4 })).toBe(i));
	let band = 0;
	for (let k = 0; k < 2000; k++) {
		if (regionOf([rng.normal(), rng.normal(), rng.normal()], W, 'asoftmax', { m: 4 }) === -1)
			band++;
	}
	expect(band).toBeGreaterThan(200);
	let none = 0;
	for (let k = 0; k < 500; k++)
		if (regionOf([rng.normal(), rng.normal(), rng.normal()], W, 'modified') === -1) none++;
	expect(none).toBe(0);
});
