/**
 * Issue 28's options toggled in one long run: the combined head and its margins, negative
 * CosFace and ArcFace margins, sub-centers, class imbalance and label noise. No tensor may
 * leak (tf.memory() stays flat) and every snapshot stays finite.
 */
import { expect, test } from 'vitest';
import { tf } from '../../src/lib/model/tf';
import { Trainer } from '../../src/lib/model/trainer';
import type { Snapshot } from '../../src/lib/model/snapshot';
import { createRng } from '../../src/lib/math/rng';

/** Every number a view reads from the snapshot's main arrays is finite. */
function finite(s: Snapshot): boolean {
	const arrays = [s.features, s.weights];
	return (
		arrays.every((a) => a.every(Number.isFinite)) &&
		[s.m, s.margins.m1, s.margins.m2, s.margins.m3].every(Number.isFinite)
	);
}

test('tf.memory() stays flat with every option of the margin family toggled', () => {
	const t = new Trainer({
		data: { classes: 4, pointsPerClass: 30 },
		hiddenLayers: 1,
		hiddenUnits: 8,
		batchSize: 32,
		loss: 'combined'
	});
	t.step(10);
	t.snapshot({ gridResolution: 8 });
	const base = tf.memory().numTensors;
	const rng = createRng(28);
	const losses = ['combined', 'cosface', 'arcface', 'asoftmax', 'modified', 'triplet'] as const;
	for (let i = 0; i < 120; i++) {
		const loss = losses[rng.int(losses.length)];
		t.setOptions({
			loss,
			...(loss === 'cosface' ? { m: -0.5 + rng.next() * 1.3 } : {}),
			...(loss === 'arcface' ? { m: -0.5 + rng.next() * 1.7 } : {}),
			m1: 1 + rng.next() * 3,
			m2: -0.5 + rng.next() * 1.7,
			m3: -0.5 + rng.next() * 1.3,
			...(i % 10 === 0
				? {
						subCenters: 1 + rng.int(3),
						data: { imbalance: [1, 0.5, 0.1][rng.int(3)], labelNoise: [0, 0.2, 0.4][rng.int(3)] }
					}
				: {})
		});
		t.step(3);
		if (i % 15 === 0) {
			const s = t.snapshot({ gridResolution: 4 });
			expect(finite(s)).toBe(true);
		}
	}
	t.setOptions({ loss: 'combined', subCenters: 1, data: { imbalance: 1, labelNoise: 0 } });
	t.step(10);
	expect(finite(t.snapshot({ gridResolution: 8 }))).toBe(true);
	expect(tf.memory().numTensors).toBe(base);
	t.dispose();
}, 120_000);
