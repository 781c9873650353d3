/**
 * The closed-form gradients that training uses (fastHead.ts) against tfjs autodiff through
 * the reference-exact heads (heads.ts), for every kind and option set, on seeded batches
 * with edge rows.
 */
import { describe, expect, test } from 'vitest';
import { tf } from '../../src/lib/model/tf';
import { headLoss, type HeadOptions } from '../../src/lib/model/heads';
import { headGradients } from '../../src/lib/model/fastHead';
import { classParams, features, initParams, makeLayout } from '../../src/lib/model/network';
import { trainingLoss } from '../../src/lib/model/training';
import { createRng } from '../../src/lib/math/rng';
import { arrayError } from './reference';
import { makeBatch } from './batches';

const optionSets: HeadOptions[] = [
	{ kind: 'softmax' },
	{ kind: 'modified' },
	...[1, 2, 3, 4, 6].map((m) => ({ kind: 'asoftmax' as const, m, lambda: 0 })),
	{ kind: 'asoftmax', m: 4, lambda: 5 },
	{ kind: 'asoftmax', m: 4, lambda: 1000 },
	{ kind: 'asoftmax', m: 4, lambda: 0, psiMode: 'angle' },
	{ kind: 'asoftmax', m: 2.5, lambda: 0 },
	{ kind: 'asoftmax', m: 3.7, lambda: 2 },
	{ kind: 'asoftmax', m: 4, lambda: 0, normalizeFeatures: true, s: 16 },
	{ kind: 'cosface', m: 0.35, s: 30 },
	{ kind: 'arcface', m: 0.5, s: 30 },
	{ kind: 'arcface', m: 0.3, s: 16, arcfaceVariant: 'plain' },
	{ kind: 'arcface', m: -0.3, s: 16 },
	{ kind: 'combined', m1: 1, m2: 0.3, m3: 0.2, s: 30 },
	{ kind: 'combined', m1: 2.5, m2: 0.8, m3: -0.3, s: 16 },
	{ kind: 'combined', m1: 1.3, m2: -0.4, m3: 0.5, s: 16 }
];

/** Sub-centers (W [C·K, D]): the same check with K = 2 and 3 for every angular kind. */
const subCenterSets: HeadOptions[] = [
	{ kind: 'modified', subCenters: 2 },
	{ kind: 'asoftmax', m: 4, lambda: 0, subCenters: 3 },
	{ kind: 'asoftmax', m: 4, lambda: 0, normalizeFeatures: true, s: 16, subCenters: 2 },
	{ kind: 'cosface', m: 0.35, s: 30, subCenters: 3 },
	{ kind: 'arcface', m: 0.5, s: 30, subCenters: 2 },
	{ kind: 'arcface', m: 0.5, s: 30, subCenters: 3 },
	{ kind: 'arcface', m: 0.3, s: 16, arcfaceVariant: 'plain', subCenters: 3 },
	{ kind: 'combined', m1: 1.3, m2: -0.4, m3: 0.5, s: 16, subCenters: 3 }
];

const allSets = [...optionSets, ...subCenterSets];

describe.each(allSets.map((o) => [JSON.stringify(o), o] as const))('%s', (_name, opts) => {
	test.each([
		[2, 3, 21],
		[3, 5, 22]
	])('D = %s, C = %s, seed %s: loss and gradients equal autodiff', (dim, classes, seed) => {
		const batch = makeBatch(seed, dim, classes, opts);
		const { fast, exact } = tf.tidy(() => {
			const f = tf.tensor2d(batch.X);
			const W = tf.tensor2d(batch.W);
			const b = batch.b ? tf.tensor1d(batch.b) : null;
			const y = tf.tensor1d(batch.y, 'int32');
			const g = headGradients(
				f,
				W,
				b,
				tf.cast(tf.oneHot(y, classes), 'float32') as tf.Tensor2D,
				opts
			);
			const args = b ? [f, W, b] : [f, W];
			const { value, grads } = tf.valueAndGrads((...t: tf.Tensor[]) =>
				headLoss(t[0] as tf.Tensor2D, t[1] as tf.Tensor2D, (t[2] as tf.Tensor1D) ?? null, y, opts)
			)(args);
			const read = (t: tf.Tensor | null) => (t ? Array.from(t.dataSync()) : []);
			return {
				fast: { loss: read(g.loss), df: read(g.df), dW: read(g.dW), db: read(g.db) },
				exact: {
					loss: read(value),
					df: read(grads[0]),
					dW: read(grads[1]),
					db: read(grads[2] ?? null)
				}
			};
		});
		const tol = (opts.s ?? 1) > 20 ? 1e-3 : 2e-4;
		expect(arrayError(fast.loss, exact.loss)).toBeLessThan(tol);
		expect(arrayError(fast.df, exact.df)).toBeLessThan(tol);
		expect(arrayError(fast.dW, exact.dW)).toBeLessThan(tol);
		expect(arrayError(fast.db, exact.db)).toBeLessThan(tol);
	});
});

test('headGradients leaks no tensors', () => {
	const batch = makeBatch(5, 3, 4, { kind: 'asoftmax', m: 4 });
	const f = tf.tensor2d(batch.X);
	const W = tf.tensor2d(batch.W);
	const y = tf.cast(tf.oneHot(tf.tensor1d(batch.y, 'int32'), 4), 'float32') as tf.Tensor2D;
	const before = tf.memory().numTensors;
	const g = headGradients(f, W, null, y, { kind: 'asoftmax', m: 4, lambda: 5 });
	expect(tf.memory().numTensors).toBe(before + 3);
	tf.dispose([g.loss, g.df, g.dW, f, W, y]);
});

describe.each([false, true])(
	'trainingLoss (feature ReLU %s): the fused training op equals autodiff through the MLP and heads.ts',
	(featureRelu) => {
		const layout = makeLayout(2, [8, 8], 3, 4, { featureRelu });
		const params = initParams(layout, createRng(3));
		const rng = createRng(4);
		const x = Array.from({ length: 32 }, () => [rng.normal(), rng.normal()]);
		const y = Array.from({ length: 32 }, () => rng.int(4));
		test.each(optionSets.map((o) => [JSON.stringify(o), o] as const))('%s', (_name, opts) => {
			const [fused, exact] = tf.tidy(() => {
				const p = tf.tensor1d(params);
				const xt = tf.tensor2d(x);
				const yt = tf.tensor1d(y, 'int32');
				const y1h = tf.cast(tf.oneHot(yt, 4), 'float32') as tf.Tensor2D;
				const a = tf.valueAndGrad(trainingLoss(layout, xt, y1h, opts))(p);
				const b = tf.valueAndGrad((q: tf.Tensor1D) => {
					const { W, b } = classParams(q, layout);
					return headLoss(features(q, layout, xt), W, opts.kind === 'softmax' ? b : null, yt, opts);
				})(p);
				return [a, b].map((r) => [...r.value.dataSync(), ...r.grad.dataSync()]);
			});
			expect(arrayError(fused, exact)).toBeLessThan((opts.s ?? 1) > 20 ? 1e-3 : 2e-4);
		});
		test('the features are clipped at 0 exactly when the feature layer has a ReLU', () => {
			const f = tf.tidy(() =>
				features(tf.tensor1d(params), layout, tf.tensor2d(x)).dataSync()
			) as Float32Array;
			expect(f.some((v) => v < 0)).toBe(!featureRelu);
			expect(f.some((v) => v > 0)).toBe(true);
		});
	}
);

describe('sub-centers in the fused training op', () => {
	const rng = createRng(8);
	const x = Array.from({ length: 40 }, () => [rng.normal(), rng.normal()]);
	const y = Array.from({ length: 40 }, () => rng.int(3));
	test.each(subCenterSets.map((o) => [JSON.stringify(o), o] as const))(
		'%s: equals autodiff through the MLP and heads.ts',
		(_name, opts) => {
			const k = opts.subCenters ?? 1;
			const layout = makeLayout(2, [8], 2, 3, { subCenters: k });
			expect(layout.classWeights.rows).toBe(3 * k);
			const params = initParams(layout, createRng(5));
			const [fused, exact] = tf.tidy(() => {
				const p = tf.tensor1d(params);
				const xt = tf.tensor2d(x);
				const yt = tf.tensor1d(y, 'int32');
				const y1h = tf.cast(tf.oneHot(yt, 3), 'float32') as tf.Tensor2D;
				// The fused op reads K from the layout, not from the head options.
				const a = tf.valueAndGrad(trainingLoss(layout, xt, y1h, { ...opts, subCenters: 1 }))(p);
				const b = tf.valueAndGrad((q: tf.Tensor1D) => {
					const { W } = classParams(q, layout);
					return headLoss(features(q, layout, xt), W, null, yt, opts);
				})(p);
				return [a, b].map((r) => [...r.value.dataSync(), ...r.grad.dataSync()]);
			});
			expect(fused.length).toBe(layout.size + 1);
			expect(arrayError(fused, exact)).toBeLessThan((opts.s ?? 1) > 20 ? 1e-3 : 2e-4);
		}
	);

	test('K = 1 starts from the very same parameters as before; K > 1 keeps the MLP and adds rows', () => {
		const one = initParams(makeLayout(2, [8], 2, 3), createRng(9));
		const same = initParams(makeLayout(2, [8], 2, 3, { subCenters: 1 }), createRng(9));
		expect(Array.from(same)).toEqual(Array.from(one));
		const three = makeLayout(2, [8], 2, 3, { subCenters: 3 });
		const p3 = initParams(three, createRng(9));
		const w = three.classWeights;
		expect(Array.from(p3.subarray(0, w.offset))).toEqual(Array.from(one.subarray(0, w.offset)));
		expect(three.size - makeLayout(2, [8], 2, 3).size).toBe(2 * 3 * 2);
		expect(() => makeLayout(2, [8], 2, 3, { subCenters: 0 })).toThrow(RangeError);
	});

	test('the gradient reaches only each class’s nearest sub-center', () => {
		// C = 2, K = 2; the feature is nearest to class 0's sub-center 1 (cos 0.999 vs 0.05)
		// and to class 1's sub-center 0 (cos 0.14 vs −0.91).
		const W = [
			[1, 0],
			[0, 1],
			[-1, 0.2],
			[0.3, -1]
		];
		const g = tf.tidy(() => {
			const f = tf.tensor2d([[0.1, 2]]);
			const y1h = tf.tensor2d([[1, 0]]);
			const opts = { kind: 'arcface', m: 0.5, s: 4, subCenters: 2 } as const;
			return Array.from(headGradients(f, tf.tensor2d(W), null, y1h, opts).dW.dataSync());
		});
		const row = (i: number) => Math.hypot(g[2 * i], g[2 * i + 1]);
		expect([row(0), row(3)]).toEqual([0, 0]);
		expect(row(1)).toBeGreaterThan(1e-3);
		expect(row(2)).toBeGreaterThan(1e-3);
	});
});
