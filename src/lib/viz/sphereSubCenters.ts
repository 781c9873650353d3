/**
 * Sub-centers on the feature sphere (three.js; K > 1, Deng et al. 2020): each class's
 * non-dominant sub-centers as thin dashed spokes in the class colour, from the sphere's
 * surface out to the class arrows' length (inside the sphere they would be hidden by it);
 * the dominant sub-center is the class's arrow (`weights`). One group, added to a SphereView
 * with `addOverlay`; `set` rewrites the spokes in place, `dispose` frees what it made.
 */
import * as THREE from 'three';
import type { Snapshot } from '../model/snapshot';
import { classColors } from './palette';
import { ARROW_LENGTH } from './sphereScene';

/** The spokes run from the surface (radius 1) to the arrows' tips. */
const INNER = 1;
const OUTER = ARROW_LENGTH;

type Spoke = THREE.Line<THREE.BufferGeometry, THREE.LineDashedMaterial>;

/** The non-dominant sub-centers of a 3D snapshot: class row, sub-center index and unit direction. */
export function sphereSubCenters(
	s: Pick<Snapshot, 'featureDim' | 'numClasses' | 'subCenters'> | null
): { row: number; sub: number; dir: [number, number, number] }[] {
	const sub = s?.subCenters;
	if (!s || !sub || s.featureDim !== 3) return [];
	const out: { row: number; sub: number; dir: [number, number, number] }[] = [];
	for (let j = 0; j < s.numClasses; j++) {
		for (let k = 0; k < sub.k; k++) {
			if (k === sub.dominant[j]) continue;
			const r = 3 * (j * sub.k + k);
			const dir: [number, number, number] = [
				sub.subWeights[r],
				sub.subWeights[r + 1],
				sub.subWeights[r + 2]
			];
			if (dir.every(Number.isFinite) && Math.hypot(...dir) > 0) out.push({ row: j, sub: k, dir });
		}
	}
	return out;
}

export class SphereSubCenters {
	readonly group = new THREE.Group();
	private spokes: Spoke[] = [];

	/** Draws `s`'s non-dominant sub-centers (none without sub-centers or for 2D features). */
	set(
		s: Pick<Snapshot, 'featureDim' | 'numClasses' | 'subCenters' | 'weightClasses'> | null
	): void {
		const marks = sphereSubCenters(s);
		const colour = classColors(s?.weightClasses);
		while (this.spokes.length > marks.length) this.remove(this.spokes.pop()!);
		marks.forEach((m, i) => {
			let spoke = this.spokes[i];
			if (!spoke) {
				const geometry = new THREE.BufferGeometry();
				geometry.setAttribute('position', new THREE.BufferAttribute(new Float32Array(6), 3));
				const material = new THREE.LineDashedMaterial({ dashSize: 0.06, gapSize: 0.04 });
				spoke = new THREE.Line(geometry, material);
				this.spokes.push(spoke);
				this.group.add(spoke);
			}
			spoke.material.color.set(colour(s!.weightClasses[m.row]));
			// [2, 3]: the spoke's two ends, written in place (no new GPU buffer per snapshot).
			const pos = spoke.geometry.getAttribute('position') as THREE.BufferAttribute;
			const [x, y, z] = m.dir;
			const n = Math.hypot(x, y, z);
			pos.setXYZ(0, (x / n) * INNER, (y / n) * INNER, (z / n) * INNER);
			pos.setXYZ(1, (x / n) * OUTER, (y / n) * OUTER, (z / n) * OUTER);
			pos.needsUpdate = true;
			spoke.geometry.computeBoundingSphere();
			spoke.computeLineDistances();
		});
	}

	/** How many spokes are drawn (for tests and the page's data attribute). */
	get count(): number {
		return this.spokes.length;
	}

	private remove(spoke: Spoke): void {
		this.group.remove(spoke);
		spoke.geometry.dispose();
		spoke.material.dispose();
	}

	dispose(): void {
		for (const spoke of this.spokes) this.remove(spoke);
		this.spokes = [];
		this.group.clear();
	}
}
