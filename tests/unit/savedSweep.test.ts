/**
 * The saved identity sweep: the file the site ships (static/data/identity-sweep.json, from
 * `npm run experiment -- … --save`) parses and is what it says; anything else is refused with
 * a reason, never half-read; the loader turns network failures into reasons too.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseSavedSweep, SAVED_SWEEP_KIND, toSaved } from '../../src/lib/state/savedSweep';
import { loadSavedSweep } from '../../src/lib/state/savedSweepLoader';
import { DELTA_METRICS, IDENTITY_SWEEP } from '../../src/lib/model/experimentTable';
import type { ExperimentResult } from '../../src/lib/model/experiment';

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
		]
	])('%s', (_name, json, problem) => {
		const r = parseSavedSweep(json);
		expect(r.sweep).toBeNull();
		expect(r.problem).toMatch(problem);
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
		expect(await loadSavedSweep('/x', status(404))).toEqual({ sweep: null, problem: 'HTTP 404' });
		const offline = (async () => {
			throw new TypeError('Failed to fetch');
		}) as typeof fetch;
		expect(await loadSavedSweep('/x', offline)).toEqual({
			sweep: null,
			problem: 'Failed to fetch'
		});
		const garbage = (async () => new Response('{not json')) as typeof fetch;
		expect((await loadSavedSweep('/x', garbage)).problem).toBeTruthy();
		const good = (async () => new Response(JSON.stringify(shipped))) as typeof fetch;
		expect((await loadSavedSweep('/x', good)).sweep?.rows.length).toBe(shipped.rows.length);
	});
});
