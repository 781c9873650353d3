import { describe, expect, it } from 'vitest';
import { STATS_WORDS_EN, boundStatus, criterionText } from '../../src/lib/viz/statsFormat';
import { LOSS_KINDS, LOSS_NAMES } from '../../src/lib/math/margins';
import { lossNames, translate } from '../../src/lib/i18n/index';
import { psiWords, statsWords, statusWords } from '../../src/lib/i18n/context.svelte';
import { DIVERGENCE_WORDS_EN, divergenceMessage } from '../../src/lib/math/divergence';
import { PSI_WORDS_EN, psiChartDescription } from '../../src/lib/viz/psiCurves';
import type { StringKey } from '../../src/lib/i18n/strings';
import { rowAt } from '../../src/lib/math/settings';

/** The words the page gives the statistics in `lang`, as `statsWords` builds them. */
const wordsIn = (lang: 'en' | 'ko') =>
	statsWords({ lang, t: (k, p) => translate(lang, k, p), notice: () => '' });

const statusWordsIn = (lang: 'en' | 'ko') =>
	statusWords({ lang, t: (k, p) => translate(lang, k, p), notice: () => '' });

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

describe('the divergence message', () => {
	const context = {
		step: 120,
		lossKind: 'asoftmax' as const,
		m: 5,
		lambda: 0,
		lambdaMode: 'off',
		learningRate: 0.01,
		s: 30
	};

	it('reads as before in English', () => {
		expect(divergenceMessage(context)).toBe(
			'A-Softmax with m = 5 and λ = 0.0 diverged at step 120: turn λ annealing on or lower m or lower the learning rate. Training paused at the last finite state; Reset starts over.'
		);
	});

	it('is the string tables’ English key for key, and Korean in the Korean status line', () => {
		const en = statusWordsIn('en');
		expect(en.divergence).toEqual({ ...DIVERGENCE_WORDS_EN });
		const ko = statusWordsIn('ko');
		const text = divergenceMessage(
			{ ...context, lossKind: 'triplet', m: 1 },
			ko.divergence,
			ko.losses
		);
		expect(text).toBe(
			'마진 1의 트리플렛 손실 학습이 120단계에서 발산했습니다. 해 볼 것: 학습률 낮추기. 마지막 유한 상태에서 학습을 멈췄습니다. 초기화를 누르면 처음부터 다시 시작합니다.'
		);
	});
});
