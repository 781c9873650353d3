/**
 * The word filter of the Korean pages' test (korean.test.ts): which words of a Korean page's
 * visible text are English UI words. Pure (no browser), so tests/unit/englishWords.test.ts
 * checks it.
 *
 * A word is a run of 3 or more Latin letters (with inner ' - _). It is allowed when it is a
 * name a Korean page writes in Latin letters too; everything else is English that the string
 * tables should have translated. Short words (m, W, x, b, it, s) are symbols and pass.
 */

/**
 * Names that stay in Latin letters in Korean text, each for a reason (lower case):
 * - the site and the losses' published names (A-Softmax splits into "softmax");
 * - file formats and the test's acronyms, written so in Korean papers and UIs;
 * - "English", the language switch's own name for English;
 * - ReLU, MLP, GPU, Node (Node.js) and the sphereface_pytorch code base (λ schedule menu):
 *   names of code and hardware, written so in Korean;
 * - keys printed on a keyboard (PageUp, PageDown, Ctrl);
 * - cos and log, math functions in a chart's text.
 */
export const ALLOWED_NAMES: ReadonlySet<string> = new Set(
	[
		'SphereLab',
		'Softmax',
		'SphereFace',
		'CosFace',
		'ArcFace',
		'PNG',
		'SVG',
		'CSV',
		'TSV',
		'JSON',
		'QR',
		'ROC',
		'AUC',
		'TAR',
		'FAR',
		'MNIST',
		'URL',
		'WebGL',
		'tfjs',
		'English',
		'ReLU',
		'MLP',
		'GPU',
		'Node',
		'sphereface_pytorch',
		'PageUp',
		'PageDown',
		'Ctrl',
		'cos',
		'log'
	].map((w) => w.toLowerCase())
);

/**
 * Spans that are not words to translate: a URL setting as a user types it (`held=6,7,8,9`,
 * `?lang=ko`), and the TensorFlow.js backend names a status line prints (`webgl`, `wasm`,
 * `cpu`), and the text encodings a file message names (`UTF-8`, `UTF-16`).
 */
const NOT_WORDS = [/[?&]?\b[a-z]+=[\w,.-]*/g, /\b(webgl|wasm|cpu)\b/g, /\bUTF-(8|16)\b/g];

/** The English words of `text` (each once, in order of appearance). */
export function englishWords(text: string): string[] {
	let rest = text;
	for (const re of NOT_WORDS) rest = rest.replace(re, ' ');
	const words = rest.match(/[A-Za-z][A-Za-z'’_-]*[A-Za-z]/g) ?? [];
	const found = words.filter((w) => {
		if (w.length < 3) return false;
		// "A-Softmax", "L-Softmax": the name after a one-letter prefix.
		const parts = w.split('-').filter((p) => p.length >= 3);
		return parts.some((p) => !ALLOWED_NAMES.has(p.toLowerCase()));
	});
	return [...new Set(found)];
}

/** A piece of a page's visible text and where it was found. */
export interface TextPiece {
	where: string;
	text: string;
}

/**
 * One line per piece that has English words: "where: words — «text»", or [] when the
 * page is Korean throughout.
 */
export function englishReport(pieces: readonly TextPiece[]): string[] {
	const lines: string[] = [];
	for (const { where, text } of pieces) {
		const words = englishWords(text);
		if (words.length)
			lines.push(
				`${where}: ${words.join(', ')} — «${text.trim().replace(/\s+/g, ' ').slice(0, 140)}»`
			);
	}
	return [...new Set(lines)];
}
