/**
 * node tests/experiment/subCenters.mjs: sub-center ArcFace (Deng et al., ECCV 2020) in the
 * explorer's own trainer on tfjs's wasm backend in Node. The paper's claim: with K
 * sub-centers a class, the clean samples of a class gather at one dominant sub-center and
 * the noisy (mislabelled) ones at the others, so training is less hurt by label noise. For
 * each seed 1…N (data, flips and weights) it trains ArcFace on blobs with a share of the
 * training labels flipped (`flip`), once with one weight a class and once with K, and reads
 * (a) the accuracy on the test labels, which are never flipped, and (b) for K, the share of
 * flipped and of clean training points whose nearest sub-center (in their label's class) is
 * not that class's dominant one. Prints per-seed rows, then paired differences with their
 * 95 % intervals (mean ± t_{0.975, n−1}·sd/√n).
 *
 * Before training it checks that the head's gradients on wasm equal those on cpu with
 * sub-centers (tfjs-wasm 4.22's OneHot once made them zero).
 *
 * Options: --seeds N (default 10), --steps N (default 1000), --k K (default 3), --flip
 * share (default 0.3), --classes C (default 4), --dim D (feature dimension, default 2),
 * --loss (default arcface).
 */
import { parseArgs } from 'node:util';
import '@tensorflow/tfjs-backend-wasm';
import { tf } from '../../src/lib/model/tf';
import { Trainer } from '../../src/lib/model/trainer';
import { headGradients } from '../../src/lib/model/fastHead';
import { noticeBrief } from '../../src/lib/math/notice';
import type { LossKind } from '../../src/lib/math/margins';

/** Two-sided 95 % Student t quantiles by degrees of freedom (1–30). */
const T95 = [
	12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145,
	2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048,
	2.045, 2.042
];

/** mean ± t·sd/√n of xs, in percentage points. */
function interval(xs: number[]): string {
	const n = xs.length;
	const m = xs.reduce((a, v) => a + v, 0) / n;
	const sd = Math.sqrt(xs.reduce((a, v) => a + (v - m) ** 2, 0) / Math.max(1, n - 1));
	const h = (T95[Math.min(n - 2, T95.length - 1)] ?? 1.96) * (sd / Math.sqrt(n));
	const p = (v: number) => (100 * v).toFixed(1);
	return `${p(m)} ± ${p(h)} points (95 % interval ${p(m - h)} to ${p(m + h)}; sd ${p(sd)}, n ${n})`;
}

/** The head's loss and gradients with K = 3 on the current backend, as one flat array. */
function headCheck(): number[] {
	return tf.tidy(() => {
		const f = tf.tensor2d([
			[0.3, 1],
			[1, -0.2],
			[-0.5, 0.4]
		]);
		const W = tf.tensor2d([
			[1, 0],
			[0, 1],
			[0.7, 0.7],
			[-1, 0.2],
			[0.3, -1],
			[-0.6, -0.6]
		]);
		const y = tf.tensor2d([
			[1, 0],
			[0, 1],
			[1, 0]
		]);
		const g = headGradients(f, W, null, y, { kind: 'arcface', m: 0.5, s: 8, subCenters: 3 });
		return [...g.loss.dataSync(), ...g.df.dataSync(), ...g.dW.dataSync()];
	});
}

/** One run: clean test accuracy and, with K > 1, the shares away from the dominant sub-center. */
function run(o: {
	loss: LossKind;
	k: number;
	flip: number;
	classes: number;
	dim: number;
	seed: number;
	steps: number;
}) {
	const t = new Trainer(
		{
			loss: o.loss,
			subCenters: o.k,
			featureDim: o.dim,
			data: { generator: 'blobs', classes: o.classes, labelNoise: o.flip, seed: o.seed },
			seed: o.seed
		},
		{ headless: true }
	);
	if (t.notices.length > 0) throw new RangeError(t.notices.map(noticeBrief).join('; '));
	t.step(o.steps);
	const s = t.snapshot();
	t.dispose();
	if (s.testAccuracy === null) throw new Error('no test split');
	const shares = s.subCenters?.shares ?? null;
	return {
		test: s.testAccuracy,
		train: s.trainAccuracy ?? NaN,
		noisy: shares?.noisy ?? NaN,
		clean: shares?.clean ?? NaN,
		noisyCount: shares?.noisyCount ?? 0
	};
}

export async function main(): Promise<number> {
	const { values } = parseArgs({
		options: {
			seeds: { type: 'string', default: '10' },
			steps: { type: 'string', default: '1000' },
			k: { type: 'string', default: '3' },
			flip: { type: 'string', default: '0.3' },
			classes: { type: 'string', default: '4' },
			dim: { type: 'string', default: '2' },
			loss: { type: 'string', default: 'arcface' }
		}
	});
	const seeds = Math.max(2, Math.min(50, Math.floor(Number(values.seeds)) || 10));
	const steps = Math.max(1, Math.floor(Number(values.steps)) || 1000);
	const k = Math.max(2, Math.min(5, Math.floor(Number(values.k)) || 3));
	const flip = Number(values.flip);
	const classes = Number(values.classes);
	const dim = Number(values.dim);
	const loss = values.loss as LossKind;

	await tf.setBackend('cpu');
	const onCpu = headCheck();
	await tf.setBackend('wasm');
	const onWasm = headCheck();
	const gap = Math.max(...onCpu.map((v, i) => Math.abs(v - onWasm[i])));
	if (!(gap < 1e-4)) throw new Error(`wasm and cpu heads differ by ${gap} with sub-centers`);

	console.log(
		`${loss}, blobs ${classes} classes, ${dim}-D features, ${steps} steps, flip ${flip}, K = 1 vs ${k} (wasm = cpu head: max gap ${gap.toExponential(1)})`
	);
	console.log(
		`| seed | test acc K=1 | test acc K=${k} | K=${k} − K=1 | flipped away from dominant | clean away | flipped points |`
	);
	console.log('| --- | --- | --- | --- | --- | --- | --- |');
	const diffs: number[] = [];
	const noisy: number[] = [];
	const clean: number[] = [];
	const gaps: number[] = [];
	const base = { loss, flip, classes, dim, steps };
	const pct = (v: number) => `${(100 * v).toFixed(1)} %`;
	for (let seed = 1; seed <= seeds; seed++) {
		const one = run({ ...base, k: 1, seed });
		const many = run({ ...base, k, seed });
		diffs.push(many.test - one.test);
		noisy.push(many.noisy);
		clean.push(many.clean);
		gaps.push(many.noisy - many.clean);
		console.log(
			`| ${seed} | ${pct(one.test)} | ${pct(many.test)} | ${(100 * (many.test - one.test)).toFixed(1)} | ${pct(many.noisy)} | ${pct(many.clean)} | ${many.noisyCount} |`
		);
	}
	console.log(`\n(a) clean-test accuracy, K=${k} − K=1 (paired): ${interval(diffs)}`);
	console.log(
		`(b) flipped training points away from their label's dominant sub-center: ${interval(noisy)}`
	);
	console.log(
		`    clean training points away from their label's dominant sub-center: ${interval(clean)}`
	);
	console.log(`    flipped − clean (paired): ${interval(gaps)}`);
	return 0;
}
