/**
 * The least-energy arrangement of the class directions on the feature sphere (three.js): for
 * C ≤ 4 classes in 3D, the regular simplex (math/geometry.ts `fittedArrangement`) turned to
 * lie closest to the current weights (or class mean directions), drawn as faint dashed grey
 * spokes from the sphere's surface outward beside the weight arrows (inside the sphere they
 * would be hidden by it). One group, added to a SphereView with `addOverlay`; `set` moves the
 * spokes, `dispose` frees what it made. More than 4 classes have no closed form: no spokes.
 */
import * as THREE from 'three';
import { fittedArrangement } from '../math/geometry';
import type { Snapshot } from '../model/snapshot';
import { ARROW_LENGTH } from './sphereScene';

/** The spokes run from the surface (radius 1) to a little short of the arrows' tips. */
const INNER = 1;
const OUTER = ARROW_LENGTH - 0.1;

export class SphereSimplex {
	readonly group = new THREE.Group();
	private readonly material = new THREE.LineDashedMaterial({
		color: 0x6b7280,
		dashSize: 0.05,
		gapSize: 0.04,
		transparent: true,
		opacity: 0.7
	});
	private lines: THREE.Line<THREE.BufferGeometry, THREE.LineDashedMaterial>[] = [];

	/** Points the spokes at the arrangement fitted to `s`'s class directions (none if it has none). */
	set(s: Pick<Snapshot, 'featureDim' | 'numClasses' | 'weights'> | null): void {
		const fit =
			s && s.featureDim === 3 && s.numClasses >= 2
				? fittedArrangement(s.weights.subarray(0, 3 * s.numClasses), 3)
				: null;
		const dirs = fit ?? [];
		while (this.lines.length > dirs.length) {
			const line = this.lines.pop()!;
			this.group.remove(line);
			line.geometry.dispose();
		}
		dirs.forEach((d, k) => {
			let line = this.lines[k];
			if (!line) {
				const geometry = new THREE.BufferGeometry();
				geometry.setAttribute('position', new THREE.BufferAttribute(new Float32Array(6), 3));
				line = new THREE.Line(geometry, this.material);
				this.lines.push(line);
				this.group.add(line);
			}
			// [2, 3]: the spoke's two ends, written in place (no new GPU buffer per snapshot).
			const pos = line.geometry.getAttribute('position') as THREE.BufferAttribute;
			pos.setXYZ(0, d[0] * INNER, d[1] * INNER, d[2] * INNER);
			pos.setXYZ(1, d[0] * OUTER, d[1] * OUTER, d[2] * OUTER);
			pos.needsUpdate = true;
			line.geometry.computeBoundingSphere();
			line.computeLineDistances();
		});
	}

	/** How many spokes are drawn (for tests and the page's data attribute). */
	get count(): number {
		return this.lines.length;
	}

	dispose(): void {
		for (const line of this.lines) line.geometry.dispose();
		this.lines = [];
		this.group.clear();
		this.material.dispose();
	}
}
