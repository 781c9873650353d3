/**
 * The files the explorer offers for download, as text: the current data set (CSV), the
 * learned features of every point with labels, predictions and split (CSV), and the settings
 * (JSON: the URL query plus the parsed object, enough to reproduce a run). Pure functions; the
 * component turns the text into a download.
 */
import { formatDataCsv, formatFeaturesCsv } from '$lib/io/dataWriters';
import type { DatasetMessage } from '$lib/model/protocol';
import type { Snapshot } from '$lib/model/snapshot';
import { pointCount, shortestFloat32, type CustomData } from './customData';
import { serializeSettings } from './urlSettings';
import type { Settings } from '../math/settingTypes';

/** The dimensions the CSV formats have columns for. */
const isCsvDim = (dim: number): dim is 2 | 3 => dim === 2 || dim === 3;

/**
 * The data set as CSV (x, y[, z], label): the custom one exactly as stored, else the worker's
 * copy (float32, the values the model sees), each number in its shortest float32 form. Null
 * when there is nothing to export or the inputs have more than 3 dimensions.
 */
export function dataCsv(custom: CustomData | null, dataset: DatasetMessage | null): string | null {
	if (custom) {
		if (!isCsvDim(custom.dim)) return null;
		return formatDataCsv({
			...custom,
			dim: custom.dim,
			classNames: custom.classNames ?? undefined
		});
	}
	if (!dataset || !isCsvDim(dataset.dim)) return null;
	const points = Array.from(dataset.points, shortestFloat32);
	return formatDataCsv({ dim: dataset.dim, points, labels: dataset.labels });
}

/**
 * The learned features of every point (f1, f2[, f3], norm, label, predicted, split) from a
 * snapshot and the data set it was computed on (same dataVersion; else null). Predictions are
 * the snapshot's: the argmax of the plain logits, without margin.
 */
export function featuresCsv(
	snapshot: Snapshot | null,
	dataset: DatasetMessage | null,
	classNames: readonly string[] | null = null
): string | null {
	if (!snapshot || !dataset || snapshot.dataVersion !== dataset.dataVersion) return null;
	const n = dataset.labels.length;
	const featureDim = snapshot.featureDim;
	if (!isCsvDim(featureDim) || snapshot.features.length !== n * featureDim) return null;
	if (snapshot.predictions.length !== n) return null;
	return formatFeaturesCsv({
		features: Array.from(snapshot.features, shortestFloat32),
		featureDim,
		labels: dataset.labels,
		predictions: snapshot.predictions,
		split: dataset.split,
		classNames: classNames ?? undefined
	});
}

/** The part of a sub-center readout the weights file reads (`Snapshot.subCenters`, K > 1). */
interface SubCenterRows {
	subCenters?: { k: number; subWeights: ArrayLike<number> } | null;
}

/**
 * The class weights as CSV, one row per classifier row: `class,w_1,…,w_D` with the raw
 * weights W (unit direction × norm, as the head holds them); for the metric losses, which have
 * no class weights, the plain class means of the training features (`class,mean_1,…`). With
 * sub-centers (K > 1), one row per sub-center, `class,sub,w_1,…,w_D`, unit length (the
 * snapshot carries their directions only). The class is the data class (a name when the data
 * has names). Null without a snapshot.
 */
export function weightsCsv(
	snapshot: (Snapshot & SubCenterRows) | null,
	classNames: readonly string[] | null = null
): string | null {
	if (!snapshot) return null;
	const dim = snapshot.featureDim;
	const sub = snapshot.subCenters;
	if (sub && sub.k > 1 && sub.subWeights.length === snapshot.weightClasses.length * sub.k * dim) {
		return subCenterCsv(snapshot, sub, classNames);
	}
	const k = snapshot.weightClasses.length;
	const means = snapshot.rule === 'weights' ? null : snapshot.classMeans;
	if (snapshot.rule !== 'weights' && !means) return null;
	const prefix = means ? 'mean' : 'w';
	const head = ['class', ...Array.from({ length: dim }, (_, j) => `${prefix}_${j + 1}`)];
	const rows = [head.join(',')];
	for (let r = 0; r < k; r++) {
		const c = snapshot.weightClasses[r];
		const name = classNames?.[c] ?? String(c);
		const values = Array.from({ length: dim }, (_, j) =>
			means ? means[r * dim + j] : snapshot.weights[r * dim + j] * snapshot.weightNorms[r]
		);
		rows.push([csvCell(name), ...values.map((v) => String(shortestFloat32(v)))].join(','));
	}
	return `${rows.join('\n')}\n`;
}

/** A CSV cell: quoted (quotes doubled) when it holds a comma, quote or line break. */
const csvCell = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** `weightsCsv` with sub-centers: `class,sub,w_1,…,w_D`, row j·K + k of `subWeights`. */
function subCenterCsv(
	snapshot: Snapshot,
	sub: { k: number; subWeights: ArrayLike<number> },
	classNames: readonly string[] | null
): string {
	const dim = snapshot.featureDim;
	const head = ['class', 'sub', ...Array.from({ length: dim }, (_, j) => `w_${j + 1}`)];
	const rows = [head.join(',')];
	snapshot.weightClasses.forEach((c, r) => {
		const name = csvCell(classNames?.[c] ?? String(c));
		for (let k = 0; k < sub.k; k++) {
			const at = (r * sub.k + k) * dim;
			const values = Array.from({ length: dim }, (_, j) => shortestFloat32(sub.subWeights[at + j]));
			rows.push([name, k, ...values].join(','));
		}
	});
	return `${rows.join('\n')}\n`;
}

/** What the settings file says about the data. */
type DataNote =
	| { source: 'generator' }
	| { source: 'upload' | 'drawing'; name: string; points: number; classes: number; note: string };

/**
 * The settings as JSON: `query` (the explorer URL's query string: open `/?<query>` to get
 * the same run), `settings` (the same, parsed), `data` (generated, or the user's own data,
 * which a settings file cannot carry), and the step it was saved at. Two-space indented,
 * ending in a newline.
 */
export function settingsJson(
	settings: Settings,
	custom: CustomData | null,
	step: number | null
): string {
	const data: DataNote = custom
		? {
				source: custom.source,
				name: custom.name,
				points: pointCount(custom),
				classes: custom.numClasses,
				note: 'Your own data is not in this file: download Data (CSV) too and upload it with these settings (the train/test split is drawn again from the data seed).'
			}
		: { source: 'generator' };
	const file = { app: 'SphereLab', query: serializeSettings(settings), settings, data, step };
	return `${JSON.stringify(file, null, 2)}\n`;
}
