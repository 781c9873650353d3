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

/** A piece of a sentence: plain text, or code shown as it is written (in `<code>`). */
export interface TextPiece {
	text: string;
	code: boolean;
}

/**
 * The UI string `key` in `lang` cut into text and code pieces: each `{name}` placeholder
 * named in `code` becomes a code piece with its value (an HTML tag, a URL setting: written the
 * same in every language); the other placeholders are filled from `params` as by `translate`.
 * Adjacent text is one piece. Plain text throughout: callers render pieces as text.
 */
export function translatePieces(
	lang: Lang,
	key: StringKey,
	code: Readonly<Record<string, string>>,
	params: Readonly<Record<string, string | number>> = {}
): TextPiece[] {
	const pieces: TextPiece[] = [];
	const push = (text: string, isCode: boolean) => {
		const last = pieces[pieces.length - 1];
		if (!isCode && last && !last.code) last.text += text;
		else if (text || isCode) pieces.push({ text, code: isCode });
	};
	// Split around the placeholders: even parts are text, odd parts placeholder names.
	(STRINGS[lang][key] ?? STRINGS.en[key]).split(/\{(\w+)\}/).forEach((part, i) => {
		if (i % 2 === 0) push(part, false);
		else if (part in code) push(code[part], true);
		else push(fillTemplate(`{${part}}`, params), false);
	});
	return pieces;
}

/** A notice shown in a list is cut to this many characters. */
export const MAX_NOTICE_LENGTH = 160;

/**
 * Notice `n` written in `lang` (plain text), after its cause if it has one (or with the cause
 * in its `{cause}` placeholder when its string has one: "This data set cannot be trained on:
 * {cause}."), cut to MAX_NOTICE_LENGTH characters. A parameter whose name ends in `Word` names
 * a word of the tables (`noticeWord.<value>`), written in `lang` too.
 */
export function noticeText(lang: Lang, n: Notice): string {
	const params: Record<string, string | number> = { ...n.params };
	for (const [name, value] of Object.entries(params)) {
		const key = `noticeWord.${value}`;
		if (name.endsWith('Word') && key in STRINGS.en)
			params[name] = translate(lang, key as StringKey);
	}
	const key: StringKey = `notice.${n.key}`;
	const inside = n.cause !== undefined && STRINGS[lang][key].includes('{cause}');
	if (inside) params.cause = noticeText(lang, n.cause!);
	const body = translate(lang, key, params);
	const own = n.prefix ? `${n.prefix} ${body}` : body;
	const text = n.cause && !inside ? `${noticeText(lang, n.cause)} ${own}` : own;
	return text.length > MAX_NOTICE_LENGTH ? `${text.slice(0, MAX_NOTICE_LENGTH - 1)}…` : text;
}

/** The string of each loss name that is a word; the others are published names (LOSS_NAMES). */
const LOSS_NAME_KEYS: Readonly<Partial<Record<LossKind, StringKey>>> = Object.freeze({
	modified: 'controls.lossModified',
	contrastive: 'loss.contrastive',
	triplet: 'loss.triplet',
	center: 'loss.center',
	combined: 'loss.combined'
});

/** The losses' names in `lang` ("Modified softmax", "수정 Softmax"; "CosFace" in both). */
export function lossNames(lang: Lang): Readonly<Record<LossKind, string>> {
	const names = { ...LOSS_NAMES };
	for (const [loss, key] of Object.entries(LOSS_NAME_KEYS) as [LossKind, StringKey][])
		names[loss] = translate(lang, key);
	return names;
}
