/**
 * The arithmetic of one point under the Euclidean losses, in float64: the hover card's pair
 * readout. The point is taken as an anchor a among the training points (`PairPoints`,
 * pairMargin.ts; its distances are the loss's own, on u = x/‖x‖ when the loss trains
 * unit-length features), with its hardest positive p (the furthest point of its class) and
 * hardest negative n (the nearest point of another class):
 *
 *   contrastive  loss_a = D_ap + max(0, m − d_an)²          (m a distance)
 *                ∂/∂u_a = 2(u_a − u_p) − 2 (m − d_an)(u_a − u_n)/d_an   (second term while d_an < m)
 *   triplet      loss_a = max(0, D_ap − D_an + m)           (m a squared distance)
 *                ∂/∂u_a = 2(u_a − u_p) − 2(u_a − u_n) = 2(u_n − u_p)   (while the hinge is > 0)
 *   center       loss_a = ½‖x_a − μ_y‖²  (the center term; μ_y its class mean)
 *                ∂/∂x_a = x_a − μ_y
 *
 * with D = ‖·‖² and d = ‖·‖. These are the terms in which the point is the anchor (the
 * batch losses also move it as someone else's positive or negative). With unit features the
 * gradient reaches x through the normalisation: ∂loss/∂x = (I − u uᵀ) ∂loss/∂u / ‖x‖ (only
 * the part across u; a zero feature gets none). The push drawn is −∂loss/∂x. Never NaN:
 * coincident points give that term 0, a point with no positive (or no negative) among the
 * training points leaves its term out and says so.
 */
import { lossPoint, type PairPoints } from './pairMargin';
import { SPLIT } from './split';

export type PairKind = 'contrastive' | 'triplet' | 'center';

/** One point's pair readout. Distances are in the loss's space. */
export interface PairReadout {
	kind: PairKind;
	/** Hardest positive (furthest training point of the class, not the point), or −1. */
	positive: number;
	/** Hardest negative (nearest training point of another class), or −1. */
	negative: number;
	/** d(a, p) and d(a, n) (not squared), or null without that point. */
	dPositive: number | null;
	dNegative: number | null;
	/** Center loss: the class mean μ and d(x, μ); else null. */
	centre: [number, number] | null;
	dCentre: number | null;
	/** The loss's margin (contrastive: a distance; triplet: a squared distance; center: none). */
	margin: number;
	/** contrastive m − d_an, triplet D_ap − D_an + m; > 0: the hinge is active. Null for center or without a negative. */
	hinge: number | null;
	active: boolean;
	/** This anchor's loss term (see the module comment). */
	loss: number;
	/** [2] ∂loss/∂x, and the push −∂loss/∂x. */
	grad: [number, number];
	push: [number, number];
	pushNorm: number;
	/** 'nonFinite': the point's feature is not finite; 'noPositive' / 'noNegative': none among the training points. */
	issue: 'nonFinite' | 'noPositive' | 'noNegative' | null;
}

/** The training point furthest of the class of `a` and nearest of the others (never a itself). */
function hardestPair(points: PairPoints, a: number, ua: [number, number]) {
	let positive = -1;
	let negative = -1;
	let dap = -1;
	let dan = Infinity;
	for (let j = 0; j < points.labels.length; j++) {
		if (j === a || points.split[j] !== SPLIT.train) continue;
		const [x, y] = lossPoint(points, j);
		const d = (x - ua[0]) ** 2 + (y - ua[1]) ** 2;
		if (!Number.isFinite(d)) continue;
		if (points.labels[j] === points.labels[a]) {
			if (d > dap) [dap, positive] = [d, j];
		} else if (d < dan) [dan, negative] = [d, j];
	}
	return { positive, negative, dap: positive >= 0 ? dap : null, dan: negative >= 0 ? dan : null };
}

/** The mean of the class's training points in the loss's space (null when it has none). */
function trainingMean(points: PairPoints, label: number): [number, number] | null {
	let sx = 0;
	let sy = 0;
	let n = 0;
	for (let j = 0; j < points.labels.length; j++) {
		if (points.split[j] !== SPLIT.train || points.labels[j] !== label) continue;
		const [x, y] = lossPoint(points, j);
		if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
		sx += x;
		sy += y;
		n++;
	}
	return n > 0 ? [sx / n, sy / n] : null;
}

/**
 * The readout of point `a` (any split: a test point is read against the training points) for
 * `kind` with margin `margin`. Center loss: `centre` is the class mean to use (the snapshot's
 * class mean), else the mean of the class's training points.
 */
export function pairReadout(
	points: PairPoints,
	a: number,
	kind: PairKind,
	margin: number,
	centre: [number, number] | null = null
): PairReadout {
	const out: PairReadout = {
		kind,
		positive: -1,
		negative: -1,
		dPositive: null,
		dNegative: null,
		centre: null,
		dCentre: null,
		margin,
		hinge: null,
		active: false,
		loss: 0,
		grad: [0, 0],
		push: [0, 0],
		pushNorm: 0,
		issue: null
	};
	const x: [number, number] = [points.features[2 * a], points.features[2 * a + 1]];
	if (!Number.isFinite(x[0]) || !Number.isFinite(x[1]) || !Number.isFinite(margin))
		return { ...out, issue: 'nonFinite' };

	if (kind === 'center') {
		// The center term is on the raw features (unit features are a pair-loss option).
		const raw = { ...points, unit: false };
		const mu =
			centre && centre.every(Number.isFinite) ? centre : trainingMean(raw, points.labels[a]);
		if (!mu) return { ...out, issue: 'noPositive' };
		const g: [number, number] = [x[0] - mu[0], x[1] - mu[1]];
		const d = Math.hypot(g[0], g[1]);
		return finish({ ...out, centre: mu, dCentre: d, loss: 0.5 * d * d }, g, x, false);
	}

	const ua = lossPoint(points, a);
	const h = hardestPair(points, a, ua);
	const gu: [number, number] = [0, 0];
	const r: PairReadout = {
		...out,
		positive: h.positive,
		negative: h.negative,
		dPositive: h.dap === null ? null : Math.sqrt(h.dap),
		dNegative: h.dan === null ? null : Math.sqrt(h.dan),
		issue: h.positive < 0 ? 'noPositive' : h.negative < 0 ? 'noNegative' : null
	};
	const up = h.positive >= 0 ? lossPoint(points, h.positive) : null;
	const un = h.negative >= 0 ? lossPoint(points, h.negative) : null;
	if (kind === 'contrastive') {
		if (up && h.dap !== null) {
			r.loss += h.dap;
			gu[0] += 2 * (ua[0] - up[0]);
			gu[1] += 2 * (ua[1] - up[1]);
		}
		if (un && h.dan !== null) {
			const d = Math.sqrt(h.dan);
			r.hinge = margin - d;
			r.active = r.hinge > 0;
			if (r.active) {
				r.loss += r.hinge * r.hinge;
				// d = 0 (coincident points): no direction to push along; that term is 0.
				if (d > 0) {
					gu[0] -= (2 * r.hinge * (ua[0] - un[0])) / d;
					gu[1] -= (2 * r.hinge * (ua[1] - un[1])) / d;
				}
			}
		}
	} else if (up && un && h.dap !== null && h.dan !== null) {
		r.hinge = h.dap - h.dan + margin;
		r.active = r.hinge > 0;
		if (r.active) {
			r.loss = r.hinge;
			gu[0] = 2 * (un[0] - up[0]);
			gu[1] = 2 * (un[1] - up[1]);
		}
	}
	return finish(r, gu, x, points.unit);
}

/** Takes ∂loss/∂u to ∂loss/∂x (through u = x/‖x‖ when `unit`) and fills grad, push and its norm. */
function finish(
	r: PairReadout,
	gu: [number, number],
	x: [number, number],
	unit: boolean
): PairReadout {
	let g = gu;
	if (unit) {
		const n = Math.hypot(x[0], x[1]);
		if (n > 0) {
			const u = [x[0] / n, x[1] / n];
			const along = gu[0] * u[0] + gu[1] * u[1];
			g = [(gu[0] - along * u[0]) / n, (gu[1] - along * u[1]) / n];
		} else g = [0, 0];
	}
	const grad: [number, number] = [g[0] + 0, g[1] + 0];
	const push: [number, number] = [-grad[0] + 0, -grad[1] + 0];
	return { ...r, grad, push, pushNorm: Math.hypot(grad[0], grad[1]) };
}
