/**
 * The open-set experiment: the CLI (`npm run experiment`, tfjs wasm in Node) on a tiny
 * configuration, twice, for the JSON line's shape and reproducibility; its option parser; and
 * `runOpenSetExperiment` in-process on the cpu backend for determinism, fairness (the same data
 * for every loss), progress reports, tensor hygiene and refused settings.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tf } from '../../src/lib/model/tf';
import { marginBetweenBoundaries } from '../../src/lib/math/boundary';
import { runOpenSetExperiment, type ExperimentResult } from '../../src/lib/model/experiment';
import {
	DEFAULT_EXPERIMENT_STEPS,
	DEFAULT_SWEEP,
	DEFAULT_UNSEEN,
	EXPERIMENT_DATA,
	EXPERIMENT_MODEL,
	VALIDATION_SEEDS
} from '../../src/lib/model/experimentDefaults';
import type { ExperimentConfig, ExperimentProgress } from '../../src/lib/model/experimentPlan';
import { DELTA_METRICS, METRICS, UNCONVERGED_BELOW } from '../../src/lib/math/experimentTable';
import { JSON_KEYS, jsonLine, markdownTable, parseCli, QUICK } from '../experiment/cli';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseDigits } from '../../src/lib/io/digits';
import { noticeBrief } from '../../src/lib/math/notice';

const run = promisify(execFile);

/** The CLI with a tiny configuration; resolves to stdout's last line, parsed. */
async function cli(): Promise<{ rows: Record<string, unknown>[]; stdout: string }> {
	const args = ['tests/experiment/run.mjs', '--quick', '--steps', '60', '--points', '25'];
	args.push('--identities', '6,12', '--unseen', '4');
	const { stdout } = await run(process.execPath, [...args, '--json', '--seed', '4'], {
		cwd: process.cwd(),
		timeout: 90_000,
		maxBuffer: 1 << 24
	});
	const lines = stdout.trim().split('\n');
	return { ...JSON.parse(lines[lines.length - 1]), stdout };
}

const KEYS = [
	...JSON_KEYS,
	'weightGapDeg',
	'effectiveMarginDeg',
	'lambdaEnd',
	...['deltaVerifAUC', 'deltaTarAtFar1e2', 'deltaRank1', 'deltaSeenVerifAUC'].flatMap((k) => [
		k,
		`${k}CI95`,
		`${k}Ahead`
	])
];
/** Metrics that are fractions in [0, 1] (the others are angles, λ or counts). */
const FRACTIONS = METRICS.filter((k) => !k.endsWith('Deg') && k !== 'lambdaEnd');

describe('npm run experiment -- --json', () => {
	test('--identities 6,12: a markdown table, then one JSON line with 8 rows per count; the same seed gives the same numbers', async () => {
		const first = await cli();
		expect(first.stdout).toMatch(
			/^\| seen ids \| loss \| Δ TAR new people \[95 % CI\] \(ahead\) \| Δ AUC new people/m
		);
		expect(first.rows.map((r) => [r.identities, r.loss, r.requestedM ?? r.m])).toEqual(
			[6, 12].flatMap((n) => DEFAULT_SWEEP.map((s) => [n, s.loss, s.m]))
		);
		const modified = first.rows.filter((r) => r.loss === 'modified');
		expect(modified.map((r) => r.deltaVerifAUC)).toEqual([0, 0]);
		for (const row of first.rows) {
			expect(Object.keys(row).filter((k) => k !== 'requestedM')).toEqual(KEYS);
			expect(row.seeds).toBe(1);
			expect(row.unseen).toBe(4);
			for (const k of FRACTIONS) {
				const v = row[k] as number;
				expect(typeof v, `${row.loss} ${k}`).toBe('number');
				expect(Number.isFinite(v)).toBe(true);
				expect(v).toBeGreaterThanOrEqual(0);
				expect(v).toBeLessThanOrEqual(1);
			}
		}
		const second = await cli();
		expect(second.rows).toEqual(first.rows);
	}, 180_000);
});

describe('the CLI options', () => {
	test('defaults, --quick, explicit values win over --quick', () => {
		expect(parseCli([])).toEqual({
			json: false,
			data: 'identities',
			seeds: 10,
			steps: DEFAULT_EXPERIMENT_STEPS,
			seed: 1,
			points: EXPERIMENT_DATA.pointsPerClass,
			noise: EXPERIMENT_DATA.noise,
			inputDim: EXPERIMENT_DATA.inputDim,
			featureDim: EXPERIMENT_MODEL.featureDim,
			hiddenUnits: EXPERIMENT_MODEL.hiddenUnits,
			identities: [6],
			unseen: DEFAULT_UNSEEN,
			losses: [...DEFAULT_SWEEP],
			save: null,
			validationSeeds: VALIDATION_SEEDS.length,
			workers: availableParallelism()
		});
		expect(parseCli(['--quick'])).toMatchObject({
			seeds: QUICK.seeds,
			steps: QUICK.steps,
			points: QUICK.points
		});
		expect(
			parseCli(['--quick', '--steps', '70', '--seed', '9', '--json', '--feature-dim', '2'])
		).toMatchObject({
			steps: 70,
			seed: 9,
			json: true,
			featureDim: 2,
			seeds: 1,
			validationSeeds: 0
		});
		expect(parseCli(['--workers', '3', '--validation-seeds', '2'])).toMatchObject({
			workers: 3,
			validationSeeds: 2
		});
		expect(parseCli(['--losses', 'asoftmax:4:pure,cosface']).losses).toEqual([
			{ loss: 'asoftmax', m: 4, variant: 'pure' },
			{ loss: 'cosface', m: 0.35 }
		]);
		expect(parseCli(['--identities', '6,50', '--feature-dim', '16'])).toMatchObject({
			identities: [6, 50],
			featureDim: 16
		});
		expect(parseCli(['--identities', '200']).identities).toEqual([200]);
	});

	test('--data digits: the ten digits, 0…unseen−1 held out, their pixels, 128 hidden units', () => {
		expect(parseCli(['--data', 'digits'])).toMatchObject({
			data: 'digits',
			identities: [7],
			unseen: 3,
			inputDim: 196,
			hiddenUnits: 128
		});
		expect(parseCli(['--data', 'digits', '--unseen', '5', '--units', '64'])).toMatchObject({
			identities: [5],
			unseen: 5,
			hiddenUnits: 64
		});
	});

	test.each([
		[['--seeds', '0'], /--seeds 0: expected an integer in 1–100/],
		[['--steps', '1.5'], /--steps 1.5: expected an integer/],
		[['--noise', 'abc'], /--noise abc: expected a number in 0–1/],
		[['--feature-dim', '17'], /--feature-dim 17/],
		[['--input-dim', ''], /--input-dim : expected/],
		[['--identities', '6,x'], /--identities x: expected an integer in 2–250/],
		[['--identities', '6,300'], /--identities 300/],
		[['--identities', '6,6'], /each count once/],
		[['--head', 'all'], /head/],
		[['--bogus'], /bogus/],
		[['--workers', '0'], /--workers 0: expected an integer in 1–64/],
		[['--validation-seeds', '5'], /--validation-seeds 5: expected an integer in 0–4/],
		[['--losses', 'cosface:0.2:pure'], /--losses cosface:0.2:pure: expected/],
		[['--data', 'faces'], /--data faces: expected identities or digits/],
		[['--data', 'digits', '--identities', '6'], /use --unseen for the held-out digits/],
		[['--data', 'digits', '--input-dim', '8'], /196 pixels the inputs/],
		[['--data', 'digits', '--unseen', '9'], /digits leave 2 to 8 unseen/],
		[['--data', 'digits', '--points', '900'], /--points 900: expected an integer in 5–863/]
	])('%j is refused: %s', (argv, message) => {
		expect(() => parseCli(argv)).toThrow(message);
	});
});

describe('the CLI output', () => {
	const spread = { std: 0.0123, min: 0.5, max: 0.7 };
	const metrics = {
		trainAcc: 0.95,
		closedSetAcc: 0.9,
		verifAUC: 0.8,
		verifAccBest: 0.7,
		tarAtFar1e2: 0.25,
		rank1: 0.6,
		seenVerifAUC: 0.85,
		seenTarAtFar1e2: 0.3,
		seenRank1: 0.65,
		maxIntraDeg: 40.25,
		minInterDeg: 12.5,
		weightGapDeg: 20,
		effectiveMarginDeg: 8.08,
		lambdaEnd: 0
	};
	const delta = {
		mean: 0.02,
		std: 0.01,
		min: 0.01,
		max: 0.03,
		ahead: 3,
		seeds: 3,
		ci95: [0.01, 0.03],
		verdict: 'helps'
	};
	const row = {
		loss: 'arcface',
		m: 0.141,
		requestedM: 0.5,
		mScaled: false,
		trials: [
			{ m: 0.141, score: 0.5 },
			{ m: 0.5, score: 0.4 }
		],
		identities: 200,
		unseen: 20,
		seeds: 3,
		diverged: 1,
		unconverged: 2,
		...metrics,
		spread: Object.fromEntries(METRICS.map((k) => [k, spread])),
		delta: Object.fromEntries(DELTA_METRICS.map((k) => [k, delta]))
	};
	const result = {
		rows: [row],
		inputBaselines: [
			{
				identities: 200,
				baseline: {
					verifAUC: 0.5,
					verifAccBest: 0.5,
					tarAtFar1e2: null,
					rank1: 0.25,
					seenVerifAUC: 0.6,
					seenTarAtFar1e2: 0.1,
					seenRank1: 0.2,
					maxIntraDeg: 90,
					minInterDeg: 5
				}
			}
		]
	} as unknown as ExperimentResult;
	const deltaCell = '+0.020 [+0.010, +0.030] (3/3)';

	test('markdown: paired Δ first with its interval and seeds ahead, then mean ± std, notes, the baseline row', () => {
		const lines = markdownTable(result).split('\n');
		expect(lines[2]).toBe(
			`| 200 | ArcFace m = 0.141 (chosen of 0.141, 0.5) | ${deltaCell} | ${deltaCell} | ` +
				`${deltaCell} | ${deltaCell} | 8.1 ± 0.0 | 0.00 ± 0.01 | ` +
				'0.950 ± 0.012 | 0.900 ± 0.012 | 0.800 ± 0.012 | ' +
				'0.250 ± 0.012 | 0.600 ± 0.012 | 0.850 ± 0.012 | 0.300 ± 0.012 | 0.650 ± 0.012 | ' +
				'40.3 ± 0.0 | 12.5 ± 0.0 | 3 (1 diverged, 2 unconverged) |'
		);
		expect(lines[3]).toBe(
			'| 200 | *raw inputs (no training)* | — | — | — | — | — | — | — | — | 0.500 | — | 0.250 | ' +
				'0.600 | 0.100 | 0.200 | 90.0 | 5.0 | 3 |'
		);
	});

	test('JSON: the agreed keys, paired differences, the requested margin; a missing value is an error', () => {
		expect(JSON.parse(jsonLine(result))).toEqual({
			rows: [
				{
					loss: 'arcface',
					m: 0.141,
					identities: 200,
					...metrics,
					seeds: 3,
					unseen: 20,
					requestedM: 0.5,
					trials: row.trials,
					effectiveMarginDeg: 8.08,
					lambdaEnd: 0,
					...Object.fromEntries(
						['deltaVerifAUC', 'deltaTarAtFar1e2', 'deltaRank1', 'deltaSeenVerifAUC'].flatMap(
							(k) => [
								[k, 0.02],
								[`${k}CI95`, [0.01, 0.03]],
								[`${k}Ahead`, 3]
							]
						)
					)
				}
			]
		});
		const broken = { ...result, rows: [{ ...row, rank1: null }] } as unknown as ExperimentResult;
		expect(() => jsonLine(broken)).toThrow(
			/ArcFace m = 0.141 \(chosen of 0.141, 0.5\) at 200 identities: rank1 has no value/
		);
	});
});

describe('runOpenSetExperiment (cpu backend)', () => {
	const tiny: ExperimentConfig = {
		losses: [
			{ loss: 'softmax', m: null },
			{ loss: 'asoftmax', m: 3 }
		],
		seeds: [2, 3],
		steps: 40,
		chunk: 15,
		unseen: 4,
		data: { pointsPerClass: 15 },
		model: { hiddenUnits: 8 }
	};

	beforeAll(async () => {
		await tf.setBackend('cpu');
		await tf.ready();
	});

	afterAll(() => {
		expect(tf.memory().numTensors).toBe(0);
	});

	test('real digits: the held-out digits are the new people, scored on their own test set', async () => {
		const parsed = parseDigits(new Uint8Array(readFileSync('static/data/digits-14.bin')));
		if (!parsed.ok) throw new Error(noticeBrief(parsed.error));
		const result = await runOpenSetExperiment({
			...tiny,
			seeds: [1],
			unseen: 3,
			identities: [7],
			data: { generator: 'digits', inputDim: 196, pointsPerClass: 15 },
			sources: { digits: parsed.digits }
		});
		expect(result.rows.map((r) => r.identities)).toEqual([7, 7]);
		for (const run of result.runs) {
			// The new people: 3 held-out digits × 15 photos, split into probes and gallery.
			const id = run.report.identification;
			expect(id.probes + id.gallery).toBe(45);
			expect(Number.isFinite(run.verifAUC)).toBe(true);
		}
		await expect(
			runOpenSetExperiment({ ...tiny, data: { generator: 'digits', inputDim: 196 } })
		).rejects.toThrow('The digits are not loaded yet.');
	});

	test('rows are means over seeds with their spread; the same config gives the same numbers', async () => {
		expect(tf.getBackend()).toBe('cpu');
		const before = tf.memory().numTensors;
		const progress: ExperimentProgress[] = [];
		const a = await runOpenSetExperiment({ ...tiny, onProgress: (p) => progress.push(p) });
		expect(tf.memory().numTensors).toBe(before);
		const b = await runOpenSetExperiment(tiny);
		const strip = (r: typeof a) => r.runs.map(({ report: _report, ...rest }) => rest);
		expect(strip(b)).toEqual(strip(a));
		expect(b.rows).toEqual(a.rows);

		expect(a.rows.map((r) => [r.loss, r.m, r.seeds])).toEqual([
			['softmax', null, 2],
			['asoftmax', 3, 2]
		]);
		expect(a.runs.map((r) => [r.loss, r.seed])).toEqual([
			['softmax', 2],
			['asoftmax', 2],
			['softmax', 3],
			['asoftmax', 3]
		]);
		for (const [k, row] of a.rows.entries()) {
			const runs = a.runs.filter((r) => r.loss === tiny.losses![k].loss);
			expect(row.unconverged).toBe(runs.filter((r) => r.trainAcc! < UNCONVERGED_BELOW).length);
			expect(row.diverged).toBe(0);
			for (const key of METRICS) {
				// Softmax has no angular margin: its effective margin is null, like its mean.
				if (runs.some((r) => r[key] === null)) {
					expect(row[key], key).toBeNull();
					continue;
				}
				const xs = runs.map((r) => r[key] as number);
				const mean = (xs[0] + xs[1]) / 2;
				expect(row[key]).toBeCloseTo(mean, 12);
				const s = row.spread[key]!;
				expect(s.min).toBe(Math.min(...xs));
				expect(s.max).toBe(Math.max(...xs));
				expect(s.std).toBeCloseTo(Math.abs(xs[0] - xs[1]) / Math.SQRT2, 12);
				expect(row[key]).toBeGreaterThanOrEqual(0);
				expect(row[key]).toBeLessThanOrEqual(FRACTIONS.includes(key) ? 1 : 180);
			}
		}
		// The open-set report scores the 4 held-out identities only, all pairs.
		const report = a.runs[0].report;
		expect(report.points).toBe(4 * 15);
		expect(report.classes).toBe(4);
		expect(report.verification.sampled).toBe(false);
		expect(report.verification.pairs).toBe((60 * 59) / 2);
		// Progress: every chunk, then one report per finished run, in order.
		const finished = progress.filter((p) => p.result);
		expect(finished.map((p) => p.done)).toEqual([1, 2, 3, 4]);
		expect(progress.filter((p) => !p.result).map((p) => p.step)).toEqual(
			Array(4).fill([15, 30, 40]).flat()
		);
		expect(a.inputBaseline.verifAUC).toBeGreaterThan(0.5);
	}, 60_000);

	test('paired: on one seed every loss gets the same data, weights and batches; Δ against modified', async () => {
		const twice = {
			...tiny,
			identities: [3, 6],
			losses: [
				{ loss: 'modified' as const, m: null },
				{ loss: 'modified' as const, m: null },
				{ loss: 'asoftmax' as const, m: 2 }
			]
		};
		const r = await runOpenSetExperiment(twice);
		expect(r.rows.map((row) => [row.identities, row.loss])).toEqual([
			[3, 'modified'],
			[3, 'modified'],
			[3, 'asoftmax'],
			[6, 'modified'],
			[6, 'modified'],
			[6, 'asoftmax']
		]);
		for (const row of r.rows.filter((x) => x.loss === 'modified')) {
			// The same loss twice on the same seeds: identical runs, so every difference is 0.
			for (const k of DELTA_METRICS) expect(row.delta?.[k]).toMatchObject({ mean: 0, std: 0 });
		}
		const [a, b] = r.runs.filter((x) => x.identities === 3 && x.seed === 2);
		expect(b.verifAUC).toBe(a.verifAUC);
		expect(b.finalLoss).toBe(a.finalLoss);
		// A-Softmax's Δ is its own run minus modified's, seed by seed.
		const as = r.rows[2];
		const diffs = [2, 3].map((seed) => {
			const [mod, asm] = ['modified', 'asoftmax'].map((loss) =>
				r.runs.find((x) => x.identities === 3 && x.seed === seed && x.loss === loss)!
			);
			return asm.verifAUC! - mod.verifAUC!;
		});
		expect(as.delta?.verifAUC?.mean).toBeCloseTo((diffs[0] + diffs[1]) / 2, 12);
		expect(as.delta?.verifAUC?.ahead).toBe(diffs.filter((d) => d > 0).length);
		// The new people are the same at every identity count: the raw-input figures agree.
		const [few, many] = r.inputBaselines.map((x) => x.baseline);
		expect(many.verifAUC).toBe(few.verifAUC);
		expect(many.rank1).toBe(few.rank1);
		expect(many.seenVerifAUC).not.toBe(few.seenVerifAUC);
	}, 60_000);

	test('the two test sets: new people are the held-out identities, known people the seen test photos', async () => {
		const r = await runOpenSetExperiment({ ...tiny, seeds: [2], losses: [tiny.losses![0]] });
		const run = r.runs[0];
		// 4 held-out identities of 15 photos; 6 seen identities with round(0.25 · 15) = 4 test photos.
		expect([run.report.points, run.report.classes]).toEqual([60, 4]);
		expect([run.seenReport.points, run.seenReport.classes]).toEqual([24, 6]);
		expect(run.identities).toBe(6);
		expect(run.unseen).toBe(4);
		expect(run.seenVerifAUC).not.toBeNull();
		expect(run.maxIntraDeg).toBeGreaterThan(0);
	});

	test('settings that would be clamped, and an empty seed list, are refused', async () => {
		await expect(runOpenSetExperiment({ ...tiny, seeds: [] })).rejects.toThrow(/at least one seed/);
		await expect(runOpenSetExperiment({ ...tiny, data: { inputDim: 40 } })).rejects.toThrow(
			/clamped: inputDim 40/
		);
		await expect(
			runOpenSetExperiment({ ...tiny, losses: [{ loss: 'cosface', m: 3 }] })
		).rejects.toThrow(/clamped: m 3/);
	});

	test('an aborted sweep stops between chunks', async () => {
		const controller = new AbortController();
		const done = runOpenSetExperiment({
			...tiny,
			signal: controller.signal,
			onProgress: () => controller.abort(new Error('stop'))
		});
		await expect(done).rejects.toThrow(/stop/);
	});
});

describe('the fair protocol (issue 24)', () => {
	const tiny: ExperimentConfig = {
		seeds: [2],
		steps: 40,
		chunk: 20,
		unseen: 4,
		data: { pointsPerClass: 15 },
		model: { hiddenUnits: 8 }
	};

	beforeAll(async () => {
		await tf.setBackend('cpu');
		await tf.ready();
	});

	test('a grid margin is chosen on validation seeds by validation TAR, then tested on the test seeds', async () => {
		const r = await runOpenSetExperiment({
			...tiny,
			validationSeeds: [1001, 1002],
			losses: [
				{ loss: 'modified', m: null },
				{ loss: 'cosface', m: 0.35, grid: [0.05, 0.35] }
			]
		});
		const row = r.rows[1];
		expect(row.trials!.map((t) => t.m)).toEqual([0.05, 0.35]);
		const best = row.trials!.reduce((a, b) => ((b.score ?? -1) > (a.score ?? -1) ? b : a));
		expect(row.m).toBe(best.m);
		expect(row.requestedM).toBe(0.35);
		// Only test seeds reach the table; every test run of the row trained at the chosen margin.
		expect(r.runs.map((x) => x.seed)).toEqual([2, 2]);
		expect(r.runs[1].m).toBe(best.m);
		expect(r.validationSeeds).toEqual([1001, 1002]);
		await expect(
			runOpenSetExperiment({
				...tiny,
				validationSeeds: [2],
				losses: [{ loss: 'modified', m: null }]
			})
		).rejects.toThrow(/Seed 2 is both a test and a validation seed/);
	}, 60_000);

	test('A-Softmax ends at λ’s floor on the run’s clock (the pure variant at 0), and reports the wedge it enforced', async () => {
		const r = await runOpenSetExperiment({
			...tiny,
			losses: [
				{ loss: 'modified', m: null },
				{ loss: 'asoftmax', m: 4 },
				{ loss: 'asoftmax', m: 4, variant: 'pure' },
				{ loss: 'arcface', m: 0.3 }
			]
		});
		const [mod, annealed, pure, arc] = r.runs;
		expect(mod.effectiveMarginDeg).toBe(0);
		expect(annealed.lambdaEnd).toBe(5);
		expect(pure.lambdaEnd).toBe(0);
		expect(pure.variant).toBe('pure');
		expect(r.rows[2].variant).toBe('pure');
		for (const run of [annealed, pure]) {
			const gap = (run.weightGapDeg! * Math.PI) / 180;
			const expected = marginBetweenBoundaries('asoftmax', gap, { m: 4, lambda: run.lambdaEnd! });
			expect(run.effectiveMarginDeg!).toBeCloseTo(((expected ?? gap) * 180) / Math.PI, 9);
		}
		// λ = 5 enforces less than the pure margin between weights as far apart.
		expect(annealed.effectiveMarginDeg! / annealed.weightGapDeg!).toBeLessThan(
			pure.effectiveMarginDeg! / pure.weightGapDeg!
		);
		// ArcFace's wedge is its margin in degrees while the weights are further apart than m.
		if (arc.weightGapDeg! > 0.3 * (180 / Math.PI)) {
			expect(arc.effectiveMarginDeg!).toBeCloseTo(0.3 * (180 / Math.PI), 6);
		}
		// Every row carries bootstrap intervals only with ≥ 2 seeds.
		expect(r.rows[1].delta!.tarAtFar1e2!.ci95).toBeNull();
		expect(r.rows[1].delta!.tarAtFar1e2!.verdict).toBe('none');
	}, 60_000);
});
