/**
 * The reader of uploaded data files: a CSV/TSV of labelled points (columns x, y[, z], label)
 * into a `DataTable`. Never throws: every problem comes back as one plain-text sentence that
 * names the 1-based line of the file (see messages.ts). Pure functions over strings and
 * bytes (no DOM), so it runs in the page, in a worker and in Node tests alike.
 */
import { MAX_CLASSES, MIN_CLASSES } from '../math/limits';
import { AXES, detectSeparator, mixedSeparators, splitLine, type Separator } from './csv';
import { toText } from './fileText';
import { FileProblem, clip, fail, showValue, withCommas } from './messages';

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

/** What `parseDataFile` returns: a table plus notes worth showing, or one error sentence. */
export type ParseResult =
	{ ok: true; table: DataTable; warnings: string[] } | { ok: false; error: string };

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
	const at = `Line ${lineNo}:`;
	if (t === '') fail(`${at} the ${axis} value is empty.`);
	if (DECIMAL.test(t)) {
		const v = Number(t);
		if (Number.isFinite(v)) return v;
		fail(`${at} ${axis} = ${showValue(t)} is too large; coordinates must be finite numbers.`);
	}
	const nonFinite = NON_FINITE.exec(t);
	if (nonFinite) {
		const sign = nonFinite[1] === '-' ? '-' : '';
		const word = nonFinite[2].toLowerCase() === 'nan' ? 'NaN' : `${sign}Infinity`;
		fail(`${at} ${axis} is ${word}; coordinates must be finite numbers.`);
	}
	if (sep === ';' && DECIMAL_COMMA.test(t)) {
		const point = showValue(t.replace(',', '.'));
		fail(`${at} ${showValue(t)} in column ${axis} has a decimal comma; write it as ${point}.`);
	}
	fail(`${at} ${showValue(t)} in column ${axis} is not a number.`);
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
 * of first appearance. Never throws: a problem comes back as one sentence (≤ 200 chars)
 * naming the 1-based line of the file.
 */
export function parseDataFile(
	input: string | Uint8Array | ArrayBuffer,
	options: ParseOptions = {}
): ParseResult {
	try {
		return readTable(input, options ?? {});
	} catch (e) {
		if (e instanceof FileProblem) return { ok: false, error: clip(e.message) };
		return { ok: false, error: 'This file could not be read because of an unexpected error.' };
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
	if (first < 0) fail(text === '' ? 'This file is empty.' : 'This file has only blank lines.');

	const firstLineNo = first + 1;
	const sep = detectSeparator(lines[first], firstLineNo);
	const head = splitLine(lines[first], sep);
	if ('problem' in head) fail(`Line ${firstLineNo}: ${head.problem}`);
	const columns = head.fields.length;
	if (columns !== 3 && columns !== 4) {
		fail(
			`Line ${firstLineNo}: expected 3 columns (x, y, label) or 4 (x, y, z, label), ` +
				`found ${columns}.`
		);
	}
	const dim: 2 | 3 = columns === 3 ? 2 : 3;
	const axes = AXES.slice(0, dim);
	const columnList = [...axes, 'label'].join(', ');
	const warnings: string[] = [];
	const names = head.fields.map((f) => f.trim());
	const hasHeader = names.slice(0, dim).every((f) => !numberLike(f));
	if (hasHeader) checkHeader(names, dim, firstLineNo, columnList, warnings);

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
		if ('problem' in split) fail(`Line ${lineNo}: ${split.problem}`);
		const f = split.fields;
		if (f.every((v) => v.trim() === '')) continue;
		if (f.length !== columns) {
			fail(
				mixedSeparators(line, lineNo, sep, firstLineNo, columns) ??
					`Line ${lineNo}: expected ${columns} columns (${columnList}) like line ${firstLineNo}, ` +
						`found ${f.length}.`
			);
		}
		if (labelIds.length >= maxRows) {
			fail(
				`Line ${lineNo}: more than ${withCommas(maxRows)} data rows; the limit is ${withCommas(maxRows)}.`
			);
		}
		for (let d = 0; d < dim; d++) coords.push(parseCoordinate(f[d], axes[d], lineNo, sep));
		const { key, integer } = labelKey(f[dim]);
		if (key === '') fail(`Line ${lineNo}: the label is empty.`);
		let id = classIds.get(key);
		if (id === undefined) {
			if (keys.length >= maxClasses) {
				fail(
					`Line ${lineNo}: label ${showValue(key)} is class ${keys.length + 1}; ` +
						`at most ${maxClasses} classes are allowed.`
				);
			}
			id = keys.length;
			classIds.set(key, id);
			keys.push(key);
			allIntegers &&= integer;
		}
		labelIds.push(id);
	}

	const rows = labelIds.length;
	if (rows === 0) fail(`This file has a header (line ${firstLineNo}) but no data rows.`);
	if (keys.length < 2) {
		fail(`Every data row has the label ${showValue(keys[0])}; at least 2 classes are needed.`);
	}
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
	warnings: string[]
): { labels: Int32Array; classNames: string[] } {
	const order = keys.map((_, id) => id);
	if (allIntegers) order.sort((a, b) => Number(keys[a]) - Number(keys[b]));
	const remap = new Int32Array(keys.length); // remap[first-appearance id] = class index
	order.forEach((id, cls) => (remap[id] = cls));
	const classNames = order.map((id) => keys[id]);
	if (allIntegers && classNames.some((name, cls) => name !== String(cls))) {
		const last = classNames.length - 1;
		warnings.push(clip(`Labels ${classNames.join(', ')} are numbered as classes 0–${last}.`));
	}
	const labels = Int32Array.from(labelIds, (id) => remap[id]);
	const sizes = new Array<number>(classNames.length).fill(0);
	labels.forEach((l) => sizes[l]++);
	sizes.forEach((size, cls) => {
		if (size !== 1) return;
		const name = showValue(classNames[cls]);
		warnings.push(clip(`Class ${name} has only one point, so it has no test point.`));
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
	columnList: string,
	warnings: string[]
): void {
	const empty = names.findIndex((n) => n === '');
	if (empty >= 0) {
		const index = empty === 0 ? ' If it is a row index, remove it (pandas: index=False).' : '';
		fail(`Line ${lineNo}: column ${empty + 1} of the header has no name.${index}`);
	}
	const coordinateNames = names.slice(0, dim);
	if (coordinateNames.some((n) => LABEL_NAMES.test(n))) {
		fail(`Line ${lineNo}: columns must be in the order ${columnList}.`);
	}
	if (coordinateNames.some((n, d) => n.toLowerCase() !== AXES[d])) {
		const shown = names.map(showValue).join(', ');
		warnings.push(clip(`Line ${lineNo} (${shown}) is read as the header ${columnList}.`));
	}
}
