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
import { GENERATOR_KINDS } from './settingTypes';
import { IDENTITIES_INPUT_DIM, inputDimLimit } from './margins';
import { isDigits, num, sameKindOfData, seedLimit, type SettingRow } from './settingRows';

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
	}
];
