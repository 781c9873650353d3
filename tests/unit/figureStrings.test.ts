import { describe, expect, it } from 'vitest';
import { STATS_WORDS_EN, boundStatus, criterionText } from '../../src/lib/viz/statsFormat';
import { LOSS_KINDS, LOSS_NAMES } from '../../src/lib/math/margins';
import { lossNames, translate } from '../../src/lib/i18n/index';
import { psiWords, statsWords } from '../../src/lib/i18n/context.svelte';
import { PSI_WORDS_EN, psiChartDescription } from '../../src/lib/viz/psiCurves';
import type { StringKey } from '../../src/lib/i18n/strings';
import { rowAt } from '../../src/lib/math/settings';

/** The words the page gives the statistics in `lang`, as `statsWords` builds them. */
const wordsIn = (lang: 'en' | 'ko') =>
	statsWords({ lang, t: (k, p) => translate(lang, k, p), notice: () => '' });

describe('the statistics words', () => {
	it('are the string tables’ English by default, key for key', () => {
		expect(wordsIn('en')).toEqual({ ...STATS_WORDS_EN });
	});

	it('write the readouts in Korean', () => {
		const ko = wordsIn('ko');
		expect(criterionText(false, ko)).toBe('✗ 아직 성립하지 않음');
		expect(boundStatus('asoftmax', 4, 3, ko)).toBe('m = 4이면 충족 ✓');
		expect(boundStatus('cosface', 0.35, 3, ko)).toBe('이 한계는 A-Softmax에만 해당합니다');
	});
});

describe('lossNames', () => {
	it('is LOSS_NAMES in English', () => {
		expect(lossNames('en')).toEqual(LOSS_NAMES);
	});

	it('translates the names that are words and keeps the published ones', () => {
		const ko = lossNames('ko');
		for (const loss of LOSS_KINDS)
			expect(ko[loss], loss).not.toMatch(/Contrastive|Triplet|Center|Modified/);
		expect(ko.cosface).toBe('CosFace');
		expect(ko.asoftmax).toBe('A-Softmax');
	});

	it('names each loss as the loss menu does', () => {
		const row = rowAt('options.loss');
		const labels = row.kind === 'choice' ? (row.choiceLabels ?? {}) : {};
		for (const lang of ['en', 'ko'] as const)
			for (const loss of LOSS_KINDS) {
				const key = labels[loss] as StringKey | undefined;
				expect(lossNames(lang)[loss], `${lang} ${loss}`).toBe(
					key ? translate(lang, key) : LOSS_NAMES[loss]
				);
			}
	});
});

describe('the ψ chart words', () => {
	const psiIn = (lang: 'en' | 'ko') =>
		psiWords({ lang, t: (k, p) => translate(lang, k, p), notice: () => '' });

	it('are the string tables’ English by default, key for key', () => {
		expect(psiIn('en')).toEqual({ ...PSI_WORDS_EN });
	});

	it('describe the chart in Korean', () => {
		const input = { loss: 'asoftmax' as const, m: 4, lambda: 5, words: psiIn('ko') };
		expect(psiChartDescription(input, 300)).toBe(
			'm = 4일 때의 ψ(θ)와 비교용 cos θ, 그리고 λ = 5.0일 때의 학습 목표; 눈금은 학습 점 300개 각각과 그 클래스 가중치 사이의 θ입니다'
		);
	});
});
