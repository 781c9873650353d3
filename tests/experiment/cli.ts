/**
 * The experiment CLI's pure parts: option parsing, the markdown table and the JSON line.
 * Kept free of tfjs so unit tests can import it without registering a backend.
 */
import { parseArgs } from 'node:util';
import {
	DEFAULT_EXPERIMENT_STEPS,
	EXPERIMENT_DATA,
	EXPERIMENT_MODEL,
	METRICS,
	type ExperimentResult,
	type HeadMode,
	type LossSpec,
	type RunMetrics
} from '../../src/lib/model/experiment';

/** What the command line asks for. */
export interface CliOptions {
	json: boolean;
	seeds: number;
	steps: number;
	seed: number;
	points: number;
	noise: number;
	inputDim: number;
	featureDim: 2 | 3;
	head: HeadMode;
}

export const QUICK = { seeds: 1, steps: 150, points: 40 };

/** Parses argv (without node and the script); throws a plain message on a bad value. */
export function parseCli(argv: string[]): CliOptions {
	const { values } = parseArgs({
		args: argv,
		options: {
			json: { type: 'boolean', default: false },
			quick: { type: 'boolean', default: false },
			seeds: { type: 'string' },
			steps: { type: 'string' },
			seed: { type: 'string' },
			points: { type: 'string' },
			noise: { type: 'string' },
			'input-dim': { type: 'string' },
			'feature-dim': { type: 'string' },
			head: { type: 'string' }
		},
		strict: true
	});
	const num = (
		name: string,
		raw: string | undefined,
		def: number,
		lo: number,
		hi: number,
		int = true
	) => {
		if (raw === undefined) return def;
		const v = Number(raw);
		if (
			raw.trim() === '' ||
			!Number.isFinite(v) ||
			v < lo ||
			v > hi ||
			(int && !Number.isInteger(v))
		) {
			throw new RangeError(
				`--${name} ${raw}: expected ${int ? 'an integer' : 'a number'} in ${lo}–${hi}`
			);
		}
		return v;
	};
	const q = values.quick;
	return {
		json: values.json,
		seeds: num('seeds', values.seeds, q ? QUICK.seeds : 3, 1, 100),
		steps: num('steps', values.steps, q ? QUICK.steps : DEFAULT_EXPERIMENT_STEPS, 1, 100_000),
		seed: num('seed', values.seed, 1, 0, 2147483547),
		points: num(
			'points',
			values.points,
			q ? QUICK.points : EXPERIMENT_DATA.pointsPerClass,
			5,
			2000
		),
		noise: num('noise', values.noise, EXPERIMENT_DATA.noise, 0, 1, false),
		inputDim: num('input-dim', values['input-dim'], EXPERIMENT_DATA.inputDim, 2, 16),
		featureDim: num('feature-dim', values['feature-dim'], EXPERIMENT_MODEL.featureDim, 2, 3) as
			2 | 3,
		head: headOption(values.head)
	};
}

/** --head seen|all (default seen). */
function headOption(raw: string | undefined): HeadMode {
	if (raw === undefined || raw === 'seen' || raw === 'all') return raw ?? 'seen';
	throw new RangeError(`--head ${raw}: expected seen or all`);
}

/** "A-Softmax m = 2", "softmax", … */
export function lossLabel(s: LossSpec): string {
	const names = {
		softmax: 'softmax',
		modified: 'modified',
		asoftmax: 'A-Softmax',
		cosface: 'CosFace',
		arcface: 'ArcFace'
	};
	return s.m === null ? names[s.loss] : `${names[s.loss]} m = ${s.m}`;
}

const HEADERS: Record<keyof RunMetrics, string> = {
	closedSetAcc: 'closed-set acc',
	verifAUC: 'verif AUC',
	verifAccBest: 'verif acc (best thr)',
	tarAtFar1e2: 'TAR @ FAR 1e-2',
	rank1: 'rank-1'
};

export const fmt = (v: number | null, digits = 3) => (v === null ? '—' : v.toFixed(digits));

/** The markdown table: mean ± sample std over seeds, and the raw-input reference row. */
export function markdownTable(r: ExperimentResult): string {
	const head = ['loss', ...METRICS.map((k) => HEADERS[k]), 'seeds'];
	const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
	for (const row of r.rows) {
		const cells = METRICS.map((k) => {
			const s = row.spread[k];
			return s ? `${fmt(row[k])} ± ${fmt(s.std)}` : fmt(row[k]);
		});
		const notes = [
			row.diverged > 0 ? `${row.diverged} diverged` : '',
			row.unconverged > 0 ? `${row.unconverged} unconverged` : ''
		].filter(Boolean);
		const seeds = notes.length > 0 ? `${row.seeds} (${notes.join(', ')})` : `${row.seeds}`;
		lines.push(`| ${lossLabel(row)} | ${cells.join(' | ')} | ${seeds} |`);
	}
	const b = r.inputBaseline;
	const baseline = [b.verifAUC, b.verifAccBest, b.tarAtFar1e2, b.rank1].map((v) => fmt(v));
	lines.push(
		`| *raw inputs (no training)* | — | ${baseline.join(' | ')} | ${r.rows[0]?.seeds ?? 0} |`
	);
	return lines.join('\n');
}

/** The JSON line: exactly the agreed keys, finite numbers. */
export function jsonLine(r: ExperimentResult): string {
	const rows = r.rows.map((row) => {
		const out: Record<string, unknown> = { loss: row.loss, m: row.m };
		for (const k of METRICS) {
			const v = row[k];
			if (v === null || !Number.isFinite(v))
				throw new Error(`${lossLabel(row)}: ${k} has no value`);
			out[k] = v;
		}
		out.seeds = row.seeds;
		return out;
	});
	return JSON.stringify({ rows });
}
