/**
 * The Euclidean losses' own default data (issue 26, item 4; `EUCLIDEAN_DATA` in
 * math/dataRows.ts): contrastive, triplet and center loss train on spirals unless the URL or
 * the reader names other data; an explicit `data=` or `classes=` always wins; the URL stays as
 * short as for any other loss and round-trips; in the page, data left at its default follows
 * the loss, data the reader chose stays.
 */
import { describe, expect, test } from 'vitest';
import { EUCLIDEAN_DATA, onEuclideanData } from '../../src/lib/math/dataRows';
import { DEFAULTS } from '../../src/lib/math/settingsEngine';
import { clampTrainerOptions } from '../../src/lib/model/options';
import { parseSettings, serializeSettings } from '../../src/lib/state/urlSettings';

const data = (query: string) => {
	const { settings, notices } = parseSettings(query);
	expect(notices).toEqual([]);
	const d = settings.options.data;
	return { generator: d.generator, classes: d.classes, noise: d.noise };
};

describe('the default data of a loss', () => {
	test.each([
		// The Euclidean losses: their spirals, at the usual noise.
		['loss=triplet', { ...EUCLIDEAN_DATA, noise: 0.2 }],
		['loss=contrastive', { ...EUCLIDEAN_DATA, noise: 0.2 }],
		['loss=center', { ...EUCLIDEAN_DATA, noise: 0.2 }],
		// Every other loss: four blobs, as before.
		['loss=asoftmax', { generator: 'blobs', classes: 4, noise: 0.2 }],
		['', { generator: 'blobs', classes: 4, noise: 0.2 }],
		['loss=softmax&classes=6', { generator: 'blobs', classes: 6, noise: 0.2 }],
		// An explicit data set or class count wins.
		['loss=triplet&data=blobs', { generator: 'blobs', classes: 4, noise: 0.2 }],
		['loss=triplet&classes=5', { generator: 'spirals', classes: 5, noise: 0.2 }],
		['loss=triplet&data=blobs&classes=6&noise=0.5', { generator: 'blobs', classes: 6, noise: 0.5 }],
		['loss=center&data=rings', { generator: 'rings', classes: 4, noise: 0.2 }],
		['loss=asoftmax&data=spirals', { generator: 'spirals', classes: 4, noise: 0.2 }],
		// Digits keep all ten digits whatever the loss.
		['loss=triplet&data=digits', { generator: 'digits', classes: 10, noise: 0.2 }]
	])('%s → %o', (query, expected) => {
		expect(data(query)).toEqual(expected);
	});

	test('the preset is data where the losses have something to learn, not the blobs', () => {
		expect(EUCLIDEAN_DATA.generator).not.toBe(DEFAULTS.options.data.generator);
		expect(onEuclideanData(parseSettings('loss=triplet').settings)).toBe(true);
		expect(onEuclideanData(parseSettings('loss=triplet&data=blobs').settings)).toBe(false);
		expect(onEuclideanData(parseSettings('loss=softmax&data=spirals').settings)).toBe(false);
	});
});

describe('the URL', () => {
	test.each([
		'loss=triplet',
		'loss=contrastive&seed=7',
		'loss=center&classes=5',
		'loss=triplet&data=blobs'
	])('%s round-trips, with no more keys than the same URL of A-Softmax', (query) => {
		const { settings } = parseSettings(query);
		const text = serializeSettings(settings);
		expect(parseSettings(text).settings).toEqual(settings);
		const other = serializeSettings(
			parseSettings(query.replace(/loss=\w+/, 'loss=asoftmax')).settings
		);
		// Only `m` may differ in presence (A-Softmax's margin is written like any other).
		expect(text.split('&').length).toBeLessThanOrEqual(other.split('&').length);
		expect(text).not.toMatch(/noise=/);
	});

	test('the default triplet URL names its data', () => {
		expect(serializeSettings(parseSettings('loss=triplet').settings)).toMatch(
			/&data=spirals&classes=3&/
		);
	});
});

describe('changing the loss in the page', () => {
	const start = parseSettings('loss=asoftmax').settings.options;
	const change = (partial: object, base = start) => {
		const { options, notices } = clampTrainerOptions(partial, base);
		expect(notices).toEqual([]);
		return options;
	};

	test('data left at its default follows the loss, there and back', () => {
		const triplet = change({ loss: 'triplet' });
		expect(triplet.data.generator).toBe('spirals');
		expect(triplet.data.classes).toBe(3);
		const back = change({ loss: 'asoftmax' }, triplet);
		expect(back.data).toEqual(start.data);
		// Between two Euclidean losses the spirals stay.
		expect(change({ loss: 'center' }, triplet).data).toEqual(triplet.data);
	});

	test('data the reader chose stays', () => {
		const six = change({ data: { ...start.data, classes: 6 } });
		expect(change({ loss: 'triplet' }, six).data).toMatchObject({
			generator: 'spirals',
			classes: 6
		});
		const rings = change({ data: { ...start.data, generator: 'rings' } });
		expect(change({ loss: 'contrastive' }, rings).data).toMatchObject({
			generator: 'rings',
			classes: 4
		});
	});

	test('keeping the weights (fine-tuning) keeps the data too', () => {
		const keep = change({ keepWeights: true });
		expect(change({ loss: 'triplet' }, keep).data).toEqual(start.data);
	});
});
