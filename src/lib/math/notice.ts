/**
 * A notice: what a clamp or a reader changed, as a key and its parameters, never as prose.
 * Where a notice is shown, `noticeText` (i18n) writes it in the page's language; values the
 * user typed travel as parameters, already shortened for display (`show`). Pure TypeScript.
 */

/** Every kind of notice; `notice.<key>` is its string in each language (i18n/noticeStrings.ts). */
export type NoticeKey =
	/** {name, value, using} */
	| 'notNumber'
	/** {name, value, min, max, using} */
	| 'outOfRange'
	/** {name, value, using} */
	| 'notWhole'
	/** {name, value, using} */
	| 'notFlag'
	/** {name, value, choices: 'a or b' as data (a, b), using}: two choices */
	| 'notEither'
	/** {name, value, choices: 'a, b, c', using} */
	| 'notOneOf'
	/** {name, value}: settings (or data settings when name is 'data') that are not an object */
	| 'notObject'
	/** {name, value} */
	| 'notClassList'
	/** {name, values, max}: one entry */
	| 'notClassIndex'
	/** {name, values, max}: several entries */
	| 'notClassIndices'
	/** {name, values} */
	| 'classRepeated'
	/** {name, asked, classes}: holding out none */
	| 'tooManyHeldNone'
	/** {name, asked, classes, kept} */
	| 'tooManyHeld'
	/** {name, max, m} */
	| 'integerMargin'
	/** {key} */
	| 'unknownSetting'
	/** {key, n, value} */
	| 'repeatedSetting'
	/** {n} */
	| 'moreProblems'
	/** {word} */
	| 'panelNotLoss'
	/** {value} */
	| 'panelMarginNotNumber'
	/** {n} */
	| 'panelsAtMost'
	/** {n} */
	| 'panelsAtLeast'
	/** {name, word, allowed} */
	| 'widgetWord'
	/** {reason}: the digits file could not be had (the reason as the reader wrote it) */
	| 'digitsRefused'
	/** {n} */
	| 'restoredUpload'
	/** {n} */
	| 'restoredDrawing';

export type NoticeParams = Readonly<Record<string, string | number>>;

export interface Notice {
	readonly key: NoticeKey;
	readonly params: NoticeParams;
	/** Words shown before the notice as they are (URL words such as "panels: asoftmax"). */
	readonly prefix?: string;
}

export function notice(key: NoticeKey, params: NoticeParams = {}, prefix?: string): Notice {
	return prefix === undefined ? { key, params } : { key, params, prefix };
}

/** The same notice with words before it ("panels: asoftmax" before "m 9 is out of range …"). */
export function prefixed(n: Notice, prefix: string): Notice {
	return notice(n.key, n.params, n.prefix ? `${prefix} ${n.prefix}` : prefix);
}

/** Whether two notices say the same (for removing repeats). */
export function sameNotice(a: Notice, b: Notice): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A short, language-neutral form for developers' errors and logs (the experiment CLI), e.g.
 * "inputDim 40 → 16 (outOfRange)"; pages show `noticeText` instead.
 */
export function noticeBrief(n: Notice): string {
	const p = n.params;
	const subject = [p.name ?? p.key ?? p.word, p.value ?? p.values].filter((x) => x !== undefined);
	const using = p.using !== undefined ? ` → ${p.using}` : '';
	return `${n.prefix ? `${n.prefix} ` : ''}${subject.join(' ')}${using} (${n.key})`;
}
