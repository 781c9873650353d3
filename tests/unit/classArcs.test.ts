/**
 * classArcs2d walks each class's arc with a step that follows the distance to the nearest
 * other weight. It must find the same arcs as the former uniform walk (a 64th of the
 * closest pair of weights, kept here as the reference) on spread, paired and clustered
 * weights (as held-out classes' weights gather during training) under every head, and the
 * arcs must agree with the ownership rule sampled densely around the circle.
 */
import { describe, expect, test } from 'vitest';
import { classArcs2d, ownershipGap, type Arc } from '../../src/lib/math/circle';
import { createRng } from '../../src/lib/math/rng';
import { wrapAngle } from '../../src/lib/math/vec';
import type { HeadKind, TargetOptions } from '../../src/lib/math/psi';

/** The former implementation: a uniform step of minSep / 64 in [1e-4, 0.01] for every class. */
function uniformArcs(weightAngles: number[], kind: HeadKind, opts: TargetOptions): (Arc | null)[] {
	const dist = (a: number, b: number) => {
		const d = wrapAngle(a - b);
		return d > Math.PI ? 2 * Math.PI - d : d;
	};
	let minSep = Math.PI;
	for (let i = 0; i < weightAngles.length; i++)
		for (let j = i + 1; j < weightAngles.length; j++)
			minSep = Math.min(minSep, dist(weightAngles[i], weightAngles[j]));
	const step = Math.max(1e-4, Math.min(0.01, minSep / 64));
	const edge = (gap: (o: number) => number, dir: 1 | -1) => {
		let inside = 0;
		for (let t = step; t <= Math.PI + step; t += step) {
			const at = Math.min(t, Math.PI);
			if (gap(dir * at) <= 0) {
				let [lo, hi] = [inside, at];
				for (let k = 0; k < 100 && hi - lo > 1e-15; k++) {
					const mid = 0.5 * (lo + hi);
					if (gap(dir * mid) > 0) lo = mid;
					else hi = mid;
				}
				return 0.5 * (lo + hi);
			}
			inside = at;
		}
		return Math.PI;
	};
	return weightAngles.map((w, i) => {
		const gap = (o: number) => ownershipGap(weightAngles, i, w + o, kind, opts);
		if (!(gap(0) > 0)) return null;
		const ccw = edge(gap, 1);
		const cw = edge(gap, -1);
		return { start: wrapAngle(w - cw), width: Math.min(2 * Math.PI, ccw + cw) };
	});
}

const rng = createRng(12);
const spread = Array.from(
	{ length: 10 },
	(_, i) => (i * 2 * Math.PI) / 10 + rng.uniform(-0.2, 0.2)
);
const layouts: [string, number[]][] = [
	['ten spread', spread],
	['two close', [0, 0.003, 1, 2, 2.5, 3, 4, 4.5, 5, 6]],
	['held-out cluster', [0, 0.6, 1.2, 1.8, 2.4, 3.0, 4.0, 4.0005, 4.001, 4.002]],
	['two classes', [0.3, 2.9]],
	['random four', Array.from({ length: 4 }, () => rng.uniform(0, 2 * Math.PI))],
	['random seven', Array.from({ length: 7 }, () => rng.uniform(0, 2 * Math.PI))]
];
const heads: [HeadKind, TargetOptions][] = [
	['modified', {}],
	['asoftmax', { m: 4, lambda: 0 }],
	['asoftmax', { m: 2, lambda: 0 }],
	['asoftmax', { m: 2.5, lambda: 1.5 }],
	['cosface', { m: 0.35 }],
	['arcface', { m: 0.5 }]
];

describe('classArcs2d with a step that follows the nearest weight', () => {
	for (const [name, angles] of layouts) {
		for (const [kind, opts] of heads) {
			test(`${name}, ${kind} ${JSON.stringify(opts)}: the uniform walk's arcs`, () => {
				const got = classArcs2d(angles, kind, opts);
				const want = uniformArcs(angles, kind, opts);
				expect(got.map((a) => a === null)).toEqual(want.map((a) => a === null));
				got.forEach((a, i) => {
					if (!a || !want[i]) return;
					expect(Math.abs(wrapAngle(a.start - want[i]!.start + Math.PI) - Math.PI)).toBeLessThan(
						1e-12
					);
					expect(Math.abs(a.width - want[i]!.width)).toBeLessThan(1e-12);
				});
			});
		}
	}

	test('each arc holds exactly the directions its class owns (dense sampling)', () => {
		const wrong: string[] = [];
		for (const [name, angles] of layouts) {
			for (const [kind, opts] of heads) {
				const arcs = classArcs2d(angles, kind, opts);
				for (let s = 0; s < 2000; s++) {
					const phi = (s / 2000) * 2 * Math.PI;
					arcs.forEach((a, i) => {
						if (!a) return;
						const into = wrapAngle(phi - a.start);
						const ends = Math.min(into, Math.abs(into - a.width), 2 * Math.PI - into);
						if (ends < 1e-9) return; // on an edge: either answer
						const owned = ownershipGap(angles, i, phi, kind, opts) > 0;
						if (into < a.width !== owned) wrong.push(`${name} ${kind}: class ${i} at ${phi}`);
					});
				}
			}
		}
		expect(wrong.slice(0, 5)).toEqual([]);
	});
});
