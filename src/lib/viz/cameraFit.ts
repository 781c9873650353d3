/**
 * Framing a 3D scene: the distance at which a perspective camera sees a whole bounding
 * sphere, in both directions of a canvas of any shape. Pure (no three.js), so the sphere
 * view and its tests share it.
 */

/**
 * Camera distance from the centre of a sphere of `radius` at which the sphere just fits a
 * perspective view of vertical field of view `fovDeg` (degrees) and `aspect` = width / height.
 *
 * A sphere seen from distance d subtends a half-angle asin(radius / d); it fits when that is
 * at most the smaller half-angle of the view: fov / 2 vertically, and
 * atan(tan(fov / 2) · aspect) horizontally (narrower than fov / 2 when aspect < 1). So
 * d = radius / sin(min(half-angles)). A degenerate aspect (0, NaN: a canvas not laid out
 * yet) counts as square.
 */
export function fitDistance(radius: number, fovDeg: number, aspect: number): number {
	const halfV = (fovDeg * Math.PI) / 360;
	const a = Number.isFinite(aspect) && aspect > 0 ? aspect : 1;
	const halfH = Math.atan(Math.tan(halfV) * a);
	return radius / Math.sin(Math.min(halfV, halfH));
}
