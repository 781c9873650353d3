/**
 * The feature circle's hover card and its overlay, without the DOM: one point of a 2-D
 * snapshot read under the snapshot's loss (the arithmetic of `pointArithmetic` for the
 * heads, `pairReadout` for the Euclidean losses), and where its arrow of −∂loss/∂x and its
 * pair lines go in each panel. Computed once per hovered point and snapshot, not per frame.
 *
 * The arrow is −∇ times a gain k, at the panel's own scale (one unit of feature space is as
 * long as on the axes). k is one number per snapshot (`arrowGain`: a round 1, 2 or 5 × 10ⁿ
 * that draws the typical training point's push about GAIN_TARGET panel units long), so
 * arrows of different points compare; an arrow longer than ARROW_CAP is shortened to it (the
 * card says so). On the unit-circle panel the arrow is the part of k·(−∇) across the
 * feature's direction, at the circle's scale: a push of length t at radius r turns the
 * direction by t/r radians, drawn as CIRCLE_R·t/r.
 */
import { pointArithmetic, type PointArithmetic } from '../math/pointGradient';
import { pairReadout, type PairReadout } from '../math/pointPair';
import { isMetricLoss, type LossKind } from '../math/margins';
import { usesScale } from '../math/psi';
import { quantileSorted } from '../math/bootstrap';
import { SPLIT } from '../math/split';
import type { HeadParams } from '../math/logits';
import type { Snapshot } from '../model/snapshot';
import { CIRCLE_R, PANEL, circlePosition, rawToPanel } from './featurePlot';
import { pointInPanel } from './pointNav';
import { nearestSubCenterWeights } from '../math/subCenters';

// The keyboard's steps live in pointNav.ts (loaded with the page, this module only on demand).
export { ARROW_KEYS, nearestInDirection, pointInPanel } from './pointNav';

/** Longest arrow, in panel units (the panel is PANEL = 400 across). */
export const ARROW_CAP = 120;
/** Below this length (panel units) an arrow is too short to see; the card says so. */
export const ARROW_MIN = 3;
/** The typical push's length on the raw panel (panel units) that `arrowGain` aims at. */
export const GAIN_TARGET = 40;
/**
 * The pushes `arrowGain` samples (evenly spaced training points): a head's push costs O(C),
 * a pair loss's O(N) (its hardest positive and negative), so fewer of those (24 of 5,000
 * points: about 3 ms a snapshot on this machine, while a card shows).
 */
const GAIN_SAMPLE = 96;
const GAIN_SAMPLE_PAIRS = 24;
/** The quantile of the sampled pushes that is drawn GAIN_TARGET long. */
const GAIN_QUANTILE = 0.75;

/** Head options the snapshot does not carry (the trainer's defaults when unset). */
export type ExtraHeadOptions = Pick<HeadParams, 'normalizeFeatures' | 'psiMode' | 'arcfaceVariant'>;

/** An arrow in panel units, from the point to its tip. */
export interface PanelArrow {
	from: [number, number];
	to: [number, number];
	/** The scale applied on top of the gain: 1, or below 1 when capped. */
	factor: number;
	capped: boolean;
	tiny: boolean;
}

/** What the card shows for one point. */
export type PointCard =
	| { kind: 'head'; x: [number, number]; row: number; math: PointArithmetic; normalised: boolean }
	| { kind: 'pair'; x: [number, number]; row: number; pair: PairReadout; unit: boolean };

/**
 * The readout of point `index` of a 2-D snapshot, or null when there is none to give (no
 * 2-D features, index out of range). `head`: options the snapshot lacks.
 */
export function pointCard(
	s: Snapshot,
	labels: ArrayLike<number>,
	split: ArrayLike<number> | null,
	index: number,
	head: ExtraHeadOptions = {}
): PointCard | null {
	if (s.featureDim !== 2 || index < 0 || 2 * index + 1 >= s.features.length) return null;
	if (labels.length * 2 !== s.features.length) return null;
	const x: [number, number] = [s.features[2 * index], s.features[2 * index + 1]];
	const row = s.weightClasses.indexOf(labels[index]);
	const kind = s.lossKind;
	if (isMetricLoss(kind)) {
		const unit = s.rule === 'nearestDirection';
		const points = {
			features: s.features,
			labels,
			split: split ?? new Uint8Array(labels.length),
			unit
		};
		const means = s.classMeans;
		const centre: [number, number] | null =
			kind === 'center' && means && row >= 0 && means.length >= 2 * row + 2
				? [means[2 * row], means[2 * row + 1]]
				: null;
		return { kind: 'pair', x, row, pair: pairReadout(points, index, kind, s.m, centre), unit };
	}
	// Softmax uses the raw W (unit rows × their norms) and the bias; the others normalise W.
	// With sub-centers, each class's nearest one to x (the max that decides its logit).
	const sub = s.subCenters;
	const W = sub
		? nearestSubCenterWeights(x, sub.subWeights, 2, sub.k)
		: Array.from({ length: s.numClasses }, (_, j) => {
				const n = s.bias ? s.weightNorms[j] : 1;
				return [s.weights[2 * j] * n, s.weights[2 * j + 1] * n];
			});
	const params: HeadParams = { kind, m: s.m, lambda: s.lambda, s: s.s, ...s.margins, ...head };
	const math = pointArithmetic(x, W, s.bias ? Array.from(s.bias) : null, row, params);
	const normalised = usesScale(kind, head.normalizeFeatures ?? false);
	return { kind: 'head', x, row, math, normalised };
}

/** The push −∂loss/∂x of a card, [dx, dy] in feature units. */
export function pushOf(card: PointCard): [number, number] {
	if (card.kind === 'pair') return card.pair.push;
	return [-card.math.grad[0] + 0, -card.math.grad[1] + 0];
}

/**
 * The gain k of a snapshot's arrows: the largest round value (1, 2 or 5 × 10ⁿ) at most
 * GAIN_TARGET / (q · rawScale), q the GAIN_QUANTILE of the pushes of a few evenly spaced
 * training points (GAIN_SAMPLE); 1 when no sampled point is pushed. Once per snapshot.
 */
export function arrowGain(
	s: Snapshot,
	labels: ArrayLike<number>,
	split: ArrayLike<number> | null,
	extent: number,
	head: ExtraHeadOptions = {}
): number {
	const n = Math.min(labels.length, s.features.length / 2);
	const train: number[] = [];
	for (let i = 0; i < n; i++) if (!split || split[i] === SPLIT.train) train.push(i);
	const sample = isMetricLoss(s.lossKind) ? GAIN_SAMPLE_PAIRS : GAIN_SAMPLE;
	const stride = Math.max(1, Math.ceil(train.length / sample));
	const pushes: number[] = [];
	for (let k = 0; k < train.length; k += stride) {
		const card = pointCard(s, labels, split, train[k], head);
		if (!card) continue;
		const [dx, dy] = pushOf(card);
		const v = Math.hypot(dx, dy);
		if (Number.isFinite(v) && v > 0) pushes.push(v);
	}
	if (pushes.length === 0) return 1;
	pushes.sort((a, b) => a - b);
	const q = quantileSorted(pushes, GAIN_QUANTILE);
	return roundGain(GAIN_TARGET / (q * rawScale(extent)));
}

/** The largest of 1, 2, 5 × 10ⁿ at most `g` (1 for a non-finite or non-positive g). */
export function roundGain(g: number): number {
	if (!Number.isFinite(g) || g <= 0) return 1;
	const p = 10 ** Math.floor(Math.log10(g));
	const m = g / p;
	// 1e-9: g a round value already (2.0000000001 / 1 must not fall to 1).
	return (m >= 5 - 1e-9 ? 5 : m >= 2 - 1e-9 ? 2 : 1) * p;
}

/** An arrow from `from` along feature-space `vec` (y up) at `unitsPerFeature` panel units per unit. */
export function panelArrow(
	from: [number, number],
	vec: readonly [number, number],
	unitsPerFeature: number
): PanelArrow {
	const full = Math.hypot(vec[0], vec[1]) * unitsPerFeature;
	const ok = Number.isFinite(full) && full > 0;
	const factor = ok && full > ARROW_CAP ? ARROW_CAP / full : 1;
	const k = ok ? unitsPerFeature * factor : 0;
	return {
		from,
		to: ok ? [from[0] + vec[0] * k, from[1] - vec[1] * k] : [from[0], from[1]],
		factor,
		capped: factor < 1,
		tiny: !ok || full < ARROW_MIN
	};
}

/** The raw panel's units per feature unit at half-width `extent` (as `rawToPanel`). */
export function rawScale(extent: number): number {
	return (PANEL / 2 - 16) / extent;
}

/** The arrow of a card on the raw panel, at gain k. */
export function rawArrow(card: PointCard, extent: number, gain = 1): PanelArrow {
	return panelArrow(
		rawToPanel(card.x[0], card.x[1], extent),
		pushOf(card),
		gain * rawScale(extent)
	);
}

/**
 * The arrow on the unit-circle panel: the push's part across x̂ at k·CIRCLE_R/‖x‖ panel units
 * per unit (the turn it gives the direction). Null for a zero feature (no direction).
 */
export function circleArrow(card: PointCard, index: number, gain = 1): PanelArrow | null {
	const [x, y] = card.x;
	const r = Math.hypot(x, y);
	if (!(r > 0)) return null;
	const push = pushOf(card);
	const u = [x / r, y / r];
	const along = push[0] * u[0] + push[1] * u[1];
	const across: [number, number] = [push[0] - along * u[0], push[1] - along * u[1]];
	return panelArrow(circlePosition(x, y, index), across, (gain * CIRCLE_R) / r);
}

/** Which panel shows a card's arrow across the circle: heads that normalise x, pair losses on unit features. */
export function showsCircleArrow(card: PointCard): boolean {
	return card.kind === 'head' ? card.normalised : card.unit;
}

/**
 * The marks a card's overlay draws besides the point, in panel units with their panel: the
 * arrows' tips and, for the pair losses, the positive, the negative or the class mean. The
 * hover card keeps clear of them when it can.
 */
export function overlayMarks(
	s: Snapshot,
	card: PointCard,
	index: number,
	extent: number,
	gain: number
): { panel: 'raw' | 'circle'; at: [number, number] }[] {
	const out: { panel: 'raw' | 'circle'; at: [number, number] }[] = [
		{ panel: 'raw', at: rawArrow(card, extent, gain).to }
	];
	const circle = showsCircleArrow(card) ? circleArrow(card, index, gain) : null;
	if (circle) out.push({ panel: 'circle', at: circle.to });
	if (card.kind === 'pair') {
		const panel = card.unit ? 'circle' : 'raw';
		for (const j of [card.pair.positive, card.pair.negative])
			if (j >= 0) out.push({ panel, at: pointInPanel(s, j, panel, extent) });
		const c = card.pair.centre;
		if (c) out.push({ panel: 'raw', at: rawToPanel(c[0], c[1], extent) });
	}
	return out;
}

/**
 * The string key of a card's target-score row: the heads with a scale s (CosFace, ArcFace,
 * the combined margin) show s·score's score by its own formula; null for the others.
 */
export function targetScoreLabel(
	kind: LossKind
): 'pointx.cosface' | 'pointx.combined' | 'pointx.arcface' | null {
	if (!usesScale(kind)) return null;
	return kind === 'cosface'
		? 'pointx.cosface'
		: kind === 'combined'
			? 'pointx.combined'
			: 'pointx.arcface';
}
