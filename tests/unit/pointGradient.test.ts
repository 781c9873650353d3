/**
 * The arithmetic of one point (math/pointGradient.ts, math/pointPair.ts): (a) against the
 * float64 reference vectors.json (the reference's loss is a mean, so one point's gradient is
 * N·dX_i); (b) against tfjs autodiff of the app's own heads at seeded random points;
 * (c) the pair readout against metric_losses.json where one anchor's term is what the
 * reference sums (batch-hard triplets, center loss), else hand-computed cases and finite
 * differences; (d) bad input gives safe values and no NaN.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tf } from '../../src/lib/model/tf';
import { headLoss, type HeadOptions } from '../../src/lib/model/heads';
import { featureLogits } from '../../src/lib/math/logits';
import { pointArithmetic, targetCurveSlope } from '../../src/lib/math/pointGradient';
import { pairReadout, type PairKind } from '../../src/lib/math/pointPair';
import { targetCurve, type HeadKind } from '../../src/lib/math/psi';
import { createRng } from '../../src/lib/math/rng';
import { SPLIT } from '../../src/lib/math/split';
import {
	arrayError,
	closeTo,
	fixtureDir,
	headOptionsOf,
	reference,
	type ReferenceCase
} from './reference';

/** The reference's softmax probabilities (in the file, not in `ReferenceCase`'s type). */
const probsOf = (c: ReferenceCase) => (c.expected as { probs?: number[][] }).probs ?? [];

describe('(a) the float64 reference: logits, probabilities, loss and N·dX_i', () => {
	test.each(reference.cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
		const p = headOptionsOf(c);
		const { X, W, b, y } = c.inputs;
		const N = X.length;
		X.forEach((x, i) => {
			const a = pointArithmetic(x, W, b ?? null, y[i], p);
			expect(a.issue).toBeNull();
			expect(arrayError(a.logits, c.expected.logits[i], 1)).toBeLessThan(1e-12);
			expect(arrayError(a.probs, probsOf(c)[i], 1)).toBeLessThan(1e-12);
			expect(arrayError(a.cosines, c.expected.cos_theta[i], 1)).toBeLessThan(1e-12);
			expect(closeTo(a.loss ?? NaN, c.expected.per_sample_loss[i], 1e-12)).toBe(true);
			// Relative to the row's largest magnitude (floor 1e-12: a row may be exactly 0).
			const row = c.expected.dX[i].map((v) => N * v);
			expect(arrayError(a.grad, row, 1e-12)).toBeLessThan(1e-9);
			if (c.expected.psi_target)
				expect(closeTo(a.psiTarget ?? NaN, c.expected.psi_target[i], 1e-12)).toBe(true);
		});
	});
});

/** Head options of the tfjs comparison: every kind and the options the trainer can take. */
const optionSets: HeadOptions[] = [
	{ kind: 'softmax' },
	{ kind: 'modified' },
	{ kind: 'asoftmax', m: 4, lambda: 0 },
	{ kind: 'asoftmax', m: 2, lambda: 5 },
	{ kind: 'asoftmax', m: 3, lambda: 0, psiMode: 'angle' },
	{ kind: 'asoftmax', m: 1.5, lambda: 1 },
	{ kind: 'asoftmax', m: 4, lambda: 0, normalizeFeatures: true, s: 16 },
	{ kind: 'cosface', m: 0.35, s: 30 },
	{ kind: 'arcface', m: 0.5, s: 30 },
	{ kind: 'arcface', m: 0.3, s: 16, arcfaceVariant: 'plain' }
];

describe('(b) tfjs autodiff of the app’s heads at seeded random points (float32)', () => {
	test.each(optionSets.map((o) => [JSON.stringify(o), o] as const))('%s', (_name, opts) => {
		const rng = createRng(17);
		// The README's float32 rule; the scaled heads (s cos θ, s = 16-30) amplify rounding by s.
		const scaled = opts.kind === 'cosface' || opts.kind === 'arcface' || opts.normalizeFeatures;
		const tol = scaled ? 1e-3 : 2e-4;
		let checked = 0;
		for (const dim of [2, 3]) {
			for (let trial = 0; trial < 12; trial++) {
				const C = 2 + rng.int(4);
				const vec = (k: number) => Array.from({ length: dim }, () => k * rng.normal());
				const x = vec(2);
				const W = Array.from({ length: C }, () => vec(1.5));
				const b = opts.kind === 'softmax' ? Array.from({ length: C }, () => rng.normal()) : null;
				const y = rng.int(C);
				const ours = pointArithmetic(x, W, b, y, opts);
				// Away from ArcFace's th_mm switch, the only kink these heads have off the cone points.
				const theta = ours.thetaTarget ?? 0;
				if (opts.kind === 'arcface' && Math.abs(theta - (Math.PI - (opts.m ?? 0.5))) < 0.02)
					continue;
				tf.engine().startScope();
				try {
					const X = tf.tensor2d([x]);
					const Wt = tf.tensor2d(W);
					const bt = b ? tf.tensor1d(b) : null;
					const yt = tf.tensor1d([y], 'int32');
					const loss = headLoss(X, Wt, bt, yt, opts).arraySync();
					const dX = tf.grad((t: tf.Tensor) => headLoss(t as tf.Tensor2D, Wt, bt, yt, opts))(X);
					const grad = Array.from(dX.dataSync());
					expect(closeTo(ours.loss ?? NaN, loss, 1e-4, 1e-2)).toBe(true);
					expect(arrayError(ours.grad, grad, 1e-3)).toBeLessThan(tol);
				} finally {
					tf.engine().endScope();
				}
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(20);
	});
});

describe('the parts of the arithmetic', () => {
	test('logits are featureLogits’, probabilities sum to 1, with the defaults unset', () => {
		const x = [0.8, -1.3];
		const W = [
			[1, 0.2],
			[-0.4, 1],
			[0.1, -2]
		];
		for (const kind of ['softmax', 'modified', 'asoftmax', 'cosface', 'arcface'] as HeadKind[]) {
			const a = pointArithmetic(x, W, null, 2, { kind });
			expect(a.logits).toEqual(featureLogits(x, W, null, 2, { kind }));
			expect(a.probs.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14);
		}
	});

	test('ψ(θ_y), the λ blend (only when λ > 0) and the target score', () => {
		const x = [Math.cos(0.5), Math.sin(0.5)];
		const W = [
			[1, 0],
			[0, 1]
		];
		const plain = pointArithmetic(x, W, null, 0, { kind: 'asoftmax', m: 2, lambda: 0 });
		expect(plain.thetaTarget).toBeCloseTo(0.5, 14);
		expect(plain.psiTarget).toBeCloseTo(Math.cos(1), 14);
		expect(plain.blendTarget).toBeNull();
		const blended = pointArithmetic(x, W, null, 0, { kind: 'asoftmax', m: 2, lambda: 3 });
		expect(blended.blendTarget).toBeCloseTo((3 * Math.cos(0.5) + Math.cos(1)) / 4, 14);
		expect(blended.targetScore).toBeCloseTo(blended.blendTarget!, 14);
		const cos = pointArithmetic(x, W, null, 0, { kind: 'cosface', m: 0.35 });
		expect(cos.psiTarget).toBeNull();
		expect(cos.targetScore).toBeCloseTo(Math.cos(0.5) - 0.35, 14);
	});

	test.each([
		['softmax', {}],
		['asoftmax', { m: 4, lambda: 0 }],
		['asoftmax', { m: 2.5, lambda: 2, psiMode: 'angle' }],
		['cosface', { m: 0.35 }],
		['arcface', { m: 0.5 }],
		['arcface', { m: 0.5, arcfaceVariant: 'plain' }]
	] as const)('targetCurveSlope(%s) is the derivative of targetCurve', (kind, opts) => {
		for (let t = 0.05; t < Math.PI - 0.05; t += 0.1) {
			if (kind === 'arcface' && Math.abs(t - (Math.PI - 0.5)) < 1e-3) continue;
			const h = 1e-6;
			const fd = (targetCurve(kind, t + h, opts) - targetCurve(kind, t - h, opts)) / (2 * h);
			expect(targetCurveSlope(kind, t, opts)).toBeCloseTo(fd, 6);
		}
	});

	test('a point of a held-out class: plain logits and probabilities, no loss or gradient', () => {
		const a = pointArithmetic([1, 1], [[1, 0]], null, -1, { kind: 'cosface' });
		expect(a.issue).toBe('noTarget');
		expect(a.loss).toBeNull();
		expect(a.logits).toEqual([30 * Math.cos(Math.PI / 4)]);
		expect(a.probs).toEqual([1]);
		expect(a.grad).toEqual([0, 0]);
	});
});

describe('(d) bad input gives safe values, never NaN', () => {
	const W = [
		[1, 0],
		[0, 1]
	];
	const allFinite = (a: ReturnType<typeof pointArithmetic>) =>
		[...a.thetas, ...a.cosines, ...a.logits, ...a.probs, ...a.grad, a.gradNorm, a.loss ?? 0].every(
			Number.isFinite
		);
	test.each(['asoftmax', 'cosface', 'arcface'] as const)(
		'a zero feature under %s: zero gradient, flagged',
		(kind) => {
			const a = pointArithmetic([0, 0], W, null, 0, { kind });
			expect(a.issue).toBe('zeroFeature');
			expect(a.grad).toEqual([0, 0]);
			expect(a.cosines.every((c) => Math.abs(c) < 1e-15)).toBe(true);
			expect(allFinite(a)).toBe(true);
		}
	);
	test('a zero feature under the linear heads keeps its ordinary gradient', () => {
		const a = pointArithmetic([0, 0], W, [0.5, 0], 1, { kind: 'softmax' });
		expect(a.issue).toBeNull();
		const p0 = Math.exp(0.5) / (Math.exp(0.5) + 1);
		expect(a.grad[0]).toBeCloseTo(p0, 14);
		expect(a.grad[1]).toBeCloseTo(-p0, 14);
		expect(pointArithmetic([0, 0], W, null, 0, { kind: 'modified' }).grad).toEqual([-0.5, 0.5]);
	});
	test('NaN or infinite components, empty W, mismatched rows', () => {
		for (const a of [
			pointArithmetic([NaN, 1], W, null, 0, { kind: 'cosface' }),
			pointArithmetic([Infinity, 1], W, null, 0, { kind: 'softmax' }),
			pointArithmetic(
				[1, 1],
				[
					[1, NaN],
					[0, 1]
				],
				null,
				0,
				{ kind: 'arcface' }
			),
			pointArithmetic([1, 1], [[1, 0, 0]], null, 0, { kind: 'asoftmax' })
		]) {
			expect(a.issue).toBe('nonFinite');
			expect(allFinite(a)).toBe(true);
			expect(a.loss).toBeNull();
		}
		const empty = pointArithmetic([1, 1], [], null, 0, { kind: 'asoftmax' });
		expect(empty).toMatchObject({ issue: 'noClasses', logits: [], probs: [], grad: [0, 0] });
	});
	test('extreme scale and near-zero norms stay finite', () => {
		for (const x of [
			[1e-300, 0],
			[1e200, -1e200],
			[1e-9, 1e-9]
		])
			for (const kind of ['softmax', 'modified', 'asoftmax', 'cosface', 'arcface'] as HeadKind[]) {
				const a = pointArithmetic(x, W, null, 1, { kind, s: 64 });
				expect(a.probs.every(Number.isFinite)).toBe(true);
				expect(a.logits.every(Number.isFinite) || kind === 'softmax' || kind === 'modified').toBe(
					true
				);
			}
	});
});

// ---------------------------------------------------------------------------------------
// (c) The pair readout

interface MetricCase {
	id: string;
	kind: PairKind;
	options: { margin?: number; normalize?: boolean; mining?: 'all' | 'hard' };
	inputs: { X: number[][]; y: number[]; centers?: number[][] };
	expected: { loss: number; dX: number[][]; active?: number };
}
const metricCases = (
	JSON.parse(readFileSync(resolve(fixtureDir, 'metric_losses.json'), 'utf8')) as {
		cases: MetricCase[];
	}
).cases.filter((c) => c.inputs.X[0].length === 2);

/** A metric case's points, all in the training split. */
function pointsOf(X: number[][], y: number[], unit = false) {
	return {
		features: Float64Array.from(X.flat()),
		labels: Int32Array.from(y),
		split: new Uint8Array(y.length).fill(SPLIT.train),
		unit
	};
}

describe('(c) the pair readout against metric_losses.json (2-D cases)', () => {
	test('there are 2-D cases of batch-hard triplets and of center loss', () => {
		expect(metricCases.some((c) => c.kind === 'center')).toBe(true);
		expect(metricCases.some((c) => c.kind === 'triplet' && c.options.mining === 'hard')).toBe(true);
	});
	test.each(
		metricCases
			.filter((c) => c.kind === 'triplet' && c.options.mining === 'hard')
			.map((c) => [c.id, c] as const)
	)('%s: the mean of each anchor’s hardest hinge is the loss', (_id, c) => {
		const pts = pointsOf(c.inputs.X, c.inputs.y, c.options.normalize ?? false);
		const rows = c.inputs.X.map((_, a) => pairReadout(pts, a, 'triplet', c.options.margin ?? 1));
		const valid = rows.filter((r) => r.issue === null);
		const mean = valid.reduce((s, r) => s + r.loss, 0) / valid.length;
		expect(closeTo(mean, c.expected.loss, 1e-12)).toBe(true);
		expect(valid.filter((r) => r.active).length / valid.length).toBeCloseTo(c.expected.active!, 12);
	});
	test.each(metricCases.filter((c) => c.kind === 'center').map((c) => [c.id, c] as const))(
		'%s: N·dX_i = x_i − c_y and the loss',
		(_id, c) => {
			const { X, y, centers } = c.inputs;
			const pts = pointsOf(X, y);
			let total = 0;
			X.forEach((_, i) => {
				const centre = centers![y[i]] as [number, number];
				const r = pairReadout(pts, i, 'center', 1, centre);
				total += r.loss;
				const row = c.expected.dX[i].map((v) => X.length * v);
				expect(arrayError(r.grad, row, 1e-12)).toBeLessThan(1e-8);
				expect(r.push).toEqual([-r.grad[0] + 0, -r.grad[1] + 0]);
			});
			expect(closeTo(total / X.length, c.expected.loss, 1e-12)).toBe(true);
		}
	);
});

describe('the pair readout by hand', () => {
	// Anchor 0 at the origin; positives at (1, 0) and (0, 2); negatives at (0.5, 0.5) and (3, 0).
	const X = [
		[0, 0],
		[1, 0],
		[0, 2],
		[0.5, 0.5],
		[3, 0]
	];
	const y = [0, 0, 0, 1, 1];
	const pts = pointsOf(X, y);

	test('triplet: hardest positive (0, 2), negative (0.5, 0.5), push 2(p − n)', () => {
		const r = pairReadout(pts, 0, 'triplet', 0.2);
		expect([r.positive, r.negative]).toEqual([2, 3]);
		expect(r.dPositive).toBeCloseTo(2, 14);
		expect(r.dNegative).toBeCloseTo(Math.SQRT1_2, 14);
		expect(r.hinge).toBeCloseTo(4 - 0.5 + 0.2, 14);
		expect(r.active).toBe(true);
		expect(r.push[0]).toBeCloseTo(2 * (0 - 0.5), 14);
		expect(r.push[1]).toBeCloseTo(2 * (2 - 0.5), 14);
		// A large enough gap: inactive, no push.
		const far = pairReadout(
			pointsOf(
				[
					[0, 0],
					[0.1, 0],
					[5, 5]
				],
				[0, 0, 1]
			),
			0,
			'triplet',
			1
		);
		expect(far.active).toBe(false);
		expect(far.hinge).toBeCloseTo(0.01 - 50 + 1, 12);
		expect(far.pushNorm).toBe(0);
	});

	test('contrastive: pull to the furthest positive, push out of the margin from the nearest negative', () => {
		const m = 1.5;
		const r = pairReadout(pts, 0, 'contrastive', m);
		const d = Math.SQRT1_2;
		expect(r.hinge).toBeCloseTo(m - d, 14);
		expect(r.loss).toBeCloseTo(4 + (m - d) ** 2, 14);
		// −∂/∂a: 2(p − a) + 2(m − d)(a − n)/d
		expect(r.push[0]).toBeCloseTo(0 + (2 * (m - d) * -0.5) / d, 14);
		expect(r.push[1]).toBeCloseTo(4 + (2 * (m - d) * -0.5) / d, 14);
		const outside = pairReadout(pts, 0, 'contrastive', 0.5);
		expect(outside.active).toBe(false);
		expect(outside.push).toEqual([0, 4]);
	});

	test('center: the push is μ − x, the distance ‖x − μ‖; without μ, the training mean', () => {
		const r = pairReadout(pts, 3, 'center', 1, [3, 4]);
		expect(r.push).toEqual([2.5, 3.5]);
		expect(r.dCentre).toBeCloseTo(Math.hypot(2.5, 3.5), 14);
		const own = pairReadout(pts, 3, 'center', 1);
		expect(own.centre).toEqual([1.75, 0.25]);
	});

	test.each([
		['contrastive', false, 1.5],
		['contrastive', true, 1.5],
		['triplet', false, 0.5],
		['triplet', true, 0.5]
	] as const)(
		'%s (unit %s): the gradient is the finite difference of the anchor’s loss',
		(kind, unit, m) => {
			const rng = createRng(5);
			for (let trial = 0; trial < 10; trial++) {
				const Xr = Array.from({ length: 9 }, () => [rng.normal(), rng.normal()]);
				const yr = Xr.map((_, i) => i % 3);
				const base = pointsOf(Xr, yr, unit);
				const r = pairReadout(base, 0, kind, m);
				if (r.hinge !== null && Math.abs(r.hinge) < 1e-3) continue;
				const h = 1e-6;
				for (let d = 0; d < 2; d++) {
					const lossAt = (delta: number) => {
						const f = Float64Array.from(base.features);
						f[d] += delta;
						return pairReadout({ ...base, features: f }, 0, kind, m).loss;
					};
					const fd = (lossAt(h) - lossAt(-h)) / (2 * h);
					expect(r.grad[d]).toBeCloseTo(fd, 5);
				}
			}
		}
	);

	test('a test point is read against the training points only; bad input is safe', () => {
		const split = Uint8Array.from([SPLIT.test, SPLIT.train, SPLIT.test, SPLIT.train, SPLIT.train]);
		const r = pairReadout({ ...pts, split }, 0, 'triplet', 0.2);
		expect([r.positive, r.negative]).toEqual([1, 3]);
		const lonely = pairReadout(
			pointsOf(
				[
					[0, 0],
					[1, 1]
				],
				[0, 1]
			),
			0,
			'triplet',
			1
		);
		expect(lonely).toMatchObject({ issue: 'noPositive', active: false, push: [0, 0] });
		const contrast = pairReadout(
			pointsOf(
				[
					[0, 0],
					[0, 0]
				],
				[0, 1]
			),
			0,
			'contrastive',
			1
		);
		expect(contrast.active).toBe(true);
		expect(contrast.push).toEqual([0, 0]);
		const nan = pairReadout(
			pointsOf(
				[
					[NaN, 0],
					[1, 1]
				],
				[0, 0]
			),
			0,
			'contrastive',
			1
		);
		expect(nan.issue).toBe('nonFinite');
		expect([...nan.grad, nan.loss, nan.pushNorm].every(Number.isFinite)).toBe(true);
		// A zero feature on unit features has no direction: no push.
		expect(
			pairReadout(
				pointsOf(
					[
						[0, 0],
						[1, 1],
						[-1, 0]
					],
					[0, 0, 1],
					true
				),
				0,
				'triplet',
				1
			).grad
		).toEqual([0, 0]);
	});
});
