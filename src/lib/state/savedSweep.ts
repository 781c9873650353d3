/**
 * A measured identity sweep saved as JSON (`npm run experiment -- … --save file`): what the
 * /compare page shows before a reader runs the sweep in the browser, so a teacher has the
 * answer at once and can still re-measure it live. Read defensively: a file that is not one
 * gives null and a reason, never a broken view.
 */
import { LOSS_KINDS } from '../math/margins';
import type { Baseline } from '../model/experimentRun';
import type { ExperimentResult } from '../model/experiment';
import type { ExperimentRow } from '../math/experimentTable';

/** What the file holds (a subset of ExperimentResult, plus how it was measured). */
export interface SavedSweep {
	kind: typeof SAVED_SWEEP_KIND;
	version: 1;
	/** The command that measured it. */
	command: string;
	backend: string;
	seconds: number;
	seeds: number[];
	/** Seeds of the validation runs that chose the margins (absent in files from before). */
	validationSeeds?: number[];
	/** Worker threads the runs were spread over. */
	workers?: number;
	steps: number;
	featureDim: number;
	hiddenUnits: number;
	unseen: number;
	identities: number[];
	rows: ExperimentRow[];
	inputBaselines: { identities: number; baseline: Baseline }[];
}

export const SAVED_SWEEP_KIND = 'spherelab-identity-sweep';

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNumOrNull = (v: unknown) => v === null || isNum(v);

/** The saved form of a finished sweep. */
export function toSaved(
	r: ExperimentResult,
	how: {
		command: string;
		backend: string;
		seconds: number;
		seeds: number[];
		validationSeeds?: number[];
		workers?: number;
	}
): SavedSweep {
	return {
		kind: SAVED_SWEEP_KIND,
		version: 1,
		...how,
		steps: r.steps,
		featureDim: r.model.featureDim,
		hiddenUnits: r.model.hiddenUnits,
		unseen: r.unseen,
		identities: r.identities,
		rows: r.rows,
		inputBaselines: r.inputBaselines
	};
}

const isOptNum = (v: unknown) => v === undefined || isNumOrNull(v);

/** Why `d`, one paired difference, is not one (null: it is; interval and verdict optional). */
function deltaProblem(d: unknown): string | null {
	if (d === null) return null;
	if (typeof d !== 'object') return 'a paired difference is not an object';
	const x = d as Record<string, unknown>;
	if (!isNum(x.mean) || !isNum(x.std)) return 'a paired difference is not a number';
	if (x.ahead !== undefined && !isNum(x.ahead)) return 'a paired difference has no seeds ahead';
	if (x.seeds !== undefined && !isNum(x.seeds)) return 'a paired difference has no seed count';
	const ci = x.ci95;
	if (ci !== undefined && ci !== null && !(Array.isArray(ci) && ci.length === 2 && ci.every(isNum)))
		return 'a 95 % interval is not two numbers';
	if (x.verdict !== undefined && !['helps', 'hurts', 'none'].includes(x.verdict as string))
		return `unknown verdict ${String(x.verdict)}`;
	return null;
}

/**
 * Why `row` is not a table row, or null when it is one. Fields added with the fair protocol
 * (margin trials, effective margin, λ at the end, intervals and verdicts, the 'pure'
 * variant) may be absent (files saved before it) but are checked when present.
 */
function rowProblem(row: unknown): string | null {
	if (typeof row !== 'object' || row === null) return 'a row is not an object';
	const r = row as Record<string, unknown>;
	if (!LOSS_KINDS.includes(r.loss as never)) return `unknown loss ${String(r.loss)}`;
	if (!isNum(r.identities) || !isNum(r.seeds)) return 'a row has no identity count or seeds';
	if (!isNumOrNull(r.m) || !isNumOrNull(r.requestedM)) return 'a row has no margin';
	if (r.variant !== undefined && r.variant !== 'pure')
		return `unknown variant ${String(r.variant)}`;
	for (const k of ['verifAUC', 'tarAtFar1e2', 'trainAcc', 'closedSetAcc', 'seenVerifAUC']) {
		if (!isNumOrNull(r[k])) return `${k} is not a number`;
	}
	for (const k of [
		'effectiveMarginDeg',
		'lambdaEnd',
		'weightGapDeg',
		'maxIntraDeg',
		'minInterDeg'
	]) {
		if (!isOptNum(r[k])) return `${k} is not a number`;
	}
	if (typeof r.spread !== 'object' || r.spread === null) return 'a row has no spread';
	if (r.trials !== undefined && r.trials !== null) {
		if (!Array.isArray(r.trials)) return 'trials is not a list';
		for (const t of r.trials as unknown[]) {
			const x = (t ?? {}) as Record<string, unknown>;
			if (!isNum(x.m) || !isNumOrNull(x.score)) return 'a margin trial is not a number';
		}
	}
	if (r.delta !== null && typeof r.delta !== 'object') return 'delta is not an object';
	for (const d of Object.values((r.delta ?? {}) as Record<string, unknown>)) {
		const problem = deltaProblem(d);
		if (problem) return problem;
	}
	return null;
}

/** The saved sweep in `json`, or null and the reason it is not one. */
export function parseSavedSweep(json: unknown): {
	sweep: SavedSweep | null;
	problem: string | null;
} {
	const fail = (problem: string) => ({ sweep: null, problem });
	if (typeof json !== 'object' || json === null) return fail('not a JSON object');
	const s = json as Record<string, unknown>;
	if (s.kind !== SAVED_SWEEP_KIND || s.version !== 1) return fail('not a saved identity sweep');
	if (!Array.isArray(s.rows) || s.rows.length === 0) return fail('no rows');
	if (!Array.isArray(s.seeds) || !s.seeds.every(isNum)) return fail('no seeds');
	for (const k of ['steps', 'featureDim', 'unseen', 'seconds', 'hiddenUnits']) {
		if (!isNum(s[k])) return fail(`${k} is not a number`);
	}
	for (const row of s.rows) {
		const problem = rowProblem(row);
		if (problem) return fail(problem);
	}
	if (!Array.isArray(s.inputBaselines)) return fail('no raw-input baselines');
	return { sweep: s as unknown as SavedSweep, problem: null };
}
