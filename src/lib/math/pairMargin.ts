/**
 * The margin of the Euclidean losses in feature space, for the feature circle to draw: a live
 * anchor with its positive and negative and the ring the negative must leave (contrastive and
 * triplet loss), or each class's spread around its mean (center loss). Distances are the
 * loss's own (`metricLosses.ts`): on the features, or on the unit-length features when the
 * loss trains those (`unit`). Pure TypeScript.
 *
 *   contrastive  a negative n of anchor a pushes while d(a, n) < m: the ring of radius m.
 *   triplet      (a, p, n) teaches while d(a, n)² < d(a, p)² + m (m is a squared distance):
 *                the ring of radius √(d(a, p)² + m), p the furthest positive.
 *   center       the ring of radius the 90th percentile of ‖x − μ_y‖ over the class's points.
 */
import { quantileSorted } from './bootstrap';
import { SPLIT } from './split';

/** The share of a class's points inside its center-loss ring. */
export const SPREAD_QUANTILE = 0.9;
/** At most this many anchors are tried (evenly spaced over the training points). */
export const MAX_ANCHORS = 256;

/** What a pair loss's ring is made of: an anchor, its positive and negative (indices into the points). */
export interface AnchorRing {
	kind: 'contrastive' | 'triplet';
	anchor: number;
	/** The furthest positive of the anchor (same class). */
	positive: number;
	/** The nearest negative of the anchor (another class). */
	negative: number;
	/** The ring's centre (the anchor, in the loss's space) and radius. */
	centre: [number, number];
	radius: number;
	/** The anchor's hinge (> 0: the negative is inside the ring, the anchor still teaches). */
	hinge: number;
}

/** Center loss: one class's ring around its mean. */
export interface ClassSpread {
	/** The data class. */
	label: number;
	centre: [number, number];
	radius: number;
}

/** The points as the loss sees them: 2D features, or the same on the unit circle. */
export interface PairPoints {
	/** [N·2] features, row order. */
	features: ArrayLike<number>;
	/** [N] data class of each point. */
	labels: ArrayLike<number>;
	/** [N] `SPLIT` values: only training points (what the loss trains on) are used. */
	split: ArrayLike<number>;
	/** The loss trains unit-length features (u = x/‖x‖). */
	unit: boolean;
}

/** Point i in the loss's space (0 stays 0 on the unit circle, as in `metricLosses.ts`). */
export function lossPoint(p: PairPoints, i: number): [number, number] {
	const x = p.features[2 * i];
	const y = p.features[2 * i + 1];
	if (!p.unit) return [x, y];
	const n = Math.hypot(x, y);
	return n > 0 ? [x / n, y / n] : [0, 0];
}

/** The training points' indices. */
function trainingIndices(p: PairPoints): number[] {
	const out: number[] = [];
	for (let i = 0; i < p.labels.length; i++) if (p.split[i] === SPLIT.train) out.push(i);
	return out;
}

/** Anchor a's furthest positive and nearest negative among `others`, with their squared distances. */
function hardest(
	p: PairPoints,
	a: number,
	others: readonly number[]
): { positive: number; negative: number; dap: number; dan: number } | null {
	const [ax, ay] = lossPoint(p, a);
	let positive = -1;
	let negative = -1;
	let dap = -1;
	let dan = Infinity;
	for (const j of others) {
		if (j === a) continue;
		const [x, y] = lossPoint(p, j);
		const d = (x - ax) ** 2 + (y - ay) ** 2;
		if (p.labels[j] === p.labels[a]) {
			if (d > dap) [dap, positive] = [d, j];
		} else if (d < dan) [dan, negative] = [d, j];
	}
	return positive >= 0 && negative >= 0 ? { positive, negative, dap, dan } : null;
}

/**
 * The anchor to show for contrastive or triplet loss with margin m: `previous` while it still
 * teaches (so the ring does not jump between snapshots), else the training point whose hinge
 * is largest (the one that violates the margin most; ties: the lowest index), tried over at
 * most MAX_ANCHORS evenly spaced training points. Its hinge: m − d(a, n) for contrastive,
 * d(a, p)² − d(a, n)² + m for triplet. Null when no anchor has a positive and a negative.
 */
export function anchorRing(
	p: PairPoints,
	kind: 'contrastive' | 'triplet',
	m: number,
	previous: number | null = null
): AnchorRing | null {
	const train = trainingIndices(p);
	const ring = (a: number): AnchorRing | null => {
		const h = hardest(p, a, train);
		if (!h) return null;
		const dap = h.dap;
		const radius = kind === 'contrastive' ? m : Math.sqrt(Math.max(0, dap + m));
		const hinge = kind === 'contrastive' ? m - Math.sqrt(h.dan) : dap - h.dan + m;
		return {
			kind,
			anchor: a,
			positive: h.positive,
			negative: h.negative,
			centre: lossPoint(p, a),
			radius,
			hinge
		};
	};
	if (previous !== null && p.split[previous] === SPLIT.train) {
		const kept = ring(previous);
		if (kept && kept.hinge > 0) return kept;
	}
	const stride = Math.max(1, Math.ceil(train.length / MAX_ANCHORS));
	let best: AnchorRing | null = null;
	for (let k = 0; k < train.length; k += stride) {
		const r = ring(train[k]);
		if (r && (!best || r.hinge > best.hinge)) best = r;
	}
	return best;
}

/**
 * Center loss: for each class with training points, its mean (`means`, [K·2] by data class,
 * when given: the snapshot's class means; else the training points' mean) and the
 * SPREAD_QUANTILE of its training points' distances to it. Classes in label order.
 */
export function classSpreads(p: PairPoints, means: ArrayLike<number> | null = null): ClassSpread[] {
	const byClass = new Map<number, number[]>();
	for (const i of trainingIndices(p)) {
		const c = p.labels[i];
		if (!byClass.has(c)) byClass.set(c, []);
		byClass.get(c)!.push(i);
	}
	const out: ClassSpread[] = [];
	for (const label of [...byClass.keys()].sort((a, b) => a - b)) {
		const rows = byClass.get(label)!;
		const points = rows.map((i) => lossPoint(p, i));
		const centre: [number, number] =
			means && means.length >= 2 * (label + 1)
				? [means[2 * label], means[2 * label + 1]]
				: [
						points.reduce((s, q) => s + q[0], 0) / points.length,
						points.reduce((s, q) => s + q[1], 0) / points.length
					];
		const distances = points
			.map(([x, y]) => Math.hypot(x - centre[0], y - centre[1]))
			.sort((a, b) => a - b);
		out.push({ label, centre, radius: quantileSorted(distances, SPREAD_QUANTILE) });
	}
	return out;
}
