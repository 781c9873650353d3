/**
 * `npm run digits:losses [-- --steps 1500]`: the measurements the digits lesson quotes. Each
 * loss trains on the shipped digits (all 8,630, 2D features, seed 1, the explorer's digits
 * defaults) on tfjs's wasm backend in Node, and at 300, 700 and the last step prints the
 * test accuracy, the training accuracy, the median angle between a test digit's feature and
 * its own class weight (the width of its "petal"), and the share of test features in the
 * first quadrant (the feature-ReLU pitfall). `--defaults` compares the old and the new digits
 * defaults of A-Softmax instead (see DEFAULT_RUNS). The same options give the same numbers.
 */
import '@tensorflow/tfjs-backend-wasm';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { tf } from '../src/lib/model/tf';
import { Trainer } from '../src/lib/model/trainer';
import { parseDigits } from '../src/lib/io/digits';
import { clampTrainerOptions } from '../src/lib/model/options';
import { formatLambda } from '../src/lib/math/lambda';
import { SPLIT } from '../src/lib/math/split';
import { toDegrees } from '../src/lib/math/vec';
import { noticeBrief } from '../src/lib/math/notice';
import type { Digits } from '../src/lib/io/digits';

/** The runs: a name and the settings that differ from the explorer's digits defaults. */
const RUNS: [string, Record<string, unknown>][] = [
	['softmax', { loss: 'softmax' }],
	['modified softmax', { loss: 'modified' }],
	['A-Softmax m = 4, official λ (floor 5)', { loss: 'asoftmax', m: 4, lambdaMode: 'official' }],
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

/**
 * `--defaults`: the digits defaults for A-Softmax, before and after issue 24 (λ official, floor
 * 5 at step 1659, against the warm-up to a floor at step 300 and λ = 0 after it), at m = 1 and
 * m = 4, with each m's petal width (the 90th percentile of θ to the own class weight over the
 * test digits, the figure the explorer plots) and test accuracy along the way.
 */
const DEFAULT_RUNS: [string, Record<string, unknown>][] = [
	['old default: λ official (floor 5 at step 1659)', { lambdaMode: 'official', lambdaFloorAt: 0 }],
	['new default: λ warm-up to step 300, then 0', { lambdaMode: 'warmup', lambdaFloorAt: 300 }],
	// For comparison, not defaults: a shorter and a longer warm-up, and the early floor alone
	// (λ stays 5 after step 300), which says whether λ = 0 or the earlier clock does the work.
	['warm-up to step 150, then 0', { lambdaMode: 'warmup', lambdaFloorAt: 150 }],
	['warm-up to step 600, then 0', { lambdaMode: 'warmup', lambdaFloorAt: 600 }],
	['λ official, floor 5 at step 300', { lambdaMode: 'official', lambdaFloorAt: 300 }]
];
const DEFAULT_STEPS = [100, 200, 300, 400, 600, 800, 1000, 1500, 2000];

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
		petalDeg: toDegrees(s.petalWidth ?? NaN),
		lambda: s.lambda,
		firstQuadrant: first / angles.length
	};
}

/** The `--defaults` table (see DEFAULT_RUNS), one row per run and step, with the wall time. */
function compareDefaults(digits: Digits, steps: number[]): void {
	const base = clampTrainerOptions({ data: { generator: 'digits' }, featureDim: 2 }).options;
	console.log(
		`explorer digits default now: lambda=${base.lambdaMode}, lfloor=${base.lambdaFloorAt}`
	);
	console.log('| run | m | step | λ | test | petal width (p90 θ to own W) | median θ | s |');
	console.log('|---|---|---|---|---|---|---|---|');
	for (const [name, o] of DEFAULT_RUNS) {
		// m = 1 makes ψ(θ) = cos θ, so λ cannot matter: one m = 1 run per comparison is enough.
		for (const m of name.includes('default') ? [1, 4] : [4]) {
			const { options, notices } = clampTrainerOptions({ ...o, loss: 'asoftmax', m }, base);
			if (notices.length) throw new RangeError(notices.map(noticeBrief).join('; '));
			const t = new Trainer(options, { sources: { digits } });
			const start = performance.now();
			for (const at of steps) {
				t.step(at - t.steps);
				const r = measure(t);
				const sec = ((performance.now() - start) / 1000).toFixed(0);
				console.log(
					`| ${name} | ${m} | ${at} | ${formatLambda(r.lambda)} | ${(100 * r.test).toFixed(1)} % | ${r.petalDeg.toFixed(1)}° | ${r.medianDeg.toFixed(1)}° | ${sec} |`
				);
			}
			t.dispose();
		}
	}
}

export async function main(): Promise<number> {
	const { values } = parseArgs({
		args: process.argv.slice(2),
		options: { steps: { type: 'string' }, defaults: { type: 'boolean' } }
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
	if (values.defaults) {
		compareDefaults(parsed.digits, DEFAULT_STEPS);
		return 0;
	}
	const base = clampTrainerOptions({ data: { generator: 'digits' }, featureDim: 2 }).options;
	const pct = (v: number) => `${(100 * v).toFixed(1)} %`;
	console.log(`tfjs ${tf.getBackend()}, ${base.data.classes * base.data.pointsPerClass} digits`);
	console.log('| run | step | test | train | median θ to own W | in quadrant I |');
	console.log('|---|---|---|---|---|---|');
	for (const [name, o] of RUNS) {
		const { options, notices } = clampTrainerOptions(o, base);
		if (notices.length) throw new RangeError(notices.map(noticeBrief).join('; '));
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
