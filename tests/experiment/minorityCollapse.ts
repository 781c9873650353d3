/**
 * node tests/experiment/minorityCollapse.mjs: minority collapse (Fang et al., PNAS 2021) in the explorer's
 * own trainer, the setup of the browser test (tests/e2e/imbalance.test.ts): ArcFace, six
 * blobs, 2D features, the minority classes 3–5 keeping 10 % of their training points, the
 * explorer's defaults otherwise, on tfjs's wasm backend in Node. For each seed 1…N (data and
 * weights) it trains `--steps` steps and reads the mean pairwise angle between the minority
 * classes' unit weights and between the majority classes' (math/minority.ts), and the same
 * angles on the balanced data (imbalance 1) as a control. Prints per-seed rows and the paired
 * difference majority − minority with its 95 % interval (mean ± t·sd/√n).
 *
 * Options: --seeds N (default 10), --steps N (default 1000), --imb share (default 0.1),
 * --loss (default arcface), --classes (default 6).
 */
import { parseArgs } from 'node:util';
import '@tensorflow/tfjs-backend-wasm';
import { tf } from '../../src/lib/model/tf';
import { Trainer } from '../../src/lib/model/trainer';
import { noticeBrief } from '../../src/lib/math/notice';
import { meanPairwiseAngle } from '../../src/lib/math/minority';
import { minorityClasses } from '../../src/lib/math/imbalance';
import type { LossKind } from '../../src/lib/math/margins';

/** Two-sided 95 % Student t quantiles by degrees of freedom (1–30). */
const T95 = [
	12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145,
	2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048,
	2.045, 2.042
];

const deg = (r: number | null) => (r === null ? NaN : (r * 180) / Math.PI);

/** Minority and majority mean pairwise weight angles (degrees) after `steps` steps. */
function run(loss: LossKind, classes: number, imbalance: number, seed: number, steps: number) {
	const t = new Trainer(
		{ loss, featureDim: 2, data: { generator: 'blobs', classes, imbalance, seed }, seed },
		{ headless: true }
	);
	if (t.notices.length > 0) throw new RangeError(t.notices.map(noticeBrief).join('; '));
	t.step(steps);
	const s = t.snapshot();
	t.dispose();
	const cls = Array.from(s.weightClasses);
	const minor = new Set(minorityClasses(cls));
	const rows = (inMinor: boolean) => cls.flatMap((c, k) => (minor.has(c) === inMinor ? [k] : []));
	return {
		minority: deg(meanPairwiseAngle(s.weights, s.featureDim, rows(true))),
		majority: deg(meanPairwiseAngle(s.weights, s.featureDim, rows(false))),
		accMinor: s.imbalance?.minorityAccuracy ?? NaN,
		accMajor: s.imbalance?.majorityAccuracy ?? NaN
	};
}

function interval(xs: number[]): string {
	const n = xs.length;
	const m = xs.reduce((a, v) => a + v, 0) / n;
	const sd = Math.sqrt(xs.reduce((a, v) => a + (v - m) ** 2, 0) / Math.max(1, n - 1));
	const h = (T95[Math.min(n - 2, T95.length - 1)] ?? 1.96) * (sd / Math.sqrt(n));
	return `${m.toFixed(1)}° ± ${h.toFixed(1)}° (sd ${sd.toFixed(1)}°, n ${n}, 95 % interval ${(m - h).toFixed(1)}° to ${(m + h).toFixed(1)}°; min ${Math.min(...xs).toFixed(1)}°)`;
}

export async function main(): Promise<number> {
	const { values } = parseArgs({
		options: {
			seeds: { type: 'string', default: '10' },
			steps: { type: 'string', default: '1000' },
			imb: { type: 'string', default: '0.1' },
			loss: { type: 'string', default: 'arcface' },
			classes: { type: 'string', default: '6' }
		}
	});
	const seeds = Math.max(2, Math.min(50, Math.floor(Number(values.seeds)) || 10));
	const steps = Math.max(1, Math.floor(Number(values.steps)) || 1000);
	const imb = Number(values.imb);
	const classes = Number(values.classes);
	const loss = values.loss as LossKind;
	await tf.setBackend('wasm');
	console.log(
		`${loss}, blobs ${classes}, 2D features, ${steps} steps, imbalance ${imb} (control: 1)`
	);
	console.log(
		'| seed | minority ° | majority ° | majority − minority ° | control: minority ° | majority ° | test acc minority / majority |'
	);
	console.log('| --- | --- | --- | --- | --- | --- | --- |');
	const diffs: number[] = [];
	const controls: number[] = [];
	for (let seed = 1; seed <= seeds; seed++) {
		const r = run(loss, classes, imb, seed, steps);
		const c = run(loss, classes, 1, seed, steps);
		diffs.push(r.majority - r.minority);
		controls.push(c.majority - c.minority);
		const f = (v: number) => v.toFixed(1);
		console.log(
			`| ${seed} | ${f(r.minority)} | ${f(r.majority)} | ${f(r.majority - r.minority)} | ${f(c.minority)} | ${f(c.majority)} | ${(100 * r.accMinor).toFixed(0)} % / ${(100 * r.accMajor).toFixed(0)} % |`
		);
	}
	console.log(`\nimbalance ${imb}: majority − minority = ${interval(diffs)}`);
	console.log(`balanced control: majority − minority = ${interval(controls)}`);
	return 0;
}
