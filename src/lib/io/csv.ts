/**
 * CSV/TSV lines: the column layout (x, y[, z], label), the separator (tabs, semicolons or
 * commas, detected from the first non-blank line) and a small strict RFC 4180 splitter of
 * one line into fields.
 *
 * Lines are split first and each line is split into fields here, rather than handing the
 * whole text to d3-dsv's parser, so that every message names the right line and malformed
 * quoting is reported instead of guessed at (d3-dsv reads `"a"b,1,2` as a, "", 1, 2: the b
 * is dropped and an empty field appears). The price: a quoted value cannot contain a line
 * break; such a file is rejected with a message that says so.
 */
import type { FileNoticeKey, NoticeParams } from '../math/notice';
import { fail, showValue } from './messages';

/** The coordinate columns, in file order (2D files have x, y; 3D files x, y, z). */
export const AXES: readonly string[] = ['x', 'y', 'z'];

/** A field separator. */
export type Separator = '\t' | ';' | ',';
/** Tried in this order; semicolons before commas because "1,5;2,5;a" uses decimal commas. */
const SEPARATORS: readonly Separator[] = ['\t', ';', ','];
/** The separators' words in the notices (`noticeWord.<name>`). */
const SEPARATOR_NAMES: Record<Separator, string> = {
	'\t': 'tabs',
	';': 'semicolons',
	',': 'commas'
};

/** A line's fields, or what is wrong with its quoting (a notice without its line). */
type Split = { fields: string[] } | { problem: FileNoticeKey; params?: NoticeParams };

/** Stops reading at line `lineNo` with a split's problem. */
export function failSplit(split: Extract<Split, { problem: unknown }>, lineNo: number): never {
	fail(split.problem, { line: lineNo, ...split.params });
}

/**
 * Splits one line into fields (RFC 4180): a field that starts with `"` (after spaces) runs
 * to the next lone `"`, `""` inside it is one quote, and only spaces may follow it before
 * the separator. Unquoted fields are taken as they are (trimming is left to the reader).
 */
export function splitLine(line: string, sep: Separator): Split {
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
				return { problem: 'fileQuoteOpen' };
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
			return { problem: 'fileAfterQuote', params: { value: showValue(line.slice(k)) } };
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
export function detectSeparator(line: string, lineNo: number): Separator {
	const counts = SEPARATORS.map((sep) => fieldCount(line, sep));
	const fits = SEPARATORS.find((_, i) => counts[i] === 3 || counts[i] === 4);
	if (fits) return fits;
	const most = Math.max(...counts);
	if (most > 1) return SEPARATORS[counts.indexOf(most)];
	const split = splitLine(line, ',');
	if ('problem' in split) failSplit(split, lineNo);
	fail('fileOneColumn', { line: lineNo });
}

/** "Line 5 uses tabs but line 1 uses commas" when another separator explains a bad count. */
export function mixedSeparators(
	line: string,
	lineNo: number,
	sep: Separator,
	firstLineNo: number,
	expected: number
): NoticeParams | null {
	const own = fieldCount(line, sep);
	for (const other of SEPARATORS) {
		if (other === sep) continue;
		const count = fieldCount(line, other);
		if (count === expected || (own === 1 && count > 1)) {
			return {
				line: lineNo,
				sepWord: SEPARATOR_NAMES[other],
				first: firstLineNo,
				firstSepWord: SEPARATOR_NAMES[sep]
			};
		}
	}
	return null;
}
