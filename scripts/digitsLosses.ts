/**
 * `npm run digits:losses [-- --steps 1500]`: the measurements the digits lesson quotes. Each
 * loss trains on the shipped digits (all 8,630, 2D features, seed 1, the explorer's digits
 * defaults) on tfjs's wasm backend in Node, and at 300, 700 and the last step prints the
 * test accuracy, the training accuracy, the median angle between a test digit's feature and
 * its own class weight (the width of its "petal"), and the share of test features in the
 * first quadrant (the feature-ReLU pitfall). The same options give the same numbers.
 */
import '@tensorflow/tfjs-backend-wasm';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { tf } from '../src/lib/model/tf';
import { Trainer } from '../src/lib/model/trainer';
import { parseDigits } from '../src/lib/io/digits';
import { clampTrainerOptions } from '../src/lib/model/options';
import { SPLIT, toDegrees } from '../src/lib/math/index';

/** The runs: a name and the settings that differ from the explorer's digits defaults. */
const RUNS: [string, Record<string, unknown>][] = [
	['softmax', { loss: 'softmax' }],
	['modified softmax', { loss: 'modified' }],
	['A-Softmax m = 4, official λ (floor 5)', { loss: 'asoftmax', m: 4 }],
	['A-Softmax m = 4, λ off', { loss: 'asoftmax', m: 4, lambdaMode: 'off' }],
	['A-Softmax m = 1, λ fixed 1', { loss: 'asoftmax', m: 1, lambdaMode: 'fixed', lambdaFixed: 1 }],
	['A-Softmax m = 2, λ fixed 1', { loss: 'asoftmax', m: 2, lambdaMode: 'fixed', lambdaFixed: 1 }],
	['A-Softmax m = 4, λ fixed 1', { loss: 'asoftmax', m: 4, lambdaMode: 'fixed', lambdaFixed: 1 }],
	['CosFace m = 0.35', { loss: 'cosface' }],
	['ArcFace m = 0.5', { loss: 'arcface' }],
	['softmax + feature ReLU', { loss: 'softmax', featureRelu: true }],
	['softmax, lr 0.003', { loss: 'softmax', learningRate: 0.003 }],
	['softmax + feature ReLU, lr 0.003', { loss: 'softmax', featureRelu: true, learningRate: 0.003 }],
	[
		'modified softmax + feature ReLU, lr 0.003',
		{ loss: 'modified', featureRelu: true, learningRate: 0.003 }
	],
	['modified softmax + feature ReLU', { loss: 'modified', featureRelu: true }]
];

/** Test accuracy, training accuracy, median angle to the own class weight, share in quadrant I. */
function measure(t: Trainer) {
	const s = t.snapshot();
	const d = t.data;
	const angles: number[] = [];
	let first = 0;
	for (let i = 0; i < d.labels.length; i++) {
		if (d.split[i] !== SPLIT.test) continue;
		const k = s.weightClasses.indexOf(d.labels[i]);
		const [fx, fy] = [s.features[2 * i], s.features[2 * i + 1]];
		const [wx, wy] = [s.weights[2 * k], s.weights[2 * k + 1]];
		angles.push(toDegrees(Math.abs(Math.atan2(fx * wy - fy * wx, fx * wx + fy * wy))));
		if (fx >= 0 && fy >= 0) first++;
	}
	angles.sort((a, b) => a - b);
	return {
		test: s.testAccuracy ?? 0,
		train: s.trainAccuracy ?? 0,
		medianDeg: angles[Math.floor(angles.length / 2)],
		firstQuadrant: first / angles.length
	};
}

export async function main(): Promise<number> {
	const { values } = parseArgs({
		args: process.argv.slice(2),
		options: { steps: { type: 'string' } }
	});
	const steps = Number(values.steps ?? 1500);
	if (!Number.isInteger(steps) || steps < 700 || steps > 100_000) {
		console.error(`--steps ${values.steps}: expected an integer in 700–100000`);
		return 2;
	}
	await tf.setBackend('wasm');
	await tf.ready();
	const parsed = parseDigits(new Uint8Array(readFileSync('static/data/digits-14.bin')));
	if (!parsed.ok) throw new Error(parsed.error);
	const base = clampTrainerOptions({ data: { generator: 'digits' }, featureDim: 2 }).options;
	const pct = (v: number) => `${(100 * v).toFixed(1)} %`;
	console.log(`tfjs ${tf.getBackend()}, ${base.data.classes * base.data.pointsPerClass} digits`);
	console.log('| run | step | test | train | median θ to own W | in quadrant I |');
	console.log('|---|---|---|---|---|---|');
	for (const [name, o] of RUNS) {
		const { options, notices } = clampTrainerOptions(o, base);
		if (notices.length) throw new RangeError(notices.join('; '));
		const t = new Trainer(options, { sources: { digits: parsed.digits } });
		for (const at of [300, 700, steps]) {
			t.step(at - t.steps);
			const r = measure(t);
			console.log(
				`| ${name} | ${at} | ${pct(r.test)} | ${pct(r.train)} | ${r.medianDeg.toFixed(1)}° | ${(100 * r.firstQuadrant).toFixed(0)} % |`
			);
		}
		t.dispose();
	}
	return 0;
}
