/**
 * The two languages of SphereLab and the UI strings' lookup. Pure TypeScript (no DOM, no
 * Svelte): the component-side context lives in `context.svelte.ts`.
 */
import { STRINGS, type StringKey } from './strings';
import { type Lang } from '$lib/math/settingTypes';
import type { Notice } from '$lib/math/notice';
import { fillTemplate } from '$lib/math/template';
import { LOSS_NAMES, type LossKind } from '$lib/math/margins';

/** The languages are a setting (one row of the settings table); their names and strings live here. */
/** The language's own name, for the language switch. */
export const LANG_NAMES: Readonly<Record<Lang, string>> = Object.freeze({
	en: 'English',
	ko: '한국어'
});

/**
 * The UI string `key` in `lang`, with `{name}` placeholders replaced by `params` (plain text:
 * callers render it as text, never as HTML).
 */
export function translate(
	lang: Lang,
	key: StringKey,
	params: Readonly<Record<string, string | number>> = {}
): string {
	return fillTemplate(STRINGS[lang][key] ?? STRINGS.en[key], params);
}

/** A notice shown in a list is cut to this many characters. */
export const MAX_NOTICE_LENGTH = 160;

/**
 * Notice `n` written in `lang` (plain text), after its cause if it has one, cut to
 * MAX_NOTICE_LENGTH characters. A parameter whose name ends in `Word` names a word of the
 * tables (`noticeWord.<value>`), written in `lang` too.
 */
export function noticeText(lang: Lang, n: Notice): string {
	const params: Record<string, string | number> = { ...n.params };
	for (const [name, value] of Object.entries(params)) {
		const key = `noticeWord.${value}`;
		if (name.endsWith('Word') && key in STRINGS.en)
			params[name] = translate(lang, key as StringKey);
	}
	const body = translate(lang, `notice.${n.key}`, params);
	const own = n.prefix ? `${n.prefix} ${body}` : body;
	const text = n.cause ? `${noticeText(lang, n.cause)} ${own}` : own;
	return text.length > MAX_NOTICE_LENGTH ? `${text.slice(0, MAX_NOTICE_LENGTH - 1)}…` : text;
}

/** The string of each loss name that is a word; the others are published names (LOSS_NAMES). */
const LOSS_NAME_KEYS: Readonly<Partial<Record<LossKind, StringKey>>> = Object.freeze({
	modified: 'controls.lossModified',
	contrastive: 'loss.contrastive',
	triplet: 'loss.triplet',
	center: 'loss.center'
});

/** The losses' names in `lang` ("Modified softmax", "수정 Softmax"; "CosFace" in both). */
export function lossNames(lang: Lang): Readonly<Record<LossKind, string>> {
	const names = { ...LOSS_NAMES };
	for (const [loss, key] of Object.entries(LOSS_NAME_KEYS) as [LossKind, StringKey][])
		names[loss] = translate(lang, key);
	return names;
}
