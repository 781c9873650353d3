import { describe, expect, it } from 'vitest';
import {
	DEFAULT_PANELS,
	MAX_PANELS,
	panelLabel,
	parseCompare,
	serializeCompare,
	withSeenIdentities
} from '../../src/lib/state/compare';

describe('the comparison URL', () => {
	it('defaults to the paper’s four panels and a 6 seen / 4 held-out data set', () => {
		const { panels, settings, notices } = parseCompare('');
		expect(panels).toEqual(DEFAULT_PANELS);
		expect(panels.map(panelLabel)).toEqual([
			'Softmax',
			'Modified softmax',
			'A-Softmax m = 2',
			'A-Softmax m = 4'
		]);
		expect(settings.options.data.classes).toBe(10);
		expect(settings.options.data.heldOut).toEqual([6, 7, 8, 9]);
		expect(notices).toEqual([]);
	});

	it('reads panels with margins and round-trips through the serializer', () => {
		const search = '?panels=asoftmax:3,cosface:0.2,arcface&classes=6&held=5&seed=9';
		const a = parseCompare(search);
		expect(a.panels).toEqual([
			{ loss: 'asoftmax', m: 3 },
			{ loss: 'cosface', m: 0.2 },
			{ loss: 'arcface', m: 0.5 }
		]);
		expect(a.notices).toEqual([]);
		const query = serializeCompare(a.panels, a.settings);
		expect(query).toMatch(/^panels=asoftmax:3,cosface:0\.2,arcface:0\.5&/);
		expect(query).not.toMatch(/(^|&)(loss|m)=/); // loss and margin belong to the panels
		const b = parseCompare(query);
		expect(b.panels).toEqual(a.panels);
		expect(b.settings.options.data).toEqual(a.settings.options.data);
		expect(b.settings.options.seed).toBe(9);
	});

	it('answers bad panel lists with notices and a valid comparison', () => {
		const cases = [
			'panels=',
			'panels=nope',
			'panels=asoftmax:99,asoftmax:abc',
			'panels=softmax,modified,asoftmax,cosface,arcface,softmax',
			'panels=%3Cscript%3E'
		];
		for (const search of cases) {
			const { panels, notices } = parseCompare(search);
			expect(panels.length, search).toBeGreaterThanOrEqual(2);
			expect(panels.length, search).toBeLessThanOrEqual(MAX_PANELS);
			for (const p of panels) expect(Number.isFinite(p.m), search).toBe(true);
			expect(notices.length, search).toBeGreaterThan(0);
		}
		expect(parseCompare('panels=asoftmax:99,softmax').panels[0]).toEqual({
			loss: 'asoftmax',
			m: 6
		});
	});
});

describe('seen identities on the comparison', () => {
	it('a count keeps the held-out identities, right after the seen ones', () => {
		const data = parseCompare('').settings.options.data;
		expect(data.heldOut).toEqual([6, 7, 8, 9]);
		expect(withSeenIdentities(data, 25)).toEqual({ classes: 29, heldOut: [25, 26, 27, 28] });
		expect(withSeenIdentities({ ...data, heldOut: [] }, 100)).toEqual({
			classes: 100,
			heldOut: []
		});
		// Round trip through the URL: a range for the held-out identities.
		const s = parseCompare(`?data=identities&classes=104&held=100-103`).settings.options.data;
		expect(s).toMatchObject(withSeenIdentities(data, 100));
	});
});
