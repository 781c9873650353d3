/**
 * The verification and identification figure on the circle, without the DOM: every feature
 * drawn at its direction on the unit circle of a PANEL × PANEL panel (the feature circle's
 * geometry), the acceptance cone of τ as a sector, and the point nearest to a click. Points
 * go into one SVG path per colour, so a snapshot costs a few strings, not a node per point.
 */
import { arc as d3arc } from 'd3-shape';
import { CIRCLE_R, PANEL } from './featurePlot';
import type { ConeArc } from '../math/recognitionView';

const C = PANEL / 2;

/** Panel position of row r's direction at radius `radius` (the centre when it has none). */
export function directionAt(
	features: ArrayLike<number>,
	dim: number,
	r: number,
	radius = CIRCLE_R
): [number, number] {
	const x = features[r * dim];
	const y = features[r * dim + 1];
	const n = Math.hypot(x, y);
	if (!(n > 0) || !Number.isFinite(n)) return [C, C];
	return [C + (x / n) * radius, C - (y / n) * radius];
}

/**
 * One path of round dots per key (a colour): "M x y h0" segments, drawn with a round line cap
 * of the dot's diameter. `keyOf` returns null for a row not drawn.
 */
export function dotPaths(
	features: ArrayLike<number>,
	dim: number,
	rows: Iterable<number>,
	keyOf: (r: number) => string | null,
	radius = CIRCLE_R
): Map<string, string> {
	const parts = new Map<string, string[]>();
	for (const r of rows) {
		const key = keyOf(r);
		if (key === null) continue;
		const [px, py] = directionAt(features, dim, r, radius);
		let list = parts.get(key);
		if (!list) parts.set(key, (list = []));
		list.push(`M${px.toFixed(1)} ${py.toFixed(1)}h0`);
	}
	return new Map([...parts].map(([k, v]) => [k, v.join('')]));
}

/**
 * The cone of τ as a sector of the panel's circle (radius `outer`), or '' without a cone.
 * SVG angles run clockwise from 12 o'clock in d3's arc; the feature's angle φ (counterclockwise
 * from +x) becomes π/2 − φ.
 */
export function conePath(cone: ConeArc | null, outer = CIRCLE_R + 14): string {
	if (!cone) return '';
	const a0 = Math.PI / 2 - cone.to;
	const a1 = Math.PI / 2 - cone.from;
	const path = d3arc()({ innerRadius: 0, outerRadius: outer, startAngle: a0, endAngle: a1 });
	return path ?? '';
}

/** The cone's rim on the circle (an arc of radius CIRCLE_R), or ''. */
export function coneRimPath(cone: ConeArc | null, radius = CIRCLE_R): string {
	if (!cone) return '';
	const a0 = Math.PI / 2 - cone.to;
	const a1 = Math.PI / 2 - cone.from;
	return (
		d3arc()({ innerRadius: radius - 3, outerRadius: radius + 3, startAngle: a0, endAngle: a1 }) ??
		''
	);
}

/**
 * The row among `rows` whose drawn position is nearest to the panel point (px, py), within
 * `reach` panel units; −1 if none is.
 */
export function nearestRow(
	features: ArrayLike<number>,
	dim: number,
	rows: Iterable<number>,
	px: number,
	py: number,
	reach = 18
): number {
	let best = -1;
	let bestD = reach * reach;
	for (const r of rows) {
		const [x, y] = directionAt(features, dim, r);
		const d = (x - px) ** 2 + (y - py) ** 2;
		if (d < bestD) {
			bestD = d;
			best = r;
		}
	}
	return best;
}
