/**
 * npm run experiment:mining: what the lesson on Euclidean margins quotes about pairs and
 * triplets, measured with the explorer's own trainer on tfjs's wasm backend in Node. For
 * contrastive and triplet loss (all triplets, then batch-hard mining) on one toy data set, it
 * trains with the explorer's defaults (P = 8 classes × K = 8 points a batch, margin 1) and
 * prints, at fixed steps, the share of the batch that still has a non-zero loss (triplet: of
 * all valid triplets and of anchors' hardest triplets; contrastive: of different-class pairs)
 * and the test accuracy by nearest class mean; then, for these three and center loss, the
 * largest same-class and smallest different-class angle between features at the last step
 * (what the feature circle's statistics show). A markdown table to stdout; --json adds one
 * JSON line. The same options give the same numbers.
 *
 * Options: --classes N (default 6) and --noise X (default 0.5): Gaussian blobs as in the
 * lesson's widget (`/?loss=triplet&classes=6&noise=0.5`), the explorer's defaults otherwise;
 * --seeds N (default 3: seeds 1…N, data and weights).
 */
import { noticeBrief } from '../../src/lib/math/notice';
import { parseArgs } from 'node:util';
import '@tensorflow/tfjs-backend-wasm';
import { tf } from '../../src/lib/model/tf';
import { Trainer } from '../../src/lib/model/trainer';
import { angleStats } from '../../src/lib/math/stats';
import { toDegrees } from '../../src/lib/math/vec';

/** The steps the table reports (step 1 is the untrained network's first batch). */
export const MINING_STEPS = [1, 10, 50, 100, 200, 400, 600];
const RUNS = [
	{ name: 'triplet, all triplets', options: { loss: 'triplet', mining: 'all' } },
	{ name: 'triplet, batch-hard', options: { loss: 'triplet', mining: 'hard' } },
	{ name: 'contrastive', options: { loss: 'contrastive' } },
	{ name: 'center loss', options: { loss: 'center' } }
] as const;

interface Cell {
	all: number[];
	hard: number[];
	acc: number[];
	/** Largest same-class and smallest different-class angle (degrees). */
	intra: number[];
	inter: number[];
}

const mean = (xs: number[]) => xs.reduce((a, v) => a + v, 0) / xs.length;
const pct = (v: number) => `${(100 * v).toFixed(1)} %`;

export async function main(): Promise<number> {
	const { values } = parseArgs({
		options: {
			classes: { type: 'string', default: '6' },
			noise: { type: 'string', default: '0.5' },
			seeds: { type: 'string', default: '3' },
			json: { type: 'boolean', default: false }
		}
	});
	const seeds = Math.max(1, Math.min(20, Math.floor(Number(values.seeds)) || 3));
	const classes = Number(values.classes);
	const noise = Number(values.noise);
	const query = `classes=${classes}&noise=${noise}`;
	await tf.setBackend('wasm');
	const result: Record<string, Record<number, Cell>> = {};
	for (const run of RUNS) {
		const cells: Record<number, Cell> = {};
		for (const step of MINING_STEPS)
			cells[step] = { all: [], hard: [], acc: [], intra: [], inter: [] };
		for (let seed = 1; seed <= seeds; seed++) {
			const data = { generator: 'blobs', classes, noise, seed } as const;
			const t = new Trainer({ ...run.options, data, seed }, { headless: true });
			if (t.notices.length > 0) throw new RangeError(t.notices.map(noticeBrief).join('; '));
			let done = 0;
			for (const step of MINING_STEPS) {
				t.step(step - done);
				done = step;
				const s = t.snapshot();
				if (s.testAccuracy === null) throw new Error(`${run.name}: no test split`);
				cells[step].all.push(s.activity?.[0] ?? NaN);
				cells[step].hard.push(s.activity?.[1] ?? NaN);
				cells[step].acc.push(s.testAccuracy);
				const a = angleStats(s.features, s.featureDim, t.data.labels);
				cells[step].intra.push(toDegrees(a.maxIntra ?? NaN));
				cells[step].inter.push(toDegrees(a.minInter ?? NaN));
			}
			t.dispose();
			console.error(`${run.name}, seed ${seed}: done`);
		}
		result[run.name] = cells;
	}
	const head = `| run | ${MINING_STEPS.map((s) => `step ${s}`).join(' | ')} |`;
	const lines = [
		`${query}, seeds 1–${seeds} (mean): active share (triplet: all / hardest per anchor; contrastive: negative pairs inside the margin), then test accuracy by nearest class mean`,
		'',
		head,
		`|${' --- |'.repeat(MINING_STEPS.length + 1)}`
	];
	const angles = [
		'',
		`At step ${MINING_STEPS.at(-1)}, per seed: the largest same-class and smallest different-class angle (all points of the seen classes)`,
		'',
		'| run | test acc (mean) | max intra-class angle (°) | min inter-class angle (°) |',
		'| --- | --- | --- | --- |'
	];
	for (const run of RUNS) {
		const c = result[run.name];
		const last = c[MINING_STEPS.at(-1)!];
		angles.push(
			`| ${run.name} | ${pct(mean(c[MINING_STEPS.at(-1)!].acc))} | ${last.intra.map((v) => v.toFixed(1)).join(', ')} | ${last.inter.map((v) => v.toFixed(1)).join(', ')} |`
		);
		if (run.name === 'center loss') continue;
		const active = MINING_STEPS.map((s) =>
			run.name.startsWith('triplet')
				? `${pct(mean(c[s].all))} / ${pct(mean(c[s].hard))}`
				: pct(mean(c[s].all))
		);
		lines.push(`| ${run.name}: active | ${active.join(' | ')} |`);
		lines.push(
			`| ${run.name}: test acc | ${MINING_STEPS.map((s) => pct(mean(c[s].acc))).join(' | ')} |`
		);
	}
	console.log([...lines, ...angles].join('\n'));
	if (values.json) console.log(JSON.stringify({ query, seeds, steps: MINING_STEPS, result }));
	return 0;
}
