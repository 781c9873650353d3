/**
 * The feature dimension and the data set: generator, classes, seeds, size, noise, input dimension, test split and held-out classes.
 * Rows of the one settings table (`SETTINGS` in settings.ts, which lists the groups in
 * order: a row may depend on the rows above it). Pure TypeScript.
 */
import {
	DIGITS_PER_CLASS,
	MAX_FEATURE_DIM,
	MAX_IDENTITIES,
	MIN_CLASSES,
	maxClassesOf
} from './limits';
import { GENERATOR_KINDS, type Settings } from './settingTypes';
import { IDENTITIES_INPUT_DIM, inputDimLimit, isMetricLoss } from './margins';
import { isDigits, num, sameKindOfData, seedLimit, type SettingRow } from './settingRows';

/**
 * The data contrastive, triplet and center loss train on when the URL names no data: three
 * interleaved spirals. On the four separated blobs of the other losses they have nothing to
 * learn (the untrained network's features already sort them by nearest class mean, and
 * almost no pair or triplet violates the margin after a few dozen steps). Chosen on the
 * criterion of issue 26 (accuracy well below 100 % before training, a share still teaching
 * that stays clearly above 0 and falls, the classes separate at the end) among blobs (4
 * classes at noise 0.2, 6 at 0.5, 8 at 0.5 and 0.8), spirals (3, 4) and rings (3), seeds 1–10
 * each: `npm run experiment:euclidean-data`. Blobs were sorted before training (4: 95 % on
 * average, 6: 81 %, 8: 76 %) or learnt in 50 steps with at most 6.3 % of triplets still
 * teaching (8 at noise 0.8 plateaus at 91 %: the classes overlap); rings learnt at once. Spirals, 3 classes
 * (mean of seeds 1–10): test accuracy 36 % before training (25–45 %); triplet loss's share
 * still teaching 97 % at step 50, 77 % at 200, 10 % at 400, 0.4 % at 800, test accuracy 99 %
 * at 800 (97–100 %; contrastive: 91 %, 91 %, 60 %, 18 %; 99 %). Four spirals did as well for
 * triplet loss but one seed of contrastive loss ended at 88 %.
 */
export const EUCLIDEAN_DATA = Object.freeze({ generator: 'spirals', classes: 3 } as const);

/** The Euclidean losses' data applies: a metric loss, on the preset's generator. */
export const onEuclideanData = (s: Settings): boolean =>
	isMetricLoss(s.options.loss) && s.options.data.generator === EUCLIDEAN_DATA.generator;

/** The default generator: the Euclidean losses' own, else four blobs' generator. */
const defaultGenerator = (s: Settings) =>
	isMetricLoss(s.options.loss) ? EUCLIDEAN_DATA.generator : 'blobs';
/** The default class count: all ten digits, the Euclidean losses' preset, else 4. */
const defaultClasses = (s: Settings) =>
	isDigits(s) ? 10 : onEuclideanData(s) ? EUCLIDEAN_DATA.classes : 4;

/**
 * A data setting left at its default follows the default when the loss changes (so choosing
 * triplet loss on the default blobs moves to its spirals, and back), unless the weights are
 * kept for fine-tuning (new data would rebuild the model); a value the reader chose stays.
 */
const followsDefault =
	(value: (s: Settings) => unknown, byDefault: (s: Settings) => unknown) =>
	(base: Settings): boolean =>
		base.options.keepWeights || value(base) !== byDefault(base);

export const DATA_ROWS: readonly SettingRow[] = [
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
		default: defaultGenerator,
		keep: followsDefault((s) => s.options.data.generator, defaultGenerator),
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
		doc: 'data: blobs, spirals, rings, sphere, identities (toy) or digits (MNIST, 14 × 14); contrastive, triplet and center loss: spirals by default'
	},
	{
		key: 'classes',
		path: 'options.data.classes',
		kind: 'number',
		// Digits: all ten by default (a smaller count keeps the digits 0…classes−1).
		default: defaultClasses,
		limit: (s) => num(MIN_CLASSES, maxClassesOf(s.options.data.generator), true),
		keep: (base, next) =>
			sameKindOfData(base, next) &&
			followsDefault((s) => s.options.data.classes, defaultClasses)(base),
		step: 1,
		always: true,
		change: 'rebuild',
		label: 'controls.classes',
		doc: `number of classes, ${MIN_CLASSES}–10; identities ${MIN_CLASSES}–${MAX_IDENTITIES}; 4 by default (spirals of contrastive, triplet and center loss: 3)`
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
		key: 'imb',
		path: 'options.data.imbalance',
		kind: 'number',
		default: 1,
		limit: num(0.05, 1),
		step: 0.05,
		change: 'rebuild',
		label: 'controls.imbalance',
		doc: 'class imbalance: the share of training points the minority classes (the upper half) keep, 0.05–1 (1 = balanced)'
	},
	{
		key: 'flip',
		path: 'options.data.labelNoise',
		kind: 'number',
		default: 0,
		limit: num(0, 0.5),
		step: 0.05,
		change: 'rebuild',
		label: 'controls.labelNoise',
		doc: 'label noise: the share of training labels flipped to another class, 0–0.5 (seeded)'
	},
	{
		key: 'held',
		path: 'options.data.heldOut',
		kind: 'classes',
		default: Object.freeze([]),
		change: 'rebuild',
		doc: 'classes held out of training (open set), comma-separated, ranges allowed: 0,3 or 0-29'
	}
];
