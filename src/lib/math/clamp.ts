/**
 * Turning untrusted values (URL parameters, messages, uploaded settings) into numbers in a
 * known range, with a plain-language notice for every change. Shared by the data settings
 * and the trainer settings so every field is clamped and reported the same way.
 */
import { notice, type Notice } from './notice';

/** Allowed range of one numeric field; `integer` fields are rounded. */
export interface NumericLimit {
	readonly min: number;
	readonly max: number;
	readonly integer: boolean;
}

/** Reads a number from anything: numbers as they are, numeric strings parsed, else NaN. */
export function toNumber(raw: unknown): number {
	if (typeof raw === 'number') return raw;
	if (typeof raw === 'bigint') return Number(raw);
	if (typeof raw === 'string' && raw.trim() !== '') return Number(raw);
	return NaN;
}

/** A short printable form of any value, for notices (String() throws on null-prototype objects). */
export function show(raw: unknown): string {
	let s: string;
	try {
		s = typeof raw === 'string' ? JSON.stringify(raw) : String(raw);
	} catch {
		s = `a ${typeof raw}`;
	}
	return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/**
 * `raw` as a number within `lim`: undefined gives `def` silently; a non-number gives `def`
 * and a notice; out-of-range (±Infinity included) or fractional values for integer fields
 * are clamped/rounded with a notice such as "classes 40 is out of range 2–10; using 10".
 */
export function clampToLimit(
	name: string,
	raw: unknown,
	lim: NumericLimit,
	def: number,
	notices: Notice[]
): number {
	if (raw === undefined) return def;
	const v = toNumber(raw);
	if (Number.isNaN(v)) {
		notices.push(notice('notNumber', { name, value: show(raw), using: def }));
		return def;
	}
	// `+ 0` turns −0 into 0.
	let out = Math.min(lim.max, Math.max(lim.min, v)) + 0;
	if (lim.integer) out = Math.round(out);
	if (out !== v) {
		const value = show(raw);
		notices.push(
			v < lim.min || v > lim.max
				? notice('outOfRange', { name, value, min: lim.min, max: lim.max, using: out })
				: notice('notWhole', { name, value, using: out })
		);
	}
	return out;
}
