/**
 * npm run experiment [-- options]: the open-set sweep (src/lib/model/experiment.ts) on tfjs's
 * wasm backend in Node. Progress goes to stderr, a markdown table (mean ± sample standard
 * deviation over seeds, paired differences against modified softmax) to stdout; with --json
 * the last stdout line is one JSON object {"rows":[{"loss","m","identities","trainAcc",
 * "closedSetAcc","verifAUC","seenVerifAUC","tarAtFar1e2","rank1","seeds", …}]}.
 *
 * Options: --identities N,N,… (seen identity counts, default 6), --unseen N (held-out
 * identities scored as new people, default 20), --seeds N (default 3), --steps N (default
 * 3000), --seed S (first seed, default 1; the run uses seeds S … S+N−1), --points N (per
 * identity), --noise X, --input-dim D, --feature-dim 2–16, --units N (hidden units),
 * --losses paper|identity|loss[:m],… (default paper: the eight of SphereFace's comparison),
 * --data identities|digits (digits: the ten MNIST digits of static/data, digits 0…unseen−1
 * held out as the new people, --unseen 2–8, default 3; 128 hidden units by default),
 * --save FILE (the table as a saved sweep for /compare, see src/lib/state/savedSweep.ts),
 * --quick (1 seed, 150 steps, 40 points: a smoke test in seconds), --json. The same options
 * give the same numbers. The classifier always has rows for the seen identities only.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseDigits } from '../../src/lib/io/digits';
import '@tensorflow/tfjs-backend-wasm';
import { toSaved } from '../../src/lib/state/savedSweep';
import { tf } from '../../src/lib/model/tf';
import { runOpenSetExperiment } from '../../src/lib/model/experiment';
import { EXPERIMENT_DATA, VALIDATION_SEEDS } from '../../src/lib/model/experimentDefaults';
import type { ExperimentConfig } from '../../src/lib/model/experimentPlan';
import { threadExecutor } from './threads';
import { fmt, jsonLine, lossLabel, markdownTable, parseCli, type CliOptions } from './cli';
import { noticeBrief } from '../../src/lib/math/notice';

/** The shipped digits file (static/data, `npm run digits`), checked. */
function readDigits() {
	const parsed = parseDigits(new Uint8Array(readFileSync('static/data/digits-14.bin')));
	if (!parsed.ok) throw new Error(noticeBrief(parsed.error));
	return parsed.digits;
}

/** Runs the sweep; resolves to the process exit code. */
export async function main(): Promise<number> {
	let cli: CliOptions;
	try {
		cli = parseCli(process.argv.slice(2));
	} catch (e) {
		console.error(`npm run experiment: ${(e as Error).message}`);
		return 2;
	}
	await tf.setBackend('wasm');
	await tf.ready();
	const config: ExperimentConfig = {
		losses: cli.losses,
		seeds: Array.from({ length: cli.seeds }, (_, i) => cli.seed + i),
		validationSeeds: VALIDATION_SEEDS.slice(0, cli.validationSeeds),
		executor: threadExecutor(cli.workers, { digits: cli.data === 'digits' }),
		steps: cli.steps,
		identities: cli.identities,
		unseen: cli.unseen,
		data: {
			pointsPerClass: cli.points,
			noise: cli.noise,
			inputDim: cli.inputDim,
			...(cli.data === 'digits' ? { generator: 'digits' as const } : {})
		},
		model: { featureDim: cli.featureDim, hiddenUnits: cli.hiddenUnits },
		sources: cli.data === 'digits' ? { digits: readDigits() } : {}
	};
	const d = { ...EXPERIMENT_DATA, ...config.data };
	console.error(
		`open-set experiment on tfjs ${tf.getBackend()}: ${cli.identities.join(', ')} seen + ` +
			`${cli.unseen} held-out ${cli.data === 'digits' ? 'digits (MNIST, 196 pixels' : `identities in ${d.inputDim}D (noise ${d.noise}`}, ` +
			`${d.pointsPerClass} points each), ${cli.featureDim}D features, ` +
			`${cli.hiddenUnits} hidden units, ${cli.steps} steps, seeds ${config.seeds.join(', ')}, ` +
			`margins chosen on validation seeds ${config.validationSeeds!.join(', ') || '(none)'}, ` +
			`classifier over the seen identities only, ${cli.workers} worker thread(s)`
	);
	const t0 = performance.now();
	let runStart = t0;
	const result = await runOpenSetExperiment({
		...config,
		onProgress: (p) => {
			if (!p.result) return;
			const r = p.result;
			const secs = ((performance.now() - runStart) / 1000).toFixed(1);
			runStart = performance.now();
			console.error(
				`[${p.done}/${p.runs}]${p.validation ? ' validation' : ''} ${p.identities} ids, seed ${p.seed} ${lossLabel(r)}: ` +
					`train ${fmt(r.trainAcc)}, closed ${fmt(r.closedSetAcc)}, new people AUC ` +
					`${fmt(r.verifAUC)} TAR ${fmt(r.tarAtFar1e2)} rank-1 ${fmt(r.rank1)}; known people ` +
					`AUC ${fmt(r.seenVerifAUC)} TAR ${fmt(r.seenTarAtFar1e2)}` +
					`${r.diverged ? ' (diverged)' : ''} (${secs} s)`
			);
		}
	});
	const total = (performance.now() - t0) / 1000;
	console.error(`done in ${total.toFixed(1)} s`);
	if (cli.save) {
		const saved = toSaved(result, {
			command: `npm run experiment -- ${process.argv.slice(2).join(' ')}`,
			backend: tf.getBackend(),
			seconds: Math.round(total),
			seeds: config.seeds as number[],
			validationSeeds: config.validationSeeds as number[],
			workers: cli.workers
		});
		writeFileSync(cli.save, JSON.stringify(saved) + '\n');
		console.error(`saved to ${cli.save}`);
	}
	console.log(markdownTable(result));
	if (cli.json) console.log(jsonLine(result));
	return 0;
}
