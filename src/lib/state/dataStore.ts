/**
 * Keeps the user's custom data set (an upload or a drawing) in the browser's IndexedDB
 * (through idb-keyval), so a reload trains on it again. One record under one key; what is
 * read back is checked as strictly as an upload, since storage can hold anything (an older
 * version, another tab's write, a corrupted entry): anything doubtful reads as "nothing
 * stored". Storage failures (private mode, quota, blocked IndexedDB) never throw.
 */
import { del, get, set } from 'idb-keyval';
import type { CustomData, DataSource } from './customData';
import { MAX_CLASSES } from '$lib/math/limits';

/** The IndexedDB key (idb-keyval's default database); the version is part of the record. */
export const STORE_KEY = 'spherelab.customData';

/** Largest number of points read back (the upload limit). */
const MAX_POINTS = 20_000;
/** Longest file name kept. */
const MAX_NAME = 200;

/** The stored record: the data set, where it came from, and the record's format version. */
export interface StoredData {
	version: 1;
	source: DataSource;
	name: string;
	dim: 2 | 3;
	numClasses: number;
	/** [N·dim] coordinates in [−1, 1]. */
	points: Float64Array;
	labels: Int32Array;
	split: Uint8Array;
	classNames: string[] | null;
}

/** The record for `c` (arrays copied, so later edits of `c` cannot change what is stored). */
export function toStored(c: CustomData): StoredData {
	return {
		version: 1,
		source: c.source,
		name: c.name.slice(0, MAX_NAME),
		dim: c.dim === 3 ? 3 : 2,
		numClasses: c.numClasses,
		points: Float64Array.from(c.points),
		labels: Int32Array.from(c.labels),
		split: Uint8Array.from(c.split),
		classNames: c.classNames ? [...c.classNames] : null
	};
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The data set in a stored record, or null when the record is not a valid version-1 record:
 * a 2D or 3D set of 1–20,000 points with finite coordinates in [−1, 1], labels below a class
 * count of 2–10, splits 0–2 with at least one training point, and names (if any) one string
 * per class.
 */
export function fromStored(v: unknown): CustomData | null {
	if (!isObject(v) || v.version !== 1) return null;
	const { source, name, dim, numClasses, points, labels, split, classNames } = v;
	if (source !== 'upload' && source !== 'drawing') return null;
	if (typeof name !== 'string' || (dim !== 2 && dim !== 3)) return null;
	if (!Number.isInteger(numClasses) || (numClasses as number) < 2) return null;
	const k = numClasses as number;
	if (k > MAX_CLASSES) return null;
	if (!(points instanceof Float64Array && labels instanceof Int32Array)) return null;
	if (!(split instanceof Uint8Array)) return null;
	const n = labels.length;
	if (n === 0 || n > MAX_POINTS || points.length !== n * dim || split.length !== n) return null;
	if (!points.every((p) => Number.isFinite(p) && Math.abs(p) <= 1)) return null;
	if (!labels.every((l) => l >= 0 && l < k)) return null;
	if (!split.every((s) => s <= 2) || !split.includes(0)) return null;
	let names: string[] | null = null;
	if (classNames !== null) {
		if (!Array.isArray(classNames) || classNames.length !== k) return null;
		if (!classNames.every((c) => typeof c === 'string')) return null;
		names = [...classNames];
	}
	return {
		source,
		name: name.slice(0, MAX_NAME),
		dim,
		numClasses: k,
		points: Float64Array.from(points),
		labels: Int32Array.from(labels),
		split: Uint8Array.from(split),
		classNames: names
	};
}

/** Stores `c`; false when the browser refused (the data then lasts until the page closes). */
export async function saveCustomData(c: CustomData): Promise<boolean> {
	try {
		await set(STORE_KEY, toStored(c));
		return true;
	} catch {
		return false;
	}
}

/**
 * The stored data set, or null (nothing stored, invalid, or storage unavailable). Gives up
 * after `timeoutMs`, so a hanging IndexedDB cannot hold the page back.
 */
export async function loadCustomData(timeoutMs = 3000): Promise<CustomData | null> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<null>(
		(resolve) => (timer = setTimeout(() => resolve(null), timeoutMs))
	);
	try {
		const v = await Promise.race([get<unknown>(STORE_KEY), timeout]);
		return fromStored(v);
	} catch {
		return null;
	} finally {
		clearTimeout(timer);
	}
}

/** Forgets the stored data set (failures ignored: there is nothing else to do). */
export async function clearCustomData(): Promise<void> {
	try {
		await del(STORE_KEY);
	} catch {
		// Storage unavailable: nothing was stored either.
	}
}
