/**
 * Readouts of the learned geometry on the unit hypersphere, and the arrangement they are
 * measured against:
 * - alignment and uniformity of the unit features (Wang & Isola, ICML 2020, "Understanding
 *   Contrastive Representation Learning through Alignment and Uniformity on the
 *   Hypersphere"), with same-class pairs as the positive pairs;
 * - the hyperspherical energy of the unit class weights (Liu et al., NeurIPS 2018, "Learning
 *   towards Minimum Hyperspherical Energy"), with s = 1;
 * - the regular arrangement of C unit vectors that minimises that energy (the regular simplex
 *   when C ≤ D + 1, C equally spaced directions on the circle), its energy, and the
 *   rotation that lays it over the current weights (orthogonal Procrustes).
 * Pure TS: no DOM, no tfjs. Nothing here returns NaN or ±Infinity.
 */
import {
	DEFAULT_MAX_PAIRS,
	prepareRows,
	type FeatureRows,
	type LabelArray,
	type PairOptions
} from './stats';
import { procrustes } from './procrustes';
import { createRng } from './rng';
import { intOption } from './roc';

/** Alignment's exponent α (Wang & Isola's default, α = 2: the mean squared distance). */
export const ALIGN_ALPHA = 2;
/** Uniformity's temperature t (Wang & Isola's default, t = 2). */
export const UNIFORM_T = 2;
/** The energy's exponent s in f_s(d) = d^(−s) (Liu et al.'s usual choice, s = 1). */
export const ENERGY_S = 1;
/**
 * Largest per-pair energy term: two coincident weights (d → 0) would make d^(−s) infinite;
 * capped here, the mean stays finite and still says "far from spread out" (1e6 ≫ any spread
 * arrangement's terms, which are at most a few units for the class counts the app trains).
 */
export const ENERGY_PAIR_CAP = 1e6;

/** Alignment and uniformity of a labelled feature set (see `alignmentUniformity`). */
export interface AlignUniform {
	/** E over same-class pairs of ‖u_i − u_j‖^α; null without a same-class pair. */
	alignment: number | null;
	/** log E over all pairs of exp(−t‖u_i − u_j‖²); null without a pair. */
	uniformity: number | null;
	/** Pairs visited, and the same-class ones among them. */
	pairs: number;
	positivePairs: number;
	/** True when the pairs were a seeded sample (more than `maxPairs` of them). */
	sampled: boolean;
}

/** Options of `alignmentUniformity`: the pair cap and seed of the angle statistics, α and t. */
export interface AlignUniformOptions extends PairOptions {
	alpha?: number;
	t?: number;
}

/**
 * Wang & Isola's alignment and uniformity on u = x/‖x‖ (rows without a direction, non-finite
 * rows and invalid labels are skipped, as by the angle statistics):
 *   alignment  = E_{same-class pairs} ‖u_i − u_j‖^α                (lower: tighter classes)
 *   uniformity = log E_{all pairs i≠j} exp(−t ‖u_i − u_j‖²)       (lower: more spread out)
 * The mean over ordered pairs i≠j equals the mean over unordered pairs i<j (symmetric), so
 * the pairs of `forEachPairIndex` serve both: every pair up to `maxPairs`, else a seeded
 * sample, the same pairs the angle statistics visit with the same options. ‖u_i − u_j‖² is
 * summed coordinate by coordinate (exact near 0, unlike 2 − 2cos θ).
 * The log-mean-exp is taken stably, as m + log mean exp(x − m) with m the largest exponent.
 */
export function alignmentUniformity(
	features: FeatureRows,
	dim: number,
	labels: LabelArray,
	opts: AlignUniformOptions = {}
): AlignUniform {
	const alpha = opts.alpha ?? ALIGN_ALPHA;
	const t = opts.t ?? UNIFORM_T;
	const prep = prepareRows(features, dim, labels);
	let pairs = 0;
	let positivePairs = 0;
	let alignSum = 0;
	// Running log-sum-exp of x = −t d²: max exponent `top`, and Σ exp(x − top).
	let top = -Infinity;
	let expSum = 0;
	const u = prep.units;
	const sampled = forEachPairIndex(u.length, opts, (i, j) => {
		let d2 = 0;
		for (let k = 0; k < u[i].length; k++) {
			const diff = u[i][k] - u[j][k];
			d2 += diff * diff;
		}
		pairs++;
		if (prep.labels[i] === prep.labels[j]) {
			positivePairs++;
			alignSum += alpha === 2 ? d2 : Math.pow(d2, alpha / 2);
		}
		const x = -t * d2;
		if (x > top) {
			expSum = expSum * Math.exp(top - x) + 1;
			top = x;
		} else expSum += Math.exp(x - top);
	});
	const alignment = positivePairs > 0 ? alignSum / positivePairs : null;
	const uniformity = pairs > 0 ? top + Math.log(expSum / pairs) : null;
	return {
		alignment: alignment !== null && Number.isFinite(alignment) ? alignment : null,
		uniformity: uniformity !== null && Number.isFinite(uniformity) ? uniformity : null,
		pairs,
		positivePairs,
		sampled
	};
}

/**
 * Calls visit(i, j) for the pairs of n rows that `forEachPair` (stats.ts) visits with the
 * same options, in the same order: every unordered pair i < j when there are at most
 * maxPairs, else maxPairs pairs drawn uniformly (with replacement) by the seeded RNG. Unlike
 * forEachPair it computes no angle per pair (an atan2), which the distances here do not
 * need. Returns whether it sampled.
 */
export function forEachPairIndex(
	n: number,
	opts: PairOptions,
	visit: (i: number, j: number) => void
): boolean {
	const maxPairs = intOption(opts.maxPairs, DEFAULT_MAX_PAIRS, 1, Number.MAX_SAFE_INTEGER);
	if ((n * (n - 1)) / 2 <= maxPairs) {
		for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) visit(i, j);
		return false;
	}
	const rng = createRng(opts.seed ?? 0);
	for (let k = 0; k < maxPairs; k++) {
		const i = rng.int(n);
		// j uniform over the other n − 1 rows: skip over i.
		let j = rng.int(n - 1);
		if (j >= i) j++;
		visit(i, j);
	}
	return true;
}

/** The unit directions of rows [k, dim]; rows with no direction (zero, non-finite) are left out. */
export function unitRows(rows: FeatureRows, dim: number): number[][] {
	const labels = new Array<number>(Math.floor(rows.length / Math.max(1, dim))).fill(0);
	return prepareRows(rows, dim, labels).units;
}

/**
 * Liu et al.'s hyperspherical energy of the unit rows ŵ_j of `rows` [k, dim], normalised as
 * the mean over ordered pairs i≠j:
 *   E = 1/(C(C−1)) Σ_{i≠j} f_s(‖ŵ_i − ŵ_j‖),  f_s(d) = d^(−s)
 * over the C rows that have a direction (the mean over unordered pairs is the same number).
 * Each term is capped at ENERGY_PAIR_CAP (coincident rows: d = 0). null when C < 2.
 */
export function hypersphericalEnergy(rows: FeatureRows, dim: number, s = ENERGY_S): number | null {
	return energyOf(unitRows(rows, dim), s);
}

/** The mean pair energy of unit vectors (see `hypersphericalEnergy`); null for fewer than 2. */
export function energyOf(units: readonly (readonly number[])[], s = ENERGY_S): number | null {
	const c = units.length;
	if (c < 2) return null;
	let sum = 0;
	for (let i = 0; i < c; i++) {
		for (let j = i + 1; j < c; j++) {
			let d2 = 0;
			for (let k = 0; k < units[i].length; k++) {
				const diff = units[i][k] - units[j][k];
				d2 += diff * diff;
			}
			// d^(−s) = (d²)^(−s/2); d = 0 gives Infinity, which the cap turns into a big finite term.
			sum += Math.min(ENERGY_PAIR_CAP, s === 1 ? 1 / Math.sqrt(d2) : Math.pow(d2, -s / 2));
		}
	}
	const e = sum / ((c * (c - 1)) / 2);
	return Number.isFinite(e) ? e : null;
}

/**
 * The energy of the minimum-energy arrangement of C unit vectors in D dimensions, where it
 * has a closed form, else null:
 * - C ≤ D + 1: the regular simplex, every pair at cos = −1/(C−1), so at distance
 *   d = √(2 − 2cos) = √(2C/(C−1)), and E = d^(−s);
 * - D = 2, any C: C equally spaced directions; the pair k steps apart is 2 sin(πk/C) apart, so
 *   E = 1/(C−1) Σ_{k=1}^{C−1} (2 sin(πk/C))^(−s).
 * Both minimise the energy for every s > 0 (the simplex and the regular polygon are
 * universally optimal: Cohn & Kumar, J. AMS 2007). D ≥ 3 with C > D + 1: null.
 */
export function simplexEnergy(c: number, d: number, s = ENERGY_S): number | null {
	if (!Number.isInteger(c) || !Number.isInteger(d) || c < 2 || d < 2) return null;
	if (c <= d + 1) return Math.pow(Math.sqrt((2 * c) / (c - 1)), -s);
	if (d !== 2) return null;
	let sum = 0;
	for (let k = 1; k < c; k++) sum += Math.pow(2 * Math.sin((Math.PI * k) / c), -s);
	return sum / (c - 1);
}

/**
 * C unit vectors in D = 2 or 3 in the minimum-energy arrangement, in a fixed position:
 * D = 2: the directions at angles 2πk/C (for C ≤ 3 this is the regular simplex);
 * D = 3: C = 2 antipodal on x, C = 3 an equilateral triangle in the xy-plane, C = 4 the
 * regular tetrahedron (±1, ±1, ±1)/√3 with an even number of minus signs. Any other case
 * (C < 2, D ∉ {2, 3}, or C > 4 in 3D, which has no closed form) gives null.
 */
export function regularArrangement(c: number, d: number): number[][] | null {
	if (!Number.isInteger(c) || c < 2) return null;
	if (d === 2) {
		return Array.from({ length: c }, (_, k) => {
			const a = (2 * Math.PI * k) / c;
			return [Math.cos(a), Math.sin(a)];
		});
	}
	if (d !== 3 || c > 4) return null;
	if (c === 4) {
		const r = 1 / Math.sqrt(3);
		return [
			[r, r, r],
			[r, -r, -r],
			[-r, r, -r],
			[-r, -r, r]
		];
	}
	return regularArrangement(c, 2)!.map(([x, y]) => [x, y, 0]);
}

/**
 * The minimum-energy arrangement of the C rows of `rows` [C, dim] (dim 2 or 3), laid over
 * them: vertex k goes with row k. On the circle the rows are matched to the C equally spaced
 * directions in counter-clockwise order (the order a rotation keeps) and the polygon turned by
 * the mean angle offset φ = atan2(Σ sin(θ_k − α_k), Σ cos(θ_k − α_k)), which is the
 * least-squares rotation; in 3D (C ≤ 4) any matching of rows to vertices is reachable by an
 * orthogonal map of the simplex, so rows keep their order and `procrustes` finds the map.
 * null when there is no closed-form arrangement (see `regularArrangement`) or a row has no
 * direction.
 */
export function fittedArrangement(rows: FeatureRows, dim: number): number[][] | null {
	const c = Math.floor(rows.length / Math.max(1, dim));
	const units = unitRows(rows, dim);
	if (units.length !== c) return null;
	const ref = regularArrangement(c, dim);
	if (!ref) return null;
	if (dim === 3) {
		const R = procrustes(ref, units);
		return ref.map((v) => R.map((row) => row[0] * v[0] + row[1] * v[1] + row[2] * v[2]));
	}
	const theta = units.map(([x, y]) => Math.atan2(y, x));
	const order = theta.map((_, k) => k).sort((a, b) => theta[a] - theta[b]);
	let sin = 0;
	let cos = 0;
	order.forEach((row, rank) => {
		const delta = theta[row] - (2 * Math.PI * rank) / c;
		sin += Math.sin(delta);
		cos += Math.cos(delta);
	});
	const phi = Math.atan2(sin, cos);
	const out = new Array<number[]>(c);
	order.forEach((row, rank) => {
		const a = phi + (2 * Math.PI * rank) / c;
		out[row] = [Math.cos(a), Math.sin(a)];
	});
	return out;
}

/** The geometry readouts of one snapshot (SnapshotStats.geometry): every number finite or null. */
export interface GeometryReadout {
	/** The training step they describe. */
	step: number;
	/** Wang & Isola's alignment (α = 2) and uniformity (t = 2) of the unit features. */
	alignment: number | null;
	uniformity: number | null;
	/** True when the feature pairs were a seeded sample. */
	sampled: boolean;
	/** Mean pair energy (s = 1) of the unit class directions; null with fewer than two. */
	energy: number | null;
	/** The same energy of the regular simplex (or polygon) of as many directions; null without a closed form. */
	simplexEnergy: number | null;
	/** Class directions with a direction, which both energies count. */
	directions: number;
	/** What the directions are: the class weights, or the class mean directions (metric losses). */
	energyOf: 'weights' | 'means';
}

/**
 * All three readouts: alignment and uniformity of `features` [n, dim] with `labels` (the
 * caller passes the population it wants, e.g. the seen classes' points), and the energy of
 * the class directions `directions` [k, dim] beside the regular simplex's.
 */
export function geometryReadout(input: {
	step: number;
	features: FeatureRows;
	dim: number;
	labels: LabelArray;
	directions: FeatureRows;
	energyOf: 'weights' | 'means';
	pairs: PairOptions;
}): GeometryReadout {
	const au = alignmentUniformity(input.features, input.dim, input.labels, input.pairs);
	const units = unitRows(input.directions, input.dim);
	return {
		step: input.step,
		alignment: au.alignment,
		uniformity: au.uniformity,
		sampled: au.sampled,
		energy: energyOf(units),
		simplexEnergy: simplexEnergy(units.length, input.dim),
		directions: units.length,
		energyOf: input.energyOf
	};
}
