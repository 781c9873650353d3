/**
 * Bytes to text for the reader: the size limit (checked on the bytes, before decoding),
 * UTF-16 and binary files refused with a notice, strict UTF-8 decoding, and one byte order
 * mark stripped.
 */
import { fail, formatSize } from './messages';

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
export function toText(input: unknown, maxBytes: number): string {
	let text: string;
	if (typeof input === 'string') {
		const size = utf8Length(input);
		if (size > maxBytes) tooBig(size, maxBytes);
		text = input;
	} else {
		const bytes =
			input instanceof Uint8Array
				? input
				: input instanceof ArrayBuffer
					? new Uint8Array(input)
					: fail('fileNotBytes');
		if (bytes.byteLength > maxBytes) tooBig(bytes.byteLength, maxBytes);
		if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
			fail('fileUtf16');
		}
		if (bytes.includes(0)) fail('fileBinary');
		let decoded: string | null;
		try {
			// fatal: invalid UTF-8 throws instead of turning into U+FFFD.
			decoded = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
		} catch {
			decoded = null;
		}
		if (decoded === null) {
			fail('fileNotUtf8');
		}
		text = decoded;
	}
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	if (looksBinary(text)) fail('fileBinary');
	return text;
}

function tooBig(size: number, maxBytes: number): never {
	fail('fileTooBig', { size: formatSize(size), limit: formatSize(maxBytes) });
}
