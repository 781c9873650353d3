/**
 * The user's own data set (an upload or a drawing) on the page side, and the pure edits the
 * draw mode makes to it. Values are immutable: every edit returns a new `CustomData` with
 * new arrays, so an undo stack can keep old ones and Svelte sees a new object.
 */
import type { Vec2 } from '$lib/math/vec';
import { MAX_CLASSES } from '$lib/math/limits';
import { formatSize } from '$lib/io/messages';
import type { CustomDataMessage, DatasetMessage } from '$lib/model/protocol';

/** Where a custom data set came from: a file, or points drawn (possibly on top of a file). */
export type DataSource = 'upload' | 'drawing';

/** A data set the user brought: what the worker trains on, plus where it came from. */
export interface CustomData extends CustomDataMessage {
	source: DataSource;
	/** The uploaded file's name ('' for a drawing started from generated data). */
	name: string;
}

/** Split values (as in `Dataset.split`). */
const TRAIN = 0;

/** Number of points. */
export function pointCount(c: { labels: ArrayLike<number> }): number {
	return c.labels.length;
}

/** Whether the trainer can train on `c`: at least one point in the training split. */
export function trainable(c: CustomDataMessage): boolean {
	return c.split.some((s) => s === TRAIN);
}

/**
 * A drawing's starting point from the data set the worker trains on (e.g. generated data):
 * the float32 coordinates widened to float64 (they are the values the model saw), labels
 * and split copied.
 */
export function fromDataset(d: DatasetMessage): CustomData {
	return {
		source: 'drawing',
		name: '',
		dim: d.dim,
		numClasses: d.numClasses,
		points: Float64Array.from(d.points),
		labels: Int32Array.from(d.labels),
		split: Uint8Array.from(d.split),
		classNames: null
	};
}

/**
 * The class names after adding class `label`: null stays null (indices are the names);
 * otherwise the list grows to `label + 1` entries, each new class named by its index, or
 * "class <index>" when that text already names another class (integer labels 1, 2 name
 * classes 0 and 1 "1" and "2", so a new class 2 cannot be "2").
 */
function namesWith(names: string[] | null, label: number): string[] | null {
	if (names === null || label < names.length) return names;
	const out = [...names];
	for (let k = out.length; k <= label; k++) {
		let name = String(k);
		for (let i = 2; out.includes(name); i++) name = i === 2 ? `class ${k}` : `class ${k} (${i})`;
		out.push(name);
	}
	return out;
}

/**
 * `c` with `points` (2D input coordinates, clamped to [−1, 1]) appended as class `label`,
 * all in the training split. A label equal to the class count adds a class (up to
 * `MAX_CLASSES`); other labels outside 0..numClasses return `c` unchanged, as does a data
 * set that is not 2D.
 */
export function addPoints(c: CustomData, points: readonly Vec2[], label: number): CustomData {
	if (
		c.dim !== 2 ||
		points.length === 0 ||
		!Number.isInteger(label) ||
		label < 0 ||
		label > c.numClasses ||
		label >= MAX_CLASSES
	)
		return c;
	const n = pointCount(c);
	const xy = new Float64Array((n + points.length) * 2);
	xy.set(c.points);
	points.forEach(([x, y], k) => {
		// Inputs live in [−1, 1]; a point dropped just outside lands on the edge.
		xy[(n + k) * 2] = Math.min(1, Math.max(-1, x));
		xy[(n + k) * 2 + 1] = Math.min(1, Math.max(-1, y));
	});
	const labels = new Int32Array(n + points.length).fill(label);
	labels.set(c.labels);
	const split = new Uint8Array(n + points.length).fill(TRAIN);
	split.set(c.split);
	return {
		...c,
		source: 'drawing',
		numClasses: Math.max(c.numClasses, label + 1),
		points: xy,
		labels,
		split,
		classNames: namesWith(c.classNames, label)
	};
}

/** `c` without point `index` (unchanged if there is no such point). Classes are kept. */
export function removePoint(c: CustomData, index: number): CustomData {
	const n = pointCount(c);
	if (!Number.isInteger(index) || index < 0 || index >= n) return c;
	const dim = c.dim;
	const points = new Float64Array((n - 1) * dim);
	points.set(c.points.subarray(0, index * dim));
	points.set(c.points.subarray((index + 1) * dim), index * dim);
	const drop = <T extends Int32Array | Uint8Array>(a: T, out: T): T => {
		out.set(a.subarray(0, index));
		out.set(a.subarray(index + 1), index);
		return out;
	};
	return {
		...c,
		source: 'drawing',
		points,
		labels: drop(c.labels, new Int32Array(n - 1)),
		split: drop(c.split, new Uint8Array(n - 1))
	};
}

/** `c` with no points (its classes and names kept, so the class picker stays the same). */
export function clearPoints(c: CustomData): CustomData {
	return {
		...c,
		source: 'drawing',
		points: new Float64Array(0),
		labels: new Int32Array(0),
		split: new Uint8Array(0)
	};
}

/**
 * Index of the point nearest to (x, y) by its first two coordinates, within `radius`
 * (inclusive), or −1. Ties go to the later point (drawn on top, so the one the user sees).
 */
export function nearestPoint(
	points: ArrayLike<number>,
	dim: number,
	x: number,
	y: number,
	radius: number
): number {
	if (!(dim >= 2) || !(radius >= 0)) return -1;
	let best = -1;
	let bestD2 = radius * radius;
	const n = Math.floor(points.length / dim);
	for (let i = 0; i < n; i++) {
		const dx = points[i * dim] - x;
		const dy = points[i * dim + 1] - y;
		const d2 = dx * dx + dy * dy;
		if (d2 <= bestD2) {
			best = i;
			bestD2 = d2;
		}
	}
	return best;
}

/** What the worker needs of `c` (copies: the page keeps its arrays). */
export function toMessage(c: CustomData): CustomDataMessage {
	return {
		dim: c.dim,
		numClasses: c.numClasses,
		points: Float64Array.from(c.points),
		labels: Int32Array.from(c.labels),
		split: Uint8Array.from(c.split),
		classNames: c.classNames ? [...c.classNames] : null
	};
}

/** `c` as the input-space view reads data sets (float32 points; `dataVersion` −1: not trained yet). */
export function toDatasetMessage(c: CustomData): DatasetMessage {
	return {
		dataVersion: -1,
		dim: c.dim,
		numClasses: c.numClasses,
		points: Float32Array.from(c.points),
		labels: c.labels,
		split: c.split
	};
}

/** A byte count for people, as the file reader's messages write it: "2 MB", "12.5 KB", "900 bytes" (rounded up). */
export const formatBytes = formatSize;

/**
 * The shortest decimal text that reads back as the float32 value `v` (0.1 for the float32
 * nearest 0.1, not 0.10000000149011612), for exporting data the model holds as float32.
 */
export function shortestFloat32(v: number): number {
	if (!Number.isFinite(v)) return v;
	const f = Math.fround(v);
	for (let digits = 1; digits < 9; digits++) {
		const t = Number(f.toPrecision(digits));
		if (Math.fround(t) === f) return t;
	}
	return Number(f.toPrecision(9)); // 9 significant digits always identify a float32
}
