/**
 * A measured identity sweep saved as JSON (`npm run experiment -- … --save file`): what the
 * /compare page shows before a reader runs the sweep in the browser, so a teacher has the
 * answer at once and can still re-measure it live. Read defensively: a file that is not one
 * gives null and a reason (a notice, see `SavedSweepRead`), never a broken view.
 */
import { LOSS_KINDS } from '../math/margins';
import type { Baseline } from '../model/experimentRun';
import type { ExperimentResult } from '../model/experiment';
import type { ExperimentRow } from '../math/experimentTable';
import { notice, type Notice, type NoticeParams, type SavedSweepNoticeKey } from '../math/notice';
import { noticeText } from '../i18n/index';

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
function deltaProblem(d: unknown): Notice | null {
	if (d === null) return null;
	if (typeof d !== 'object') return notice('sweepDeltaNotObject');
	const x = d as Record<string, unknown>;
	if (!isNum(x.mean) || !isNum(x.std)) return notice('sweepDeltaNotNumber');
	if (x.ahead !== undefined && !isNum(x.ahead)) return notice('sweepDeltaNoAhead');
	if (x.seeds !== undefined && !isNum(x.seeds)) return notice('sweepDeltaNoSeeds');
	const ci = x.ci95;
	if (ci !== undefined && ci !== null && !(Array.isArray(ci) && ci.length === 2 && ci.every(isNum)))
		return notice('sweepIntervalNotTwo');
	if (x.verdict !== undefined && !['helps', 'hurts', 'none'].includes(x.verdict as string))
		return notice('sweepUnknownVerdict', { value: String(x.verdict) });
	return null;
}

/**
 * Why `row` is not a table row, or null when it is one. Fields added with the fair protocol
 * (margin trials, effective margin, λ at the end, intervals and verdicts, the 'pure'
 * variant) may be absent (files saved before it) but are checked when present.
 */
function rowProblem(row: unknown): Notice | null {
	if (typeof row !== 'object' || row === null) return notice('sweepRowNotObject');
	const r = row as Record<string, unknown>;
	if (!LOSS_KINDS.includes(r.loss as never))
		return notice('sweepUnknownLoss', { value: String(r.loss) });
	if (!isNum(r.identities) || !isNum(r.seeds)) return notice('sweepRowNoCounts');
	if (!isNumOrNull(r.m) || !isNumOrNull(r.requestedM)) return notice('sweepRowNoMargin');
	if (r.variant !== undefined && r.variant !== 'pure')
		return notice('sweepUnknownVariant', { value: String(r.variant) });
	for (const k of ['verifAUC', 'tarAtFar1e2', 'trainAcc', 'closedSetAcc', 'seenVerifAUC']) {
		if (!isNumOrNull(r[k])) return notice('sweepFieldNotNumber', { field: k });
	}
	for (const k of [
		'effectiveMarginDeg',
		'lambdaEnd',
		'weightGapDeg',
		'maxIntraDeg',
		'minInterDeg'
	]) {
		if (!isOptNum(r[k])) return notice('sweepFieldNotNumber', { field: k });
	}
	if (typeof r.spread !== 'object' || r.spread === null)
		return notice('sweepRowNoField', { field: 'spread' });
	if (r.trials !== undefined && r.trials !== null) {
		if (!Array.isArray(r.trials)) return notice('sweepNotList', { field: 'trials' });
		for (const t of r.trials as unknown[]) {
			const x = (t ?? {}) as Record<string, unknown>;
			if (!isNum(x.m) || !isNumOrNull(x.score)) return notice('sweepTrialNotNumber');
		}
	}
	if (r.delta !== null && typeof r.delta !== 'object')
		return notice('sweepFieldNotObject', { field: 'delta' });
	for (const d of Object.values((r.delta ?? {}) as Record<string, unknown>)) {
		const problem = deltaProblem(d);
		if (problem) return problem;
	}
	return null;
}

/**
 * A saved sweep as read: the sweep, or null and why not. `notice` is the reason for pages (a
 * clause for 'idsweep.badSaved', written in the page's language); `problem` is the same
 * reason in English, for logs and the command line (`npm run claims`).
 */
export type SavedSweepRead =
	| { sweep: SavedSweep; notice: null; problem: null }
	| { sweep: null; notice: Notice; problem: string };

/** The refusal of a saved sweep for the reason `n`. */
export function sweepRefused(n: Notice): SavedSweepRead {
	return { sweep: null, notice: n, problem: noticeText('en', n) };
}

/** The saved sweep in `json`, or null and the reason it is not one. */
export function parseSavedSweep(json: unknown): SavedSweepRead {
	const fail = (key: SavedSweepNoticeKey, params: NoticeParams = {}) =>
		sweepRefused(notice(key, params));
	if (typeof json !== 'object' || json === null) return fail('sweepNotObject');
	const s = json as Record<string, unknown>;
	if (s.kind !== SAVED_SWEEP_KIND || s.version !== 1) return fail('sweepWrongKind');
	if (!Array.isArray(s.rows) || s.rows.length === 0) return fail('sweepNoRows');
	if (!Array.isArray(s.seeds) || !s.seeds.every(isNum)) return fail('sweepNoSeeds');
	for (const k of ['steps', 'featureDim', 'unseen', 'seconds', 'hiddenUnits']) {
		if (!isNum(s[k])) return fail('sweepFieldNotNumber', { field: k });
	}
	for (const row of s.rows) {
		const problem = rowProblem(row);
		if (problem) return sweepRefused(problem);
	}
	if (!Array.isArray(s.inputBaselines)) return fail('sweepNoBaselines');
	return { sweep: s as unknown as SavedSweep, notice: null, problem: null };
}
