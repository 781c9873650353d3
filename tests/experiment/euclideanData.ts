/**
 * npm run experiment:euclidean-data: which toy data gives contrastive, triplet and center loss
 * something to learn in the explorer (issue 26, item 4). For each candidate data set and each
 * of the three losses, it trains the explorer's own trainer (its defaults otherwise: P = 8 × K
 * = 8 batches, margin 1, all triplets) on tfjs's wasm backend in Node over seeds 1…N (data and
 * weights) and prints, per step, the mean test accuracy by nearest class mean (step 0: the
 * untrained network) and the share of the batch that still teaches (`Snapshot.activity[0]`:
 * triplets with a positive hinge, or different-class pairs inside the margin), averaged over
 * `ACTIVITY_BATCHES` consecutive single steps so one batch does not decide it. The criterion
 * (decided before the runs): accuracy before training well below 100 %, a share still teaching
 * clearly above 0 that falls over the first hundreds of steps, and a high final accuracy (the
 * classes separate). A markdown table to stdout; --json adds one JSON line.
 *
 * Options: --seeds N (default 10), --steps a,b,c (default `STEPS`), --only name,name (a subset
 * of `CANDIDATES` by name), --losses triplet,contrastive,center.
 */
import { noticeBrief } from '../../src/lib/math/notice';
import { parseArgs } from 'node:util';
import '@tensorflow/tfjs-backend-wasm';
import { tf } from '../../src/lib/model/tf';
import { Trainer } from '../../src/lib/model/trainer';
import type { DataSettings } from '../../src/lib/math/settingTypes';

/** Steps the table reports (0: before training). */
const STEPS = [0, 25, 50, 100, 200, 400, 800, 1500];
/** Single steps averaged for one activity reading. */
const ACTIVITY_BATCHES = 5;

/** The candidates (generator, classes, noise), named as in the table: the current default first. */
const CANDIDATES: readonly { name: string; data: Partial<DataSettings> }[] = [
	{ name: 'blobs4-n0.2', data: { generator: 'blobs', classes: 4, noise: 0.2 } },
	{ name: 'blobs6-n0.5', data: { generator: 'blobs', classes: 6, noise: 0.5 } },
	{ name: 'blobs8-n0.5', data: { generator: 'blobs', classes: 8, noise: 0.5 } },
	{ name: 'blobs8-n0.8', data: { generator: 'blobs', classes: 8, noise: 0.8 } },
	{ name: 'blobs10-n0.5', data: { generator: 'blobs', classes: 10, noise: 0.5 } },
	{ name: 'spirals3-n0.2', data: { generator: 'spirals', classes: 3, noise: 0.2 } },
	{ name: 'spirals4-n0.2', data: { generator: 'spirals', classes: 4, noise: 0.2 } },
	{ name: 'rings3-n0.2', data: { generator: 'rings', classes: 3, noise: 0.2 } },
	{ name: 'rings4-n0.2', data: { generator: 'rings', classes: 4, noise: 0.2 } }
];
const LOSSES = ['triplet', 'contrastive', 'center'] as const;

interface Cell {
	acc: number[];
	active: number[];
}

const mean = (xs: number[]) => xs.reduce((a, v) => a + v, 0) / xs.length;
const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}` : '–');

/** One run: accuracy and activity at each step. */
function run(
	loss: (typeof LOSSES)[number],
	data: Partial<DataSettings>,
	seed: number,
	steps: readonly number[]
): { acc: number[]; active: number[] } {
	const t = new Trainer({ loss, data: { ...data, seed }, seed }, { headless: true });
	if (t.notices.length > 0) throw new RangeError(t.notices.map(noticeBrief).join('; '));
	const acc: number[] = [];
	const active: number[] = [];
	for (const step of steps) {
		// Reach `step` with its last ACTIVITY_BATCHES steps taken one by one (their activity read).
		const lead = Math.max(0, step - ACTIVITY_BATCHES - t.steps);
		if (lead > 0) t.step(lead);
		const shares: number[] = [];
		while (t.steps < step) {
			t.step(1);
			const a = t.snapshot().activity;
			if (a) shares.push(a[0]);
		}
		const s = t.snapshot();
		acc.push(s.testAccuracy ?? NaN);
		active.push(shares.length ? mean(shares) : NaN);
	}
	t.dispose();
	return { acc, active };
}

export async function main(): Promise<number> {
	const { values } = parseArgs({
		options: {
			seeds: { type: 'string', default: '10' },
			steps: { type: 'string', default: STEPS.join(',') },
			only: { type: 'string', default: '' },
			losses: { type: 'string', default: LOSSES.join(',') },
			json: { type: 'boolean', default: false }
		}
	});
	const seeds = Math.max(1, Math.min(50, Math.floor(Number(values.seeds)) || 10));
	const steps = values.steps
		.split(',')
		.map(Number)
		.filter((n) => Number.isInteger(n) && n >= 0)
		.sort((a, b) => a - b);
	const only = values.only ? values.only.split(',') : null;
	const candidates = CANDIDATES.filter((c) => !only || only.includes(c.name));
	const losses = LOSSES.filter((l) => values.losses.split(',').includes(l));
	await tf.setBackend('wasm');
	const result: Record<string, Record<string, Record<number, Cell>>> = {};
	const lines = [
		`seeds 1–${seeds}, mean over seeds: test accuracy by nearest class mean (%) / share of the batch still teaching (%, mean of ${ACTIVITY_BATCHES} batches; – for center loss)`,
		'',
		`| data | loss | ${steps.map((s) => `step ${s}`).join(' | ')} | final acc min–max |`,
		`|${' --- |'.repeat(steps.length + 3)}`
	];
	for (const c of candidates) {
		result[c.name] = {};
		for (const loss of losses) {
			const cells: Record<number, Cell> = {};
			for (const step of steps) cells[step] = { acc: [], active: [] };
			for (let seed = 1; seed <= seeds; seed++) {
				const r = run(loss, c.data, seed, steps);
				steps.forEach((step, i) => {
					cells[step].acc.push(r.acc[i]);
					cells[step].active.push(r.active[i]);
				});
			}
			result[c.name][loss] = cells;
			const last = cells[steps[steps.length - 1]].acc;
			const row = steps.map((s) => `${pct(mean(cells[s].acc))} / ${pct(mean(cells[s].active))}`);
			const line = `| ${c.name} | ${loss} | ${row.join(' | ')} | ${pct(Math.min(...last))}–${pct(Math.max(...last))} |`;
			lines.push(line);
			console.error(line);
		}
	}
	console.log(lines.join('\n'));
	if (values.json) console.log(JSON.stringify({ seeds, steps, result }));
	return 0;
}
