/**
 * Class imbalance and label noise (`skewTraining`, math/imbalance.ts): exact counts, seeded
 * determinism, flips always to another seen class, test and held-out points untouched, and
 * the balanced, clean settings leaving the data set exactly as generated. Also through
 * `datasetOf` (toy data and digits) and `seenClassesOnly`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, test } from 'vitest';
import { generateDataset } from '../../src/lib/math/generators';
import {
	flippedMask,
	keptCount,
	minorityClasses,
	skewTraining
} from '../../src/lib/math/imbalance';
import { seenClassesOnly, type Dataset } from '../../src/lib/math/datasets';
import { SPLIT } from '../../src/lib/math/split';
import { clampDataSettings } from '../../src/lib/math/dataSettings';
import type { DataSettings } from '../../src/lib/math/settingTypes';
import { datasetOf } from '../../src/lib/model/dataSources';
import { parseDigits } from '../../src/lib/io/digits';
import { customDataset } from '../../src/lib/model/loop';

const base = (p: Partial<DataSettings>) =>
	clampDataSettings({ generator: 'blobs', classes: 6, pointsPerClass: 40, seed: 3, ...p }).data;

/** Per class: [train, test, held out] counts. */
function counts(d: Dataset, labels = d.labels): number[][] {
	const out = Array.from({ length: d.numClasses }, () => [0, 0, 0]);
	d.split.forEach((s, i) => out[labels[i]][s]++);
	return out;
}

/** Rows as strings (coordinates, split and true label), to compare data sets as multisets. */
function rowKeys(d: Dataset): string[] {
	const truth = d.trueLabels ?? d.labels;
	return Array.from(d.split, (s, i) =>
		[...d.points.subarray(i * d.dim, (i + 1) * d.dim), s, truth[i]].join(',')
	);
}

describe('minorityClasses and keptCount', () => {
	it('takes the upper half of the seen classes', () => {
		expect(minorityClasses([0, 1, 2, 3, 4, 5])).toEqual([3, 4, 5]);
		expect(minorityClasses([0, 1, 2, 3, 4])).toEqual([3, 4]);
		expect(minorityClasses([0, 2])).toEqual([2]);
		expect(minorityClasses(Int32Array.from([1, 2, 4, 7]))).toEqual([4, 7]);
	});
	it('rounds and keeps at least one point', () => {
		expect(keptCount(30, 0.1)).toBe(3);
		expect(keptCount(30, 0.05)).toBe(2); // round(1.5) = 2
		expect(keptCount(8, 0.05)).toBe(1); // round(0.4) = 0, at least 1
		expect(keptCount(5, 1)).toBe(5);
		expect(keptCount(0, 0.5)).toBe(0);
	});
});

describe('skewTraining', () => {
	it('imbalance 1 and noise 0 return the generated data set unchanged, byte for byte', () => {
		const plain = generateDataset(base({}));
		const same = skewTraining(generateDataset(base({ imbalance: 1, labelNoise: 0 })));
		expect(same.points).toEqual(plain.points);
		expect(same.labels).toEqual(plain.labels);
		expect(same.split).toEqual(plain.split);
		expect(same.trueLabels).toBeUndefined();
		expect(datasetOf(base({}), {})).toEqual(plain);
	});

	it.each([0.05, 0.1, 0.33, 0.5, 0.95])(
		'imbalance %s: minority classes keep exactly round(share · train) training points, the rest unchanged',
		(share) => {
			const plain = generateDataset(base({}));
			const d = skewTraining(generateDataset(base({ imbalance: share })));
			const before = counts(plain);
			const after = counts(d);
			for (let c = 0; c < 6; c++) {
				const train = c >= 3 ? Math.max(1, Math.round(share * before[c][0])) : before[c][0];
				expect(after[c]).toEqual([train, before[c][1], before[c][2]]);
			}
			// Every kept row is a row of the balanced data set, with its split.
			const all = new Set(rowKeys(plain));
			for (const k of rowKeys(d)) expect(all.has(k)).toBe(true);
			expect(d.points.length).toBe(d.labels.length * d.dim);
			expect(d.trueLabels).toBeUndefined();
		}
	);

	it('the minority is the upper half of the seen classes when classes are held out', () => {
		const plain = generateDataset(base({ heldOut: [1, 4] }));
		const d = skewTraining(generateDataset(base({ heldOut: [1, 4], imbalance: 0.2 })));
		// Seen 0, 2, 3, 5: minority 3 and 5.
		const before = counts(plain);
		const after = counts(d);
		for (const c of [0, 1, 2, 4]) expect(after[c]).toEqual(before[c]);
		for (const c of [3, 5]) expect(after[c][0]).toBe(Math.round(0.2 * before[c][0]));
	});

	it.each([0.1, 0.3, 0.5])(
		'noise %s flips exactly round(noise · training points) labels, each to another seen class',
		(noise) => {
			const d = skewTraining(generateDataset(base({ labelNoise: noise, heldOut: [2] })));
			const plain = generateDataset(base({ heldOut: [2] }));
			const nTrain = plain.split.filter((s) => s === SPLIT.train).length;
			const flipped = flippedMask(d);
			let nFlipped = 0;
			flipped.forEach((f, i) => {
				if (!f) return;
				nFlipped++;
				expect(d.split[i]).toBe(SPLIT.train);
				expect(d.labels[i]).not.toBe(d.trueLabels![i]);
				expect([0, 1, 3, 4, 5]).toContain(d.labels[i]);
			});
			expect(nFlipped).toBe(Math.round(noise * nTrain));
			// True labels are the generated ones; test and held-out labels are never touched.
			expect(d.trueLabels).toEqual(plain.labels);
			d.split.forEach((s, i) => {
				if (s !== SPLIT.train) expect(d.labels[i]).toBe(plain.labels[i]);
			});
		}
	);

	it('flips spread over every other class (uniform, not a fixed neighbour)', () => {
		const d = skewTraining(generateDataset(base({ labelNoise: 0.5, pointsPerClass: 400 })));
		const targets = new Map<string, number>();
		flippedMask(d).forEach((f, i) => {
			if (!f) return;
			const key = `${d.trueLabels![i]}>${d.labels[i]}`;
			targets.set(key, (targets.get(key) ?? 0) + 1);
		});
		// 6 · 5 ordered pairs, about 1200 / 30 = 40 flips each.
		expect(targets.size).toBe(30);
		for (const n of targets.values()) expect(n).toBeGreaterThan(15);
	});

	it('noise applies after imbalance: it counts the training points left', () => {
		const d = skewTraining(generateDataset(base({ imbalance: 0.1, labelNoise: 0.3 })));
		const nTrain = d.split.filter((s) => s === SPLIT.train).length;
		const truth = counts(d, d.trueLabels);
		// 3 · 30 majority + 3 · 3 minority training points.
		expect(truth.map((c) => c[0])).toEqual([30, 30, 30, 3, 3, 3]);
		expect(nTrain).toBe(99);
		expect(flippedMask(d).reduce((a, b) => a + b, 0)).toBe(30);
	});

	it('is seeded by the data seed: the same settings give the same data set, another seed another', () => {
		const s = base({ imbalance: 0.3, labelNoise: 0.2 });
		const a = skewTraining(generateDataset(s));
		const b = skewTraining(generateDataset({ ...s }));
		expect(b).toEqual(a);
		const c = skewTraining(generateDataset({ ...s, seed: 4 }));
		expect(flippedMask(c)).not.toEqual(flippedMask(a));
	});

	it('seenClassesOnly carries the true labels, renumbered as the labels are', () => {
		const d = skewTraining(generateDataset(base({ labelNoise: 0.4, heldOut: [0] })));
		const { dataset, classes } = seenClassesOnly(d);
		expect(dataset.trueLabels).toBeDefined();
		const rows = Array.from(d.split.keys()).filter((i) => d.split[i] !== SPLIT.heldOut);
		rows.forEach((r, k) => {
			expect(classes[dataset.trueLabels![k]]).toBe(d.trueLabels![r]);
			expect(classes[dataset.labels[k]]).toBe(d.labels[r]);
		});
	});
});

test('the digits get the same treatment through datasetOf', () => {
	const parsed = parseDigits(new Uint8Array(readFileSync('static/data/digits-14.bin')));
	if (!parsed.ok) throw new Error('digits file did not parse');
	const digits = parsed.digits;
	const settings = (p: Partial<DataSettings>) =>
		clampDataSettings({ generator: 'digits', classes: 4, pointsPerClass: 40, seed: 2, ...p }).data;
	const plain = datasetOf(settings({}), { digits });
	const d = datasetOf(settings({ imbalance: 0.25, labelNoise: 0.2 }), { digits });
	const before = counts(plain);
	const after = counts(d, d.trueLabels);
	expect(after.map((c) => c[0])).toEqual([
		before[0][0],
		before[1][0],
		Math.round(0.25 * before[2][0]),
		Math.round(0.25 * before[3][0])
	]);
	const nTrain = after.reduce((a, c) => a + c[0], 0);
	expect(flippedMask(d).reduce((a, b) => a + b, 0)).toBe(Math.round(0.2 * nTrain));
});

test('the user’s own data is trained as given: its settings say balanced and clean', () => {
	const base = clampDataSettings({ imbalance: 0.1, labelNoise: 0.3 }).data;
	const d = customDataset(
		{
			dim: 2,
			numClasses: 2,
			points: Float64Array.from([0, 0, 1, 1, 0.5, 0.5, -1, 0]),
			labels: Int32Array.from([0, 0, 1, 1]),
			split: Uint8Array.from([0, 1, 0, 1]),
			classNames: null
		},
		base
	);
	expect(d.settings.imbalance).toBe(1);
	expect(d.settings.labelNoise).toBe(0);
	expect(skewTraining(d)).toBe(d);
});
