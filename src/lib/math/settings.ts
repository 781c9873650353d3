/**
 * Every setting of SphereLab as one row of one table (in the spirit of tensorflow/playground's
 * `state.ts`, but validated): its URL key, its place in the settings object, its kind, default
 * and limits (constants or functions of the settings read so far, e.g. the margin's range by
 * loss), its step, whether a change applies live or rebuilds the model, its label and doc.
 * The URL parser and serializer, the clamps of the page and of the worker, `needsRebuild` and
 * the controls are all derived from `SETTINGS` (see `settingsEngine.ts`); a new setting is a
 * new row. Pure TypeScript: no DOM, tfjs or Svelte.
 */
import { LOSS_KINDS, LOSS_NAMES, MARGIN_LIMITS, marginRange } from './margins';
import { METRIC_ROWS } from './metricSettings';
import { MARGIN_ROWS } from './marginRows';
import { DATA_ROWS } from './dataRows';
import { TRAINING_ROWS } from './trainingRows';
import { PAGE_ROWS } from './pageRows';
import { type SettingPath, type SettingRow } from './settingRows';

// ---------------------------------------------------------------------------------------
// The table

/**
 * Every setting, in the order the URL writes them and the clamps read them (a row may depend
 * on rows above it: the margin on the loss, the input dimension on the generator, the held-out
 * classes on the number of classes, the data seed on the seed, the margin mode on loss and m).
 */
export const SETTINGS: readonly SettingRow[] = Object.freeze<SettingRow[]>([
	{
		key: 'loss',
		path: 'options.loss',
		kind: 'choice',
		choices: LOSS_KINDS,
		default: 'asoftmax',
		names: LOSS_NAMES,
		choiceLabels: {
			modified: 'controls.lossModified',
			contrastive: 'loss.contrastive',
			triplet: 'loss.triplet',
			center: 'loss.center',
			combined: 'loss.combined'
		},
		always: true,
		// A new loss is a fresh run from the same seed, unless the weights are to be kept.
		change: (s) => (s.options.keepWeights ? 'live' : 'rebuild'),
		label: 'controls.loss',
		doc: 'loss: softmax, contrastive, triplet, center, modified, asoftmax, cosface, arcface or combined (s·(cos(m1·θ + m2) − m3), with m1, m2, m3)'
	},
	{
		key: 'm',
		path: 'options.m',
		kind: 'number',
		default: (s) => MARGIN_LIMITS[s.options.loss].default,
		limit: (s) => MARGIN_LIMITS[s.options.loss],
		step: (s) => marginRange(s.options.loss, s.ui.marginMode).step,
		range: (s) => marginRange(s.options.loss, s.ui.marginMode),
		keep: (base, next) => base.options.loss === next.options.loss,
		// The combined head's margins are m1, m2 and m3 (marginRows.ts).
		relevant: (s) => s.options.loss !== 'combined',
		always: true,
		change: 'live',
		label: 'controls.margin',
		doc: 'margin: A-Softmax 1–6, CosFace −0.5…0.8, ArcFace −0.5…1.2 (negative: Liu et al. 2020), contrastive 0.1–4 (a distance), triplet 0–4 (a squared distance); softmax and center loss: 1'
	},
	...MARGIN_ROWS,
	...METRIC_ROWS,
	...DATA_ROWS,
	...TRAINING_ROWS,
	...PAGE_ROWS
]);

/** The row of a URL key (undefined for unknown keys). */
export const ROW_BY_KEY: ReadonlyMap<string, SettingRow> = new Map(SETTINGS.map((r) => [r.key, r]));
/** The row of a place in the settings. */
export const ROW_BY_PATH: ReadonlyMap<SettingPath, SettingRow> = new Map(
	SETTINGS.map((r) => [r.path, r])
);

/** The row at `path`; throws on a path that no row has (a programming error, caught by tests). */
export function rowAt(path: SettingPath): SettingRow {
	const row = ROW_BY_PATH.get(path);
	if (!row) throw new Error(`no setting at ${path}`);
	return row;
}
