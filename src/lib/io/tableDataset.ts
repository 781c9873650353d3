/**
 * A parsed data file as a trainable `Dataset`: coordinates mapped into the unit box, rows
 * grouped by class, and the seeded, stratified split that generated data sets use
 * (`stratifiedSplit` in src/lib/math/split.ts).
 */
import { DEFAULT_DATA_SETTINGS, clampDataSettings } from '../math/dataSettings';
import type { Dataset } from '../math/datasets';
import { createRng } from '../math/rng';
import { stratifiedSplit } from '../math/split';
import type { DataTable } from './dataReader';

/**
 * The map into the unit box: each axis centred on its midrange, all axes divided by one
 * common half-width (the largest), so shapes and angles are kept and the widest axis spans
 * exactly [−1, 1]. Non-finite values are ignored. When every point is the same the
 * half-width would be 0; it is taken as 1 so nothing divides by zero (all points go to 0).
 * Halves are taken before subtracting so ±1.7e308 do not overflow.
 */
export function unitBox(
	points: ArrayLike<number>,
	dim: number
): { center: number[]; scale: number } {
	const lo = new Array<number>(dim).fill(Infinity);
	const hi = new Array<number>(dim).fill(-Infinity);
	for (let i = 0; i < points.length; i++) {
		const v = points[i];
		if (!Number.isFinite(v)) continue;
		const d = i % dim;
		if (v < lo[d]) lo[d] = v;
		if (v > hi[d]) hi[d] = v;
	}
	const center = lo.map((l, d) => (l <= hi[d] ? l / 2 + hi[d] / 2 : 0));
	const half = Math.max(0, ...lo.map((l, d) => (l <= hi[d] ? hi[d] / 2 - l / 2 : 0)));
	return { center, scale: half > 0 ? half : 1 };
}

/**
 * A trainable data set from a parsed table: coordinates mapped into [−1, 1] by `unitBox`,
 * rows grouped by class (file order within a class, like generated sets), and a seeded,
 * stratified split by `stratifiedSplit` (the rule `generateDataset` uses): within each class
 * round(testFraction · count) shuffled points go to test, but at least one stays in train.
 * Nothing is held out. `settings` describes the upload as far as `DataSettings` can: classes,
 * inputDim, seed, testFraction (clamped as usual), pointsPerClass = the mean class size
 * (clamped to 5..2000); `generator` and `noise` keep their defaults, since there is no
 * 'upload' kind. A table not made by `parseDataFile` may give a set that `datasetProblem`
 * rejects.
 */
export function tableToDataset(
	table: DataTable,
	options: { seed: number; testFraction: number }
): Dataset {
	const { dim } = table;
	const n = table.labels.length;
	const numClasses = table.labels.reduce((m, l) => Math.max(m, l + 1), table.classNames.length);
	const { data: settings } = clampDataSettings({
		...DEFAULT_DATA_SETTINGS,
		classes: numClasses,
		pointsPerClass: Math.round(n / Math.max(1, numClasses)),
		inputDim: dim,
		seed: options.seed,
		testFraction: options.testFraction,
		heldOut: []
	});
	const order = Array.from({ length: n }, (_, i) => i).sort(
		(a, b) => table.labels[a] - table.labels[b] || a - b
	);
	const { center, scale } = unitBox(table.points, dim);
	const points = new Float64Array(n * dim); // [n, dim]
	const labels = new Int32Array(n); // [n]
	order.forEach((src, row) => {
		labels[row] = table.labels[src];
		for (let d = 0; d < dim; d++) {
			// |v − center| ≤ scale up to rounding; the clamp absorbs a result of 1 + 2^−52.
			const v = (table.points[src * dim + d] - center[d]) / scale;
			points[row * dim + d] = Math.min(1, Math.max(-1, v));
		}
	});
	const split = stratifiedSplit(
		labels,
		numClasses,
		settings.testFraction,
		createRng(settings.seed)
	);
	return { settings, dim, numClasses, points, labels, split };
}
