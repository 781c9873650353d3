/**
 * The settings rows of the Euclidean-margin losses (contrastive, triplet, center loss): triplet
 * mining, unit-length features and the P×K batch of the pair losses, λ_c and α of center
 * loss. Part of the one settings table (`SETTINGS` spreads them after the margin); each row
 * applies only to its losses (its control hides otherwise) and changes the running model.
 */
import { needsPairs } from './margins';
import { num, type SettingRow } from './settingRows';

export const METRIC_ROWS: readonly SettingRow[] = Object.freeze<SettingRow[]>([
	{
		key: 'mining',
		path: 'options.mining',
		kind: 'choice',
		choices: ['all', 'hard'],
		default: 'all',
		choiceLabels: { all: 'controls.miningAll', hard: 'controls.miningHard' },
		relevant: (s) => s.options.loss === 'triplet',
		change: 'live',
		label: 'controls.mining',
		doc: 'triplet mining in the batch: all (every valid triplet) or hard (each anchor’s hardest)'
	},
	{
		key: 'unit',
		path: 'options.unitFeatures',
		kind: 'flag',
		default: false,
		relevant: (s) => needsPairs(s.options.loss),
		change: 'live',
		label: 'controls.unitFeatures',
		doc: 'contrastive and triplet loss on unit-length features (on the hypersphere): 1 or 0'
	},
	{
		key: 'pclasses',
		path: 'options.pkClasses',
		kind: 'number',
		default: 8,
		limit: num(2, 8, true),
		step: 1,
		control: 'number',
		relevant: (s) => needsPairs(s.options.loss),
		change: 'live',
		label: 'controls.pkClasses',
		doc: 'P×K batches of contrastive and triplet loss: P classes a batch, 2–8 (all when fewer)'
	},
	{
		key: 'kper',
		path: 'options.pkPerClass',
		kind: 'number',
		default: 8,
		limit: num(2, 32, true),
		step: 1,
		control: 'number',
		relevant: (s) => needsPairs(s.options.loss),
		change: 'live',
		label: 'controls.pkPerClass',
		doc: 'P×K batches: K points of each class, 2–32'
	},
	{
		key: 'lc',
		path: 'options.centerLambda',
		kind: 'number',
		default: 0.1,
		limit: num(0, 10),
		step: 0.01,
		control: 'menu',
		presets: [0, 0.01, 0.03, 0.1, 0.3, 1],
		relevant: (s) => s.options.loss === 'center',
		change: 'live',
		label: 'controls.centerLambda',
		doc: 'center loss: weight λ_c of the center term beside softmax, 0–10'
	},
	{
		key: 'alpha',
		path: 'options.centerAlpha',
		kind: 'number',
		default: 0.5,
		limit: num(0.01, 1),
		step: 0.01,
		relevant: (s) => s.options.loss === 'center',
		change: 'live',
		label: 'controls.centerAlpha',
		doc: 'center loss: update rate α of the class centres, 0.01–1'
	}
]);
