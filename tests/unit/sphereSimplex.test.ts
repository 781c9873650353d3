/**
 * The simplex's spokes on the feature sphere (viz/sphereSimplex.ts): one dashed spoke per
 * class for C ≤ 4 in 3D, along the regular simplex fitted to the weights, from the surface
 * outward; none without a closed form; everything freed on dispose.
 */
import { describe, expect, test } from 'vitest';
import * as THREE from 'three';
import { SphereSimplex } from '../../src/lib/viz/sphereSimplex';

const r = 1 / Math.sqrt(3);
/** A regular tetrahedron (a rotation of the fixed one: x ↔ y swapped, then z negated). */
const TET = [
	[r, r, -r],
	[-r, r, r],
	[r, -r, r],
	[-r, -r, -r]
];
const snap = (rows: number[][]) => ({
	featureDim: 3,
	numClasses: rows.length,
	weights: new Float32Array(rows.flat())
});

describe('SphereSimplex', () => {
	test('four weights at a tetrahedron: four spokes along them, from the surface outward', () => {
		const s = new SphereSimplex();
		s.set(snap(TET));
		expect(s.count).toBe(4);
		const lines = s.group.children as THREE.Line[];
		lines.forEach((line, k) => {
			const pos = line.geometry.getAttribute('position');
			const inner = new THREE.Vector3().fromBufferAttribute(pos, 0);
			const outer = new THREE.Vector3().fromBufferAttribute(pos, 1);
			expect(inner.length()).toBeCloseTo(1, 5);
			expect(outer.length()).toBeGreaterThan(1.2);
			expect(outer.normalize().dot(new THREE.Vector3(...TET[k]))).toBeCloseTo(1, 5);
		});
		s.dispose();
		expect(s.group.children).toHaveLength(0);
	});

	test('five classes in 3D, 2D features or no snapshot: no spokes; fewer classes remove spokes', () => {
		const s = new SphereSimplex();
		s.set(snap(TET));
		s.set(snap(TET.slice(0, 2)));
		expect(s.count).toBe(2);
		s.set(snap([...TET, [0, 0, 1]]));
		expect(s.count).toBe(0);
		s.set({ featureDim: 2, numClasses: 2, weights: new Float32Array([1, 0, -1, 0]) });
		expect(s.count).toBe(0);
		s.set(null);
		expect(s.count).toBe(0);
		s.dispose();
	});
});
