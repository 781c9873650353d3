import { describe, expect, test } from 'vitest';
import { PKSampler } from '../../src/lib/model/batches';

describe('PKSampler', () => {
	// 5 classes: class c has 3 + c training rows; rows 100+ are not in training.
	const labels: number[] = [];
	const train: number[] = [];
	for (let c = 0; c < 5; c++)
		for (let i = 0; i < 3 + c; i++) {
			train.push(labels.length);
			labels.push(c);
		}
	for (let i = 0; i < 20; i++) labels.push(i % 5); // test rows, never drawn
	const indices = Int32Array.from(train);

	test('P classes × K rows each, only training rows, no repeats within a class that has K', () => {
		const s = new PKSampler(indices, labels, 7);
		for (let t = 0; t < 50; t++) {
			const batch = [...s.next(3, 4)];
			expect(batch).toHaveLength(12);
			expect(batch.every((i) => train.includes(i))).toBe(true);
			const classes = [0, 1, 2].map((j) => batch.slice(4 * j, 4 * j + 4).map((i) => labels[i]));
			for (const rows of classes) expect(new Set(rows).size).toBe(1);
			expect(new Set(classes.map((r) => r[0])).size).toBe(3);
			for (let j = 0; j < 3; j++) {
				const rows = batch.slice(4 * j, 4 * j + 4);
				const size = 3 + labels[rows[0]];
				expect(new Set(rows).size).toBe(Math.min(4, size));
			}
		}
	});

	test('fewer classes than P: all of them; the same seed and position replay the same batches', () => {
		const a = new PKSampler(indices, labels, 3);
		const first = Array.from({ length: 5 }, () => [...a.next(9, 2)]);
		expect(first.every((b) => b.length === 10)).toBe(true);
		const b = new PKSampler(indices, labels, 3);
		b.position = 2;
		expect([...b.next(9, 2)]).toEqual(first[2]);
		const other = new PKSampler(indices, labels, 4);
		expect([...other.next(9, 2)]).not.toEqual(first[0]);
	});

	test('no training rows give empty batches; P or K below 1 is refused', () => {
		expect(new PKSampler(new Int32Array(0), labels, 1).next(2, 2)).toHaveLength(0);
		const s = new PKSampler(indices, labels, 1);
		expect(() => s.next(0, 2)).toThrow(/P, K ≥ 1/);
		expect(() => s.next(2, Number.NaN)).toThrow(/P, K ≥ 1/);
	});

	test('P and K may change between batches', () => {
		const s = new PKSampler(indices, labels, 5);
		expect(s.next(2, 3)).toHaveLength(6);
		expect(s.next(4, 2)).toHaveLength(8);
		expect(s.position).toBe(2);
	});
});
