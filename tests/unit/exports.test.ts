import { describe, expect, test } from 'vitest';
import { parseDataFile } from '../../src/lib/io/dataReader';
import type { DatasetMessage } from '../../src/lib/model/protocol';
import type { Snapshot } from '../../src/lib/model/snapshot';
import type { CustomData } from '../../src/lib/state/customData';
import { dataCsv, featuresCsv, settingsJson } from '../../src/lib/state/exports';
import { parseSettings } from '../../src/lib/state/urlSettings';
import { defaultSettingsCopy } from '../../src/lib/math/settingsEngine';
import { noticeBrief } from '../../src/lib/math/notice';

const dataset: DatasetMessage = {
	dataVersion: 3,
	dim: 2,
	numClasses: 2,
	points: Float32Array.from([0.1, -0.2, 0.3, 0.4]),
	labels: Int32Array.from([0, 1]),
	split: Uint8Array.from([0, 1])
};

const custom: CustomData = {
	source: 'upload',
	name: 'pets.csv',
	dim: 2,
	numClasses: 2,
	points: Float64Array.from([0.5, -1, 1, 0.125]),
	labels: Int32Array.from([0, 1]),
	split: Uint8Array.from([0, 0]),
	classNames: ['cat', 'dog, small']
};

/** A snapshot with just what the features export reads. */
function snapshot(over: Partial<Snapshot> = {}): Snapshot {
	return {
		dataVersion: 3,
		step: 12,
		featureDim: 2,
		features: Float32Array.from([3, 4, 0.1, 0]),
		predictions: Int32Array.from([0, 0]),
		...over
	} as Snapshot;
}

describe('dataCsv', () => {
	test('writes the custom data set exactly, with its class names (quoted when needed)', () => {
		expect(dataCsv(custom, dataset)).toBe('x,y,label\n0.5,-1,cat\n1,0.125,"dog, small"\n');
	});

	test('writes the worker data set with short float32 numbers, and reads back the same', () => {
		const csv = dataCsv(null, dataset)!;
		expect(csv).toBe('x,y,label\n0.1,-0.2,0\n0.3,0.4,1\n');
		const r = parseDataFile(csv);
		if (!r.ok) throw new Error(noticeBrief(r.error));
		expect(Array.from(Float32Array.from(r.table.points))).toEqual(Array.from(dataset.points));
	});

	test('null when there is nothing, or the inputs have more than 3 dimensions', () => {
		expect(dataCsv(null, null)).toBeNull();
		expect(dataCsv(null, { ...dataset, dim: 4, points: new Float32Array(8) })).toBeNull();
		expect(dataCsv({ ...custom, dim: 8 }, null)).toBeNull();
	});
});

describe('featuresCsv', () => {
	test('features, norm, label, prediction and split of every point', () => {
		expect(featuresCsv(snapshot(), dataset)).toBe(
			'f1,f2,norm,label,predicted,split\n3,4,5,0,0,train\n0.1,0,0.1,1,0,test\n'
		);
		expect(featuresCsv(snapshot(), dataset, ['cat', 'dog'])).toContain('0.1,0,0.1,dog,cat,test');
	});

	test('null when the snapshot is of another data set or does not fit it', () => {
		expect(featuresCsv(null, dataset)).toBeNull();
		expect(featuresCsv(snapshot(), null)).toBeNull();
		expect(featuresCsv(snapshot({ dataVersion: 2 }), dataset)).toBeNull();
		expect(featuresCsv(snapshot({ features: new Float32Array(2) }), dataset)).toBeNull();
		expect(featuresCsv(snapshot({ predictions: new Int32Array(1) }), dataset)).toBeNull();
		expect(
			featuresCsv(snapshot({ featureDim: 4, features: new Float32Array(8) }), dataset)
		).toBeNull();
	});
});

describe('settingsJson', () => {
	test('holds the query and the parsed settings, which parse back to the same settings', () => {
		const settings = parseSettings('?loss=asoftmax&m=3&classes=5&seed=9&lang=ko').settings;
		const file = JSON.parse(settingsJson(settings, null, 1200));
		expect(file.app).toBe('SphereLab');
		expect(file.step).toBe(1200);
		expect(file.data).toEqual({ source: 'generator' });
		expect(file.settings).toEqual(settings);
		expect(parseSettings(file.query)).toEqual({ settings, notices: [] });
	});

	test('says that the user’s own data is not in the file', () => {
		const file = JSON.parse(settingsJson(defaultSettingsCopy(), custom, null));
		expect(file.data).toMatchObject({ source: 'upload', name: 'pets.csv', points: 2, classes: 2 });
		expect(file.data.note).toMatch(/not in this file/);
		expect(file.step).toBeNull();
	});
});
