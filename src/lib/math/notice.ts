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
	/** {}: the digits file could not be had; its `cause` says why (a `DigitsNoticeKey`) */
	| 'digitsRefused'
	/** {n} */
	| 'restoredUpload'
	/** {n} */
	| 'restoredDrawing'
	| FileNoticeKey
	| DigitsNoticeKey
	| DatasetNoticeKey
	| SavedSweepNoticeKey;

/**
 * Why a data file was refused, or a note on how it was read (io/dataReader.ts), and why the
 * worker refused a data set. `line` is the file's 1-based line; `value` a value of the file as
 * `showValue` quotes it; `axes` the coordinate columns ("x, y"); params ending in `Word` name
 * a word of the tables (`noticeWord.<value>`), see `noticeText`.
 */
export type FileNoticeKey =
	/** {} */
	| 'fileNotBytes'
	/** {size, limit} */
	| 'fileTooBig'
	/** {} */
	| 'fileUtf16'
	/** {} */
	| 'fileBinary'
	/** {} */
	| 'fileNotUtf8'
	/** {} */
	| 'fileEmpty'
	/** {} */
	| 'fileBlank'
	/** {line} */
	| 'fileQuoteOpen'
	/** {line, value} */
	| 'fileAfterQuote'
	/** {line} */
	| 'fileOneColumn'
	/** {line, found} */
	| 'fileColumns'
	/** {line, columns, axes, first, found} */
	| 'fileColumnsLike'
	/** {line, sepWord, first, firstSepWord}: sepWord tabs, semicolons or commas */
	| 'fileMixedSeparators'
	/** {line, max} */
	| 'fileTooManyRows'
	/** {line, axis} */
	| 'fileValueEmpty'
	/** {line, axis, value} */
	| 'fileValueTooLarge'
	/** {line, axis, word}: word NaN, Infinity or -Infinity */
	| 'fileNotFinite'
	/** {line, axis, value, point} */
	| 'fileDecimalComma'
	/** {line, axis, value} */
	| 'fileNotNumber'
	/** {line} */
	| 'fileLabelEmpty'
	/** {line, value, n, max} */
	| 'fileTooManyClasses'
	/** {line} */
	| 'fileNoRows'
	/** {value} */
	| 'fileOneClass'
	/** {line, column} */
	| 'fileHeaderUnnamed'
	/** {line}: column 1 unnamed, a row index */
	| 'fileHeaderIndex'
	/** {line, axes} */
	| 'fileColumnOrder'
	/** {} */
	| 'fileUnexpected'
	/** {labels, last}: a warning */
	| 'fileRenumbered'
	/** {name}: a warning */
	| 'fileSinglePoint'
	/** {line, names, axes}: a warning */
	| 'fileHeaderRead'
	/** {} */
	| 'fileNoData'
	/** {detail}: detail is " (the browser's reason)" or "" */
	| 'fileNotRead'
	/** {} */
	| 'trainerNotReady'
	/** {}: the worker was stopped before it answered a load */
	| 'workerStopped'
	/** {}: the trainer refused the data set; its `cause` (a DatasetNoticeKey) fills {cause} */
	| 'dataCannotTrain';

/**
 * Why a data set cannot be trained on (math/datasets.ts `datasetProblem`): a clause, the cause
 * of 'dataCannotTrain' written in its `{cause}`.
 */
export type DatasetNoticeKey =
	/** {max, dim} */
	| 'dataDims'
	/** {} */
	| 'dataLengths'
	/** {min, max} */
	| 'dataClassCount'
	/** {} */
	| 'dataNotFinite'
	/** {last}: the largest class index */
	| 'dataLabels'
	/** {} */
	| 'dataNoTraining';

/**
 * Why the identity sweep saved with the site could not be read (state/savedSweep.ts,
 * state/savedSweepLoader.ts): a clause shown inside 'idsweep.badSaved'. `field` is a JSON
 * field of the file and `value` a value of it, both as the file writes them.
 */
export type SavedSweepNoticeKey =
	/** {status}: the server's HTTP status */
	| 'sweepHttp'
	/** {detail}: the request's own words (the browser's reason) */
	| 'sweepNotLoaded'
	/** {detail}: the JSON parser's own words */
	| 'sweepNotJson'
	/** {} */
	| 'sweepNotObject'
	/** {} */
	| 'sweepWrongKind'
	/** {} */
	| 'sweepNoRows'
	/** {} */
	| 'sweepNoSeeds'
	/** {} */
	| 'sweepNoBaselines'
	/** {field} */
	| 'sweepFieldNotNumber'
	/** {field} */
	| 'sweepFieldNotObject'
	/** {} */
	| 'sweepRowNotObject'
	/** {value} */
	| 'sweepUnknownLoss'
	/** {} */
	| 'sweepRowNoCounts'
	/** {} */
	| 'sweepRowNoMargin'
	/** {value} */
	| 'sweepUnknownVariant'
	/** {field}: spread */
	| 'sweepRowNoField'
	/** {field}: trials */
	| 'sweepNotList'
	/** {} */
	| 'sweepTrialNotNumber'
	/** {} */
	| 'sweepDeltaNotObject'
	/** {} */
	| 'sweepDeltaNotNumber'
	/** {} */
	| 'sweepDeltaNoAhead'
	/** {} */
	| 'sweepDeltaNoSeeds'
	/** {} */
	| 'sweepIntervalNotTwo'
	/** {value} */
	| 'sweepUnknownVerdict';

/** Why the digits file could not be had (io/digits.ts), shown as the cause of 'digitsRefused'. */
export type DigitsNoticeKey =
	/** {n} */
	| 'digitsTooShort'
	/** {} */
	| 'digitsNotDigits'
	/** {width, height, first, second}: the two sizes a file may have */
	| 'digitsImageSize'
	/** {n} */
	| 'digitsCount'
	/** {n, expected} */
	| 'digitsTruncated'
	/** {n} */
	| 'digitsTooLong'
	/** {index, label} */
	| 'digitsBadLabel'
	/** {width, height, inputs} */
	| 'digitsInputs'
	/** {have, digit, per} */
	| 'digitsTooFew'
	/** {} */
	| 'digitsNoAddress'
	/** {detail}: the request's own words (an HTTP status, the browser's reason) */
	| 'digitsNotLoaded';

export type NoticeParams = Readonly<Record<string, string | number>>;

export interface Notice {
	readonly key: NoticeKey;
	readonly params: NoticeParams;
	/** Words shown before the notice as they are (URL words such as "panels: asoftmax"). */
	readonly prefix?: string;
	/**
	 * A notice saying why, written before this one ('digitsRefused' after its reason), or in
	 * its `{cause}` placeholder when its string has one ('dataCannotTrain': its reason).
	 */
	readonly cause?: Notice;
}

export function notice(key: NoticeKey, params: NoticeParams = {}, prefix?: string): Notice {
	return prefix === undefined ? { key, params } : { key, params, prefix };
}

/** Notice `n` said because of `cause` ("The digits file is truncated … Keeping the data …"). */
export function because(n: Notice, cause: Notice): Notice {
	return { ...n, cause };
}

/** An error that carries its notice, for code that throws (the page shows the notice). */
export class NoticeError extends Error {
	constructor(readonly notice: Notice) {
		super(noticeBrief(notice));
		this.name = 'NoticeError';
	}
}

/** The notice of a thrown value: its own for a NoticeError, else `fallback` of its message. */
export function noticeOf(e: unknown, fallback: (detail: string) => Notice): Notice {
	if (e instanceof NoticeError) return e.notice;
	return fallback(e instanceof Error ? e.message : String(e));
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
	const rest = Object.entries(p)
		.filter(([k]) => !['name', 'key', 'word', 'value', 'values', 'using'].includes(k))
		.map(([k, v]) => `${k}=${v}`);
	const body = [...subject, ...(subject.length ? [] : rest)].join(' ');
	const cause = n.cause ? `${noticeBrief(n.cause)}; ` : '';
	return `${cause}${n.prefix ? `${n.prefix} ` : ''}${body}${using} (${n.key})`;
}
