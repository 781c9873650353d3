/**
 * The experiment CLI's pure parts: option parsing, the markdown table and the JSON line.
 * Kept free of tfjs so unit tests can import it without registering a backend.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { DIGITS_INPUT_DIM, DIGITS_PER_CLASS, MAX_FEATURE_DIM } from '../../src/lib/math/limits';
import { DIGITS_HIDDEN_UNITS } from '../../src/lib/math/settingRows';
import {
	hasMargin,
	isMetricLoss,
	LOSS_KINDS,
	MARGIN_LIMITS,
	type LossKind
} from '../../src/lib/math/margins';
import type { ExperimentResult } from '../../src/lib/model/experiment';
import {
	DEFAULT_EXPERIMENT_STEPS,
	DEFAULT_IDENTITIES,
	DEFAULT_SWEEP,
	VALIDATION_SEEDS,
	DEFAULT_UNSEEN,
	EXPERIMENT_DATA,
	EXPERIMENT_MODEL
} from '../../src/lib/model/experimentDefaults';
import {
	IDENTITY_SWEEP,
	NEGATIVE_SWEEP,
	type DeltaMetric,
	type ExperimentRow,
	type LossSpec,
	type RunMetrics
} from '../../src/lib/math/experimentTable';

/** What the command line asks for. */
export interface CliOptions {
	json: boolean;
	/** The data: toy identities, or real digits (held-out digits are the new people). */
	data: 'identities' | 'digits';
	seeds: number;
	steps: number;
	seed: number;
	points: number;
	noise: number;
	inputDim: number;
	featureDim: number;
	hiddenUnits: number;
	identities: number[];
	unseen: number;
	losses: LossSpec[];
	/** Where to write the result as a saved sweep (null: nowhere). */
	save: string | null;
	/** Validation runs per grid margin (their seeds: VALIDATION_SEEDS' first N; 0: none). */
	validationSeeds: number;
	/** Worker threads the runs are spread over. */
	workers: number;
}

/**
 * --losses: comma-separated `loss` or `loss:m` (softmax, modified, asoftmax:2, cosface:0.35,
 * arcface:0.5, contrastive:1, triplet:1, center), or `paper` (the default: softmax, contrastive,
 * triplet, center loss, modified, A-Softmax m = 1–4, CosFace, ArcFace)
 * `identity` (the identity sweep's ten, with the margin grids), `angular` (its losses with class
 * weights: softmax, modified, A-Softmax m = 2, 4 and 4 with λ → 0, CosFace, ArcFace) or
 * `margins` (the same without softmax), or `negative` (modified softmax, CosFace and ArcFace
 * with their positive and their negative margin grids: NEGATIVE_SWEEP).
 */
function lossesOption(raw: string | undefined): LossSpec[] {
	if (raw === undefined || raw === 'paper') return [...DEFAULT_SWEEP];
	if (raw === 'identity') return [...IDENTITY_SWEEP];
	if (raw === 'negative') return [...NEGATIVE_SWEEP];
	if (raw === 'angular') return IDENTITY_SWEEP.filter((s) => !isMetricLoss(s.loss));
	if (raw === 'margins')
		return IDENTITY_SWEEP.filter((s) => !isMetricLoss(s.loss) && s.loss !== 'softmax');
	return raw.split(',').map((token) => {
		const [name, m, extra, more] = token.split(':');
		const loss = LOSS_KINDS.find((k) => k === name);
		const margin = m === undefined ? null : Number(m);
		const pure = extra === 'pure' && loss === 'asoftmax';
		if (
			!loss ||
			(extra !== undefined && !pure) ||
			more !== undefined ||
			(margin !== null && (m.trim() === '' || !Number.isFinite(margin)))
		) {
			throw new RangeError(
				`--losses ${token}: expected paper, identity, angular, margins, negative or a list of ${LOSS_KINDS.join('|')}[:m] (asoftmax:m:pure for λ = 0 after the warm-up)`
			);
		}
		const spec: LossSpec = {
			loss,
			m: hasMargin(loss) ? (margin ?? MARGIN_LIMITS[loss].default) : null
		};
		return pure ? { ...spec, variant: 'pure' } : spec;
	});
}

export const QUICK = { seeds: 1, steps: 150, points: 40 };

/** Held-out digits by default with --data digits: 0, 1 and 2 are the new people. */
export const DIGITS_UNSEEN = 3;

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
			units: { type: 'string' },
			identities: { type: 'string' },
			unseen: { type: 'string' },
			losses: { type: 'string' },
			data: { type: 'string' },
			save: { type: 'string' },
			'validation-seeds': { type: 'string' },
			workers: { type: 'string' }
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
	const data = values.data ?? 'identities';
	if (data !== 'identities' && data !== 'digits') {
		throw new RangeError(`--data ${data}: expected identities or digits`);
	}
	const digits = data === 'digits';
	if (digits && (values.identities !== undefined || values['input-dim'] !== undefined)) {
		throw new RangeError(
			'--data digits: the ten digits are the identities and their 196 pixels the inputs; use --unseen for the held-out digits'
		);
	}
	// Digits: digits 0…unseen−1 are the new people, the other 10 − unseen the known ones.
	const unseen = num('unseen', values.unseen, digits ? DIGITS_UNSEEN : DEFAULT_UNSEEN, 2, 100);
	if (digits && unseen > 8) throw new RangeError(`--unseen ${unseen}: digits leave 2 to 8 unseen`);
	const identities = digits
		? [10 - unseen]
		: values.identities === undefined
			? [...DEFAULT_IDENTITIES]
			: values.identities.split(',').map((t) => num('identities', t, 0, 2, 250));
	if (new Set(identities).size !== identities.length) {
		throw new RangeError(`--identities ${values.identities}: each count once`);
	}
	return {
		json: values.json,
		data,
		seeds: num('seeds', values.seeds, q ? QUICK.seeds : 10, 1, 100),
		steps: num('steps', values.steps, q ? QUICK.steps : DEFAULT_EXPERIMENT_STEPS, 1, 100_000),
		seed: num('seed', values.seed, 1, 0, 2147483547),
		points: num(
			'points',
			values.points,
			q ? QUICK.points : EXPERIMENT_DATA.pointsPerClass,
			5,
			digits ? DIGITS_PER_CLASS : 2000
		),
		noise: num('noise', values.noise, EXPERIMENT_DATA.noise, 0, 1, false),
		inputDim: digits
			? DIGITS_INPUT_DIM
			: num('input-dim', values['input-dim'], EXPERIMENT_DATA.inputDim, 2, 16),
		featureDim: num(
			'feature-dim',
			values['feature-dim'],
			EXPERIMENT_MODEL.featureDim,
			2,
			MAX_FEATURE_DIM
		),
		hiddenUnits: num(
			'units',
			values.units,
			digits ? DIGITS_HIDDEN_UNITS : EXPERIMENT_MODEL.hiddenUnits,
			1,
			512
		),
		identities,
		unseen,
		losses: lossesOption(values.losses),
		save: values.save ?? null,
		validationSeeds: num(
			'validation-seeds',
			values['validation-seeds'],
			q ? 0 : VALIDATION_SEEDS.length,
			0,
			VALIDATION_SEEDS.length
		),
		workers: num('workers', values.workers, availableParallelism(), 1, 64)
	};
}

/** "A-Softmax m = 2", "softmax", … (a chosen margin says so: "CosFace m = 0.2 (chosen)"). */
export function lossLabel(
	s: LossSpec & { mScaled?: boolean; trials?: { m: number }[] | null }
): string {
	const names: Record<LossKind, string> = {
		softmax: 'softmax',
		contrastive: 'contrastive',
		triplet: 'triplet',
		center: 'center loss',
		combined: 'combined margin',
		modified: 'modified',
		asoftmax: 'A-Softmax',
		cosface: 'CosFace',
		arcface: 'ArcFace'
	};
	if (s.m === null) return names[s.loss];
	const chosen = s.trials ? ` (chosen of ${s.trials.map((t) => t.m).join(', ')})` : '';
	const pure = s.variant === 'pure' ? ', λ → 0' : '';
	return `${names[s.loss]} m = ${s.m}${pure}${s.mScaled ? ' (fitted)' : ''}${chosen}`;
}

export const fmt = (v: number | null, digits = 3) => (v === null ? '—' : v.toFixed(digits));
const signed = (v: number, digits = 3) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(digits)}`;

/** The table's columns: a metric (mean ± std over seeds) or a paired difference against modified. */
const COLUMNS: { head: string; key: keyof RunMetrics; delta?: DeltaMetric; digits?: number }[] = [
	{ head: 'Δ TAR new people [95 % CI] (ahead)', key: 'tarAtFar1e2', delta: 'tarAtFar1e2' },
	{ head: 'Δ AUC new people', key: 'verifAUC', delta: 'verifAUC' },
	{ head: 'Δ rank-1 new people', key: 'rank1', delta: 'rank1' },
	{ head: 'Δ TAR known people', key: 'seenTarAtFar1e2', delta: 'seenTarAtFar1e2' },
	{ head: 'effective margin (°)', key: 'effectiveMarginDeg', digits: 1 },
	{ head: 'λ at the end', key: 'lambdaEnd', digits: 2 },
	{ head: 'train acc', key: 'trainAcc' },
	{ head: 'closed-set acc', key: 'closedSetAcc' },
	{ head: 'new people: verif AUC', key: 'verifAUC' },
	{ head: 'TAR @ FAR 1e-2', key: 'tarAtFar1e2' },
	{ head: 'rank-1', key: 'rank1' },
	{ head: 'known people, new photos: verif AUC', key: 'seenVerifAUC' },
	{ head: 'TAR @ FAR 1e-2', key: 'seenTarAtFar1e2' },
	{ head: 'rank-1', key: 'seenRank1' },
	{ head: 'max intra (°)', key: 'maxIntraDeg', digits: 1 },
	{ head: 'min inter (°)', key: 'minInterDeg', digits: 1 }
];

function cell(row: ExperimentRow, c: (typeof COLUMNS)[number]): string {
	if (c.delta) {
		const d = row.delta?.[c.delta];
		if (!d || row.loss === 'modified') return '—';
		return d.ci95
			? `${signed(d.mean)} [${signed(d.ci95[0])}, ${signed(d.ci95[1])}] (${d.ahead}/${d.seeds})`
			: signed(d.mean);
	}
	const s = row.spread[c.key];
	const digits = c.digits ?? 3;
	return s && row.seeds > 1
		? `${fmt(row[c.key], digits)} ± ${fmt(s.std, digits)}`
		: fmt(row[c.key], digits);
}

/**
 * The markdown table: per identity count and loss, mean ± sample std over seeds, paired
 * differences against modified softmax (with the seeds it was ahead on), and the raw inputs.
 */
export function markdownTable(r: ExperimentResult): string {
	const head = ['seen ids', 'loss', ...COLUMNS.map((c) => c.head), 'seeds'];
	const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
	for (const row of r.rows) {
		const notes = [
			row.diverged > 0 ? `${row.diverged} diverged` : '',
			row.unconverged > 0 ? `${row.unconverged} unconverged` : ''
		].filter(Boolean);
		const seeds = notes.length > 0 ? `${row.seeds} (${notes.join(', ')})` : `${row.seeds}`;
		const cells = COLUMNS.map((c) => cell(row, c));
		lines.push(`| ${row.identities} | ${lossLabel(row)} | ${cells.join(' | ')} | ${seeds} |`);
	}
	for (const { identities, baseline: b } of r.inputBaselines) {
		const cells = COLUMNS.map((c) =>
			c.delta || !(c.key in b) ? '—' : fmt(b[c.key as keyof typeof b], c.digits ?? 3)
		);
		lines.push(
			`| ${identities} | *raw inputs (no training)* | ${cells.join(' | ')} | ${r.rows[0]?.seeds ?? 0} |`
		);
	}
	return lines.join('\n');
}

/** The keys of a JSON row, in order; every value a finite number (or the loss and m). */
export const JSON_KEYS = [
	'loss',
	'm',
	'identities',
	'trainAcc',
	'closedSetAcc',
	'verifAUC',
	'seenVerifAUC',
	'tarAtFar1e2',
	'rank1',
	'seeds',
	'unseen',
	'verifAccBest',
	'seenTarAtFar1e2',
	'seenRank1',
	'maxIntraDeg',
	'minInterDeg'
] as const;

/** Paired differences against modified softmax in the JSON row (when it is in the sweep). */
const JSON_DELTAS: [string, DeltaMetric][] = [
	['deltaVerifAUC', 'verifAUC'],
	['deltaTarAtFar1e2', 'tarAtFar1e2'],
	['deltaRank1', 'rank1'],
	['deltaSeenVerifAUC', 'seenVerifAUC']
];

/** The JSON line: the agreed keys, finite numbers; a metric without a value is an error. */
export function jsonLine(r: ExperimentResult): string {
	const rows = r.rows.map((row) => {
		const out: Record<string, unknown> = {};
		for (const k of JSON_KEYS) {
			const v = row[k];
			if (k !== 'loss' && k !== 'm' && (typeof v !== 'number' || !Number.isFinite(v)))
				throw new Error(`${lossLabel(row)} at ${row.identities} identities: ${k} has no value`);
			out[k] = v;
		}
		if (row.mScaled || row.trials) out.requestedM = row.requestedM;
		if (row.trials) out.trials = row.trials;
		out.weightGapDeg = row.weightGapDeg;
		out.effectiveMarginDeg = row.effectiveMarginDeg;
		out.lambdaEnd = row.lambdaEnd;
		if (row.delta) {
			for (const [name, key] of JSON_DELTAS) {
				const d = row.delta[key];
				if (!d) throw new Error(`${lossLabel(row)}: ${name} has no value`);
				out[name] = d.mean;
				out[`${name}CI95`] = d.ci95;
				out[`${name}Ahead`] = d.ahead;
			}
		}
		return out;
	});
	return JSON.stringify({ rows });
}
