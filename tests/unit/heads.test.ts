import { describe, expect, test } from 'vitest';
import { tf } from '../../src/lib/model/tf';
import { headLogits, headLoss, type HeadOptions } from '../../src/lib/model/heads';
import { arrayError, headOptionsOf, reference, type ReferenceCase } from './reference';

/** Runs `fn` in a tfjs scope that frees every tensor it made (tidy only accepts tensor results). */
function withScope<T>(fn: () => T): T {
	tf.engine().startScope();
	try {
		return fn();
	} finally {
		tf.engine().endScope();
	}
}

/** Logits, loss and the gradients w.r.t. X, W and b of one case, on the cpu backend. */
function run(c: ReferenceCase, opts: HeadOptions) {
	return withScope(() => {
		const x = tf.tensor2d(c.inputs.X);
		const W = tf.tensor2d(c.inputs.W);
		const b = c.inputs.b ? tf.tensor1d(c.inputs.b) : null;
		const y = tf.tensor1d(c.inputs.y, 'int32');
		const logits = headLogits(x, W, b, y, opts).arraySync().flat();
		const loss = headLoss(x, W, b, y, opts).arraySync();
		const args = b ? [x, W, b] : [x, W];
		const grads = tf.grads((...t: tf.Tensor[]) =>
			headLoss(t[0] as tf.Tensor2D, t[1] as tf.Tensor2D, (t[2] as tf.Tensor1D) ?? null, y, opts)
		)(args);
		return {
			logits,
			loss,
			dX: Array.from(grads[0].dataSync()),
			dW: Array.from(grads[1].dataSync()),
			db: grads[2] ? Array.from(grads[2].dataSync()) : null
		};
	});
}

/**
 * The README's float32 rule: |a − e| ≤ tol · max(max|e|, 1e-3), tol = 1e-4, loosened to
 * 1e-3 for the three cases it names (large s, near-zero norms under normalised heads,
 * targets near π for real m).
 */
function toleranceOf(c: ReferenceCase): number {
	const loose =
		(c.options.s ?? 0) > 32 ||
		(c.edge.includes('near_zero_norm') &&
			(c.kind === 'cosface' || c.kind === 'arcface' || c.options.normalize_features)) ||
		(c.kind === 'asoftmax' && !Number.isInteger(c.options.m));
	return loose ? 1e-3 : 1e-4;
}

describe.each(reference.cases.map((c) => [c.id, c] as const))('reference case %s', (_id, c) => {
	const tol = toleranceOf(c);
	const modes: HeadOptions[] = [headOptionsOf(c)];
	// Integer m: the angle form must agree with the Chebyshev form on the same case.
	if (c.kind === 'asoftmax' && Number.isInteger(c.options.m)) {
		modes.push({
			...headOptionsOf(c),
			psiMode: c.options.psi_mode === 'angle' ? 'chebyshev' : 'angle'
		});
	}
	test.each(modes.map((o) => [o.psiMode ?? 'default', o] as const))(
		'psi mode %s',
		(_mode, opts) => {
			const out = run(c, opts);
			expect(arrayError(out.logits, c.expected.logits.flat())).toBeLessThanOrEqual(tol);
			expect(arrayError([out.loss], [c.expected.loss])).toBeLessThanOrEqual(tol);
			expect(arrayError(out.dX, c.expected.dX.flat())).toBeLessThanOrEqual(tol);
			expect(arrayError(out.dW, c.expected.dW.flat())).toBeLessThanOrEqual(tol);
			if (c.expected.db) expect(arrayError(out.db ?? [], c.expected.db)).toBeLessThanOrEqual(tol);
		}
	);
});

describe('head contract', () => {
	test('no tensors leak from logits, loss or gradients', () => {
		const c = reference.cases.find((k) => k.kind === 'asoftmax')!;
		run(c, headOptionsOf(c)); // warm up kernels and any lazily created constants
		const before = tf.memory().numTensors;
		for (let i = 0; i < 5; i++) run(c, headOptionsOf(c));
		expect(tf.memory().numTensors).toBe(before);
	});

	test('gradients stay finite for a zero feature and for huge m', () => {
		const x = tf.tensor2d([
			[0, 0],
			[1, 1e-7],
			[-1, 0]
		]);
		const W = tf.tensor2d([
			[1, 0],
			[0, 1]
		]);
		const y = tf.tensor1d([0, 0, 0], 'int32');
		for (const opts of [
			{ kind: 'asoftmax', m: 4 },
			{ kind: 'asoftmax', m: 5.5, psiMode: 'angle' },
			{ kind: 'arcface', m: 0.5, s: 64 },
			{ kind: 'cosface', m: 0.35 }
		] as HeadOptions[]) {
			const [dx, dw] = tf.grads((a: tf.Tensor, w: tf.Tensor) =>
				headLoss(a as tf.Tensor2D, w as tf.Tensor2D, null, y, opts)
			)([x, W]);
			for (const v of [...dx.dataSync(), ...dw.dataSync()]) expect(Number.isFinite(v)).toBe(true);
			tf.dispose([dx, dw]);
		}
		tf.dispose([x, W, y]);
	});

	test('A-Softmax with m = 1 equals the modified softmax for every λ', () => {
		const c = reference.cases.find((k) => k.kind === 'modified')!;
		const base = run(c, { kind: 'modified' });
		for (const lambda of [0, 5, 1000]) {
			const a = run(c, { kind: 'asoftmax', m: 1, lambda });
			expect(arrayError(a.logits, base.logits)).toBeLessThan(1e-5);
			expect(arrayError(a.dW, base.dW)).toBeLessThan(1e-5);
		}
	});

	test('invalid options are rejected with a clear message', () => {
		const x = tf.tensor2d([[1, 0]]);
		const W = tf.tensor2d([
			[1, 0],
			[0, 1]
		]);
		const y = tf.tensor1d([0], 'int32');
		expect(() => headLogits(x, W, null, y, { kind: 'asoftmax', m: Number.NaN })).toThrow(/Margin/);
		expect(() => headLogits(x, W, null, y, { kind: 'asoftmax', m: 0.5 })).toThrow(/Margin/);
		expect(() => headLogits(x, W, null, y, { kind: 'cosface', s: 0 })).toThrow(/Scale/);
		expect(() => headLogits(x, W, null, y, { kind: 'nope' as 'softmax' })).toThrow(/Unknown/);
		tf.dispose([x, W, y]);
	});
});
