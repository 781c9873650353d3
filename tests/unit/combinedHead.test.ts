/**
 * The combined margin head s·(cos(m1·θ + m2) − m3) (issue 28): its special cases against the
 * float64 reference vectors of A-Softmax, CosFace and ArcFace, computed through the combined
 * code path (tfjs heads.ts, the training op fastHead.ts and the float64 logits.ts); its
 * monotone extension past u = m1·θ + m2 = π; and its gradients by central finite differences
 * right beside the points where the extension switches branch.
 */
import { describe, expect, test } from 'vitest';
import { tf } from '../../src/lib/model/tf';
import { headLogits, headLoss, type HeadOptions } from '../../src/lib/model/heads';
import { headGradients } from '../../src/lib/model/fastHead';
import { batchLoss, featureLogits } from '../../src/lib/math/logits';
import {
	arcfaceTarget,
	combinedBranch,
	combinedTarget,
	COMBINED_PRESETS,
	psi
} from '../../src/lib/math/psi';
import { arrayError, reference, type ReferenceCase } from './reference';

const S = 16;

/** Logits [N·C], per-sample loss and dX, dW of a case's inputs under `opts`, by tfjs autodiff. */
function run(c: ReferenceCase, opts: HeadOptions) {
	return tf.tidy(() => {
		const x = tf.tensor2d(c.inputs.X);
		const W = tf.tensor2d(c.inputs.W);
		const y = tf.tensor1d(c.inputs.y, 'int32');
		const logits = headLogits(x, W, null, y, opts);
		const { value, grads } = tf.valueAndGrads((a: tf.Tensor, w: tf.Tensor) =>
			headLoss(a as tf.Tensor2D, w as tf.Tensor2D, null, y, opts)
		)([x, W]);
		const fast = headGradients(
			x,
			W,
			null,
			tf.cast(tf.oneHot(y, c.shape.C), 'float32') as tf.Tensor2D,
			opts
		);
		return {
			logits: logits.arraySync() as number[][],
			loss: value.arraySync() as number,
			dX: grads[0].arraySync() as number[][],
			dW: grads[1].arraySync() as number[][],
			fastDX: fast.df.arraySync() as number[][],
			fastDW: fast.dW.arraySync() as number[][]
		};
	});
}

const cases = (kind: ReferenceCase['kind'], pick: (c: ReferenceCase) => boolean) =>
	reference.cases.filter((c) => c.kind === kind && pick(c)).map((c) => [c.id, c] as const);

describe('special cases against the reference vectors, through the combined code path', () => {
	test.each(cases('cosface', () => true))('m1 = 1, m2 = 0 is CosFace: %s', (_id, c) => {
		const opts: HeadOptions = { kind: 'combined', m1: 1, m2: 0, m3: c.options.m!, s: c.options.s! };
		const out = run(c, opts);
		expect(arrayError(out.logits.flat(), c.expected.logits.flat())).toBeLessThan(1e-4);
		expect(arrayError([out.loss], [c.expected.loss])).toBeLessThan(1e-4);
		expect(arrayError(out.dX.flat(), c.expected.dX.flat())).toBeLessThan(1e-4);
		expect(arrayError(out.dW.flat(), c.expected.dW.flat())).toBeLessThan(1e-4);
		expect(arrayError(out.fastDX.flat(), c.expected.dX.flat())).toBeLessThan(1e-3);
		expect(arrayError(out.fastDW.flat(), c.expected.dW.flat())).toBeLessThan(1e-3);
		// The float64 head of the hover card agrees too.
		const f64 = c.inputs.X.map((x, i) => featureLogits(x, c.inputs.W, null, c.inputs.y[i], opts));
		expect(arrayError(f64.flat(), c.expected.logits.flat())).toBeLessThan(1e-12);
	});

	test.each(cases('arcface', () => true))('m1 = 1, m3 = 0 is ArcFace: %s', (_id, c) => {
		const m = c.options.m!;
		const s = c.options.s!;
		const opts: HeadOptions = { kind: 'combined', m1: 1, m2: m, m3: 0, s };
		const out = run(c, opts);
		const N = c.shape.N;
		let inside = 0;
		c.inputs.y.forEach((y, i) => {
			const cosY = c.expected.cos_theta[i][y];
			const theta = Math.acos(cosY);
			if (theta < Math.PI - m - 2e-3) {
				// On ArcFace's curve cos(θ + m): every logit, the per-sample loss and the
				// sample's row of dX (the mean loss's gradient: the reference's row) agree.
				inside++;
				expect(arrayError(out.logits[i], c.expected.logits[i])).toBeLessThan(1e-4);
				expect(arrayError(out.dX[i], c.expected.dX[i])).toBeLessThan(1e-4);
				expect(arrayError(out.fastDX[i], c.expected.dX[i])).toBeLessThan(1e-3);
			} else {
				// Past θ = π − m ArcFace (th_mm) jumps to cos θ − m·sin m; the combined head
				// continues ψ-style: −cos(θ + m) − 2, continuous at θ = π − m.
				expect(out.logits[i][y]).toBeCloseTo(s * (-Math.cos(theta + m) - 2), 3);
				expect(c.expected.logits[i][y]).toBeCloseTo(s * (cosY - m * Math.sin(m)), 3);
			}
		});
		expect(inside).toBeGreaterThan(0);
		if (inside === N) {
			expect(arrayError([out.loss], [c.expected.loss])).toBeLessThan(1e-4);
			expect(arrayError(out.dW.flat(), c.expected.dW.flat())).toBeLessThan(1e-4);
		}
	});

	test.each(cases('asoftmax', (c) => c.options.lambda === 0))(
		'm2 = m3 = 0 is A-Softmax with unit features at scale s: %s',
		(_id, c) => {
			const m = c.options.m!;
			const opts: HeadOptions = { kind: 'combined', m1: m, m2: 0, m3: 0, s: S };
			const out = run(c, opts);
			// A-Softmax's logits are ‖x‖·score; the combined head's are s·score.
			c.expected.logits.forEach((row, i) => {
				const r = c.expected.x_norm[i];
				if (!(r > 1e-3)) return; // a near-zero feature has no reliable direction in float32
				expect(
					arrayError(
						out.logits[i],
						row.map((v) => (v / r) * S)
					)
				).toBeLessThan(1e-4);
			});
			// And the gradients equal SphereLab's A-Softmax head with normalised features.
			const asoftmax = run(c, { kind: 'asoftmax', m, lambda: 0, normalizeFeatures: true, s: S });
			expect(arrayError([out.loss], [asoftmax.loss])).toBeLessThan(1e-5);
			expect(arrayError(out.dW.flat(), asoftmax.dW.flat())).toBeLessThan(1e-4);
			expect(arrayError(out.dX.flat(), asoftmax.dX.flat())).toBeLessThan(1e-4);
		}
	);

	test('m2 = m3 = 0 reproduces the reference ψ table', () => {
		const { theta, psi: table } = reference.psi_table;
		for (const [m, values] of Object.entries(table)) {
			const got = theta.map((t) => combinedTarget(t, { m1: Number(m), m2: 0, m3: 0 }));
			expect(arrayError(got, values)).toBeLessThan(1e-12);
		}
	});
});

describe('the monotone extension', () => {
	const grid = Array.from({ length: 2001 }, (_, i) => (Math.PI * i) / 2000);
	const margins = [
		COMBINED_PRESETS.sphereface,
		COMBINED_PRESETS.arcface,
		COMBINED_PRESETS.cosface,
		COMBINED_PRESETS.combined,
		{ m1: 4, m2: 1.2, m3: 0.8 },
		{ m1: 2.3, m2: 0.7, m3: -0.5 },
		{ m1: 1, m2: 1.2, m3: 0 }
	];

	test.each(margins.map((c) => [JSON.stringify(c), c] as const))(
		'%s: continuous and decreasing on [0, π]',
		(_name, c) => {
			const values = grid.map((t) => combinedTarget(t, c));
			for (let i = 1; i < values.length; i++) {
				expect(values[i]).toBeLessThanOrEqual(values[i - 1] + 1e-12);
				expect(values[i - 1] - values[i]).toBeLessThan(0.05); // no jump between 0.09° steps
			}
			expect(values[0]).toBeCloseTo(Math.cos(c.m2) - c.m3, 12);
		}
	);

	test('it switches branch where m1·θ + m2 passes π, and equals the papers before it', () => {
		const c = { m1: 1, m2: 0.5, m3: 0 };
		const at = Math.PI - 0.5;
		expect(combinedBranch(at - 1e-9, c)).toBe(0);
		expect(combinedBranch(at + 1e-9, c)).toBe(1);
		for (const t of [0.1, 1, 2, at - 1e-6])
			expect(combinedTarget(t, c)).toBeCloseTo(arcfaceTarget(t, 0.5), 12);
		// ArcFace's th_mm jumps at π − m; the combined head does not.
		expect(Math.abs(arcfaceTarget(at + 1e-9, 0.5) - arcfaceTarget(at - 1e-9, 0.5))).toBeGreaterThan(
			0.1
		);
		expect(Math.abs(combinedTarget(at + 1e-9, c) - combinedTarget(at - 1e-9, c))).toBeLessThan(
			1e-6
		);
		for (const m of [2, 3, 4])
			for (const t of [0.3, 1.1, 2.9])
				expect(combinedTarget(t, { m1: m, m2: 0, m3: 0 })).toBeCloseTo(psi(t, m), 12);
	});

	test('a negative m2 peaks at θ = −m2/m1, as cos(θ + m) does in Liu et al. (2020)', () => {
		const c = { m1: 1, m2: -0.3, m3: 0 };
		expect(combinedTarget(0, c)).toBeCloseTo(Math.cos(0.3), 12);
		expect(combinedTarget(0.3, c)).toBeCloseTo(1, 12);
		expect(combinedBranch(0, c)).toBe(0);
	});
});

describe('gradients beside the branch switch, by central finite differences', () => {
	/** A feature at angle θ from the first weight (2D), with its label 0. */
	const feature = (theta: number, r: number) => [r * Math.cos(theta), r * Math.sin(theta)];
	const W = [
		[1.1, 0],
		[Math.cos(2), Math.sin(2) * 0.9],
		[-0.4, -1.2]
	];

	test.each([
		{ m1: 1, m2: 0.5, m3: 0.1 },
		{ m1: 2, m2: 0.4, m3: 0 },
		{ m1: 3.5, m2: 0.2, m3: -0.2 },
		{ m1: 1.5, m2: -0.3, m3: 0.2 }
	])('m1 = $m1, m2 = $m2, m3 = $m3', (c) => {
		const opts: HeadOptions = { kind: 'combined', ...c, s: 8 };
		// Each switch point θ = (kπ − m2)/m1 inside (0, π), approached from both sides.
		const switches: number[] = [];
		for (let k = 0; k <= 4; k++) {
			const t = (k * Math.PI - c.m2) / c.m1;
			if (t > 0.01 && t < Math.PI - 0.01) switches.push(t);
		}
		expect(switches.length).toBeGreaterThan(0);
		const X = switches.flatMap((t) => [feature(t - 1e-3, 1.3), feature(t + 1e-3, 0.8)]);
		const y = X.map(() => 0);
		const got = tf.tidy(() => {
			const x = tf.tensor2d(X);
			const w = tf.tensor2d(W);
			const labels = tf.tensor1d(y, 'int32');
			const g = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
				headLoss(a as tf.Tensor2D, b as tf.Tensor2D, null, labels, opts)
			)([x, w]);
			return g.map((t) => Array.from(t.dataSync()));
		});
		const numeric = (M: number[][]) =>
			M.flatMap((row, i) =>
				row.map((v, j) => {
					const h = 1e-6;
					M[i][j] = v + h;
					const up = batchLoss(X, W, null, y, opts);
					M[i][j] = v - h;
					const down = batchLoss(X, W, null, y, opts);
					M[i][j] = v;
					return (up - down) / (2 * h);
				})
			);
		expect(arrayError(got[0], numeric(X))).toBeLessThan(3e-4);
		expect(arrayError(got[1], numeric(W))).toBeLessThan(3e-4);
	});
});

test('out-of-range margins are refused with a message (the settings clamp before)', () => {
	const x = tf.tensor2d([[1, 0]]);
	const W = tf.tensor2d([
		[1, 0],
		[0, 1]
	]);
	const y = tf.tensor1d([0], 'int32');
	expect(() => headLogits(x, W, null, y, { kind: 'combined', m1: 0.5 })).toThrow(/m1/);
	expect(() => headLogits(x, W, null, y, { kind: 'combined', m2: Number.NaN })).toThrow(/m2/);
	expect(() => headLogits(x, W, null, y, { kind: 'combined', m3: 9 })).toThrow(/m3/);
	tf.dispose([x, W, y]);
});
