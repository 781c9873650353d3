/**
 * Class lists (the held-out classes): the clamp that keeps them valid (whole, in range, each
 * once, at least two classes left to train) and their URL text, runs written as ranges.
 * Pure TypeScript.
 */
import { show, toNumber } from './clamp';
import { MAX_IDENTITIES } from './limits';
import { notice, type Notice } from './notice';

/** Held-out class indices: whole, in range, each once, leaving at least two classes to train. */
export function clampClassList(
	name: string,
	raw: unknown,
	classes: number,
	notices: Notice[]
): number[] {
	if (!Array.isArray(raw)) {
		notices.push(notice('notClassList', { name, value: show(raw) }));
		return [];
	}
	const kept: number[] = [];
	const invalid: string[] = [];
	const repeated: number[] = [];
	for (const entry of raw as unknown[]) {
		const v = toNumber(entry) + 0;
		if (!Number.isInteger(v) || v < 0 || v >= classes) invalid.push(show(entry));
		else if (!kept.includes(v)) kept.push(v);
		else if (!repeated.includes(v)) repeated.push(v);
	}
	if (invalid.length > 0) {
		const key = invalid.length === 1 ? 'notClassIndex' : 'notClassIndices';
		notices.push(notice(key, { name, values: invalid.join(', '), max: classes - 1 }));
	}
	if (repeated.length > 0) {
		notices.push(notice('classRepeated', { name, values: repeated.join(', ') }));
	}
	// Training needs at least two classes; keep the first entries given, drop the rest.
	const maxHeld = classes - 2;
	if (kept.length > maxHeld) {
		const asked = kept.length;
		kept.length = maxHeld;
		kept.sort((a, b) => a - b);
		notices.push(
			maxHeld === 0
				? notice('tooManyHeldNone', { name, asked, classes })
				: notice('tooManyHeld', { name, asked, classes, kept: kept.join(', ') })
		);
	}
	return kept.sort((a, b) => a - b);
}

/** Class lists: runs of at least this many consecutive classes are written as a range. */
const RUN = 3;

/** A class list as URL text: comma-separated, runs as ranges ([0, 3] → 0,3; [0…29] → 0-29). */
export function formatClassList(list: readonly number[]): string {
	const parts: string[] = [];
	for (let i = 0; i < list.length;) {
		let j = i;
		while (j + 1 < list.length && list[j + 1] === list[j] + 1) j++;
		if (j - i + 1 >= RUN) parts.push(`${list[i]}-${list[j]}`);
		else for (let k = i; k <= j; k++) parts.push(String(list[k]));
		i = j + 1;
	}
	return parts.join(',');
}

/**
 * URL text of a class list as raw entries: split at commas, ranges a-b expanded. A range
 * that is reversed or longer than any data set's class count stays one (invalid) entry, so
 * the clamp names it in a notice instead of expanding it.
 */
export function parseClassList(text: string): string[] {
	if (text === '') return [];
	return text.split(',').flatMap((part) => {
		const range = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(part);
		if (!range) return [part];
		const [a, b] = [Number(range[1]), Number(range[2])];
		if (b < a || b - a >= MAX_IDENTITIES) return [part];
		return Array.from({ length: b - a + 1 }, (_, k) => String(a + k));
	});
}
