/**
 * Recognition, the verification and identification views' state, over a hand-made snapshot:
 * the first model snaps τ to the tables' operating point and picks a genuine pair and a probe;
 * picks alternate A, B; the cursor walks the test set by angle and wraps; a new data set
 * clears the picks; a test set without held-out identities falls back to the known people.
 * (In Node there is no Worker: every model is computed inline.)
 */
import { describe, expect, test } from 'vitest';
import { Recognition } from '../../src/lib/state/recognition.svelte';
import { operatingPoint, thresholdAtFar } from '../../src/lib/math/recognitionView';
import { SPLIT } from '../../src/lib/math/split';
import { circleSnapshot } from './circleSnapshot';
import type { Snapshot } from '../../src/lib/model/snapshot';

/** 3 identities × 8 points around 0°, 120° and 240°; the first 4 of each are held out of training… */
function data(
	dataVersion = 1,
	held = true
): { s: Snapshot; labels: Int32Array; split: Uint8Array } {
	const features: number[] = [];
	const labels: number[] = [];
	const split: number[] = [];
	for (let c = 0; c < 3; c++) {
		for (let k = 0; k < 8; k++) {
			const phi = (2 * Math.PI * c) / 3 + (k - 3.5) * 0.12;
			features.push(Math.cos(phi), Math.sin(phi));
			labels.push(c);
			split.push(k < 4 ? (held ? SPLIT.heldOut : SPLIT.test) : SPLIT.train);
		}
	}
	const s = { ...circleSnapshot([0, 2, 4], 'modified', 1), dataVersion };
	s.features = Float32Array.from(features);
	return { s, labels: Int32Array.from(labels), split: Uint8Array.from(split) };
}

describe('Recognition', () => {
	test('the first model: τ at FAR 1e−2, a genuine pair, a probe outside the gallery', () => {
		const rec = new Recognition();
		const { s, labels, split } = data();
		rec.setData(s, labels, split);
		expect(rec.testSet).toBe('new');
		const model = rec.model!;
		expect(model.rows).toHaveLength(12);
		expect(rec.tau).toBe(thresholdAtFar(model.sweep));
		expect(rec.op).toEqual(operatingPoint(model.sweep, rec.tau));
		expect(labels[rec.a!]).toBe(labels[rec.b!]);
		expect(rec.a).not.toBe(rec.b);
		expect(rec.gallery).toHaveLength(3);
		expect(rec.probe).not.toBeNull();
		expect(Array.from(rec.gallery)).not.toContain(rec.probe);
		rec.dispose();
	});

	test('picks alternate A then B; identification picks the probe', () => {
		const rec = new Recognition();
		const { s, labels, split } = data();
		rec.setData(s, labels, split);
		rec.pick(1);
		expect([rec.a, rec.b]).toEqual([1, null]);
		rec.pick(1);
		expect([rec.a, rec.b]).toEqual([1, null]);
		rec.pick(9);
		expect([rec.a, rec.b]).toEqual([1, 9]);
		expect(rec.pair!.angle).toBeGreaterThan(1);
		rec.pick(2);
		expect([rec.a, rec.b]).toEqual([2, null]);
		rec.mode = 'identify';
		// A held-out photo of identity 2 that is not its enrolled one.
		const probe = [16, 17, 18, 19].find((r) => !rec.gallery.includes(r))!;
		rec.pick(probe);
		expect(rec.probe).toBe(probe);
		expect(rec.search!.answer).toBe(2);
		rec.openSet = true;
		rec.setTau(1);
		expect(rec.search!.answer).toBe('unknown');
		rec.dispose();
	});

	test('the cursor walks the test set by angle and wraps', () => {
		const rec = new Recognition();
		const { s, labels, split } = data();
		rec.setData(s, labels, split);
		rec.cursor = null;
		rec.a = rec.b = null;
		const seen: number[] = [];
		for (let k = 0; k < 13; k++) {
			rec.moveCursor(1);
			seen.push(rec.cursor!);
		}
		expect(new Set(seen.slice(0, 12)).size).toBe(12);
		expect(seen[12]).toBe(seen[0]);
		rec.moveCursor(-1);
		expect(rec.cursor).toBe(seen[11]);
		rec.dispose();
	});

	test('a new data set clears the picks; no held-out identity means the known people', () => {
		const rec = new Recognition();
		const first = data(1);
		rec.setData(first.s, first.labels, first.split);
		rec.pick(0);
		const next = data(2, false);
		rec.setData(next.s, next.labels, next.split);
		expect(rec.hasNew).toBe(false);
		expect(rec.testSet).toBe('known');
		expect(rec.model!.rows).toHaveLength(12);
		// The new model picked its own defaults again, from the known people's test photos.
		expect(next.split[rec.a!]).toBe(SPLIT.test);
		rec.dispose();
	});

	test('no snapshot: no model', () => {
		const rec = new Recognition();
		rec.setData(null, null, null);
		expect(rec.model).toBeNull();
		expect(rec.op).toBeNull();
		rec.dispose();
	});
});
