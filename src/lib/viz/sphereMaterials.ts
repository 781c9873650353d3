/**
 * The feature sphere's two shader materials. The regions material paints each class's
 * region and the grey margin bands per pixel from W, the loss kind, m and λ (uniforms, so a
 * new m repaints without new geometry); its CPU twin is `regionOf` in src/lib/math/circle.ts.
 * The points material draws round sprites for one `Points` buffer with a colour attribute.
 */
import * as THREE from 'three';
import regionsFrag from './shaders/sphereRegions.frag.glsl?raw';
import regionsVert from './shaders/sphereRegions.vert.glsl?raw';
import pointsFrag from './shaders/points.frag.glsl?raw';
import pointsVert from './shaders/points.vert.glsl?raw';
import { CLASS_COLORS } from './palette';
// The shader's uW and uColor arrays have MAX_CLASSES slots (its #define, pinned by limits.test.ts).
import { MAX_CLASSES } from '../math/limits';

/** Class regions and margin bands on the unit sphere; the caller sets uW, uCount, uKind, uM,
 * uLambda, uNominal (also shade the band of λ = 0) and uOpacity from each snapshot. */
export function regionsMaterial(): THREE.ShaderMaterial {
	return new THREE.ShaderMaterial({
		vertexShader: regionsVert,
		fragmentShader: regionsFrag,
		transparent: true,
		depthWrite: true,
		uniforms: {
			uW: { value: Array.from({ length: MAX_CLASSES }, () => new THREE.Vector3()) },
			uColor: { value: CLASS_COLORS.map((c) => new THREE.Color(c)) },
			uCount: { value: 0 },
			uKind: { value: 0 },
			uM: { value: 1 },
			uM123: { value: new THREE.Vector3(1, 0, 0) },
			uLambda: { value: 0 },
			uNominal: { value: 0 },
			uBand: { value: new THREE.Color('#6e7781') },
			uOpacity: { value: 1 }
		}
	});
}

/** Round point sprites of 9 px, coloured by the geometry's `color` attribute. */
export function pointsMaterial(): THREE.ShaderMaterial {
	return new THREE.ShaderMaterial({
		vertexShader: pointsVert,
		fragmentShader: pointsFrag,
		uniforms: { uSize: { value: 9 } }
	});
}
