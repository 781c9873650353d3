/**
 * The geometry readouts in the trainer's snapshot (model/readout.ts → SnapshotStats.geometry):
 * computed with the angle statistics only, over the seen classes' points, from the unit class
 * weights (or the class mean directions for a metric loss), every number finite or null. The
 * numbers are checked against math/geometry.ts applied to the snapshot's own arrays.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { tf } from '../../src/lib/model/tf';
import { Trainer } from '../../src/lib/model/trainer';
import { MARGIN_LIMITS, type LossKind } from '../../src/lib/math/margins';
import {
	alignmentUniformity,
	hypersphericalEnergy,
	simplexEnergy
} from '../../src/lib/math/geometry';

await tf.setBackend('cpu');

afterAll(() => {
	expect(tf.memory().numTensors).toBe(0);
});

const blobs4 = {
	generator: 'blobs',
	classes: 4,
	pointsPerClass: 30,
	noise: 0.2,
	inputDim: 2
} as const;
const model = { featureDim: 2, hiddenLayers: 1, hiddenUnits: 8, batchSize: 32, data: blobs4 };

describe('SnapshotStats.geometry', () => {
	test('only with the statistics', () => {
		const t = new Trainer({ ...model, loss: 'softmax', m: 1 });
		t.step(2);
		expect(t.snapshot().stats).toBeNull();
		expect(t.snapshot({ stats: true }).stats?.geometry.step).toBe(2);
		t.dispose();
	});

	test.each<[LossKind, 'weights' | 'means']>([
		['arcface', 'weights'],
		['contrastive', 'means']
	])('%s: energy of the %s, alignment and uniformity of the points', (loss, energyOf) => {
		const t = new Trainer({ ...model, loss, m: MARGIN_LIMITS[loss].default });
		t.step(20);
		const s = t.snapshot({ stats: true });
		const labels = Int32Array.from(t.data.labels);
		t.dispose();
		const g = s.stats!.geometry;
		expect(g.energyOf).toBe(energyOf);
		expect(g.directions).toBe(4);
		expect(g.energy).toBeCloseTo(hypersphericalEnergy(s.weights, 2)!, 10);
		// Four directions on the circle: the square, (8/√2 + 2)/12.
		expect(g.simplexEnergy).toBeCloseTo(simplexEnergy(4, 2)!, 12);
		expect(g.energy!).toBeGreaterThanOrEqual(g.simplexEnergy! - 1e-12);
		// No class is held out, so every point counts; 120 points are far below the pair cap.
		const direct = alignmentUniformity(s.features, 2, labels);
		expect(direct.sampled).toBe(false);
		expect(g.alignment).toBeCloseTo(direct.alignment!, 10);
		expect(g.uniformity).toBeCloseTo(direct.uniformity!, 10);
		for (const v of [g.alignment, g.uniformity, g.energy])
			expect(v !== null && Number.isFinite(v)).toBe(true);
		expect(g.uniformity!).toBeLessThanOrEqual(0);
		expect(g.uniformity!).toBeGreaterThanOrEqual(-8);
	});
});
