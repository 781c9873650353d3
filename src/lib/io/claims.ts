/**
 * The lab's claims (static/data/claims.json, written by `npm run claims`): every measured
 * comparison a page states, as the paired difference of one loss against modified softmax
 * on the same seeds, with its 95 % bootstrap interval and a verdict that says "helps" or
 * "hurts" only when the interval excludes 0. Pages cite a claim by id and print its numbers
 * from here, so a sentence and its evidence cannot drift apart. Read defensively: a file
 * that is not one gives null and a reason.
 */
import type { Verdict } from '../math/bootstrap';

/** One measured comparison. */
export interface Claim {
	/** `<loss>.<identities>.<metric>`, e.g. `asoftmax-m2.25.tarAtFar1e2` (a preset's claims start with its name). */
	id: string;
	loss: string;
	/** The margin it trained with (chosen on validation runs where the sweep had a grid). */
	m: number | null;
	identities: number;
	/** A key of the experiment's rows: tarAtFar1e2, verifAUC, rank1, seenTarAtFar1e2, … */
	metric: string;
	/** Mean of the paired differences (this loss − modified softmax, same seed). */
	mean: number;
	ci95: [number, number];
	/** Sample standard deviation of the paired differences over seeds. */
	std: number;
	/** Seeds on which this loss was ahead. */
	ahead: number;
	seeds: number;
	verdict: Verdict;
	/** The mean of this loss and of modified softmax themselves (what the difference is between). */
	value: number;
	baseline: number;
	/** The wedge this loss trained under at the end (°), where it has class weights. */
	effectiveMarginDeg: number | null;
	/** The sweep it comes from (a key of `ClaimsFile.sweeps`). */
	sweep: string;
}

/** How one sweep behind the claims was run. */
export interface ClaimSweep {
	command: string;
	featureDim: number;
	steps: number;
	seeds: number[];
	validationSeeds: number[];
	identities: number[];
	unseen: number;
	seconds: number;
	workers: number;
}

export interface ClaimsFile {
	kind: typeof CLAIMS_KIND;
	/** The command that regenerates the whole file. */
	command: string;
	sweeps: Record<string, ClaimSweep>;
	claims: Claim[];
}

export const CLAIMS_KIND = 'spherelab-claims';

/** The metrics claims are made about (higher is better for every one). */
export const CLAIM_METRICS = [
	'tarAtFar1e2',
	'verifAUC',
	'rank1',
	'seenTarAtFar1e2',
	'closedSetAcc'
] as const;

/** The loss part of a claim id: `softmax`, `asoftmax-m2`, `cosface`, … (chosen margins are not in it). */
export function claimLossKey(
	loss: string,
	m: number | null,
	tuned: boolean,
	variant?: string
): string {
	// A tuned margin below zero (the negative-margin sweep's rows) is its own row: `cosface-neg`.
	const key =
		loss === 'asoftmax' && !tuned && m !== null
			? `asoftmax-m${m}`
			: tuned && m !== null && m < 0
				? `${loss}-neg`
				: loss;
	return variant ? `${key}-${variant}` : key;
}

/** The id of a claim. */
export function claimId(
	prefix: string,
	lossKey: string,
	identities: number,
	metric: string
): string {
	return `${prefix}${lossKey}.${identities}.${metric}`;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const VERDICTS: readonly Verdict[] = ['helps', 'hurts', 'none'];

/** Why `c` is not a claim, or null. */
function claimProblem(c: unknown): string | null {
	if (typeof c !== 'object' || c === null) return 'a claim is not an object';
	const r = c as Record<string, unknown>;
	if (typeof r.id !== 'string' || r.id === '') return 'a claim has no id';
	for (const k of ['mean', 'std', 'identities', 'ahead', 'seeds', 'value', 'baseline'])
		if (!isNum(r[k])) return `claim ${r.id}: ${k} is not a number`;
	if (!Array.isArray(r.ci95) || r.ci95.length !== 2 || !r.ci95.every(isNum))
		return `claim ${r.id}: ci95 is not an interval`;
	if (!VERDICTS.includes(r.verdict as Verdict)) return `claim ${r.id}: unknown verdict`;
	if (typeof r.metric !== 'string' || typeof r.loss !== 'string')
		return `claim ${r.id}: no metric or loss`;
	return null;
}

/** The claims file, checked; null and a reason when `json` is not one. */
export function parseClaims(json: unknown): { claims: ClaimsFile | null; problem: string | null } {
	if (typeof json !== 'object' || json === null) return { claims: null, problem: 'not an object' };
	const f = json as Record<string, unknown>;
	if (f.kind !== CLAIMS_KIND) return { claims: null, problem: 'not a SphereLab claims file' };
	if (typeof f.command !== 'string') return { claims: null, problem: 'no command' };
	if (!Array.isArray(f.claims)) return { claims: null, problem: 'no claims' };
	for (const c of f.claims) {
		const problem = claimProblem(c);
		if (problem) return { claims: null, problem };
	}
	const ids = new Set(f.claims.map((c: Claim) => c.id));
	if (ids.size !== f.claims.length) return { claims: null, problem: 'two claims share an id' };
	return { claims: json as ClaimsFile, problem: null };
}

/** A claim by id (undefined when there is none). */
export function claimById(file: ClaimsFile, id: string): Claim | undefined {
	return file.claims.find((c) => c.id === id);
}
