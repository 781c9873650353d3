/**
 * A data set (points, labels and split in flat arrays) and what the open-set protocol does
 * with one: the classes a classifier gets a row for, the seen classes as a data set of their
 * own, and the checks an uploaded or drawn data set must pass before training. The toy
 * generators are generators.ts, their settings dataSettings.ts, the split split.ts.
 */
import type { DataSettings } from './settingTypes';
import { DIGITS_INPUT_DIM, MIN_CLASSES, maxClassesOf } from './limits';
import { SPLIT } from './split';
import { notice, type Notice } from './notice';

/** A generated data set. Rows are grouped by class (class 0 first); trainers shuffle. */
export interface Dataset {
	/** The clamped data settings actually used. */
	settings: DataSettings;
	/**
	 * Input dimension: 2 or 3 for the planar/space generators and uploads, 2–16 for
	 * 'identities' (`MAX_INPUT_DIM`). A view that draws inputs shows the first 2 or 3
	 * coordinates (or a projection) when dim > 3.
	 */
	dim: number;
	numClasses: number;
	/** [n, dim] row-major, every coordinate in [−1, 1]. */
	points: Float64Array;
	/** [n], original class index 0..classes−1 (held-out classes are not relabelled). */
	labels: Int32Array;
	/** [n]: 0 = train, 1 = test (seen classes), 2 = held out (unseen classes, open-set). */
	split: Uint8Array;
	/**
	 * [n] the true class of every point, present only when label noise flipped some training
	 * labels (`skewTraining` in imbalance.ts): `labels` are then what the trainer reads.
	 */
	trueLabels?: Int32Array;
}

/** The largest input dimension any data set may have (the digits' pixels). */
export const MAX_INPUT_DIM = DIGITS_INPUT_DIM;

/** The classes a classifier gets a row for, and the row of each class. */
export interface HeadClasses {
	/** classes[k] = the data class of classifier row k: the seen classes, increasing. [K] */
	classes: Int32Array;
	/** rowOf[c] = the row of class c, or −1 for a class with no row (held out or absent). [C] */
	rowOf: Int32Array;
}

/**
 * The strict open-set protocol: a classifier has a row for every seen class (one with a
 * train or test point) and none for a held-out class, which exists only at test time. A
 * C-way head would train the held-out rows as negatives, so the model would learn that (and
 * how many) unseen classes exist and keep room for them: a leak.
 */
export function headClasses(d: Pick<Dataset, 'labels' | 'split' | 'numClasses'>): HeadClasses {
	const seen = new Uint8Array(Math.max(0, d.numClasses));
	for (let i = 0; i < d.labels.length; i++) {
		const l = d.labels[i];
		if (d.split[i] !== SPLIT.heldOut && l >= 0 && l < seen.length) seen[l] = 1;
	}
	const classes: number[] = [];
	const rowOf = new Int32Array(seen.length).fill(-1);
	seen.forEach((v, c) => {
		if (v) rowOf[c] = classes.push(c) - 1;
	});
	return { classes: Int32Array.from(classes), rowOf };
}

/** The seen classes of a data set, as a data set of their own (see `seenClassesOnly`). */
export interface SeenClasses {
	/** Rows of the seen classes in their original order, labels renumbered 0..K−1. */
	dataset: Dataset;
	/** classes[k] = the original class of new label k (increasing). */
	classes: number[];
	/** Indices (into the source) of the held-out rows, in order. [H] */
	heldOutRows: Int32Array;
}

/**
 * Splits off the held-out classes for an honest open-set model: a data set of the seen
 * classes only, relabelled 0..K−1 in class order, so a classifier trained on it has no row for
 * a class it never sees (a C-way head would still train the held-out rows as negatives and so
 * learn how many unseen classes exist), and the rows to embed afterwards. Splits and
 * coordinates are kept; `settings` stays the source's (the recipe the points came from).
 */
export function seenClassesOnly(d: Dataset): SeenClasses {
	const { classes: head, rowOf } = headClasses(d);
	const classes = [...head];
	const rows: number[] = [];
	const heldOut: number[] = [];
	d.split.forEach((s, i) => (s === SPLIT.heldOut ? heldOut : rows).push(i));
	const points = new Float64Array(rows.length * d.dim); // [n, dim]
	rows.forEach((r, k) => points.set(d.points.subarray(r * d.dim, (r + 1) * d.dim), k * d.dim));
	const dataset: Dataset = {
		settings: d.settings,
		dim: d.dim,
		numClasses: classes.length,
		points,
		labels: Int32Array.from(rows, (r) => rowOf[d.labels[r]] ?? 0),
		split: Uint8Array.from(rows, (r) => d.split[r])
	};
	const truth = d.trueLabels;
	if (truth) dataset.trueLabels = Int32Array.from(rows, (r) => rowOf[truth[r]] ?? 0);
	return { dataset, classes, heldOutRows: Int32Array.from(heldOut) };
}

/**
 * Why a data set cannot be trained on, as a notice (the cause of 'dataCannotTrain', written in
 * the page's language where it is shown), or null when it can: consistent array lengths,
 * finite coordinates, labels that are class indices, MIN_CLASSES to MAX_CLASSES (2–10) classes
 * (MAX_IDENTITIES for the identities family), 2 to MAX_INPUT_DIM input dimensions, and at least
 * one training point. Used for uploaded and drawn data.
 */
export function datasetProblem(d: Dataset): Notice | null {
	const n = d.labels.length;
	if (!Number.isInteger(d.dim) || d.dim < 2 || d.dim > MAX_INPUT_DIM) {
		return notice('dataDims', { max: MAX_INPUT_DIM, dim: d.dim });
	}
	if (d.points.length !== n * d.dim || d.split.length !== n) return notice('dataLengths');
	const maxClasses = maxClassesOf(d.settings?.generator ?? '');
	if (d.numClasses < MIN_CLASSES || d.numClasses > maxClasses) {
		return notice('dataClassCount', { min: MIN_CLASSES, max: maxClasses });
	}
	if (!d.points.every(Number.isFinite)) return notice('dataNotFinite');
	if (!d.labels.every((l) => Number.isInteger(l) && l >= 0 && l < d.numClasses)) {
		return notice('dataLabels', { last: d.numClasses - 1 });
	}
	if (!d.split.some((s) => s === SPLIT.train)) return notice('dataNoTraining');
	return null;
}
