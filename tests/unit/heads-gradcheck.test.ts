/**
 * Beyond the reference file: the tfjs heads against the float64 heads of src/lib/math on
 * seeded random batches with edge rows (target at θ = 0 and θ = π, feature on another
 * class's weight, near-zero norms), for every kind and option. Logits are compared
 * directly; gradients against central finite differences of the float64 loss (which give
 * the reference's symmetric-subgradient convention at cone points).
 */
import { describe, expect, test } from 'vitest';
import { tf } from '../../src/lib/model/tf';
import { headLogits, headLoss, type HeadOptions } from '../../src/lib/model/heads';
import { batchLoss, featureLogits } from '../../src/lib/math/logits';
import { makeBatch, type Batch } from './batches';
import { arrayError } from './reference';

/** Central finite differences of the float64 mean loss w.r.t. every entry of `which`. */
function numericGrad(batch: Batch, opts: HeadOptions, which: 'X' | 'W' | 'b'): number[] {
	const target = batch[which] as number[][] | number[];
	const out: number[] = [];
	const loss = () => batchLoss(batch.X, batch.W, batch.b, batch.y, opts);
	const visit = (get: () => number, set: (v: number) => void) => {
		const v = get();
		const h = 1e-6 * Math.max(1e-3, Math.abs(v));
		set(v + h);
		const up = loss();
		set(v - h);
		const down = loss();
		set(v);
		out.push((up - down) / (2 * h));
	};
	for (let i = 0; i < target.length; i++) {
		const row = target[i];
		if (Array.isArray(row))
			for (let j = 0; j < row.length; j++)
				visit(
					() => row[j],
					(v) => (row[j] = v)
				);
		else
			visit(
				() => target[i] as number,
				(v) => ((target as number[])[i] = v)
			);
	}
	return out;
}

const optionSets: HeadOptions[] = [
	{ kind: 'softmax' },
	{ kind: 'modified' },
	...[1, 2, 3, 4, 5, 6].map((m) => ({ kind: 'asoftmax' as const, m, lambda: 0 })),
	{ kind: 'asoftmax', m: 4, lambda: 5 },
	{ kind: 'asoftmax', m: 4, lambda: 0, psiMode: 'angle' },
	{ kind: 'asoftmax', m: 1.5, lambda: 0 },
	{ kind: 'asoftmax', m: 3.7, lambda: 2, psiMode: 'angle' },
	{ kind: 'asoftmax', m: 4, lambda: 0, normalizeFeatures: true, s: 16 },
	{ kind: 'cosface', m: 0.35, s: 30 },
	{ kind: 'cosface', m: 0.2, s: 64 },
	{ kind: 'arcface', m: 0.5, s: 30 },
	{ kind: 'arcface', m: 0.3, s: 64, arcfaceVariant: 'plain' },
	{ kind: 'arcface', m: -0.3, s: 30 },
	{ kind: 'cosface', m: -0.2, s: 30 },
	{ kind: 'combined', m1: 1, m2: 0.3, m3: 0.2, s: 30 },
	{ kind: 'combined', m1: 2.5, m2: 0.8, m3: -0.3, s: 16 },
	{ kind: 'combined', m1: 4, m2: 0, m3: 0, s: 16 },
	{ kind: 'combined', m1: 1.3, m2: -0.4, m3: 0.5, s: 30 },
	// Sub-centers: W has C·K rows, cos θ_j = max_k cos θ_jk.
	{ kind: 'arcface', m: 0.5, s: 30, subCenters: 2 },
	{ kind: 'arcface', m: 0.5, s: 30, subCenters: 3 },
	{ kind: 'arcface', m: 0.3, s: 16, arcfaceVariant: 'plain', subCenters: 3 },
	{ kind: 'cosface', m: 0.35, s: 30, subCenters: 2 },
	{ kind: 'modified', subCenters: 3 },
	{ kind: 'asoftmax', m: 4, lambda: 0, subCenters: 2 },
	{ kind: 'asoftmax', m: 3.7, lambda: 2, psiMode: 'angle', subCenters: 3 },
	{ kind: 'combined', m1: 1.3, m2: -0.4, m3: 0.5, s: 30, subCenters: 3 }
];

describe.each(optionSets.map((o) => [JSON.stringify(o), o] as const))('%s', (_name, opts) => {
	test.each([
		[2, 3, 11],
		[3, 6, 12]
	])('D = %s, C = %s, seed %s', (dim, classes, seed) => {
		const batch = makeBatch(seed, dim, classes, opts);
		// float32 rounding of cos θ is amplified by the scale s.
		const tol = (opts.s ?? 1) > 32 ? 1e-3 : 3e-4;
		const expectedLogits = batch.X.map((x, i) =>
			featureLogits(x, batch.W, batch.b, batch.y[i], opts)
		).flat();
		const got = tf.tidy(() => {
			const x = tf.tensor2d(batch.X);
			const W = tf.tensor2d(batch.W);
			const b = batch.b ? tf.tensor1d(batch.b) : null;
			const y = tf.tensor1d(batch.y, 'int32');
			const logits = headLogits(x, W, b, y, opts).dataSync();
			const args = b ? [x, W, b] : [x, W];
			const g = tf.grads((...t: tf.Tensor[]) =>
				headLoss(t[0] as tf.Tensor2D, t[1] as tf.Tensor2D, (t[2] as tf.Tensor1D) ?? null, y, opts)
			)(args);
			return { logits: Array.from(logits), grads: g.map((t) => Array.from(t.dataSync())) };
		});
		expect(arrayError(got.logits, expectedLogits)).toBeLessThan(tol);
		expect(arrayError(got.grads[0], numericGrad(batch, opts, 'X'))).toBeLessThan(tol);
		expect(arrayError(got.grads[1], numericGrad(batch, opts, 'W'))).toBeLessThan(tol);
		if (batch.b) expect(arrayError(got.grads[2], numericGrad(batch, opts, 'b'))).toBeLessThan(tol);
	});
});
