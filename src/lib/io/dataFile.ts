/**
 * User data files: reading an uploaded CSV/TSV (columns x, y[, z], label) into a table,
 * turning that table into a trainable `Dataset`, and writing data sets and learned features
 * back out as CSV. Pure functions over strings and typed arrays (no DOM), so they run in
 * the page, in a worker and in Node tests alike.
 *
 * The reader never throws: every problem comes back as one plain-text sentence that names
 * the 1-based line of the file, with any quoted value shortened and its invisible characters
 * escaped (the UI renders messages as text, never as HTML).
 *
 * Lines are split first and each line is split into fields by a small strict RFC 4180
 * splitter, rather than handing the whole text to d3-dsv's parser, so that every message
 * names the right line and malformed quoting is reported instead of guessed at (d3-dsv reads
 * `"a"b,1,2` as a, "", 1, 2: the b is dropped and an empty field appears). The price: a
 * quoted value cannot contain a line break; such a file is rejected with a message that
 * says so. d3-dsv writes the exports (its quoting is standard RFC 4180).
 */
import { csvFormatRows } from 'd3-dsv';
import { DEFAULT_DATA_PARAMS, SPLIT, clampDataParams, type Dataset } from '../math/datasets';
import { createRng } from '../math/rng';

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
	/** Largest number of classes; clamped to 2..10, the range a `Dataset` allows. */
	maxClasses?: number;
}

/** Default limits: 2 MB (2 × 2^20 bytes), 20,000 data rows, 10 classes. */
export const DATA_FILE_LIMITS: Readonly<Required<ParseOptions>> = Object.freeze({
	maxBytes: 2 * 1024 * 1024,
	maxRows: 20_000,
	maxClasses: 10
});

/** Messages longer than this are cut, so a message always fits a notice line. */
const MAX_MESSAGE = 200;
/** Values quoted in messages are cut to this many characters. */
const SHOW_CHARS = 20;
const BINARY = 'This looks like a binary file, not CSV/TSV text';

/** A problem with the file; thrown inside the parser, returned as `{ ok: false }`. */
class FileProblem extends Error {}

function fail(message: string): never {
	throw new FileProblem(message);
}

/** `message`, cut to `MAX_MESSAGE` characters. */
function clip(message: string): string {
	if (message.length <= MAX_MESSAGE) return message;
	let cut = MAX_MESSAGE - 1;
	// Never split a surrogate pair (that would leave half an emoji).
	if ((message.charCodeAt(cut - 1) & 0xfc00) === 0xd800) cut--;
	return `${message.slice(0, cut)}…`;
}

// ---------------------------------------------------------------------------------------
// Showing values in messages

/** Characters that would be invisible or reorder text: C0/C1 controls, zero-width, bidi, BOM. */
function isInvisible(cp: number): boolean {
	return (
		cp < 0x20 ||
		(cp >= 0x7f && cp <= 0x9f) ||
		(cp >= 0x200b && cp <= 0x200f) ||
		(cp >= 0x2028 && cp <= 0x202e) ||
		(cp >= 0x2060 && cp <= 0x2069) ||
		(cp >= 0xd800 && cp <= 0xdfff) || // a lone surrogate (a valid pair arrives as one code point)
		cp === 0xfeff
	);
}

const ESCAPES: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * A value quoted for a message: cut after about 20 characters (then "…"), invisible
 * characters written as escapes (`\t`, `\u0007`), so the message shows exactly what is in
 * the file and stays short.
 */
export function showValue(value: string): string {
	let out = '';
	// Each code unit adds at least one character to `out`, so while out is shorter than
	// SHOW_CHARS fewer than SHOW_CHARS units were read: this slice is always long enough.
	for (const ch of value.slice(0, SHOW_CHARS + 2)) {
		if (out.length >= SHOW_CHARS) return `"${out}…"`;
		const cp = ch.codePointAt(0) ?? 0;
		out += ESCAPES[ch] ?? (isInvisible(cp) ? `\\u${cp.toString(16).padStart(4, '0')}` : ch);
	}
	return `"${out}"`;
}

/** 20000 → "20,000", independent of the runtime's locale. */
function withCommas(n: number): string {
	return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A byte count for people: "2.1 MB", "12 KB", "900 bytes" (rounded up, so never too small). */
function formatSize(bytes: number): string {
	const up = (v: number) => String(Math.ceil(v * 10) / 10);
	if (bytes >= 1024 * 1024) return `${up(bytes / (1024 * 1024))} MB`;
	if (bytes >= 1024) return `${up(bytes / 1024)} KB`;
	return `${bytes} bytes`;
}

// ---------------------------------------------------------------------------------------
// Bytes to text

/** UTF-8 length of a string in bytes (a lone surrogate counts as the 3 bytes of U+FFFD). */
function utf8Length(s: string): number {
	let n = 0;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 0x80) n += 1;
		else if (c < 0x800) n += 2;
		else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
			n += 4;
			i++;
		} else n += 3;
	}
	return n;
}

/** True for text that is mostly not text: a NUL, or more than 5% control characters. */
function looksBinary(text: string): boolean {
	if (text.includes('\0')) return true;
	let control = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || (c >= 0x7f && c <= 0x9f)) control++;
	}
	return control > 0.05 * text.length;
}

/**
 * The text of the input, after the size check (on the bytes, before decoding), the binary
 * checks and stripping one UTF-8 byte order mark.
 */
function toText(input: unknown, maxBytes: number): string {
	let text: string;
	if (typeof input === 'string') {
		const size = utf8Length(input);
		if (size > maxBytes) fail(sizeMessage(size, maxBytes));
		text = input;
	} else {
		const bytes =
			input instanceof Uint8Array
				? input
				: input instanceof ArrayBuffer
					? new Uint8Array(input)
					: fail('Expected the text or the bytes of a file.');
		if (bytes.byteLength > maxBytes) fail(sizeMessage(bytes.byteLength, maxBytes));
		if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
			fail('This file is UTF-16 text; save it as UTF-8 CSV or TSV and try again.');
		}
		if (bytes.includes(0)) fail(`${BINARY}.`);
		let decoded: string | null;
		try {
			// fatal: invalid UTF-8 throws instead of turning into U+FFFD.
			decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
		} catch {
			decoded = null;
		}
		if (decoded === null) {
			fail(`${BINARY}: it is not valid UTF-8. Save spreadsheets as "CSV UTF-8".`);
		}
		text = decoded;
	}
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	if (looksBinary(text)) fail(`${BINARY}.`);
	return text;
}

function sizeMessage(size: number, maxBytes: number): string {
	return `This file is ${formatSize(size)}; the limit is ${formatSize(maxBytes)}.`;
}

// ---------------------------------------------------------------------------------------
// Lines to fields

type Separator = '\t' | ';' | ',';
/** Tried in this order; semicolons before commas because "1,5;2,5;a" uses decimal commas. */
const SEPARATORS: readonly Separator[] = ['\t', ';', ','];
const SEPARATOR_NAMES: Record<Separator, string> = {
	'\t': 'tabs',
	';': 'semicolons',
	',': 'commas'
};

type Split = { fields: string[] } | { problem: string };

/**
 * Splits one line into fields (RFC 4180): a field that starts with `"` (after spaces) runs
 * to the next lone `"`, `""` inside it is one quote, and only spaces may follow it before
 * the separator. Unquoted fields are taken as they are (trimming is left to the reader).
 */
function splitLine(line: string, sep: Separator): Split {
	const fields: string[] = [];
	let i = 0;
	for (;;) {
		let j = i;
		while (line.charCodeAt(j) === 32) j++;
		if (line.charCodeAt(j) !== 34) {
			const end = line.indexOf(sep, i);
			if (end < 0) {
				fields.push(line.slice(i));
				return { fields };
			}
			fields.push(line.slice(i, end));
			i = end + 1;
			continue;
		}
		let value = '';
		let k = j + 1;
		for (;;) {
			const q = line.indexOf('"', k);
			if (q < 0) {
				return {
					problem: 'a quoted value is not closed on this line (values cannot contain line breaks).'
				};
			}
			value += line.slice(k, q);
			k = q + 1;
			if (line.charCodeAt(k) !== 34) break;
			value += '"';
			k++;
		}
		while (line.charCodeAt(k) === 32) k++;
		fields.push(value);
		if (k >= line.length) return { fields };
		if (line[k] !== sep) {
			return {
				problem: `${showValue(line.slice(k))} follows a closing quote; quote whole values.`
			};
		}
		i = k + 1;
	}
}

/** Number of fields of `line` split at `sep`, or 0 when its quoting is broken. */
function fieldCount(line: string, sep: Separator): number {
	const s = splitLine(line, sep);
	return 'fields' in s ? s.fields.length : 0;
}

/** The separator of the first non-blank line: the first one giving 3 or 4 fields, else the most. */
function detectSeparator(line: string, lineNo: number): Separator {
	const counts = SEPARATORS.map((sep) => fieldCount(line, sep));
	const fits = SEPARATORS.find((_, i) => counts[i] === 3 || counts[i] === 4);
	if (fits) return fits;
	const most = Math.max(...counts);
	if (most > 1) return SEPARATORS[counts.indexOf(most)];
	const split = splitLine(line, ',');
	if ('problem' in split) fail(`Line ${lineNo}: ${split.problem}`);
	fail(`Line ${lineNo}: found one column; separate x, y and label with commas or tabs.`);
}

/** "Line 5 uses tabs but line 1 uses commas" when another separator explains a bad count. */
function mixedSeparators(
	line: string,
	lineNo: number,
	sep: Separator,
	firstLineNo: number,
	expected: number
): string | null {
	const own = fieldCount(line, sep);
	for (const other of SEPARATORS) {
		if (other === sep) continue;
		const count = fieldCount(line, other);
		if (count === expected || (own === 1 && count > 1)) {
			return (
				`Line ${lineNo} uses ${SEPARATOR_NAMES[other]} but line ${firstLineNo} uses ` +
				`${SEPARATOR_NAMES[sep]} (mixed separators); use one separator throughout.`
			);
		}
	}
	return null;
}

// ---------------------------------------------------------------------------------------
// Fields to values

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

// ---------------------------------------------------------------------------------------
// The reader

const AXES = ['x', 'y', 'z'];
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
	const maxClasses = limit(options.maxClasses, D.maxClasses, 2, D.maxClasses);
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

// ---------------------------------------------------------------------------------------
// Table to data set

/**
 * The map into the unit box: each axis centred on its midrange, all axes divided by one
 * common half-width (the largest), so shapes and angles are kept and the widest axis spans
 * exactly [−1, 1]. Non-finite values are ignored. When every point is the same the
 * half-width would be 0; it is taken as 1 so nothing divides by zero (all points go to 0).
 * Halves are taken before subtracting so ±1.7e308 do not overflow.
 */
export function unitBox(
	points: ArrayLike<number>,
	dim: number
): { center: number[]; scale: number } {
	const lo = new Array<number>(dim).fill(Infinity);
	const hi = new Array<number>(dim).fill(-Infinity);
	for (let i = 0; i < points.length; i++) {
		const v = points[i];
		if (!Number.isFinite(v)) continue;
		const d = i % dim;
		if (v < lo[d]) lo[d] = v;
		if (v > hi[d]) hi[d] = v;
	}
	const center = lo.map((l, d) => (l <= hi[d] ? l / 2 + hi[d] / 2 : 0));
	const half = Math.max(0, ...lo.map((l, d) => (l <= hi[d] ? hi[d] / 2 - l / 2 : 0)));
	return { center, scale: half > 0 ? half : 1 };
}

/**
 * A trainable data set from a parsed table: coordinates mapped into [−1, 1] by `unitBox`,
 * rows grouped by class (file order within a class, like generated sets), and a seeded,
 * stratified split: within each class round(testFraction · count) shuffled points go to
 * test, but at least one stays in train (the rule `generateDataset` uses). Nothing is held
 * out. `params` describes the upload as far as `DataParams` can: classes, inputDim, seed,
 * testFraction (clamped as usual), pointsPerClass = the mean class size (clamped to
 * 5..2000); `generator` and `noise` keep their defaults, since there is no 'upload' kind.
 * A table not made by `parseDataFile` may give a set that `datasetProblem` rejects.
 */
export function tableToDataset(
	table: DataTable,
	options: { seed: number; testFraction: number }
): Dataset {
	const { dim } = table;
	const n = table.labels.length;
	const numClasses = table.labels.reduce((m, l) => Math.max(m, l + 1), table.classNames.length);
	const { params } = clampDataParams({
		...DEFAULT_DATA_PARAMS,
		classes: numClasses,
		pointsPerClass: Math.round(n / Math.max(1, numClasses)),
		inputDim: dim,
		seed: options.seed,
		testFraction: options.testFraction,
		heldOut: []
	});
	const order = Array.from({ length: n }, (_, i) => i).sort(
		(a, b) => table.labels[a] - table.labels[b] || a - b
	);
	const { center, scale } = unitBox(table.points, dim);
	const points = new Float64Array(n * dim); // [n, dim]
	const labels = new Int32Array(n); // [n]
	const split = new Uint8Array(n); // [n]
	order.forEach((src, row) => {
		labels[row] = table.labels[src];
		for (let d = 0; d < dim; d++) {
			// |v − center| ≤ scale up to rounding; the clamp absorbs a result of 1 + 2^−52.
			const v = (table.points[src * dim + d] - center[d]) / scale;
			points[row * dim + d] = Math.min(1, Math.max(-1, v));
		}
	});
	const rng = createRng(params.seed);
	let start = 0;
	for (let cls = 0; cls < numClasses; cls++) {
		let end = start;
		while (end < n && labels[end] === cls) end++;
		const members = Array.from({ length: end - start }, (_, k) => start + k);
		const nTest = Math.min(members.length - 1, Math.round(params.testFraction * members.length));
		rng.shuffle(members);
		for (let k = 0; k < nTest; k++) split[members[k]] = SPLIT.test;
		start = end;
	}
	return { params, dim, numClasses, points, labels, split };
}

// ---------------------------------------------------------------------------------------
// Writers

/** The shortest text that reads back as exactly `v` (String keeps all digits needed; −0 kept). */
function formatNumber(v: number): string {
	return Object.is(v, -0) ? '-0' : String(v);
}

/** The written form of a class index: its name when given, else the index. */
function className(cls: number, classNames: readonly string[] | undefined): string {
	return classNames?.[cls] ?? String(cls);
}

/** Names of `Dataset.split` values in exports. */
export const SPLIT_NAMES: readonly string[] = ['train', 'test', 'heldout'];

/**
 * A data set as CSV: header `x,y,label` or `x,y,z,label`, one row per point, numbers in
 * their shortest exact form, labels as class names when given (quoted by d3-dsv when they
 * hold commas, quotes or line breaks), ending in a newline. `parseDataFile` reads it back to
 * the same points and labels when every class occurs, names are distinct, trimmed, not
 * empty and first appear in class order (integer names: in numeric order).
 */
export function formatDataCsv(d: {
	dim: 2 | 3;
	points: ArrayLike<number>;
	labels: ArrayLike<number>;
	classNames?: readonly string[];
}): string {
	const rows = [[...AXES.slice(0, d.dim), 'label']];
	for (let i = 0; i < d.labels.length; i++) {
		const row: string[] = [];
		for (let k = 0; k < d.dim; k++) row.push(formatNumber(d.points[i * d.dim + k]));
		row.push(className(d.labels[i], d.classNames));
		rows.push(row);
	}
	return `${csvFormatRows(rows)}\n`;
}

/** What `formatFeaturesCsv` writes: learned features and predictions for every point. */
export interface FeatureTable {
	/** [n, featureDim] row-major feature vectors. */
	features: ArrayLike<number>;
	featureDim: 2 | 3;
	/** [n] true class indices. */
	labels: ArrayLike<number>;
	/** [n] predicted class indices. */
	predictions: ArrayLike<number>;
	/** [n] `Dataset.split` values. */
	split: ArrayLike<number>;
	classNames?: readonly string[];
}

/**
 * Learned features as CSV: `f1,f2[,f3],norm,label,predicted,split`, where norm = ‖f‖ (via
 * Math.hypot, safe from overflow), labels and predictions are class names when given, and
 * split is train, test or heldout. Ends in a newline.
 */
export function formatFeaturesCsv(t: FeatureTable): string {
	const dims = Array.from({ length: t.featureDim }, (_, k) => k);
	const rows = [[...dims.map((k) => `f${k + 1}`), 'norm', 'label', 'predicted', 'split']];
	for (let i = 0; i < t.labels.length; i++) {
		const f = dims.map((k) => t.features[i * t.featureDim + k]);
		rows.push([
			...f.map(formatNumber),
			formatNumber(Math.hypot(...f)),
			className(t.labels[i], t.classNames),
			className(t.predictions[i], t.classNames),
			SPLIT_NAMES[t.split[i]] ?? String(t.split[i])
		]);
	}
	return `${csvFormatRows(rows)}\n`;
}
