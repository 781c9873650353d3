/**
 * The reader of uploaded data files: a CSV/TSV of labelled points (columns x, y[, z], label)
 * into a `DataTable`. Never throws: every problem comes back as one notice (a key and its
 * parameters, i18n/noticeStrings.ts) that names the 1-based line of the file (see messages.ts). Pure functions over strings and
 * bytes (no DOM), so it runs in the page, in a worker and in Node tests alike.
 */
import { MAX_CLASSES, MIN_CLASSES } from '../math/limits';
import { notice, type Notice } from '../math/notice';
import {
	AXES,
	detectSeparator,
	failSplit,
	mixedSeparators,
	splitLine,
	type Separator
} from './csv';
import { toText } from './fileText';
import { FileProblem, fail, showValue, withCommas } from './messages';

/** A parsed data file: coordinates as written (not yet scaled) and class indices. */
export interface DataTable {
	/** Input dimension: 3 columns in the file give 2D, 4 columns give 3D. */
	dim: 2 | 3;
	/** [rows, dim] row-major, the finite values exactly as written in the file. */
	points: Float64Array;
	/** [rows], class index 0..classNames.length − 1. */
	labels: Int32Array;
	/** The label of each class as written (trimmed; integer labels in canonical form). */
	classNames: string[];
	/** Number of data rows (header and blank lines not counted). */
	rows: number;
}

/** What `parseDataFile` returns: a table plus notes worth showing, or why it was refused. */
export type ParseResult =
	{ ok: true; table: DataTable; warnings: Notice[] } | { ok: false; error: Notice };

/** Limits for `parseDataFile`; missing or non-numeric entries take `DATA_FILE_LIMITS`. */
export interface ParseOptions {
	/** Largest accepted file, in UTF-8 bytes, checked before decoding. */
	maxBytes?: number;
	/** Largest number of data rows. */
	maxRows?: number;
	/** Largest number of classes; clamped to MIN_CLASSES..MAX_CLASSES (2..10), as a `Dataset`. */
	maxClasses?: number;
}

/** Default limits: 2 MB (2 × 2^20 bytes), 20,000 data rows, MAX_CLASSES (10) classes. */
export const DATA_FILE_LIMITS: Readonly<Required<ParseOptions>> = Object.freeze({
	maxBytes: 2 * 1024 * 1024,
	maxRows: 20_000,
	maxClasses: MAX_CLASSES
});

/** A plain decimal number: no hex, no "Infinity", no empty string (all of which Number takes). */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE = /^([+-]?)(nan|inf|infinity)$/i;
const DECIMAL_COMMA = /^[+-]?\d*,\d+$/;

/** Whether a field reads as some number (finite or not), for telling headers from data. */
function numberLike(field: string): boolean {
	const t = field.trim();
	return DECIMAL.test(t) || NON_FINITE.test(t) || DECIMAL_COMMA.test(t);
}

/** The finite coordinate in `raw`, or a failure that names the line, the column and why. */
function parseCoordinate(raw: string, axis: string, lineNo: number, sep: Separator): number {
	const t = raw.trim();
	const at = { line: lineNo, axis };
	if (t === '') fail('fileValueEmpty', at);
	if (DECIMAL.test(t)) {
		const v = Number(t);
		if (Number.isFinite(v)) return v;
		fail('fileValueTooLarge', { ...at, value: showValue(t) });
	}
	const nonFinite = NON_FINITE.exec(t);
	if (nonFinite) {
		const sign = nonFinite[1] === '-' ? '-' : '';
		const word = nonFinite[2].toLowerCase() === 'nan' ? 'NaN' : `${sign}Infinity`;
		fail('fileNotFinite', { ...at, word });
	}
	if (sep === ';' && DECIMAL_COMMA.test(t)) {
		const point = showValue(t.replace(',', '.'));
		fail('fileDecimalComma', { ...at, value: showValue(t), point });
	}
	fail('fileNotNumber', { ...at, value: showValue(t) });
}

/** Whole numbers, also written "3.0" (as pandas writes integer columns that had gaps). */
const INTEGER_LABEL = /^\d+(?:\.0*)?$/;

/** The class key of a label: trimmed; non-negative integers in canonical form ("007" → "7"). */
function labelKey(raw: string): { key: string; integer: boolean } {
	const t = raw.trim();
	if (INTEGER_LABEL.test(t)) {
		const v = Number(t);
		// Beyond 2^53 distinct integers can collide; such labels are kept as names.
		if (Number.isSafeInteger(v)) return { key: String(v), integer: true };
	}
	return { key: t, integer: false };
}

const LABEL_NAMES = /^(label|labels|class|classes|target|category|y_true)$/i;

/** A limit from the options: a number (floored, clamped to [lo, hi]) or the default. */
function limit(raw: unknown, def: number, lo: number, hi: number): number {
	if (typeof raw !== 'number' || Number.isNaN(raw)) return def;
	return Math.min(hi, Math.max(lo, Math.floor(raw)));
}

/**
 * Reads a CSV/TSV data file: columns x, y, label (2D) or x, y, z, label (3D), separated by
 * commas, tabs or semicolons (detected from the first non-blank line, then required on every
 * line). That first line is a header when none of its coordinate fields reads as a number.
 * Blank lines, lines of empty fields (",,"), CRLF/CR line ends and a UTF-8 BOM are accepted;
 * fields are trimmed. Labels that are all non-negative integers become classes in numeric
 * order (labels 1, 2, 5 → classes 0, 1, 2); any other labels are names, numbered in order
 * of first appearance. Never throws: a problem comes back as one notice naming the 1-based
 * line of the file.
 */
export function parseDataFile(
	input: string | Uint8Array | ArrayBuffer,
	options: ParseOptions = {}
): ParseResult {
	try {
		return readTable(input, options ?? {});
	} catch (e) {
		if (e instanceof FileProblem) return { ok: false, error: e.notice };
		return { ok: false, error: notice('fileUnexpected') };
	}
}

function readTable(input: unknown, options: ParseOptions): ParseResult {
	const D = DATA_FILE_LIMITS;
	const maxBytes = limit(options.maxBytes, D.maxBytes, 0, Infinity);
	const maxRows = limit(options.maxRows, D.maxRows, 1, Infinity);
	const maxClasses = limit(options.maxClasses, D.maxClasses, MIN_CLASSES, MAX_CLASSES);
	const text = toText(input, maxBytes);
	const lines = text.split(/\r\n|\r|\n/);
	const first = lines.findIndex((l) => l.trim() !== '');
	if (first < 0) fail(text === '' ? 'fileEmpty' : 'fileBlank');

	const firstLineNo = first + 1;
	const sep = detectSeparator(lines[first], firstLineNo);
	const head = splitLine(lines[first], sep);
	if ('problem' in head) failSplit(head, firstLineNo);
	const columns = head.fields.length;
	if (columns !== 3 && columns !== 4) fail('fileColumns', { line: firstLineNo, found: columns });
	const dim: 2 | 3 = columns === 3 ? 2 : 3;
	// The coordinate columns ("x, y"); the notices add the label column in their language.
	const axes = AXES.slice(0, dim).join(', ');
	const warnings: Notice[] = [];
	const names = head.fields.map((f) => f.trim());
	const hasHeader = names.slice(0, dim).every((f) => !numberLike(f));
	if (hasHeader) checkHeader(names, dim, firstLineNo, axes, warnings);

	const coords: number[] = []; // [rows, dim]
	const labelIds: number[] = []; // [rows], in order of first appearance
	const classIds = new Map<string, number>();
	const keys: string[] = [];
	let allIntegers = true;
	for (let i = hasHeader ? first + 1 : first; i < lines.length; i++) {
		const line = lines[i];
		const lineNo = i + 1;
		if (line.trim() === '') continue;
		const split = splitLine(line, sep);
		if ('problem' in split) failSplit(split, lineNo);
		const f = split.fields;
		if (f.every((v) => v.trim() === '')) continue;
		if (f.length !== columns) {
			const mixed = mixedSeparators(line, lineNo, sep, firstLineNo, columns);
			if (mixed) fail('fileMixedSeparators', mixed);
			fail('fileColumnsLike', { line: lineNo, columns, axes, first: firstLineNo, found: f.length });
		}
		if (labelIds.length >= maxRows)
			fail('fileTooManyRows', { line: lineNo, max: withCommas(maxRows) });
		for (let d = 0; d < dim; d++) coords.push(parseCoordinate(f[d], AXES[d], lineNo, sep));
		const { key, integer } = labelKey(f[dim]);
		if (key === '') fail('fileLabelEmpty', { line: lineNo });
		let id = classIds.get(key);
		if (id === undefined) {
			if (keys.length >= maxClasses) {
				const n = keys.length + 1;
				fail('fileTooManyClasses', { line: lineNo, value: showValue(key), n, max: maxClasses });
			}
			id = keys.length;
			classIds.set(key, id);
			keys.push(key);
			allIntegers &&= integer;
		}
		labelIds.push(id);
	}

	const rows = labelIds.length;
	if (rows === 0) fail('fileNoRows', { line: firstLineNo });
	if (keys.length < 2) fail('fileOneClass', { value: showValue(keys[0]) });
	const { labels, classNames } = numberClasses(keys, labelIds, allIntegers, warnings);
	const table: DataTable = { dim, points: Float64Array.from(coords), labels, classNames, rows };
	return { ok: true, table, warnings };
}

/**
 * Final class indices: integer labels in numeric order (with a warning when they are not
 * already 0..k−1), names in order of first appearance. Warns about one-point classes.
 */
function numberClasses(
	keys: string[],
	labelIds: number[],
	allIntegers: boolean,
	warnings: Notice[]
): { labels: Int32Array; classNames: string[] } {
	const order = keys.map((_, id) => id);
	if (allIntegers) order.sort((a, b) => Number(keys[a]) - Number(keys[b]));
	const remap = new Int32Array(keys.length); // remap[first-appearance id] = class index
	order.forEach((id, cls) => (remap[id] = cls));
	const classNames = order.map((id) => keys[id]);
	if (allIntegers && classNames.some((name, cls) => name !== String(cls))) {
		const last = classNames.length - 1;
		warnings.push(notice('fileRenumbered', { labels: classNames.join(', '), last }));
	}
	const labels = Int32Array.from(labelIds, (id) => remap[id]);
	const sizes = new Array<number>(classNames.length).fill(0);
	labels.forEach((l) => sizes[l]++);
	sizes.forEach((size, cls) => {
		if (size !== 1) return;
		warnings.push(notice('fileSinglePoint', { name: showValue(classNames[cls]) }));
	});
	return { labels, classNames };
}

/**
 * Rejects headers that cannot mean x, y[, z], label (an unnamed first column is a pandas row
 * index; a label name in a coordinate column means another column order) and warns when the
 * coordinate names are unusual, since columns are always read by position.
 */
function checkHeader(
	names: string[],
	dim: 2 | 3,
	lineNo: number,
	axes: string,
	warnings: Notice[]
): void {
	const empty = names.findIndex((n) => n === '');
	if (empty === 0) fail('fileHeaderIndex', { line: lineNo });
	if (empty > 0) fail('fileHeaderUnnamed', { line: lineNo, column: empty + 1 });
	const coordinateNames = names.slice(0, dim);
	if (coordinateNames.some((n) => LABEL_NAMES.test(n)))
		fail('fileColumnOrder', { line: lineNo, axes });
	if (coordinateNames.some((n, d) => n.toLowerCase() !== AXES[d])) {
		const shown = names.map(showValue).join(', ');
		warnings.push(notice('fileHeaderRead', { line: lineNo, names: shown, axes }));
	}
}
