import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/lib/math/rng';
import { SPLIT, stratifiedSplit } from '../../src/lib/math/split';

/** Per class: [train, test, held out] counts of a split. */
function counts(labels: ArrayLike<number>, split: Uint8Array, numClasses: number): number[][] {
	const out = Array.from({ length: numClasses }, () => [0, 0, 0]);
	split.forEach((s, i) => out[labels[i]][s]++);
	return out;
}

/** Labels with `sizes[c]` rows of class c, interleaved (as uploads are) by a fixed shuffle. */
function interleaved(sizes: number[]): Int32Array {
	const flat = sizes.flatMap((size, cls) => new Array<number>(size).fill(cls));
	return Int32Array.from(createRng(99).shuffle(flat));
}

describe('stratifiedSplit', () => {
	it.each([
		// sizes, testFraction, heldOut, expected [train, test, held] per class
		[
			[10, 10],
			0.25,
			[],
			[
				[7, 3, 0],
				[7, 3, 0]
			]
		], // round(2.5) = 3
		[
			[1, 2, 7, 40],
			0.5,
			[],
			[
				[1, 0, 0],
				[1, 1, 0],
				[3, 4, 0],
				[20, 20, 0]
			]
		],
		[
			[5, 5],
			0.9,
			[],
			[
				[1, 4, 0],
				[1, 4, 0]
			]
		], // round(4.5) = 5, capped at count − 1
		[
			[4, 6, 8],
			0,
			[],
			[
				[4, 0, 0],
				[6, 0, 0],
				[8, 0, 0]
			]
		],
		[
			[4, 6, 8],
			0.5,
			[1],
			[
				[2, 2, 0],
				[0, 0, 6],
				[4, 4, 0]
			]
		],
		[
			[0, 3],
			0.5,
			[],
			[
				[0, 0, 0],
				[1, 2, 0]
			]
		] // an empty class is no problem
	])('sizes %j at %f, held %j → %j', (sizes, testFraction, heldOut, expected) => {
		const labels = interleaved(sizes);
		const split = stratifiedSplit(labels, sizes.length, testFraction, createRng(3), heldOut);
		expect(split).toHaveLength(labels.length);
		expect(counts(labels, split, sizes.length)).toEqual(expected);
	});

	it('is seeded: the same RNG state gives the same split, another seed another one', () => {
		const labels = interleaved([30, 30, 30]);
		const a = stratifiedSplit(labels, 3, 0.3, createRng(5));
		const b = stratifiedSplit(labels, 3, 0.3, createRng(5));
		const c = stratifiedSplit(labels, 3, 0.3, createRng(6));
		expect(Array.from(a)).toEqual(Array.from(b));
		expect(Array.from(a)).not.toEqual(Array.from(c));
	});

	it('holding a class out leaves the other classes unchanged (every class is shuffled)', () => {
		const labels = interleaved([12, 12, 12]);
		const open = stratifiedSplit(labels, 3, 0.25, createRng(8));
		const held = stratifiedSplit(labels, 3, 0.25, createRng(8), [1]);
		labels.forEach((l, i) => {
			if (l === 1) expect(held[i]).toBe(SPLIT.heldOut);
			else expect(held[i]).toBe(open[i]);
		});
	});

	it('keeps rows whose label is not a class index in train, and ignores unknown held-out classes', () => {
		const labels = [0, 0, 0, 0, -1, 7, 0.5, 1, 1, 1, 1];
		const split = stratifiedSplit(labels, 2, 0.5, createRng(1), [5]);
		expect([split[4], split[5], split[6]]).toEqual([SPLIT.train, SPLIT.train, SPLIT.train]);
		expect(split.filter((s) => s === SPLIT.test)).toHaveLength(4);
		expect(split.includes(SPLIT.heldOut)).toBe(false);
	});
});
