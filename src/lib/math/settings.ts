/**
 * Every setting of SphereLab as one row of one table (in the spirit of tensorflow/playground's
 * `state.ts`, but validated): its URL key, its place in the settings object, its kind, default
 * and limits (constants or functions of the settings read so far, e.g. the margin's range by
 * loss), its step, whether a change applies live or rebuilds the model, its label and doc.
 * The URL parser and serializer, the clamps of the page and of the worker, `needsRebuild` and
 * the controls are all derived from `SETTINGS` (see `settingsEngine.ts`); a new setting is a
 * new row. Pure TypeScript: no DOM, tfjs or Svelte.
 */
import { notice } from './notice';
import type { NumericLimit } from './clamp';
import {
	DIGITS_PER_CLASS,
	MAX_FEATURE_DIM,
	MAX_IDENTITIES,
	MIN_CLASSES,
	maxClassesOf
} from './limits';
import { GENERATOR_KINDS, LANGS, type Settings } from './settingTypes';
import {
	IDENTITIES_INPUT_DIM,
	LOSS_KINDS,
	LOSS_NAMES,
	MARGIN_LIMITS,
	INTEGER_MARGIN_MAX,
	fitsIntegerMargin,
	inputDimLimit,
	marginRange,
	needsPairs
} from './margins';
import { METRIC_ROWS } from './metricSettings';
import { num, type SettingPath, type SettingRow } from './settingRows';

export type { NumericLimit } from './clamp';
export * from './settingTypes';
export * from './margins';
export * from './settingRows';

// ---------------------------------------------------------------------------------------
// The table

/** Real digits, not a toy generator. */
const isDigits = (s: Settings) => s.options.data.generator === 'digits';
/**
 * Between digits and toy data, the class count, class size and input dimension start from
 * the new kind's defaults (all ten digits, not the blobs' four) instead of carrying over.
 */
const sameKindOfData = (base: Settings, next: Settings) => isDigits(base) === isDigits(next);
/** Hidden units per layer for digits by default. */
export const DIGITS_HIDDEN_UNITS = 128;
/** Digits: the step at which the default λ warm-up reaches its floor (λ = 0 after it). */
export const DIGITS_LAMBDA_FLOOR_AT = 300;

const seedLimit: NumericLimit = { min: 0, max: 2147483647, integer: true };

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
		choiceLabels: { modified: 'controls.lossModified' },
		always: true,
		change: 'live',
		label: 'controls.loss',
		doc: 'loss: softmax, contrastive, triplet, center, modified, asoftmax, cosface or arcface'
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
		always: true,
		change: 'live',
		label: 'controls.margin',
		doc: 'margin: A-Softmax 1–6, CosFace 0–0.8, ArcFace 0–1.2, contrastive 0.1–4 (a distance), triplet 0–4 (a squared distance); softmax and center loss: 1'
	},
	...METRIC_ROWS,
	{
		key: 'dim',
		path: 'options.featureDim',
		kind: 'number',
		default: 2,
		limit: num(2, 3, true),
		headlessLimit: num(2, MAX_FEATURE_DIM, true),
		step: 1,
		control: 'segmented',
		presets: [2, 3],
		presetLabels: { 2: 'controls.features2d', 3: 'controls.features3d' },
		always: true,
		change: 'rebuild',
		label: 'controls.featureDim',
		doc: 'feature dimension: 2 (circle) or 3 (sphere)'
	},
	{
		key: 'data',
		path: 'options.data.generator',
		kind: 'choice',
		choices: GENERATOR_KINDS,
		default: 'blobs',
		always: true,
		change: 'rebuild',
		label: 'controls.generator',
		choiceLabels: {
			blobs: 'controls.generatorBlobs',
			spirals: 'controls.generatorSpirals',
			rings: 'controls.generatorRings',
			sphere: 'controls.generatorSphere',
			identities: 'controls.generatorIdentities',
			digits: 'controls.generatorDigits'
		},
		doc: 'data: blobs, spirals, rings, sphere, identities (toy) or digits (MNIST, 14 × 14)'
	},
	{
		key: 'classes',
		path: 'options.data.classes',
		kind: 'number',
		// Digits: all ten by default (a smaller count keeps the digits 0…classes−1).
		default: (s) => (isDigits(s) ? 10 : 4),
		limit: (s) => num(MIN_CLASSES, maxClassesOf(s.options.data.generator), true),
		keep: sameKindOfData,
		step: 1,
		always: true,
		change: 'rebuild',
		label: 'controls.classes',
		doc: `number of classes, ${MIN_CLASSES}–10; identities ${MIN_CLASSES}–${MAX_IDENTITIES}`
	},
	{
		key: 'seed',
		path: 'options.seed',
		kind: 'number',
		default: 1,
		limit: seedLimit,
		step: 1,
		always: true,
		control: 'number',
		change: 'rebuild',
		label: 'controls.seed',
		doc: 'seed of the data and of the model: the same seed gives the same run'
	},
	{
		key: 'dseed',
		path: 'options.data.seed',
		kind: 'number',
		// Non-negative 31-bit seeds: short in a URL, and distinct seeds stay distinct in hashSeed.
		default: (s) => s.options.seed,
		limit: seedLimit,
		step: 1,
		change: 'rebuild',
		doc: 'data seed, only when it differs from seed'
	},
	{
		key: 'points',
		path: 'options.data.pointsPerClass',
		kind: 'number',
		default: (s) => (isDigits(s) ? DIGITS_PER_CLASS : 100),
		limit: (s) => num(5, isDigits(s) ? DIGITS_PER_CLASS : 2000, true),
		keep: sameKindOfData,
		step: 5,
		change: 'rebuild',
		label: 'controls.pointsPerClass',
		doc: `points per class, 5–2000; digits 5–${DIGITS_PER_CLASS} (default: all of them)`
	},
	{
		key: 'noise',
		path: 'options.data.noise',
		kind: 'number',
		default: 0.2,
		limit: num(0, 1),
		step: 0.05,
		change: 'rebuild',
		relevant: (s) => !isDigits(s),
		label: 'controls.noise',
		doc: 'spread of the data, 0 (tight) to 1 (classes touch)'
	},
	{
		key: 'input',
		path: 'options.data.inputDim',
		kind: 'number',
		default: (s) =>
			isDigits(s)
				? inputDimLimit('digits').max
				: s.options.data.generator === 'identities'
					? IDENTITIES_INPUT_DIM.default
					: 2,
		limit: (s) => inputDimLimit(s.options.data.generator),
		step: 1,
		change: 'rebuild',
		relevant: (s) => !isDigits(s),
		keep: sameKindOfData,
		label: 'controls.inputDim',
		control: (s) => (s.options.data.generator === 'identities' ? 'number' : 'segmented'),
		presets: [2, 3],
		presetLabels: { 2: 'controls.inputDimOption', 3: 'controls.inputDimOption' },
		doc: 'input dimension: 2 (plane) or 3 (space); identities 2–16; digits 196 (their pixels)'
	},
	{
		key: 'test',
		path: 'options.data.testFraction',
		kind: 'number',
		default: 0.25,
		limit: num(0, 0.9),
		step: 0.05,
		change: 'rebuild',
		doc: 'fraction of each class kept for testing, 0–0.9'
	},
	{
		key: 'held',
		path: 'options.data.heldOut',
		kind: 'classes',
		default: Object.freeze([]),
		change: 'rebuild',
		doc: 'classes held out of training (open set), comma-separated, ranges allowed: 0,3 or 0-29'
	},
	{
		key: 'layers',
		path: 'options.hiddenLayers',
		kind: 'number',
		default: 2,
		limit: num(0, 4, true),
		step: 1,
		control: 'number',
		change: 'rebuild',
		label: 'controls.hiddenLayers',
		doc: 'hidden layers, 0–4'
	},
	{
		key: 'units',
		path: 'options.hiddenUnits',
		kind: 'number',
		// Digits have 196 inputs: a wider MLP (the papers' MNIST figures use conv nets; see
		// README for what this one reaches).
		default: (s) => (isDigits(s) ? DIGITS_HIDDEN_UNITS : 32),
		limit: num(2, 128, true),
		keep: sameKindOfData,
		step: 1,
		control: 'number',
		change: 'rebuild',
		label: 'controls.units',
		doc: 'units per hidden layer, 2–128'
	},
	{
		key: 'frelu',
		path: 'options.featureRelu',
		kind: 'flag',
		default: false,
		change: 'rebuild',
		label: 'controls.featureRelu',
		doc: 'ReLU on the feature layer (SphereFace Appendix A: features stay in one quadrant): 1 or 0'
	},

	{
		key: 'lr',
		path: 'options.learningRate',
		kind: 'number',
		default: 0.01,
		limit: num(1e-5, 1),
		step: 0.001,
		control: 'menu',
		presets: [0.001, 0.003, 0.01, 0.03, 0.1],
		change: 'live',
		label: 'controls.learningRate',
		doc: 'Adam learning rate, 0.00001–1'
	},
	{
		key: 'batch',
		path: 'options.batchSize',
		kind: 'number',
		default: 256,
		limit: num(1, 1024, true),
		step: 1,
		control: 'number',
		change: 'live',
		relevant: (s) => !needsPairs(s.options.loss),
		label: 'controls.batch',
		doc: 'mini-batch size, 1–1024'
	},
	{
		key: 'lambda',
		path: 'options.lambdaMode',
		kind: 'choice',
		choices: ['official', 'pytorch', 'warmup', 'fixed', 'off'],
		// A pure margin by default: dragging m shows its full effect at once; the toy data
		// converge without SphereFace's annealing, which stays one click away. Digits do not:
		// A-Softmax m = 4 with λ off reached 79 % test accuracy in 2,000 steps, with the
		// official schedule (floor 5) 94 % (Node, seed 1). But the official floor hides m: λ is
		// still 8–27 between steps 300 and 1,000 and 5 for good after 1,659, so at m = 4 the
		// petal width (90th percentile θ to the own W, test digits) was 12.6° at step 400,
		// 10.6° at 1,000 and 9.5° at 2,000, against 12.6–13.0° at m = 1 (test accuracy 93.4–94.1 %
		// at m = 4, 93.4–94.3 % at m = 1). So digits warm up instead: the official curve reaches
		// its floor at step 300 (`lfloor`, about where the modified softmax has converged, 93 %)
		// and λ = 0 after it. m = 4 then narrows the petals to 7.4° at step 400, 5.5° at 1,000
		// and 4.7°–7.8° up to 2,000, at 94.4–95.4 % test accuracy; m = 1 stays at 12.3–16.4°
		// (91.2–94.5 %: one seed, so ±2 % is noise). A warm-up to step 150 or 600 gives the
		// same picture (4.7–7.6° at m = 4 from step 400 or 800 on); the floor at step 300 with
		// λ kept at 5 only reaches 8.1–10.6° (steps 400–2,000). Node, tfjs wasm, seed 1:
		// `npm run digits:losses -- --defaults`.
		default: (s) => (isDigits(s) ? 'warmup' : 'off'),
		keep: sameKindOfData,
		choiceLabels: {
			official: 'controls.lambdaOfficial',
			pytorch: 'controls.lambdaPytorch',
			warmup: 'controls.lambdaWarmup',
			fixed: 'controls.lambdaFixed',
			off: 'controls.lambdaOff'
		},
		change: 'live',
		label: 'controls.lambdaAnnealing',
		doc: 'A-Softmax λ: off, official, pytorch, warmup (official to its floor, then 0) or fixed'
	},
	{
		key: 'lmin',
		path: 'options.lambdaMin',
		kind: 'number',
		default: 5,
		limit: num(0, 1000),
		step: 0.5,
		control: 'number',
		change: 'live',
		label: 'controls.lambdaFloor',
		doc: 'floor of the λ annealing, 0–1000'
	},
	{
		key: 'lfloor',
		path: 'options.lambdaFloorAt',
		kind: 'number',
		// Digits: the warm-up ends at step 300, within the first half minute of training in the
		// browser (see the λ row); toy data keep the published clock.
		default: (s) => (isDigits(s) ? DIGITS_LAMBDA_FLOOR_AT : 0),
		keep: sameKindOfData,
		limit: num(0, 100000, true),
		step: 1,
		control: 'number',
		change: 'live',
		label: 'controls.lambdaFloorAt',
		doc: 'step at which the λ annealing reaches its floor, 0–100000 (0: the published clock, official 1659)'
	},
	{
		key: 'lfixed',
		path: 'options.lambdaFixed',
		kind: 'number',
		default: 5,
		limit: num(0, 10000),
		step: 1,
		change: 'live',
		control: 'number',
		doc: 'λ when lambda=fixed, 0–10000'
	},
	{
		key: 's',
		path: 'options.s',
		kind: 'number',
		default: 16,
		limit: num(1, 64),
		step: 1,
		digits: 0,
		change: 'live',
		label: 'controls.scale',
		doc: 'scale s of CosFace and ArcFace, 1–64'
	},
	{
		key: 'wd',
		path: 'options.weightDecay',
		kind: 'number',
		default: 0.01,
		limit: num(0, 1),
		step: 0.001,
		change: 'live',
		doc: 'weight decay, 0–1'
	},
	{
		key: 'speed',
		path: 'ui.speed',
		kind: 'number',
		default: 0,
		limit: num(0, 2000, true),
		step: 1,
		change: 'page',
		label: 'explorer.speed',
		doc: 'training steps per second, 0 (as fast as possible) to 2000'
	},
	{
		key: 'present',
		path: 'ui.present',
		kind: 'flag',
		default: false,
		change: 'page',
		doc: 'presentation mode: 1 or 0'
	},
	{
		key: 'mmode',
		path: 'ui.marginMode',
		kind: 'choice',
		choices: ['integer', 'continuous'],
		// The integer slider only has m = 1…4; any other A-Softmax m needs the continuous slider.
		default: (s) => (fitsIntegerMargin(s.options.loss, s.options.m) ? 'integer' : 'continuous'),
		refine: (mode, s, name, notices) => {
			if (mode === 'continuous' || fitsIntegerMargin(s.options.loss, s.options.m)) return mode;
			notices.push(notice('integerMargin', { name, max: INTEGER_MARGIN_MAX, m: s.options.m }));
			return 'continuous';
		},
		change: 'page',
		label: 'controls.continuousMargin',
		doc: 'A-Softmax margin slider: integer (1–4) or continuous (up to 6)'
	},
	{
		key: 'lang',
		path: 'ui.lang',
		kind: 'choice',
		choices: LANGS,
		default: 'en',
		caseless: true,
		change: 'page',
		doc: 'language of the page: en (English) or ko (Korean)'
	}
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
