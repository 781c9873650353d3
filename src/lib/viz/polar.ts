/**
 * Polar geometry for SVG: math angles (radians, counter-clockwise from +x, y up) to SVG
 * coordinates (y down) and to d3-shape's arc convention (clockwise from 12 o'clock).
 */
import { arc } from 'd3-shape';

/** The SVG point at math angle `phi` and radius `r` around the origin. */
export function polarPoint(phi: number, r: number): [number, number] {
	return [r * Math.cos(phi), -r * Math.sin(phi)];
}

/** d3-shape measures angles clockwise from 12 o'clock: a = π/2 − φ. */
function toD3Angle(phi: number): number {
	return Math.PI / 2 - phi;
}

const sector = arc<{ inner: number; outer: number; from: number; to: number }>()
	.innerRadius((d) => d.inner)
	.outerRadius((d) => d.outer)
	.startAngle((d) => toD3Angle(d.to))
	.endAngle((d) => toD3Angle(d.from));

/**
 * SVG path of the annular sector from math angle `from` counter-clockwise to `to`
 * (to ≥ from), between radii `inner` and `outer`. Empty string for a degenerate sector.
 */
export function sectorPath(from: number, to: number, inner: number, outer: number): string {
	if (!(to > from) || !Number.isFinite(from) || !Number.isFinite(to)) return '';
	return sector({ inner, outer, from, to }) ?? '';
}
