/**
 * The losses' names and margins, and the input dimensions by generator: the limits that the
 * settings table (settings.ts) evaluates by loss or generator, and the one margin-slider rule
 * every margin control and the keyboard use. Pure TypeScript.
 */
import type { NumericLimit } from './clamp';
import { DIGITS_INPUT_DIM } from './limits';
import type { HeadKind } from './psi';
import type { GeneratorKind, MarginMode } from './settingTypes';

/**
 * The Euclidean-margin losses SphereFace argues against (src/lib/model/metricLosses.ts):
 * contrastive and triplet learn a metric from pairs or triplets of a P×K batch; center loss
 * trains softmax plus λ_c times the distance to a running class centre.
 */
export type MetricKind = 'contrastive' | 'triplet' | 'center';

/** Every loss the trainer offers: the classifier heads (heads.ts) and the metric losses. */
export type LossKind = HeadKind | MetricKind;

/** The metric losses: no class weights, accuracy by the nearest class mean. */
export const METRIC_KINDS: readonly MetricKind[] = Object.freeze([
	'contrastive',
	'triplet',
	'center'
]);

/** Whether a loss is a metric loss (no class weights to draw, accuracy by nearest class mean). */
export function isMetricLoss(loss: LossKind): loss is MetricKind {
	return (METRIC_KINDS as readonly string[]).includes(loss);
}

/** Whether a loss trains on P×K batches (it needs positives and negatives in every batch). */
export function needsPairs(loss: LossKind): loss is 'contrastive' | 'triplet' {
	return loss === 'contrastive' || loss === 'triplet';
}

/** The loss kinds in menu order: the Euclidean margins first, as in the story. */
export const LOSS_KINDS: readonly LossKind[] = Object.freeze([
	'softmax',
	'contrastive',
	'triplet',
	'center',
	'modified',
	'asoftmax',
	'cosface',
	'arcface',
	'combined'
]);

/** The losses' published names (A-Softmax is SphereFace's loss). */
export const LOSS_NAMES: Readonly<Record<LossKind, string>> = Object.freeze({
	softmax: 'Softmax',
	modified: 'Modified softmax',
	asoftmax: 'A-Softmax',
	cosface: 'CosFace',
	arcface: 'ArcFace',
	combined: 'Combined margin',
	contrastive: 'Contrastive',
	triplet: 'Triplet',
	center: 'Center loss'
});

/**
 * Margin range and default per loss: A-Softmax 1–6 (integers 1–4 as in the paper, real up to
 * 6); CosFace and ArcFace down to −0.5 (negative margins, Liu et al. 2020); the combined
 * head's margins are m1, m2, m3 (marginRows.ts), not m; contrastive a distance, triplet a squared distance, both in feature units (on unit
 * features a distance is at most 2, a squared distance at most 4); center loss has none.
 */
export const MARGIN_LIMITS: Readonly<Record<LossKind, NumericLimit & { default: number }>> =
	Object.freeze({
		softmax: { min: 1, max: 1, integer: false, default: 1 },
		modified: { min: 1, max: 1, integer: false, default: 1 },
		asoftmax: { min: 1, max: 6, integer: false, default: 4 },
		cosface: { min: -0.5, max: 0.8, integer: false, default: 0.35 },
		arcface: { min: -0.5, max: 1.2, integer: false, default: 0.5 },
		combined: { min: 1, max: 1, integer: false, default: 1 },
		contrastive: { min: 0.1, max: 4, integer: false, default: 1 },
		triplet: { min: 0, max: 4, integer: false, default: 1 },
		center: { min: 1, max: 1, integer: false, default: 1 }
	});

/** The largest margin of the integer A-Softmax slider (m = 1, 2, 3, 4, as in the paper). */
export const INTEGER_MARGIN_MAX = 4;

/** Whether a loss has a margin to move (softmax and modified softmax have none). */
export function hasMargin(loss: LossKind): boolean {
	return MARGIN_LIMITS[loss].max > MARGIN_LIMITS[loss].min;
}

/** True when m is one of the integer slider's stops (always true for losses without mode). */
export function fitsIntegerMargin(loss: LossKind, m: number): boolean {
	return loss !== 'asoftmax' || (Number.isInteger(m) && m >= 1 && m <= INTEGER_MARGIN_MAX);
}

/**
 * The slider mode a margin needs: the requested one, unless an A-Softmax m off the integer
 * stops (2.5, 5) forces the continuous slider.
 */
export function marginModeFor(loss: LossKind, m: number, requested: MarginMode): MarginMode {
	return requested === 'continuous' || !fitsIntegerMargin(loss, m) ? 'continuous' : 'integer';
}

/** A slider's range: what the margin control (and the ←/→ keys) may offer. */
export interface SliderRange {
	readonly min: number;
	readonly max: number;
	readonly step: number;
	/** Values are whole numbers (shown without decimals). */
	readonly integer: boolean;
}

/**
 * The margin slider for a loss: A-Softmax in integer mode m = 1…4 (the paper's), continuous
 * 1–6 in steps of 0.1; CosFace and ArcFace their additive ranges in steps of 0.05. The one
 * rule every margin control and the keyboard use.
 */
export function marginRange(loss: LossKind, mode: MarginMode): SliderRange {
	const lim = MARGIN_LIMITS[loss];
	if (loss === 'asoftmax' && mode === 'integer')
		return { min: lim.min, max: INTEGER_MARGIN_MAX, step: 1, integer: true };
	const step = loss === 'asoftmax' || isMetricLoss(loss) ? 0.1 : 0.05;
	return { min: lim.min, max: lim.max, step, integer: false };
}

/** The margin one slider step from m (direction ±1), kept in range and to two decimals. */
export function stepMargin(loss: LossKind, mode: MarginMode, m: number, direction: 1 | -1): number {
	const r = marginRange(loss, mode);
	const next = Math.min(r.max, Math.max(r.min, m + direction * r.step));
	return Math.round(next * 100) / 100;
}

/**
 * Input dimensions of the 'identities' generator, and its default when none is given: 8, so
 * that identity centres and the shared nuisance directions have room (a few dimensions each)
 * and held-out identities are not confined to the span of the seen ones, as in real inputs.
 */
export const IDENTITIES_INPUT_DIM: Readonly<NumericLimit & { default: number }> = Object.freeze({
	min: 2,
	max: 16,
	integer: true,
	default: 8
});

/** Input dimensions of the planar and space generators. */
const PLANE_INPUT_DIM: NumericLimit = Object.freeze({ min: 2, max: 3, integer: true });

/** The digits' input dimension: one per pixel, fixed by the asset. */
const DIGITS_INPUT: NumericLimit = Object.freeze({
	min: DIGITS_INPUT_DIM,
	max: DIGITS_INPUT_DIM,
	integer: true
});

/**
 * The allowed input dimensions of a generator: 2–16 for 'identities', the pixels (196) for
 * 'digits', 2–3 for the others.
 */
export function inputDimLimit(generator: GeneratorKind): NumericLimit {
	if (generator === 'digits') return DIGITS_INPUT;
	return generator === 'identities' ? IDENTITIES_INPUT_DIM : PLANE_INPUT_DIM;
}
