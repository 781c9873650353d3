/**
 * The reader's messages: one notice per problem (a key and its parameters, written in the
 * page's language where it is shown), thrown inside the reader as a `FileProblem` and
 * returned by `parseDataFile` as `{ ok: false }`; values quoted in them are shortened and
 * their invisible characters escaped (the UI renders messages as text, never as HTML). Also
 * the number and size formats the messages use.
 */
import { notice, type FileNoticeKey, type Notice, type NoticeParams } from '../math/notice';

/** Values quoted in messages are cut to this many characters. */
const SHOW_CHARS = 20;

/** A problem with the file; thrown inside the reader, returned as `{ ok: false }`. */
export class FileProblem extends Error {
	constructor(readonly notice: Notice) {
		super(notice.key);
	}
}

/** Stops reading with the notice `key` (caught by `parseDataFile`). */
export function fail(key: FileNoticeKey, params: NoticeParams = {}): never {
	throw new FileProblem(notice(key, params));
}

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
export function withCommas(n: number): string {
	return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A byte count for people: "2.1 MB", "12 KB", "900 bytes" (rounded up, so never too small). */
export function formatSize(bytes: number): string {
	const up = (v: number) => String(Math.ceil(v * 10) / 10);
	if (bytes >= 1024 * 1024) return `${up(bytes / (1024 * 1024))} MB`;
	if (bytes >= 1024) return `${up(bytes / 1024)} KB`;
	return `${bytes} bytes`;
}
