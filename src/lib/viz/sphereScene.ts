/**
 * What the feature sphere shows of a snapshot, written into three.js objects in place: the
 * region material's uniforms (W, colours, the loss, m, λ), the features as one `Points`
 * buffer (projected on the sphere or at their own radius) and the class weights as arrows.
 * The renderer, camera, controls and frames are sphereView.ts's.
 */
import * as THREE from 'three';
import { classColor as identityColor, classColors, HELD_OUT_COLOR } from './palette';
import { pointsMaterial } from './sphereMaterials';
import { featureExtent } from './featureGeometry';
import type { Snapshot } from '../model/snapshot';
import type { HeadKind } from '../math/psi';
import { MAX_CLASSES } from '../math/limits';

/** The margin band's colour (sphereMaterials' uBand), and the sphere's when it draws no regions. */
const BAND_COLOR = '#6e7781';
const NO_REGIONS_COLOR = '#dfe3e8';

const KIND_CODE: Record<HeadKind, number> = {
	softmax: 0,
	modified: 0,
	asoftmax: 2,
	cosface: 3,
	arcface: 4,
	combined: 5
};
const HELD_OUT = new THREE.Color(HELD_OUT_COLOR);
/** Points outside the recognition views' test set. */
const FAINT = new THREE.Color('#c5ccd4');
/** The recognition views' other test set (not training photos): a darker grey. */
const OTHER_TEST = new THREE.Color('#8c959f');
/** Length of the class-weight arrows (from the centre; the unit sphere has radius 1). */
export const ARROW_LENGTH = 1.45;

/** The features drawn as one buffer of positions and colours. */
export type SpherePoints = THREE.Points<THREE.BufferGeometry, THREE.ShaderMaterial>;

/**
 * Sets the regions material's uniforms from a snapshot: the class weights and colours, the
 * loss kind, m and λ, and the sphere's opacity (0.35 while features are drawn at their own
 * radius, so points inside it show).
 */
export function setRegionUniforms(
	material: THREE.ShaderMaterial,
	snapshot: Snapshot,
	raw: boolean
): void {
	const u = material.uniforms;
	const classColor = classColors(snapshot.weightClasses);
	// The region shader has MAX_CLASSES weight slots: more classes draw no regions at all
	// (regions of the first ten alone would be wrong), only points and arrows.
	// Nearest Euclidean mean is no rule on directions: no regions either, only the means.
	// Sub-centers (K > 1): a class's region is a union the shader's one weight a class cannot draw.
	const many =
		snapshot.numClasses > MAX_CLASSES ||
		snapshot.rule === 'nearestMean' ||
		Boolean(snapshot.subCenters);
	const c = many ? 0 : snapshot.numClasses;
	for (let j = 0; j < c; j++) {
		(u.uW.value[j] as THREE.Vector3).fromArray(snapshot.weights, 3 * j);
		(u.uColor.value[j] as THREE.Color).set(classColor(snapshot.weightClasses[j]));
	}
	u.uCount.value = c;
	(u.uBand.value as THREE.Color).set(many ? NO_REGIONS_COLOR : BAND_COLOR);
	u.uKind.value = snapshot.rule === 'weights' ? KIND_CODE[snapshot.lossKind as HeadKind] : 0;
	u.uM.value = snapshot.m;
	u.uM123.value.set(snapshot.margins.m1, snapshot.margins.m2, snapshot.margins.m3);
	u.uLambda.value = snapshot.lossKind === 'asoftmax' ? snapshot.lambda : 0;
	// A-Softmax at λ > 0 enforces less than m promises: shade the nominal band (λ = 0) too.
	u.uNominal.value = u.uKind.value === KIND_CODE.asoftmax && u.uLambda.value > 0 ? 1 : 0;
	u.uOpacity.value = raw ? 0.35 : 1;
}

/**
 * Writes the snapshot's features into `points` in place, or into a new buffer (added to
 * `scene`, the old one removed and disposed) when the number of points changed; returns the
 * buffer in use. Projected features sit just above the unit sphere; raw ones are scaled by
 * 1.6 / featureExtent. Held-out points are grey, the others in their class colour.
 */
export function syncPoints(
	scene: THREE.Scene,
	points: SpherePoints | null,
	s: Snapshot,
	raw: boolean,
	labels: Int32Array | null,
	split: Uint8Array | null,
	/**
	 * The recognition views: rows marked 1 are coloured by identity (held out or not), training
	 * rows faint, the other test set darker grey. Null: the usual colours.
	 */
	highlight: Uint8Array | null = null
): SpherePoints {
	const n = s.features.length / 3;
	if (!points || points.geometry.getAttribute('position').count !== n) {
		points?.geometry.dispose();
		points?.material.dispose();
		if (points) scene.remove(points);
		const g = new THREE.BufferGeometry();
		g.setAttribute('position', new THREE.BufferAttribute(new Float32Array(n * 3), 3));
		g.setAttribute('color', new THREE.BufferAttribute(new Float32Array(n * 3), 3));
		points = new THREE.Points(g, pointsMaterial());
		scene.add(points);
	}
	const pos = points.geometry.getAttribute('position') as THREE.BufferAttribute;
	const col = points.geometry.getAttribute('color') as THREE.BufferAttribute;
	const scale = raw ? 1.6 / featureExtent(s.features, 3) : 1;
	const color = new THREE.Color();
	const classColor = classColors(s.weightClasses);
	for (let i = 0; i < n; i++) {
		const x = s.features[3 * i];
		const y = s.features[3 * i + 1];
		const z = s.features[3 * i + 2];
		const norm = Math.hypot(x, y, z);
		// Projected: on a radius just above the sphere so points are not hidden in it.
		const k = raw ? scale : norm > 0 ? 1.012 / norm : 0;
		pos.setXYZ(i, x * k, y * k, z * k);
		if (highlight?.[i]) color.set(identityColor(labels?.[i] ?? 0));
		else if (highlight) color.copy(split?.[i] === 0 ? FAINT : OTHER_TEST);
		else if (split?.[i] === 2) color.copy(HELD_OUT);
		else color.set(classColor(labels?.[i] ?? 0));
		col.setXYZ(i, color.r, color.g, color.b);
	}
	pos.needsUpdate = true;
	col.needsUpdate = true;
	return points;
}

/**
 * One arrow per class weight (the first `c`), kept in `arrows` and in `scene`: arrows past `c`
 * are removed and disposed, missing ones made, every one pointed and coloured anew.
 */
export function syncArrows(
	scene: THREE.Scene,
	arrows: THREE.ArrowHelper[],
	s: Snapshot,
	c: number
): void {
	while (arrows.length > c) {
		const a = arrows.pop()!;
		scene.remove(a);
		a.dispose();
	}
	const classColor = classColors(s.weightClasses);
	for (let j = 0; j < c; j++) {
		const dir = new THREE.Vector3().fromArray(s.weights, 3 * j).normalize();
		let a = arrows[j];
		if (!a) {
			a = new THREE.ArrowHelper(
				dir,
				new THREE.Vector3(),
				ARROW_LENGTH,
				new THREE.Color(classColor(s.weightClasses[j])).getHex(),
				0.14,
				0.07
			);
			arrows.push(a);
			scene.add(a);
		}
		a.setDirection(dir);
		a.setColor(classColor(s.weightClasses[j]));
	}
}
