/**
 * The network and its training: layers, units, feature ReLU, learning rate, batch, the λ schedule of A-Softmax, the scale s and weight decay.
 * Rows of the one settings table (`SETTINGS` in settings.ts, which lists the groups in
 * order: a row may depend on the rows above it). Pure TypeScript.
 */
import { usesScale } from './psi';
import { needsPairs } from './margins';
import {
	DIGITS_HIDDEN_UNITS,
	DIGITS_LAMBDA_FLOOR_AT,
	isDigits,
	num,
	sameKindOfData,
	type SettingRow
} from './settingRows';

export const TRAINING_ROWS: readonly SettingRow[] = [
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
		key: 'keep',
		path: 'options.keepWeights',
		kind: 'flag',
		default: false,
		change: 'live',
		label: 'controls.keepWeights',
		doc: 'keep the weights when the loss changes (fine-tune) instead of a fresh run from the seed: 1 or 0'
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
		relevant: (s) => usesScale(s.options.loss),
		change: 'live',
		label: 'controls.scale',
		doc: 'scale s of CosFace, ArcFace and the combined margin, 1–64'
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
	}
];
