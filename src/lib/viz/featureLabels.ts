/**
 * The marks and labels of the feature-circle panels, without the DOM: where each class
 * arrow ends (W_i, or the class mean μ_i of the metric losses), and where each label goes so
 * that it covers no arrow and no other label (W labels first, then the margin wedges'
 * angles, then the nominal ones). A label that had to leave its place gets a thin leader to
 * what it names. Coordinates are the panel's 400 × 400 user units.
 */
import { toDegrees } from '../math/vec';
import type { Snapshot } from '../model/snapshot';
import type { CircleGeometry } from './featureGeometry';
import { CIRCLE_R, PANEL, rawToPanel } from './featurePlot';
import { placeLabels, textWidth, type LabelRequest, type Segment } from './labelPlacement';
import { classNumber, COLOURED_CLASSES, manyClasses } from './palette';
import { polarPoint } from './polar';

const C = PANEL / 2;
/** How far past the rim the unit circle's arrows reach (× CIRCLE_R). */
export const ARROW_REACH = 1.12;
/** The design size of the panels' labels (user units at a 400 px panel). */
const BASE_FONT = 14;
/** Wedges narrower than this (radians, about 2.3°) are drawn without a label. */
const LABEL_MIN = 0.04;

/**
 * The labels' font size in user units for a panel drawn `widthPx` wide: the design size
 * scaled with the panel, but never under `minPx` nor over `maxPx` on screen.
 */
export function labelFont(widthPx: number, minPx = 13, maxPx = 26): number {
	if (!(widthPx > 0)) return BASE_FONT;
	const px = Math.min(maxPx, Math.max(minPx, (BASE_FONT * widthPx) / PANEL));
	return (px * PANEL) / widthPx;
}

/** One class arrow (or class mean) of a panel. */
export interface ClassMark {
	/** Row of the snapshot's weights (or means). */
	row: number;
	/** The arrow's tip (or the mean's centre), panel units. */
	tip: [number, number];
	/** The arrow's unit direction on screen (y down); [0, 0] for a mean. */
	dir: [number, number];
	/** W3, μ2… */
	name: string;
	/** Many classes: only the first few are coloured and labelled, the rest drawn thin. */
	faint: boolean;
}

/** The class arrows (or, for the metric losses on the raw panel, the class means) of a panel. */
export function classMarks(
	panel: 'raw' | 'circle',
	s: Snapshot | null,
	extent: number
): ClassMark[] {
	if (!s) return [];
	const many = manyClasses(s.weightClasses);
	const name = (j: number) =>
		`${s.classMeans ? 'μ' : 'W'}${classNumber(s.weightClasses[j], s.inputDim)}`;
	const marks: ClassMark[] = [];
	if (s.classMeans && panel === 'raw') {
		for (let j = 0; j < s.numClasses; j++) {
			const tip = rawToPanel(s.classMeans[2 * j], s.classMeans[2 * j + 1], extent);
			marks.push({ row: j, tip, dir: [0, 0], name: name(j), faint: many && j >= COLOURED_CLASSES });
		}
		return marks;
	}
	const maxNorm = Math.max(...s.weightNorms);
	for (let j = 0; j < s.numClasses; j++) {
		const ux = s.weights[2 * j];
		const uy = s.weights[2 * j + 1];
		const n = Math.hypot(ux, uy) || 1;
		let tip: [number, number];
		if (panel === 'raw') {
			const len = (s.bias ? s.weightNorms[j] / maxNorm : 1) * extent * 0.8;
			tip = rawToPanel(ux * len, uy * len, extent);
		} else tip = [C + ux * CIRCLE_R * ARROW_REACH, C - uy * CIRCLE_R * ARROW_REACH];
		if (!Number.isFinite(tip[0]) || !Number.isFinite(tip[1])) continue;
		marks.push({
			row: j,
			tip,
			dir: [ux / n, -uy / n],
			name: name(j),
			faint: many && j >= COLOURED_CLASSES
		});
	}
	return marks;
}

/** A placed label of a panel. */
export interface PanelLabel {
	kind: 'class' | 'wedge' | 'nominal';
	text: string;
	x: number;
	y: number;
	/** Where a leader line starts (what the label names) when the label had to move away. */
	leader: [number, number] | null;
	/** data-* attributes the tests and exports read (wedge angles, classes between). */
	data: Record<string, string>;
}

/** Candidate centres for a class label: beyond the tip along the arrow, then beside it. */
function classCandidates(m: ClassMark, width: number, height: number, font: number) {
	const [dx, dy] = m.dir;
	const out: [number, number][] = [];
	if (dx === 0 && dy === 0) {
		// A class mean: beside its ring, up-right first.
		const r = 10 + font * 0.4;
		for (const [sx, sy] of [
			[1, -1],
			[-1, -1],
			[1, 1],
			[-1, 1]
		])
			out.push([m.tip[0] + sx * (r + width / 2), m.tip[1] + sy * (r + height / 2)]);
		return out;
	}
	// Far enough along the arrow that the box clears the tip whatever the direction.
	const base = 0.5 * (Math.abs(dx) * width + Math.abs(dy) * height) + font * 0.35;
	const [px, py] = [-dy, dx];
	for (const d of [base, base + font * 0.7, base + font * 1.5])
		for (const t of [0, 0.9, -0.9])
			out.push([m.tip[0] + dx * d + px * t * width, m.tip[1] + dy * d + py * t * width]);
	// Back along the shaft, to its side.
	for (const back of [1.5, 3])
		for (const t of [1, -1])
			out.push([
				m.tip[0] - dx * back * font + px * t * (width * 0.5 + font * 0.4),
				m.tip[1] - dy * back * font + py * t * (height * 0.5 + font * 0.4)
			]);
	return out;
}

/** Candidate centres for a wedge's label: on its middle ray, then nearby rays, then outside. */
function wedgeCandidates(mid: number, radii: number[]): [number, number][] {
	const out: [number, number][] = [];
	for (const off of [0, 0.14, -0.14, 0.28, -0.28, 0.42, -0.42])
		for (const r of radii) {
			const [x, y] = polarPoint(mid + off, r * CIRCLE_R);
			out.push([C + x, C + y]);
		}
	return out;
}

/**
 * Where a wedge label's leader starts: none while the label sits inside its wedge; else the
 * wedge's middle at the label's radius (at most just inside the rim).
 */
function leaderFrom(
	wedge: { mid: number; half: number } | null,
	x: number,
	y: number
): [number, number] | null {
	if (!wedge) return null;
	const r = Math.hypot(x - C, y - C);
	const turn = Math.atan2(C - y, x - C) - wedge.mid;
	const off = Math.abs(Math.atan2(Math.sin(turn), Math.cos(turn)));
	if (off <= wedge.half && r <= CIRCLE_R) return null;
	const [ax, ay] = polarPoint(wedge.mid, Math.min(r, CIRCLE_R * 0.95));
	return [C + ax, C + ay];
}

const deg = (rad: number) => `${toDegrees(rad).toFixed(1)}°`;

/**
 * The labels of a panel, placed: class names (W/μ), and on the unit circle the margin
 * wedges' angles (and A-Softmax's nominal ones at λ = 0). `font` in user units (labelFont).
 */
export function panelLabels(
	panel: 'raw' | 'circle',
	s: Snapshot | null,
	extent: number,
	geometry: CircleGeometry | null,
	font: number
): PanelLabel[] {
	const marks = classMarks(panel, s, extent);
	const height = font * 1.15;
	const requests: LabelRequest[] = [];
	const labels: Omit<PanelLabel, 'x' | 'y' | 'leader'>[] = [];
	/** Per label: the wedge it names (middle angle, half width), or null for a class label. */
	const wedgeOf: ({ mid: number; half: number } | null)[] = [];
	for (const m of marks) {
		if (m.faint) continue;
		const width = textWidth(m.name, font);
		requests.push({ width, height, candidates: classCandidates(m, width, height, font) });
		labels.push({ kind: 'class', text: m.name, data: { class: m.name } });
		wedgeOf.push(null);
	}
	if (panel === 'circle' && geometry) {
		for (const w of geometry.wedges) {
			if (!(w.width > LABEL_MIN)) continue;
			const mid = w.start + w.width / 2;
			const text = deg(w.width);
			requests.push({
				width: textWidth(text, font * 1.07),
				height,
				candidates: wedgeCandidates(mid, [0.55, 0.7, 0.45, 0.85, 1.25])
			});
			labels.push({
				kind: 'wedge',
				text,
				data: {
					'wedge-deg': toDegrees(w.width).toFixed(3),
					'delta-deg': toDegrees(w.delta).toFixed(3),
					between: w.between.join('-'),
					pairwise: String(w.pairwise)
				}
			});
			wedgeOf.push({ mid, half: w.width / 2 });
		}
		for (const w of geometry.nominal) {
			if (!(w.width > LABEL_MIN)) continue;
			const mid = w.start + w.width / 2;
			const text = deg(w.width);
			requests.push({
				width: textWidth(text, font),
				height,
				candidates: wedgeCandidates(mid, [0.86, 0.95, 1.25])
			});
			labels.push({
				kind: 'nominal',
				text,
				data: { 'nominal-deg': toDegrees(w.width).toFixed(3), between: w.between.join('-') }
			});
			wedgeOf.push({ mid, half: w.width / 2 });
		}
		// A negative margin's overlaps, labelled as a negative wedge ("−12°").
		for (const w of geometry.overlaps) {
			if (!(w.width > LABEL_MIN)) continue;
			const mid = w.start + w.width / 2;
			const text = `−${deg(w.width)}`;
			requests.push({
				width: textWidth(text, font * 1.07),
				height,
				candidates: wedgeCandidates(mid, [0.55, 0.7, 0.45, 0.85, 1.25])
			});
			labels.push({
				kind: 'wedge',
				text,
				data: { 'overlap-deg': toDegrees(w.width).toFixed(3), between: w.between.join('-') }
			});
			wedgeOf.push({ mid, half: w.width / 2 });
		}
	}
	const segments: Segment[] = marks
		.filter((m) => m.dir[0] !== 0 || m.dir[1] !== 0)
		.map((m) => ({ x1: C, y1: C, x2: m.tip[0], y2: m.tip[1] }));
	const at = placeLabels(requests, segments, { x0: 0, y0: 0, x1: PANEL, y1: PANEL });
	const out: PanelLabel[] = [];
	at.forEach(([x, y], i) => {
		if (!Number.isFinite(x)) return;
		out.push({ ...labels[i], x, y, leader: leaderFrom(wedgeOf[i], x, y) });
	});
	return out;
}
