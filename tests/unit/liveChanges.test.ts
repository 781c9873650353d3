import { describe, expect, test } from 'vitest';
import { defaultSettingsCopy, liveChanges } from '../../src/lib/math/settingsEngine';
import type { Settings } from '../../src/lib/math/settingTypes';

/** Default settings with some options changed. */
function withOptions(options: Partial<Settings['options']>): Settings {
	const s = defaultSettingsCopy();
	return { ...s, options: { ...s.options, ...options } };
}

describe('liveChanges: what the training charts mark', () => {
	test('a new m, as the chart says it', () => {
		expect(liveChanges(withOptions({ m: 4 }), withOptions({ m: 3 }))).toEqual([
			{ key: 'm', text: 'm 3' }
		]);
	});
	test('numbers are shown to three significant digits', () => {
		expect(
			liveChanges(withOptions({ learningRate: 0.01 }), withOptions({ learningRate: 0.0031234 }))
		).toEqual([{ key: 'lr', text: 'lr 0.00312' }]);
	});
	test('several live changes at once, each listed', () => {
		const keys = liveChanges(
			withOptions({ m: 4, learningRate: 0.01 }),
			withOptions({ m: 2, learningRate: 0.02 })
		).map((c) => c.key);
		expect(keys.sort()).toEqual(['lr', 'm']);
	});
	test('nothing changed, nothing marked', () => {
		expect(liveChanges(withOptions({}), withOptions({}))).toEqual([]);
	});
	test('a change that rebuilds the model is not a live change (the charts start over)', () => {
		expect(
			liveChanges(withOptions({ loss: 'asoftmax' }), withOptions({ loss: 'cosface' }))
		).toEqual([]);
		expect(liveChanges(withOptions({ seed: 1 }), withOptions({ seed: 2 }))).toEqual([]);
	});
	test('with the weights kept, a new loss is fine-tuning: marked', () => {
		expect(
			liveChanges(
				withOptions({ keepWeights: true, loss: 'asoftmax' }),
				withOptions({ keepWeights: true, loss: 'cosface' })
			)
		).toEqual([{ key: 'loss', text: 'loss cosface' }]);
	});
	test('turning "keep the weights" on is no change of training', () => {
		expect(
			liveChanges(withOptions({ keepWeights: false }), withOptions({ keepWeights: true }))
		).toEqual([]);
	});
	test('a setting the loss does not use is not marked (s without CosFace/ArcFace)', () => {
		expect(
			liveChanges(
				withOptions({ loss: 'asoftmax', s: 16 }),
				withOptions({ loss: 'asoftmax', s: 30 })
			)
		).toEqual([]);
	});
});
