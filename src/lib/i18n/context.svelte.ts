/**
 * The page language as a Svelte context: a page or layout calls `provideLang(() => lang)`,
 * components call `useI18n()` and read `i18n.lang` / `i18n.t(key)` reactively. Without a
 * provider the language is English.
 */
import { getContext, setContext } from 'svelte';
import { lossNames, noticeText, translate } from './index';
import type { Lang } from '../math/settingTypes';
import type { StringKey } from './strings';
import type { Notice } from '$lib/math/notice';

const KEY = Symbol('spherelab-lang');

export interface I18n {
	readonly lang: Lang;
	t(key: StringKey, params?: Readonly<Record<string, string | number>>): string;
	/** A notice written in the language. */
	notice(n: Notice): string;
}

/** The training status line's words in the page language (see `statusText`). */
export function statusWords(i18n: I18n) {
	return {
		starting: i18n.t('status.starting'),
		step: i18n.t('status.step'),
		loss: i18n.t('status.loss'),
		train: i18n.t('status.train'),
		test: i18n.t('status.test'),
		byMean: i18n.t('status.byMean'),
		byDirection: i18n.t('status.byDirection'),
		divergence: {
			withMargin: i18n.t('diverged.withMargin'),
			withM: i18n.t('diverged.withM'),
			withScale: i18n.t('diverged.withScale'),
			withLambda: i18n.t('diverged.withLambda'),
			lambdaOn: i18n.t('diverged.lambdaOn'),
			lowerM: i18n.t('diverged.lowerM'),
			lowerS: i18n.t('diverged.lowerS'),
			lowerRate: i18n.t('diverged.lowerRate'),
			reset: i18n.t('diverged.reset'),
			or: i18n.t('diverged.or'),
			sentence: i18n.t('diverged.sentence')
		},
		losses: lossNames(i18n.lang)
	};
}

/** The angle statistics' words in the page language (see `StatsWords` in viz/statsFormat.ts). */
export function statsWords(i18n: I18n) {
	return {
		markerIntra: i18n.t('stats.markerIntra'),
		markerInter: i18n.t('stats.markerInter'),
		holds: i18n.t('stats.holds'),
		notYet: i18n.t('stats.notYet'),
		boundBinary: i18n.t('stats.boundBinary'),
		boundMulti: i18n.t('stats.boundMulti'),
		notAsoftmax: i18n.t('stats.notAsoftmax'),
		meets: i18n.t('stats.meets'),
		below: i18n.t('stats.below'),
		angleLabel: i18n.t('stats.angleLabel'),
		intraUpTo: i18n.t('stats.intraUpTo'),
		noIntra: i18n.t('stats.noIntra'),
		interFrom: i18n.t('stats.interFrom'),
		noInter: i18n.t('stats.noInter'),
		sampled: i18n.t('stats.sampled'),
		normLabel: i18n.t('stats.normLabel'),
		normPeak: i18n.t('stats.normPeak'),
		normBeyond: i18n.t('stats.normBeyond')
	};
}

/** The ψ chart's words in the page language (see `PsiWords` in viz/psiCurves.ts). */
export function psiWords(i18n: I18n) {
	return {
		mixed: i18n.t('psi.mixed'),
		softmax: i18n.t('psi.softmax'),
		modified: i18n.t('psi.modified'),
		psiFor: i18n.t('psi.psiFor'),
		withCos: i18n.t('psi.withCos'),
		trainingMixed: i18n.t('psi.trainingMixed'),
		plus: i18n.t('psi.plus'),
		and: i18n.t('psi.and'),
		rug: i18n.t('psi.rugLabel')
	};
}

/** Makes `lang()` the language of this component's subtree. */
export function provideLang(lang: () => Lang): I18n {
	const i18n: I18n = {
		get lang() {
			return lang();
		},
		t: (key, params) => translate(lang(), key, params),
		notice: (n) => noticeText(lang(), n)
	};
	setContext(KEY, i18n);
	return i18n;
}

/** The language of the nearest provider (English when there is none). */
export function useI18n(): I18n {
	return (
		getContext<I18n | undefined>(KEY) ?? {
			lang: 'en',
			t: (k, p) => translate('en', k, p),
			notice: (n) => noticeText('en', n)
		}
	);
}

/**
 * Keeps `<html lang>` (outside any component) in step with the page language while the
 * calling component is mounted: client-side navigation does not rewrite the document.
 */
export function syncDocumentLang(lang: () => Lang): void {
	$effect(() => {
		const root = document.documentElement;
		const previous = root.lang;
		root.lang = lang();
		return () => (root.lang = previous);
	});
}
