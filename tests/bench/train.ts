/**
 * npm run bench [-- --json]: training speed of the trainer on tfjs's wasm backend (Node),
 * for the softmax and A-Softmax (m = 4, λ annealed) heads, against a hand-written
 * Float32Array implementation of the same model measured in the same run, and the same for
 * the digits network (`digits`: 196 inputs, ten classes, A-Softmax). Runs are
 * interleaved and the medians reported, since this machine's speed drifts by 20–30 %.
 * Then the sweep's parallel speed-up (`sweep`, tests/bench/sweep.ts): the same RunTasks on 1
 * and on 2 worker threads. With --json the last line is one JSON object (see README).
 */
import '@tensorflow/tfjs-backend-wasm';
import { tf } from '../../src/lib/model/tf';
import { Trainer } from '../../src/lib/model/trainer';
import { classParams, features, initParams } from '../../src/lib/model/network';
import { headLoss } from '../../src/lib/model/heads';
import { createRng } from '../../src/lib/math/rng';
import { generateDataset } from '../../src/lib/math/generators';
import { lambdaForStep, OFFICIAL_SCHEDULE } from '../../src/lib/math/lambda';
import { ReferenceTrainer, type ReferenceHead } from './reference';
import { readFileSync } from 'node:fs';
import { parseDigits } from '../../src/lib/io/digits';
import type { Layout } from '../../src/lib/model/network';
import { benchSweep } from './sweep';
import { noticeBrief } from '../../src/lib/math/notice';

const json = process.argv.includes('--json');
const log = (...a: unknown[]) => {
	if (!json) console.log(...a);
};

const config = {
	backend: 'wasm',
	data: {
		generator: 'blobs',
		classes: 4,
		pointsPerClass: 256,
		inputDim: 2,
		noise: 0.2,
		seed: 1,
		testFraction: 0
	},
	mlp: '2→32→32→3 (ReLU)',
	featureDim: 3,
	hiddenLayers: 2,
	hiddenUnits: 32,
	batchSize: 256,
	learningRate: 0.01,
	runs: 7,
	secondsPerRun: 1
} as const;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Steps per second of `step(chunk)` calls for about `seconds`. */
function timeSteps(step: (n: number) => void, seconds: number, chunk: number): number {
	let steps = 0;
	const t0 = performance.now();
	while (performance.now() - t0 < seconds * 1000) {
		step(chunk);
		steps += chunk;
	}
	return steps / ((performance.now() - t0) / 1000);
}

/**
 * A reference step function: `count` steps of random batches (row-major inputs of `dim`),
 * each with the head `head()` gives (which may advance a λ schedule).
 */
function stepper(
	reference: ReferenceTrainer,
	x: Float32Array,
	labels: Int32Array,
	dim: number,
	batchSize: number,
	head: () => ReferenceHead
): (count: number) => void {
	const n = labels.length;
	const rng = createRng(2);
	const bx = new Float32Array(batchSize * dim);
	const by = new Int32Array(batchSize);
	return (count) => {
		for (let s = 0; s < count; s++) {
			for (let i = 0; i < batchSize; i++) {
				const j = rng.int(n);
				bx.set(x.subarray(j * dim, (j + 1) * dim), i * dim);
				by[i] = labels[j];
			}
			reference.lossAndGrad(bx, by, batchSize, head());
			reference.adam(config.learningRate);
		}
	};
}

/**
 * Whether the yardstick's loss and gradient match tfjs's autodiff on the first batch of the
 * data (loss within 1e-4, gradient within 1e-3 of its largest entry); logs both errors.
 */
function checkReference(
	reference: ReferenceTrainer,
	layout: Layout,
	x: Float32Array,
	labels: Int32Array,
	dim: number,
	batchSize: number,
	kind: 'softmax' | 'asoftmax'
): boolean {
	const bx = x.slice(0, batchSize * dim);
	const by = labels.slice(0, batchSize);
	const head: ReferenceHead = { kind, m: 4, lambda: 5 };
	const refLoss = reference.lossAndGrad(bx, by, batchSize, head);
	const { value, grad } = tf.tidy(() =>
		tf.valueAndGrad((p: tf.Tensor1D) => {
			const f = features(p, layout, tf.tensor2d(bx, [batchSize, dim]));
			const { W, b } = classParams(p, layout);
			return headLoss(f, W, kind === 'softmax' ? b : null, tf.tensor1d(by, 'int32'), head);
		})(tf.tensor1d(reference.params))
	);
	const g = grad.dataSync();
	let scale = 1e-3;
	let worst = 0;
	for (let i = 0; i < g.length; i++) scale = Math.max(scale, Math.abs(g[i]));
	for (let i = 0; i < g.length; i++)
		worst = Math.max(worst, Math.abs(g[i] - reference.grad[i]) / scale);
	const lossErr = Math.abs(value.dataSync()[0] - refLoss);
	tf.dispose([value, grad]);
	log(
		`reference check (${kind}, ${dim} inputs): loss error ${lossErr.toExponential(1)}, gradient error ${worst.toExponential(1)} of the largest entry`
	);
	if (worst < 1e-3 && lossErr < 1e-4) return true;
	console.error(
		`The hand-written reference disagrees with tfjs (${kind}); no timing is meaningful.`
	);
	return false;
}

/**
 * The digits network (196 → 128 → 128 → 2, ten classes, A-Softmax m = 4 with the official λ
 * schedule) on the shipped digits: the trainer against the same network and step written
 * over Float32Arrays, interleaved. Null when the yardstick disagrees with tfjs.
 */
function benchDigits() {
	const parsed = parseDigits(new Uint8Array(readFileSync('static/data/digits-14.bin')));
	if (!parsed.ok) throw new Error(noticeBrief(parsed.error));
	const sources = { digits: parsed.digits };
	const options = {
		data: { generator: 'digits' as const, testFraction: 0 },
		featureDim: 2,
		batchSize: config.batchSize,
		learningRate: config.learningRate,
		weightDecay: 0,
		loss: 'asoftmax' as const,
		m: 4,
		lambdaMode: 'official' as const,
		seed: 1
	};
	const trainer = new Trainer(options, { sources });
	const layout = (trainer as unknown as { layout: Layout }).layout;
	const data = trainer.data;
	const x = Float32Array.from(data.points);
	const reference = new ReferenceTrainer(
		layout,
		initParams(layout, createRng(1)),
		config.batchSize
	);
	if (!checkReference(reference, layout, x, data.labels, data.dim, config.batchSize, 'asoftmax'))
		return null;
	let refStep = 0;
	const referenceStep = stepper(reference, x, data.labels, data.dim, config.batchSize, () => {
		const lambda = lambdaForStep(OFFICIAL_SCHEDULE, refStep + 1);
		refStep++;
		return { kind: 'asoftmax', m: 4, lambda };
	});
	trainer.step(30);
	referenceStep(10);
	const ours: number[] = [];
	const theirs: number[] = [];
	for (let r = 0; r < config.runs; r++) {
		ours.push(timeSteps((k) => trainer.step(k), config.secondsPerRun, 10));
		theirs.push(timeSteps(referenceStep, config.secondsPerRun, 2));
		log(
			`digits run ${r + 1}: trainer ${ours[r].toFixed(0)}, reference ${theirs[r].toFixed(0)} steps/s`
		);
	}
	trainer.dispose();
	return {
		mlp: `${layout.inputDim}→${layout.layers.map((l) => l.weight.cols).join('→')}, ${layout.numClasses} classes`,
		points: data.labels.length,
		stepsPerSec: Math.round(median(ours)),
		referenceStepsPerSec: Math.round(median(theirs)),
		ratio: Number(median(ours.map((a, i) => a / theirs[i])).toFixed(3))
	};
}

/** Runs the benchmark; resolves to the process exit code. */
export async function main(): Promise<number> {
	await tf.setBackend('wasm');
	await tf.ready();
	log(`backend: ${tf.getBackend()}`);
	const tensorsBefore = tf.memory().numTensors;

	const trainerOptions = (loss: 'softmax' | 'asoftmax') => ({
		data: config.data,
		featureDim: config.featureDim,
		hiddenLayers: config.hiddenLayers,
		hiddenUnits: config.hiddenUnits,
		batchSize: config.batchSize,
		learningRate: config.learningRate,
		// Plain Adam, as the hand-written reference does (no weight decay).
		weightDecay: 0,
		loss,
		m: 4,
		lambdaMode: 'official' as const,
		seed: 1
	});
	const trainers = {
		softmax: new Trainer(trainerOptions('softmax')),
		asoftmax: new Trainer(trainerOptions('asoftmax'))
	};
	const layout = (trainers.asoftmax as unknown as { layout: Layout }).layout;

	// The yardstick, with the same data, layout and initial parameters.
	const data = generateDataset(config.data);
	const x = Float32Array.from(data.points);
	const reference = new ReferenceTrainer(
		layout,
		initParams(layout, createRng(1)),
		config.batchSize
	);
	let refStep = 0;
	const referenceStep = stepper(reference, x, data.labels, 2, config.batchSize, () => {
		const lambda = lambdaForStep(OFFICIAL_SCHEDULE, refStep + 1);
		refStep++;
		return { kind: 'asoftmax', m: 4, lambda };
	});

	// Check the yardstick's gradients against tfjs's on one batch, for both heads.
	for (const kind of ['asoftmax', 'softmax'] as const) {
		if (!checkReference(reference, layout, x, data.labels, 2, config.batchSize, kind)) return 1;
	}

	// Warm up (kernels, wasm tiers), then interleave timed runs.
	const chunk = 50;
	for (const t of Object.values(trainers)) t.step(200);
	referenceStep(200);
	const results = { softmax: [] as number[], asoftmax: [] as number[], reference: [] as number[] };
	for (let r = 0; r < config.runs; r++) {
		results.softmax.push(timeSteps((k) => trainers.softmax.step(k), config.secondsPerRun, chunk));
		results.asoftmax.push(timeSteps((k) => trainers.asoftmax.step(k), config.secondsPerRun, chunk));
		results.reference.push(timeSteps(referenceStep, config.secondsPerRun, 10));
		log(
			`run ${r + 1}: softmax ${results.softmax[r].toFixed(0)}, asoftmax ${results.asoftmax[r].toFixed(0)}, reference ${results.reference[r].toFixed(0)} steps/s`
		);
	}
	for (const t of Object.values(trainers)) t.dispose();
	const digits = benchDigits();
	if (!digits) return 1;
	const sweep = await benchSweep(log);
	const out = {
		config,
		trainer: {
			softmax: { stepsPerSec: Math.round(median(results.softmax)) },
			asoftmax: { stepsPerSec: Math.round(median(results.asoftmax)) }
		},
		reference: { stepsPerSec: Math.round(median(results.reference)) },
		// Runs are interleaved, so each run's own ratio cancels the machine's drift; the
		// median of those is the robust estimate of trainer asoftmax / reference.
		ratio: Number(median(results.asoftmax.map((a, i) => a / results.reference[i])).toFixed(3)),
		digits,
		sweep,
		numTensorsDelta: tf.memory().numTensors - tensorsBefore
	};
	log(
		`\nmedians of ${config.runs} runs (steps/s): softmax ${out.trainer.softmax.stepsPerSec}, asoftmax ${out.trainer.asoftmax.stepsPerSec}, reference ${out.reference.stepsPerSec}`
	);
	log(`ratio asoftmax / reference = ${out.ratio}; tensors leaked: ${out.numTensorsDelta}`);
	log(
		`digits (${digits.mlp}, A-Softmax m = 4): trainer ${digits.stepsPerSec}, reference ${digits.referenceStepsPerSec} steps/s, ratio ${digits.ratio}`
	);
	log(
		`sweep (${sweep.tasks} tasks × ${sweep.stepsPerTask} steps): 1 thread ${sweep.referenceSeconds} s, ${sweep.threads} threads ${sweep.seconds} s, speed-up ${sweep.ratio}× (${sweep.withStart.ratio}× with thread start); same results: ${sweep.identical}; load average ${sweep.loadAverage.join(' → ')} on ${sweep.cores} cores`
	);
	if (json) console.log(JSON.stringify(out));
	return 0;
}
