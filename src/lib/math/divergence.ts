/**
 * The divergence message: why training stopped and what to try, in plain language, built
 * from the settings that matter (the trainer reports them with the snapshot). Pure text, so
 * the worker writes it in English and the page writes it in its own language.
 */
import { usesScale } from './psi';
import { LOSS_NAMES, type LossKind } from './margins';
import { formatLambda } from './lambda';
import { fillTemplate } from './template';

/** The settings that matter for explaining a divergence. */
export interface DivergenceContext {
	step: number;
	lossKind: LossKind;
	m: number;
	lambda: number;
	lambdaMode: string;
	learningRate: number;
	s: number;
}

/** The message's words: templates with `{name}` placeholders and the things to try. */
export interface DivergenceWords {
	/** "{loss} with margin {m}" (contrastive, triplet). */
	withMargin: string;
	/** "{loss} with m = {m}" (A-Softmax). */
	withM: string;
	/** "{loss} with m = {m} and s = {s}" (CosFace, ArcFace). */
	withScale: string;
	/** "{what} and λ = {lambda}". */
	withLambda: string;
	lambdaOn: string;
	lowerM: string;
	lowerS: string;
	lowerRate: string;
	reset: string;
	/** Between the things to try: " or ". */
	or: string;
	/** "{what} diverged at step {step}: {tips}. …". */
	sentence: string;
}

export const DIVERGENCE_WORDS_EN: Readonly<DivergenceWords> = Object.freeze({
	withMargin: '{loss} with margin {m}',
	withM: '{loss} with m = {m}',
	withScale: '{loss} with m = {m} and s = {s}',
	withLambda: '{what} and λ = {lambda}',
	lambdaOn: 'turn λ annealing on',
	lowerM: 'lower m',
	lowerS: 'lower s',
	lowerRate: 'lower the learning rate',
	reset: 'reset',
	or: ' or ',
	sentence:
		'{what} diverged at step {step}: {tips}. Training paused at the last finite state; Reset starts over.'
});

/** A plain-language reason for a divergence and what to try, for the status line. */
export function divergenceMessage(
	c: DivergenceContext,
	words: DivergenceWords = DIVERGENCE_WORDS_EN,
	names: Readonly<Record<LossKind, string>> = LOSS_NAMES
): string {
	const loss = names[c.lossKind];
	const named: Record<LossKind, string> = {
		softmax: loss,
		modified: loss,
		contrastive: fillTemplate(words.withMargin, { loss, m: c.m }),
		triplet: fillTemplate(words.withMargin, { loss, m: c.m }),
		center: loss,
		asoftmax: fillTemplate(words.withM, { loss, m: c.m }),
		cosface: fillTemplate(words.withScale, { loss, m: c.m, s: c.s }),
		arcface: fillTemplate(words.withScale, { loss, m: c.m, s: c.s }),
		combined: loss
	};
	const what =
		c.lossKind === 'asoftmax'
			? fillTemplate(words.withLambda, { what: named.asoftmax, lambda: formatLambda(c.lambda) })
			: named[c.lossKind];
	const tips: string[] = [];
	if (c.lossKind === 'asoftmax' && c.lambdaMode === 'off') tips.push(words.lambdaOn);
	if (c.lossKind === 'asoftmax' && c.m > 4) tips.push(words.lowerM);
	if (usesScale(c.lossKind) && c.s > 32) tips.push(words.lowerS);
	tips.push(c.learningRate > 1e-3 ? words.lowerRate : words.reset);
	return fillTemplate(words.sentence, { what, step: c.step, tips: tips.join(words.or) });
}
