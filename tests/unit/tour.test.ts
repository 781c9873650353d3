import { describe, expect, test } from 'vitest';
import katex from 'katex';
import { TOUR_STEPS, tourStep } from '../../src/lib/state/tour';
import { isWidgetView, widgetConfig } from '../../src/lib/state/widget';
import { readdirSync } from 'node:fs';

describe('the projector tour', () => {
	test('has eight steps, each a valid widget with no notices, a formula KaTeX renders and both languages', () => {
		expect(TOUR_STEPS).toHaveLength(8);
		const lessons = readdirSync('lessons/en').map((f) => f.replace(/\.md$/, ''));
		for (const s of TOUR_STEPS) {
			const { view, ...rest } = s.widget;
			// 'verdict' is the tour's own view: the claims chart (ClaimChart), no training.
			expect(isWidgetView(view) || view === 'verdict', view).toBe(true);
			if (isWidgetView(view))
				expect(widgetConfig(view, Object.entries(rest)).notices, s.title.en).toEqual([]);
			expect(() => katex.renderToString(s.formula, { throwOnError: true })).not.toThrow();
			for (const lang of ['en', 'ko'] as const) {
				expect(s.title[lang].trim()).not.toBe('');
				expect(s.text[lang].trim()).not.toBe('');
			}
			expect(s.text.ko).not.toBe(s.text.en);
			expect(lessons).toContain(s.lesson);
		}
	});

	test.each([
		['1', 1],
		['8', 8],
		['0', null],
		['9', null],
		['01', null],
		['2.5', null],
		['x', null],
		[undefined, null]
	])('tourStep(%s) is %s', (param, want) => {
		expect(tourStep(param)).toBe(want);
	});
});
