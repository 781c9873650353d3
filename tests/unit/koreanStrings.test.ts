/**
 * The Korean string tables have no English UI word: every Korean string, its `{placeholders}`
 * taken out, passes the Korean pages' word filter (tests/e2e/englishWords.ts), so a page
 * built from the tables is Korean wherever it shows them. The browser test
 * (tests/e2e/korean.test.ts) checks the pages themselves, text built outside the tables too.
 */
import { describe, expect, it } from 'vitest';
import { STRINGS, type StringKey } from '../../src/lib/i18n/strings';
import { englishWords } from '../e2e/englishWords';

/**
 * Strings that name something a user types or a machine is called, as it is written:
 * `panels:` is the URL key of /compare's panels, `localhost` the host name a link points at.
 */
const LITERAL: Readonly<Partial<Record<StringKey, string[]>>> = {
	'notice.panelNotLoss': ['panels'],
	'notice.panelMarginNotNumber': ['panels'],
	'notice.panelsAtMost': ['panels'],
	'notice.panelsAtLeast': ['panels'],
	'share.localWarning': ['localhost']
};

describe('the Korean string tables', () => {
	it('have no English word outside the names every Korean page keeps', () => {
		const english: Record<string, string[]> = {};
		for (const [key, text] of Object.entries(STRINGS.ko) as [StringKey, string][]) {
			const words = englishWords(text.replace(/\{\w+\}/g, ' ')).filter(
				(w) => !LITERAL[key]?.includes(w)
			);
			if (words.length) english[key] = words;
		}
		expect(english).toEqual({});
	});

	it('keep every literal they are allowed (the list stays honest)', () => {
		for (const [key, words] of Object.entries(LITERAL))
			for (const w of words) expect(STRINGS.ko[key as StringKey], key).toContain(w);
	});
});
