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
import {
	DEFAULT_EXPERIMENT_STEPS,
	DEFAULT_SWEEP,
	EXPERIMENT_DATA,
	EXPERIMENT_MODEL,
	METRICS,
	runOpenSetExperiment,
	UNCONVERGED_BELOW,
	type ExperimentConfig,
	type ExperimentProgress,
	type ExperimentResult
} from '../../src/lib/model/experiment';
import { jsonLine, markdownTable, parseCli, QUICK } from '../experiment/cli';

const run = promisify(execFile);

/** The CLI with a tiny configuration; resolves to stdout's last line, parsed. */
async function cli(): Promise<{ rows: Record<string, unknown>[]; stdout: string }> {
	const args = ['tests/experiment/run.mjs', '--quick', '--steps', '60', '--points', '25'];
	const { stdout } = await run(process.execPath, [...args, '--json', '--seed', '4'], {
		cwd: process.cwd(),
		timeout: 90_000,
		maxBuffer: 1 << 24
	});
	const lines = stdout.trim().split('\n');
	return { ...JSON.parse(lines[lines.length - 1]), stdout };
}

const KEYS = [
	'loss',
	'm',
	'closedSetAcc',
	'verifAUC',
	'verifAccBest',
	'tarAtFar1e2',
	'rank1',
	'seeds'
];

describe('npm run experiment -- --json', () => {
	test('prints a markdown table, then one JSON line with the 8 rows; the same seed gives the same numbers', async () => {
		const first = await cli();
		expect(first.stdout).toMatch(/^\| loss \| closed-set acc \| verif AUC/m);
		expect(first.rows.map((r) => [r.loss, r.m])).toEqual(DEFAULT_SWEEP.map((s) => [s.loss, s.m]));
		expect(first.rows.map((r) => r.m)).toEqual([null, null, 1, 2, 3, 4, 0.35, 0.5]);
		for (const row of first.rows) {
			expect(Object.keys(row)).toEqual(KEYS);
			expect(row.seeds).toBe(1);
			for (const k of METRICS) {
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
			seeds: 3,
			steps: DEFAULT_EXPERIMENT_STEPS,
			seed: 1,
			points: EXPERIMENT_DATA.pointsPerClass,
			noise: EXPERIMENT_DATA.noise,
			inputDim: EXPERIMENT_DATA.inputDim,
			featureDim: EXPERIMENT_MODEL.featureDim,
			head: 'seen'
		});
		expect(parseCli(['--quick'])).toMatchObject({
			seeds: QUICK.seeds,
			steps: QUICK.steps,
			points: QUICK.points
		});
		expect(
			parseCli(['--quick', '--steps', '70', '--seed', '9', '--json', '--feature-dim', '2'])
		).toMatchObject({ steps: 70, seed: 9, json: true, featureDim: 2, seeds: 1, head: 'seen' });
		expect(parseCli(['--head', 'all']).head).toBe('all');
	});

	test.each([
		[['--seeds', '0'], /--seeds 0: expected an integer in 1–100/],
		[['--steps', '1.5'], /--steps 1.5: expected an integer/],
		[['--noise', 'abc'], /--noise abc: expected a number in 0–1/],
		[['--feature-dim', '4'], /--feature-dim 4/],
		[['--input-dim', ''], /--input-dim : expected/],
		[['--head', 'some'], /--head some: expected seen or all/],
		[['--bogus'], /bogus/]
	])('%j is refused: %s', (argv, message) => {
		expect(() => parseCli(argv)).toThrow(message);
	});
});

describe('the CLI output', () => {
	const spread = { std: 0.0123, min: 0.5, max: 0.7 };
	const metrics = {
		closedSetAcc: 0.9,
		verifAUC: 0.8,
		verifAccBest: 0.7,
		tarAtFar1e2: 0.25,
		rank1: 0.6
	};
	const result = {
		rows: [
			{
				loss: 'asoftmax',
				m: 4,
				seeds: 3,
				diverged: 1,
				unconverged: 2,
				...metrics,
				spread: Object.fromEntries(METRICS.map((k) => [k, spread]))
			}
		],
		inputBaseline: { verifAUC: 0.5, verifAccBest: 0.5, tarAtFar1e2: null, rank1: 0.25 }
	} as unknown as ExperimentResult;

	test('markdown: mean ± std per metric, notes on diverged and unconverged runs, the baseline row', () => {
		const lines = markdownTable(result).split('\n');
		expect(lines[2]).toBe(
			'| A-Softmax m = 4 | 0.900 ± 0.012 | 0.800 ± 0.012 | 0.700 ± 0.012 | 0.250 ± 0.012 | ' +
				'0.600 ± 0.012 | 3 (1 diverged, 2 unconverged) |'
		);
		expect(lines[3]).toBe('| *raw inputs (no training)* | — | 0.500 | 0.500 | — | 0.250 | 3 |');
	});

	test('JSON: the agreed keys only; a metric without a value is an error, not a null', () => {
		expect(JSON.parse(jsonLine(result))).toEqual({
			rows: [{ loss: 'asoftmax', m: 4, ...metrics, seeds: 3 }]
		});
		const broken = { ...result, rows: [{ ...result.rows[0], rank1: null }] };
		expect(() => jsonLine(broken)).toThrow(/A-Softmax m = 4: rank1 has no value/);
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
				const xs = runs.map((r) => r[key] as number);
				const mean = (xs[0] + xs[1]) / 2;
				expect(row[key]).toBeCloseTo(mean, 12);
				const s = row.spread[key]!;
				expect(s.min).toBe(Math.min(...xs));
				expect(s.max).toBe(Math.max(...xs));
				expect(s.std).toBeCloseTo(Math.abs(xs[0] - xs[1]) / Math.SQRT2, 12);
				expect(row[key]).toBeGreaterThanOrEqual(0);
				expect(row[key]).toBeLessThanOrEqual(1);
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

	test("head 'all' trains the held-out classes' rows as negatives: other numbers, same data", async () => {
		const one = { ...tiny, seeds: [2], losses: [{ loss: 'modified' as const, m: null }] };
		const seen = await runOpenSetExperiment(one);
		const all = await runOpenSetExperiment({ ...one, head: 'all' });
		expect(seen.head).toBe('seen');
		expect(all.head).toBe('all');
		expect(all.inputBaseline).toEqual(seen.inputBaseline);
		expect(all.runs[0].report.points).toBe(seen.runs[0].report.points);
		expect(all.runs[0].verifAUC).not.toBe(seen.runs[0].verifAUC);
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
