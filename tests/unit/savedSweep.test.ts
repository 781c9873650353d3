/**
 * The saved identity sweep: the file the site ships (static/data/identity-sweep.json, from
 * `npm run experiment -- … --save`) parses and is what it says; anything else is refused with
 * a reason, never half-read; the loader turns network failures into reasons too.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseSavedSweep, SAVED_SWEEP_KIND, toSaved } from '../../src/lib/state/savedSweep';
import { loadSavedSweep } from '../../src/lib/state/savedSweepLoader';
import { DELTA_METRICS, IDENTITY_SWEEP } from '../../src/lib/math/experimentTable';
import type { ExperimentResult } from '../../src/lib/model/experiment';
import { notice } from '../../src/lib/math/notice';

const shipped = JSON.parse(readFileSync('static/data/identity-sweep.json', 'utf8'));

describe('the shipped sweep', () => {
	test('parses, and covers every loss of the identity sweep at 6, 25, 100 and 200 identities', () => {
		const { sweep, problem } = parseSavedSweep(shipped);
		expect(problem).toBeNull();
		expect(sweep!.command).toMatch(/^npm run experiment -- /);
		expect(sweep!.identities).toEqual([6, 25, 100, 200]);
		expect(sweep!.seeds.length).toBeGreaterThanOrEqual(3);
		expect(sweep!.rows.map((r) => [r.identities, r.loss, r.requestedM])).toEqual(
			sweep!.identities.flatMap((n) => IDENTITY_SWEEP.map((s) => [n, s.loss, s.m]))
		);
		for (const row of sweep!.rows) {
			expect(row.seeds).toBe(sweep!.seeds.length);
			expect(row.trainAcc).toBeGreaterThan(0);
			// Modified softmax is the baseline: every paired difference of its own is exactly 0.
			if (row.loss === 'modified')
				for (const k of DELTA_METRICS) expect(row.delta![k]!.mean).toBe(0);
		}
	});
});

/** The first shipped row with one paired difference replaced. */
const withDelta = (d: Record<string, unknown>) => ({
	...shipped.rows[0],
	delta: { ...shipped.rows[0].delta, verifAUC: d }
});

/** Fields the fair protocol added to a row, and to a paired difference. */
const NEW_ROW = ['trials', 'effectiveMarginDeg', 'lambdaEnd', 'weightGapDeg', 'variant'];
const NEW_DELTA = ['ci95', 'verdict'];

describe('parseSavedSweep reads files from before and after the fair protocol', () => {
	const strip = (row: Record<string, unknown>) => {
		const old = Object.fromEntries(Object.entries(row).filter(([k]) => !NEW_ROW.includes(k)));
		const delta = row.delta as Record<string, Record<string, unknown> | null> | null;
		old.delta = delta
			? Object.fromEntries(
					Object.entries(delta).map(([k, d]) => [
						k,
						d && Object.fromEntries(Object.entries(d).filter(([j]) => !NEW_DELTA.includes(j)))
					])
				)
			: null;
		return old;
	};

	test('without intervals, trials or effective margins', () => {
		const old = { ...shipped, rows: shipped.rows.map(strip) };
		expect(parseSavedSweep(old).problem).toBeNull();
	});

	test('with intervals, verdicts, trials, effective margins and the pure variant', () => {
		const row = {
			...strip(shipped.rows[0]),
			loss: 'cosface',
			m: 0.2,
			requestedM: 0.35,
			trials: [
				{ m: 0.1, score: 0.6 },
				{ m: 0.2, score: 0.64 },
				{ m: 0.35, score: null }
			],
			effectiveMarginDeg: 11.5,
			lambdaEnd: 0,
			weightGapDeg: null,
			delta: {
				verifAUC: {
					mean: 0.01,
					std: 0.02,
					ahead: 6,
					seeds: 10,
					ci95: [-0.004, 0.02],
					verdict: 'none'
				}
			}
		};
		const pure = {
			...strip(shipped.rows[0]),
			loss: 'asoftmax',
			m: 4,
			requestedM: 4,
			variant: 'pure',
			trials: null
		};
		const r = parseSavedSweep({ ...shipped, rows: [row, pure] });
		expect(r.problem).toBeNull();
		expect(r.sweep!.rows[0].trials).toHaveLength(3);
		expect(r.sweep!.rows[1].variant).toBe('pure');
	});
});

describe('parseSavedSweep refuses what is not a saved sweep', () => {
	test.each([
		['null', null, /not a JSON object/],
		['another kind', { ...shipped, kind: 'x' }, /not a saved identity sweep/],
		['no rows', { ...shipped, rows: [] }, /no rows/],
		['a string where a number goes', { ...shipped, steps: '800' }, /steps is not a number/],
		[
			'an unknown loss',
			{ ...shipped, rows: [{ ...shipped.rows[0], loss: 'magic' }] },
			/unknown loss magic/
		],
		[
			'a non-numeric metric',
			{ ...shipped, rows: [{ ...shipped.rows[0], verifAUC: 'high' }] },
			/verifAUC is not a number/
		],
		[
			'a broken difference',
			{ ...shipped, rows: [{ ...shipped.rows[0], delta: { verifAUC: { mean: null, std: 0 } } }] },
			/paired difference/
		],
		[
			'an interval of one number',
			{ ...shipped, rows: [withDelta({ mean: 0.1, std: 0.1, ci95: [0.1] })] },
			/95 % interval/
		],
		[
			'an unknown verdict',
			{ ...shipped, rows: [withDelta({ mean: 0.1, std: 0.1, ci95: null, verdict: 'maybe' })] },
			/unknown verdict maybe/
		],
		[
			'trials that are not margins',
			{ ...shipped, rows: [{ ...shipped.rows[0], trials: [{ m: 'big', score: 0.5 }] }] },
			/margin trial/
		],
		[
			'an unknown variant',
			{ ...shipped, rows: [{ ...shipped.rows[0], variant: 'impure' }] },
			/unknown variant impure/
		],
		[
			'a text effective margin',
			{ ...shipped, rows: [{ ...shipped.rows[0], effectiveMarginDeg: '12°' }] },
			/effectiveMarginDeg is not a number/
		],
		['no spread', { ...shipped, rows: [{ ...shipped.rows[0], spread: null }] }, /no spread/]
	])('%s', (_name, json, problem) => {
		const r = parseSavedSweep(json);
		expect(r.sweep).toBeNull();
		expect(r.problem).toMatch(problem);
		expect(r.notice).not.toBeNull();
	});

	test('toSaved writes what parseSavedSweep reads', () => {
		const result = {
			rows: shipped.rows,
			inputBaselines: shipped.inputBaselines,
			identities: shipped.identities,
			unseen: shipped.unseen,
			model: { featureDim: 8, hiddenUnits: 32 },
			steps: 50
		} as unknown as ExperimentResult;
		const saved = toSaved(result, { command: 'x', backend: 'cpu', seconds: 1, seeds: [1] });
		expect(saved.kind).toBe(SAVED_SWEEP_KIND);
		expect(parseSavedSweep(JSON.parse(JSON.stringify(saved))).problem).toBeNull();
	});
});

describe('loadSavedSweep', () => {
	test('an HTTP error, a network failure and bad JSON become reasons', async () => {
		const status = (n: number) => (async () => new Response('', { status: n })) as typeof fetch;
		expect(await loadSavedSweep('/x', status(404))).toEqual({
			sweep: null,
			notice: notice('sweepHttp', { status: 404 }),
			problem: 'HTTP 404'
		});
		const offline = (async () => {
			throw new TypeError('Failed to fetch');
		}) as typeof fetch;
		expect(await loadSavedSweep('/x', offline)).toEqual({
			sweep: null,
			notice: notice('sweepNotLoaded', { detail: 'Failed to fetch' }),
			problem: 'Failed to fetch'
		});
		const garbage = (async () => new Response('{not json')) as typeof fetch;
		const bad = await loadSavedSweep('/x', garbage);
		expect(bad.notice?.key).toBe('sweepNotJson');
		expect(bad.problem).toMatch(/^not valid JSON: ./);
		const good = (async () => new Response(JSON.stringify(shipped))) as typeof fetch;
		expect((await loadSavedSweep('/x', good)).sweep?.rows.length).toBe(shipped.rows.length);
	});
});
