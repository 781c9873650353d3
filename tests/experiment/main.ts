/**
 * npm run experiment [-- options]: the open-set sweep (src/lib/model/experiment.ts) on tfjs's
 * wasm backend in Node. Progress goes to stderr, a markdown table (mean ± sample standard
 * deviation over seeds) to stdout; with --json the last stdout line is one JSON object
 * {"rows":[{"loss","m","closedSetAcc","verifAUC","verifAccBest","tarAtFar1e2","rank1","seeds"}]}.
 *
 * Options: --seeds N (default 3), --steps N (default 3000), --seed S (first seed, default 1;
 * the run uses seeds S … S+N−1), --points N (per identity), --noise X, --input-dim D,
 * --feature-dim 2|3, --head seen|all (the classifier's classes: the seen ones only, the
 * default and the honest open set, or all, held-out ones included as the explorer does),
 * --quick (1 seed, 150 steps, 40 points: a smoke test in seconds), --json. The same options
 * give the same numbers.
 */
import '@tensorflow/tfjs-backend-wasm';
import { tf } from '../../src/lib/model/tf';
import {
	DEFAULT_SWEEP,
	EXPERIMENT_DATA,
	runOpenSetExperiment,
	type ExperimentConfig
} from '../../src/lib/model/experiment';
import { fmt, jsonLine, lossLabel, markdownTable, parseCli, type CliOptions } from './cli';

const HEAD_NAMES = {
	seen: 'the seen classes only',
	all: 'all classes (held-out ones as negatives)'
};

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
		losses: DEFAULT_SWEEP,
		seeds: Array.from({ length: cli.seeds }, (_, i) => cli.seed + i),
		steps: cli.steps,
		data: { pointsPerClass: cli.points, noise: cli.noise, inputDim: cli.inputDim },
		model: { featureDim: cli.featureDim },
		head: cli.head
	};
	const d = { ...EXPERIMENT_DATA, ...config.data };
	console.error(
		`open-set experiment on tfjs ${tf.getBackend()}: ${d.classes - d.heldOut.length} seen + ` +
			`${d.heldOut.length} held-out identities in ${d.inputDim}D (noise ${d.noise}, ` +
			`${d.pointsPerClass} points each), ${cli.featureDim}D features, ${cli.steps} steps, ` +
			`seeds ${config.seeds.join(', ')}, classifier over ${HEAD_NAMES[cli.head]}`
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
				`[${p.done}/${p.runs}] seed ${p.seed} ${lossLabel(p.spec)}: train ${fmt(r.trainAcc)}, ` +
					`closed ${fmt(r.closedSetAcc)}, AUC ${fmt(r.verifAUC)}, acc ${fmt(r.verifAccBest)}, ` +
					`TAR ${fmt(r.tarAtFar1e2)}, rank-1 ${fmt(r.rank1)}` +
					`${r.diverged ? ' (diverged)' : ''} (${secs} s)`
			);
		}
	});
	const total = (performance.now() - t0) / 1000;
	console.error(`done in ${total.toFixed(1)} s`);
	console.log(markdownTable(result));
	if (cli.json) console.log(jsonLine(result));
	return 0;
}
