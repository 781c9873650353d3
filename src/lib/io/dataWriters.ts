/**
 * The CSV exports: a data set (`formatDataCsv`, which `parseDataFile` reads back) and the
 * learned features with predictions (`formatFeaturesCsv`). d3-dsv does the quoting (standard
 * RFC 4180). Pure functions over arrays, so they run in the page, in a worker and in Node.
 */
import { csvFormatRows } from 'd3-dsv';
import { AXES } from './csv';

/** The shortest text that reads back as exactly `v` (String keeps all digits needed; −0 kept). */
function formatNumber(v: number): string {
	return Object.is(v, -0) ? '-0' : String(v);
}

/** The written form of a class index: its name when given, else the index. */
function className(cls: number, classNames: readonly string[] | undefined): string {
	return classNames?.[cls] ?? String(cls);
}

/** Names of `Dataset.split` values in exports. */
export const SPLIT_NAMES: readonly string[] = ['train', 'test', 'heldout'];

/**
 * A data set as CSV: header `x,y,label` or `x,y,z,label`, one row per point, numbers in
 * their shortest exact form, labels as class names when given (quoted by d3-dsv when they
 * hold commas, quotes or line breaks), ending in a newline. `parseDataFile` reads it back to
 * the same points and labels when every class occurs, names are distinct, trimmed, not
 * empty and first appear in class order (integer names: in numeric order).
 */
export function formatDataCsv(d: {
	dim: 2 | 3;
	points: ArrayLike<number>;
	labels: ArrayLike<number>;
	classNames?: readonly string[];
}): string {
	const rows = [[...AXES.slice(0, d.dim), 'label']];
	for (let i = 0; i < d.labels.length; i++) {
		const row: string[] = [];
		for (let k = 0; k < d.dim; k++) row.push(formatNumber(d.points[i * d.dim + k]));
		row.push(className(d.labels[i], d.classNames));
		rows.push(row);
	}
	return `${csvFormatRows(rows)}\n`;
}

/** What `formatFeaturesCsv` writes: learned features and predictions for every point. */
export interface FeatureTable {
	/** [n, featureDim] row-major feature vectors. */
	features: ArrayLike<number>;
	featureDim: 2 | 3;
	/** [n] true class indices. */
	labels: ArrayLike<number>;
	/** [n] predicted class indices. */
	predictions: ArrayLike<number>;
	/** [n] `Dataset.split` values. */
	split: ArrayLike<number>;
	classNames?: readonly string[];
}

/**
 * Learned features as CSV: `f1,f2[,f3],norm,label,predicted,split`, where norm = ‖f‖ (via
 * Math.hypot, safe from overflow), labels and predictions are class names when given, and
 * split is train, test or heldout. Ends in a newline.
 */
export function formatFeaturesCsv(t: FeatureTable): string {
	const dims = Array.from({ length: t.featureDim }, (_, k) => k);
	const rows = [[...dims.map((k) => `f${k + 1}`), 'norm', 'label', 'predicted', 'split']];
	for (let i = 0; i < t.labels.length; i++) {
		const f = dims.map((k) => t.features[i * t.featureDim + k]);
		rows.push([
			...f.map(formatNumber),
			formatNumber(Math.hypot(...f)),
			className(t.labels[i], t.classNames),
			className(t.predictions[i], t.classNames),
			SPLIT_NAMES[t.split[i]] ?? String(t.split[i])
		]);
	}
	return `${csvFormatRows(rows)}\n`;
}
