/**
 * The verification and identification views in numbers, without the DOM: which rows a test
 * set holds, the pair scores and exact ROC of those rows (computed once per snapshot), the
 * operating point of a threshold τ (counts, FAR, TAR), the τ that the tables use (FAR = 1e−2),
 * the acceptance cone of τ around a feature (an arc on the circle, a cap on the sphere), the
 * angle between two picked features, and a gallery search with the open-set reject rule.
 *
 * The rule everywhere is "same identity iff cos θ ≥ τ", as in roc.ts: the operating point of
 * τ is exactly a point of the ROC that `roc()` computes from the same scores.
 */
import { gallerySplit } from './identification';
import { cosine, unitRows } from './cosineRows';
import { createRng } from './rng';
import {
	compactRoc,
	DEFAULT_FAR,
	rocFromSweep,
	rocSweep,
	type CompactRoc,
	type RocSweep
} from './roc';
import { SPLIT } from './split';
import { pairScores } from './verification';
import type { FeatureRows, LabelArray } from './stats';

/** The two test sets: held-out identities ("new people") or the seen identities' test photos. */
export type TestSet = 'new' | 'known';

/** Pairs scored per test set before a seeded sample is taken (about 0.4 MB of scores). */
export const VIEW_MAX_PAIRS = 50_000;

/** Rows of a test set, in data set order: split === heldOut ('new') or split === test ('known'). */
export function testRows(split: ArrayLike<number>, which: TestSet, n = split.length): Int32Array {
	const want = which === 'new' ? SPLIT.heldOut : SPLIT.test;
	const rows: number[] = [];
	for (let r = 0; r < Math.min(n, split.length); r++) if (split[r] === want) rows.push(r);
	return Int32Array.from(rows);
}

/** What a test set lacks for verification, or null when it can be scored. */
export type VerificationProblem = 'noRows' | 'oneIdentity' | null;

/** The verification of one test set: pair scores, the exact ROC sweep and a curve to draw. */
export interface VerificationModel {
	/** Data set rows of the test set. */
	rows: Int32Array;
	/** Distinct identities among them. */
	identities: number;
	problem: VerificationProblem;
	/** Pairs scored (a seeded sample of `totalPairs` when `sampled`). */
	pairs: number;
	totalPairs: number;
	sampled: boolean;
	/** The exact sweep of the scores (every distinct score with its cumulative counts). */
	sweep: RocSweep;
	/** The ROC reduced for drawing. */
	roc: CompactRoc;
	auc: number | null;
}

/**
 * Scores every pair of the test set's rows by cosine (a seeded sample past maxPairs, the
 * same sample `pairScores` draws for the same seed) and sweeps them into the exact ROC.
 * Fewer than two identities: `problem` says why, and the curves are empty.
 */
export function verificationModel(
	features: FeatureRows,
	dim: number,
	labels: LabelArray,
	rows: Int32Array,
	opts: { maxPairs?: number; seed?: number } = {}
): VerificationModel {
	const identities = new Set(Array.from(rows, (r) => labels[r])).size;
	const problem: VerificationProblem =
		rows.length === 0 ? 'noRows' : identities < 2 ? 'oneIdentity' : null;
	const pairs = pairScores(features, dim, labels, problem ? [] : rows, {
		maxPairs: opts.maxPairs ?? VIEW_MAX_PAIRS,
		seed: opts.seed ?? 0
	});
	const sweep = rocSweep(pairs.scores, pairs.same);
	const curve = rocFromSweep(sweep);
	return {
		rows,
		identities,
		problem,
		pairs: pairs.scores.length,
		totalPairs: pairs.total,
		sampled: pairs.sampled,
		sweep,
		roc: compactRoc(curve),
		auc: curve.auc
	};
}

/** The rule "same iff cos θ ≥ τ" on a test set's pairs. */
export interface OperatingPoint {
	tau: number;
	/** Genuine pairs accepted and rejected; impostor pairs accepted and rejected. */
	genuineAccepted: number;
	genuineRejected: number;
	impostorAccepted: number;
	impostorRejected: number;
	/** impostorAccepted / impostors and genuineAccepted / genuines; null without such pairs. */
	far: number | null;
	tar: number | null;
}

/** Index of the last group with value ≥ τ in a decreasing array, or −1. */
function lastAtLeast(values: Float64Array, tau: number): number {
	let lo = -1;
	let hi = values.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (values[mid] >= tau) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}

/** The counts, FAR and TAR of the threshold τ (a NaN τ accepts nothing). */
export function operatingPoint(sweep: RocSweep, tau: number): OperatingPoint {
	const g = Number.isNaN(tau) ? -1 : lastAtLeast(sweep.values, tau);
	const tp = g >= 0 ? sweep.tp[g] : 0;
	const fp = g >= 0 ? sweep.fp[g] : 0;
	const P = sweep.positives;
	const N = sweep.negatives;
	return {
		tau,
		genuineAccepted: tp,
		genuineRejected: P - tp,
		impostorAccepted: fp,
		impostorRejected: N - fp,
		far: N > 0 ? fp / N : null,
		tar: P > 0 ? tp / P : null
	};
}

/**
 * The threshold of the tables' operating point: the lowest τ among the pair scores whose FAR
 * is still ≤ far (default 1e−2), which gives the TAR that `tarAtFar` reports. When even the
 * highest score passes the FAR, τ is just above it (nothing accepted). Null without both
 * genuine and impostor pairs.
 */
export function thresholdAtFar(sweep: RocSweep, far = DEFAULT_FAR): number | null {
	const { values, fp, positives, negatives } = sweep;
	if (positives === 0 || negatives === 0 || values.length === 0) return null;
	let best = -1;
	for (let g = 0; g < values.length && fp[g] / negatives <= far; g++) best = g;
	return best >= 0 ? values[best] : Math.min(1, values[0] + 1e-9);
}

/** The acceptance cone of τ around a feature on the circle: the arc of angles within arccos τ. */
export interface ConeArc {
	/** Direction of the centre feature (radians, counterclockwise from +x). */
	center: number;
	/** Half-angle α = arccos τ, in [0, π]. */
	half: number;
	/** The arc's ends, center ∓ α (from < to; the whole circle when α = π). */
	from: number;
	to: number;
}

/** τ clamped to [−1, 1] (NaN: 1, the narrowest cone). */
export function clampTau(tau: number): number {
	return Number.isNaN(tau) ? 1 : Math.min(1, Math.max(-1, tau));
}

/** The cone of τ around the 2-D feature (x, y); null for a feature without a direction. */
export function coneArc(x: number, y: number, tau: number): ConeArc | null {
	if (!(Number.isFinite(x) && Number.isFinite(y)) || (x === 0 && y === 0)) return null;
	const center = Math.atan2(y, x);
	const half = Math.acos(clampTau(tau));
	return { center, half, from: center - half, to: center + half };
}

/**
 * The rim of τ's cap around a 3-D feature on the unit sphere: `segments` points (closed: the
 * last equals the first) at angle arccos τ from the feature's direction. Empty for a feature
 * without a direction.
 */
export function capRim(
	v: readonly number[],
	tau: number,
	segments = 96
): [number, number, number][] {
	const n = Math.hypot(v[0], v[1], v[2]);
	if (!(n > 0) || !Number.isFinite(n)) return [];
	const c: [number, number, number] = [v[0] / n, v[1] / n, v[2] / n];
	// Two unit vectors orthogonal to c: cross with the axis c is least aligned with.
	const axis = Math.abs(c[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
	const u = normalize3(cross(c, axis));
	const w = cross(c, u);
	const alpha = Math.acos(clampTau(tau));
	const [ca, sa] = [Math.cos(alpha), Math.sin(alpha)];
	const k = Math.max(3, Math.floor(segments));
	return Array.from({ length: k + 1 }, (_, i) => {
		const t = (2 * Math.PI * (i % k)) / k;
		const [ct, st] = [Math.cos(t), Math.sin(t)];
		return [0, 1, 2].map((d) => ca * c[d] + sa * (ct * u[d] + st * w[d])) as [
			number,
			number,
			number
		];
	});
}

function cross(a: readonly number[], b: readonly number[]): [number, number, number] {
	return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function normalize3(a: [number, number, number]): [number, number, number] {
	const n = Math.hypot(a[0], a[1], a[2]);
	return [a[0] / n, a[1] / n, a[2] / n];
}

/** The angle and cosine between rows a and b; null when either has no direction. */
export function pairAngle(
	features: FeatureRows,
	dim: number,
	a: number,
	b: number
): { cos: number; angle: number } | null {
	const { units, undirected } = unitRows(features, dim, Int32Array.of(a, b));
	if (undirected > 0) return null;
	const cos = cosine(units, dim, 0, 1);
	return { cos, angle: Math.acos(cos) };
}

/**
 * A random genuine (same identity) or impostor pair of the rows, seeded; null when the rows
 * have no such pair.
 */
export function randomPair(
	rows: Int32Array,
	labels: LabelArray,
	genuine: boolean,
	seed: number
): [number, number] | null {
	const rng = createRng(seed);
	const byLabel = new Map<number, number[]>();
	for (const r of rows) {
		const list = byLabel.get(labels[r]);
		if (list) list.push(r);
		else byLabel.set(labels[r], [r]);
	}
	const groups = [...byLabel.values()];
	const pick = (list: number[]) => list[rng.int(list.length)];
	if (genuine) {
		const twos = groups.filter((g) => g.length >= 2);
		if (twos.length === 0) return null;
		const [a, b] = rng.shuffle([...twos[rng.int(twos.length)]]);
		return [a, b];
	}
	if (groups.length < 2) return null;
	const [g1, g2] = rng.shuffle(groups.map((_, i) => i));
	return [pick(groups[g1]), pick(groups[g2])];
}

/** One gallery entry of a search, by decreasing cosine with the probe. */
export interface GalleryMatch {
	row: number;
	label: number;
	cos: number;
}

/** A probe searched against the enrolled gallery. */
export interface GallerySearch {
	/** Enrolled rows (one per identity of the test set, as `rank1` enrols them). */
	gallery: Int32Array;
	/** The gallery by decreasing cosine with the probe (ties: lower row first). */
	ranking: GalleryMatch[];
	/**
	 * The answer: the best match's identity, or 'unknown' when an open-set threshold is given
	 * and the best cosine is below it; null when the gallery is empty or the probe has no
	 * direction.
	 */
	answer: number | 'unknown' | null;
}

/**
 * The gallery of a test set's rows: one enrolled sample per identity, chosen exactly as the
 * rank-1 figures choose it (`gallerySplit`, seeded like `openSetReport`: seed 0 by default).
 */
export function enrolledGallery(rows: Int32Array, labels: LabelArray, seed = 0): Int32Array {
	const lab = Array.from(rows, (r) => labels[r]);
	const { gallery } = gallerySplit(lab, rows, 1, seed);
	return Int32Array.from(gallery, (k) => rows[k]);
}

/**
 * Searches the gallery for a probe row by cosine. With `tau` (open set), a best cosine below τ
 * answers 'unknown'; without it (closed set) the best match always answers. A probe that is
 * itself enrolled is compared with the other entries only.
 */
export function searchGallery(
	features: FeatureRows,
	dim: number,
	labels: LabelArray,
	gallery: Int32Array,
	probe: number,
	tau: number | null = null
): GallerySearch {
	const others = Int32Array.from(Array.from(gallery).filter((r) => r !== probe));
	const rows = Int32Array.of(probe, ...others);
	const { units } = unitRows(features, dim, rows);
	const probeHasDirection = units.subarray(0, dim).some((v) => v !== 0);
	const ranking = Array.from(others, (row, k) => ({
		row,
		label: labels[row],
		cos: cosine(units, dim, 0, k + 1)
	})).sort((a, b) => b.cos - a.cos || a.row - b.row);
	let answer: GallerySearch['answer'] = null;
	if (ranking.length > 0 && probeHasDirection) {
		answer = tau !== null && ranking[0].cos < clampTau(tau) ? 'unknown' : ranking[0].label;
	}
	return { gallery, ranking, answer };
}
