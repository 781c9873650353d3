/**
 * Minority collapse (Fang, He, Long & Su, PNAS 2021, "Exploring deep neural networks via
 * layer-peeled model: Minority collapse in imbalanced training"): trained on imbalanced
 * classes, the minority classes' classifier weights crowd together. This readout compares the
 * mean pairwise angle of the minority classes' weight directions with the majority classes',
 * and their test accuracies. Pure TypeScript.
 */
import { minorityClasses } from './imbalance';
import { SPLIT } from './split';

/** The minority and majority classes' weights and test accuracies (see `minorityReadout`). */
export interface MinorityReadout {
	/** The minority classes' share of training points (`DataSettings.imbalance`). */
	share: number;
	/** The minority classes (data classes): the upper half of the seen classes. */
	minority: number[];
	/** Mean pairwise angle (radians) between the minority classes' directions; null for < 2. */
	minorityAngle: number | null;
	/** The same for the majority classes. */
	majorityAngle: number | null;
	/** Test accuracy over the minority classes' test points; null without any. */
	minorityAccuracy: number | null;
	/** The same for the majority classes. */
	majorityAccuracy: number | null;
}

export interface MinorityInput {
	/** The minority classes' share of training points (`DataSettings.imbalance`). */
	imbalance: number;
	/** [K·dim] class directions (need not be unit), row k for data class `classes[k]`. */
	directions: ArrayLike<number>;
	dim: number;
	/** [K] the data class of each row (the seen classes, increasing). */
	classes: ArrayLike<number>;
	/** [N] predicted data class, true (clean) labels and split of every point. */
	predictions: ArrayLike<number>;
	labels: ArrayLike<number>;
	split: ArrayLike<number>;
}

/** The angle (radians) between rows a and b of `rows`; 0 when either is zero. */
function rowAngle(rows: ArrayLike<number>, dim: number, a: number, b: number): number {
	let dot = 0;
	let na = 0;
	let nb = 0;
	for (let j = 0; j < dim; j++) {
		const x = rows[a * dim + j];
		const y = rows[b * dim + j];
		dot += x * y;
		na += x * x;
		nb += y * y;
	}
	if (!(na > 0 && nb > 0)) return 0;
	return Math.acos(Math.min(1, Math.max(-1, dot / Math.sqrt(na * nb))));
}

/** Mean angle over the unordered pairs of `rowsOf`, or null with fewer than two rows. */
export function meanPairwiseAngle(
	directions: ArrayLike<number>,
	dim: number,
	rowsOf: readonly number[]
): number | null {
	let sum = 0;
	let n = 0;
	for (let i = 0; i < rowsOf.length; i++) {
		for (let j = i + 1; j < rowsOf.length; j++) {
			sum += rowAngle(directions, dim, rowsOf[i], rowsOf[j]);
			n++;
		}
	}
	return n === 0 ? null : sum / n;
}

/** Accuracy over the test points whose label is in `group`, or null without any. */
function groupAccuracy(input: MinorityInput, group: Set<number>): number | null {
	let hit = 0;
	let n = 0;
	for (let i = 0; i < input.labels.length; i++) {
		if (input.split[i] !== SPLIT.test || !group.has(input.labels[i])) continue;
		n++;
		if (input.predictions[i] === input.labels[i]) hit++;
	}
	return n === 0 ? null : hit / n;
}

/**
 * The minority collapse readout, or null when the classes are balanced (imbalance 1) or there
 * are fewer than two classes.
 */
export function minorityReadout(input: MinorityInput): MinorityReadout | null {
	if (!(input.imbalance < 1) || input.classes.length < 2) return null;
	const minority = minorityClasses(input.classes);
	const isMinority = new Set(minority);
	const minorRows: number[] = [];
	const majorRows: number[] = [];
	Array.from(input.classes).forEach((c, k) => (isMinority.has(c) ? minorRows : majorRows).push(k));
	const majority = new Set(Array.from(input.classes).filter((c) => !isMinority.has(c)));
	const finite = (v: number | null) => (v !== null && Number.isFinite(v) ? v : null);
	return {
		share: input.imbalance,
		minority,
		minorityAngle: finite(meanPairwiseAngle(input.directions, input.dim, minorRows)),
		majorityAngle: finite(meanPairwiseAngle(input.directions, input.dim, majorRows)),
		minorityAccuracy: groupAccuracy(input, isMinority),
		majorityAccuracy: groupAccuracy(input, majority)
	};
}

/**
 * Whether the readout shows the minority weights crowding together: the minority's mean
 * pairwise angle under `COLLAPSE_RATIO` of the majority's. This threshold is the app's (so two
 * nearly equal angles are not called a collapse), not a number from Fang et al.
 */
export const COLLAPSE_RATIO = 0.9;

export function showsCollapse(r: MinorityReadout | null): boolean {
	return (
		r !== null &&
		r.minorityAngle !== null &&
		r.majorityAngle !== null &&
		r.minorityAngle < COLLAPSE_RATIO * r.majorityAngle
	);
}
