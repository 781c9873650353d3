/**
 * The Euclidean-margin losses against the independent float64 reference
 * (tests/fixtures/reference/metric_losses.json, a byte-identical copy of ../shared/reference):
 * loss, dL/dX (and dL/dcenters) at float32 tolerance, the share of active triplets or anchors;
 * then central finite differences at random points, and degenerate batches (one class,
 * coincident points, zero features) that must stay finite.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tf } from '../../src/lib/model/tf';
import {
	activeTripletShare,
	centerLoss,
	contrastiveLoss,
	tripletLoss
} from '../../src/lib/model/metricLosses';
import { createRng } from '../../src/lib/math/rng';
import { fixtureDir } from './reference';

interface MetricCase {
	id: string;
	kind: 'contrastive' | 'triplet' | 'center';
	options: { margin?: number; normalize?: boolean; mining?: 'all' | 'hard' };
	inputs: { X: number[][]; y: number[]; centers?: number[][] };
	expected: { loss: number; dX: number[][]; dCenters?: number[][]; active?: number };
}

const cases = (
	JSON.parse(readFileSync(resolve(fixtureDir, 'metric_losses.json'), 'utf8')) as {
		cases: MetricCase[];
	}
).cases;

type Loss = (x: tf.Tensor2D, centers: tf.Tensor2D | null) => tf.Scalar;

/** The loss of a case as a function of X (and of the centres for center loss). */
function lossOf(c: MetricCase): Loss {
	const y = () => tf.tensor1d(c.inputs.y, 'int32');
	const margin = c.options.margin ?? 1;
	if (c.kind === 'contrastive')
		return (x) => contrastiveLoss(x, y(), { margin, normalize: c.options.normalize });
	if (c.kind === 'triplet')
		return (x) =>
			tripletLoss(x, y(), {
				margin,
				mining: c.options.mining ?? 'all',
				normalize: c.options.normalize
			});
	return (x, centers) => centerLoss(x, y(), centers as tf.Tensor2D);
}

/** The largest |a − b| relative to max(1, |b|) over all entries. */
function worst(a: ArrayLike<number>, b: ArrayLike<number>): number {
	let w = 0;
	for (let i = 0; i < b.length; i++)
		w = Math.max(w, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
	return w;
}

describe('metric losses match the float64 reference', () => {
	test('16 cases: contrastive, triplet (all, hard, normalised) and center', () => {
		expect(cases).toHaveLength(16);
		expect(new Set(cases.map((c) => c.kind))).toEqual(
			new Set(['contrastive', 'triplet', 'center'])
		);
	});

	test.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
		const before = tf.memory().numTensors;
		const f = lossOf(c);
		const X = tf.tensor2d(c.inputs.X);
		const C = c.inputs.centers ? tf.tensor2d(c.inputs.centers) : null;
		const { value, grads } = tf.valueAndGrads((...ts: tf.Tensor[]) =>
			f(ts[0] as tf.Tensor2D, (ts[1] as tf.Tensor2D | undefined) ?? null)
		)(C ? [X, C] : [X]);
		const loss = value.dataSync()[0];
		expect(Math.abs(loss - c.expected.loss) / Math.max(1, c.expected.loss)).toBeLessThan(2e-5);
		expect(worst(grads[0].dataSync(), c.expected.dX.flat())).toBeLessThan(1e-4);
		if (c.expected.dCenters) {
			expect(worst(grads[1].dataSync(), c.expected.dCenters.flat())).toBeLessThan(1e-4);
		}
		if (c.expected.active !== undefined) {
			const y = tf.tensor1d(c.inputs.y, 'int32');
			const share = activeTripletShare(X, y, {
				margin: c.options.margin ?? 1,
				mining: c.options.mining ?? 'all',
				normalize: c.options.normalize
			});
			y.dispose();
			expect(share).toBeCloseTo(c.expected.active, 6);
		}
		tf.dispose([value, ...grads, X, ...(C ? [C] : [])]);
		expect(tf.memory().numTensors).toBe(before);
	});
});

/** Every configuration of the three losses (3 classes). */
const CONFIGS: [string, (x: tf.Tensor2D, y: tf.Tensor1D, c: tf.Tensor2D) => tf.Scalar][] = [
	['contrastive', (x, y) => contrastiveLoss(x, y, { margin: 2 })],
	['contrastive normalised', (x, y) => contrastiveLoss(x, y, { margin: 1.2, normalize: true })],
	['triplet all', (x, y) => tripletLoss(x, y, { margin: 1, mining: 'all' })],
	['triplet hard', (x, y) => tripletLoss(x, y, { margin: 1, mining: 'hard' })],
	[
		'triplet hard normalised',
		(x, y) => tripletLoss(x, y, { margin: 0.5, mining: 'hard', normalize: true })
	],
	['center', (x, y, c) => centerLoss(x, y, c)]
];

describe('finite differences at random points', () => {
	const rng = createRng(11);
	const N = 7;
	const D = 3;
	const X = Array.from({ length: N * D }, () => 1.5 * rng.normal());
	const labels = [0, 1, 2, 0, 1, 2, 0];
	const centers = Array.from({ length: 3 * D }, () => rng.normal());

	test.each(CONFIGS)('%s: autodiff = central differences (h = 1e-3)', (_name, loss) => {
		const y = tf.tensor1d(labels, 'int32');
		const c = tf.tensor2d(centers, [3, D]);
		const at = (values: number[]) =>
			tf.tidy(() => loss(tf.tensor2d(values, [N, D]), y, c).dataSync()[0]);
		const { grads } = tf.valueAndGrads((x: tf.Tensor) => loss(x as tf.Tensor2D, y, c))([
			tf.tensor2d(X, [N, D])
		]);
		const g = grads[0].dataSync();
		const h = 1e-3;
		for (let i = 0; i < X.length; i++) {
			const plus = [...X];
			const minus = [...X];
			plus[i] += h;
			minus[i] -= h;
			const numeric = (at(plus) - at(minus)) / (2 * h);
			expect(Math.abs(g[i] - numeric) / Math.max(1, Math.abs(numeric))).toBeLessThan(5e-3);
		}
		tf.dispose([y, c, ...grads]);
	});
});

describe('degenerate batches stay finite', () => {
	const finite = (t: tf.Tensor) => Array.from(t.dataSync()).every(Number.isFinite);
	const batches: [string, number[][], number[]][] = [
		[
			'one class',
			[
				[1, 2],
				[3, 1],
				[-1, 0.5]
			],
			[4, 4, 4]
		],
		[
			'coincident points of different classes',
			[
				[1, 1],
				[1, 1],
				[1, 1],
				[1, 1]
			],
			[0, 1, 0, 1]
		],
		[
			'zero features',
			[
				[0, 0],
				[0, 0],
				[1, 0]
			],
			[0, 1, 1]
		],
		['a single point', [[0.5, -2]], [3]]
	];
	test.each(batches)('%s: every loss and gradient is finite', (_name, points, labels) => {
		for (const [name, loss] of CONFIGS) {
			const y = tf.tensor1d(labels, 'int32');
			const c = tf.zeros([5, 2]) as tf.Tensor2D;
			const { value, grads } = tf.valueAndGrads((x: tf.Tensor) => loss(x as tf.Tensor2D, y, c))([
				tf.tensor2d(points)
			]);
			expect(finite(value), name).toBe(true);
			expect(finite(grads[0]), name).toBe(true);
			tf.dispose([y, c, value, ...grads]);
		}
	});

	test('no valid pair or triplet gives 0, and no active share', () => {
		const x = tf.tensor2d([
			[1, 2],
			[3, 1],
			[-1, 0.5]
		]);
		const y = tf.tensor1d([4, 4, 4], 'int32');
		for (const mining of ['all', 'hard'] as const) {
			const l = tripletLoss(x, y, { margin: 1, mining });
			expect(l.dataSync()[0]).toBe(0);
			expect(activeTripletShare(x, y, { margin: 1, mining })).toBe(0);
			l.dispose();
		}
		const single = tf.tensor2d([[1, 2]]);
		const one = tf.tensor1d([0], 'int32');
		const l = contrastiveLoss(single, one, { margin: 1 });
		expect(l.dataSync()[0]).toBe(0);
		tf.dispose([x, y, single, one, l]);
	});
});
