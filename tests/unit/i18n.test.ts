import { describe, expect, it, vi } from 'vitest';
import { EXPLORER_EN } from '../../src/lib/i18n/explorerStrings';
import { EXPLORER_KO } from '../../src/lib/i18n/explorerStringsKo';
import { STRINGS, type StringKey } from '../../src/lib/i18n/strings';
import { LANGS, isLang } from '../../src/lib/math/settingTypes';
import { LANG_NAMES, MAX_NOTICE_LENGTH, noticeText, translate } from '../../src/lib/i18n/index';
import { NOTICE_EN, NOTICE_KO } from '../../src/lib/i18n/noticeStrings';
import { parseSettings } from '../../src/lib/state/urlSettings';
import { parseCompare } from '../../src/lib/state/compare';

/** Keys whose Korean text may equal the English: names and pure symbols, nothing to translate. */
const SAME_IN_BOTH = new Set<string>(['explorer.title', 'shell.psi']);

const keys = Object.keys(STRINGS.en) as StringKey[];

/** The placeholder names of a template, sorted: '{n} of {total}' → ['n', 'total']. */
function placeholders(template: string): string[] {
	return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

describe('the string tables', () => {
	it('has a non-empty Korean string for every English key, and no extra keys', () => {
		expect(keys.length).toBeGreaterThan(0);
		for (const key of keys) {
			expect(STRINGS.en[key].trim(), `en ${key}`).not.toBe('');
			expect(typeof STRINGS.ko[key], `ko ${key}`).toBe('string');
			expect(STRINGS.ko[key].trim(), `ko ${key}`).not.toBe('');
		}
		expect(Object.keys(STRINGS.ko).sort()).toEqual([...keys].sort());
	});

	it('translates every string except a short allow-list of names and symbols', () => {
		const same = keys.filter((k) => STRINGS.ko[k] === STRINGS.en[k]);
		expect(same.filter((k) => !SAME_IN_BOTH.has(k))).toEqual([]);
		// The allow-list stays honest: every entry exists and really is the same in both.
		for (const k of SAME_IN_BOTH)
			expect(STRINGS.ko[k as StringKey], k).toBe(STRINGS.en[k as StringKey]);
	});

	it('uses the same placeholders in English and Korean for every key', () => {
		for (const key of keys)
			expect(placeholders(STRINGS.ko[key]), key).toEqual(placeholders(STRINGS.en[key]));
	});

	it('merges the explorer strings into STRINGS unchanged', () => {
		for (const [key, text] of Object.entries(EXPLORER_EN))
			expect(STRINGS.en[key as StringKey], key).toBe(text);
		for (const [key, text] of Object.entries(EXPLORER_KO))
			expect(STRINGS.ko[key as StringKey], key).toBe(text);
	});

	it('names the explorer keys by area', () => {
		const areas =
			/^(explorer|shell|controls|notices|share|circle|point|sphere|input|stats|psi|charts)\./;
		for (const key of Object.keys(EXPLORER_EN)) expect(key).toMatch(areas);
	});
});

describe('translate', () => {
	// [lang, key, params, expected]
	const cases: ['en' | 'ko', StringKey, Record<string, string | number> | undefined, string][] = [
		['en', 'controls.play', undefined, 'Play'],
		['ko', 'controls.play', undefined, '재생'],
		['en', 'explorer.speedSteps', { n: 300 }, '300 steps/s'],
		['ko', 'explorer.speedSteps', { n: 300 }, '초당 300단계'],
		['en', 'point.class', { n: 2 }, 'class 2'],
		['en', 'charts.steps', { from: 0, to: 120 }, 'steps 0 to 120'],
		['ko', 'charts.steps', { from: 0, to: 120 }, '0~120단계'],
		// A missing parameter leaves its placeholder visible (components split on it).
		['en', 'controls.backend', undefined, 'Training in a worker on tfjs {backend}.'],
		['en', 'controls.backend', { other: 1 }, 'Training in a worker on tfjs {backend}.'],
		// Parameters are inserted as text: '$&' and braces are not special.
		['en', 'circle.exportFailed', { error: '$& {error}' }, 'Export failed: $& {error}']
	];

	it.each(cases)('%s %s %j', (lang, key, params, want) => {
		expect(translate(lang, key, params)).toBe(want);
	});

	it('falls back to English where a Korean string is missing', async () => {
		vi.resetModules();
		vi.doMock('../../src/lib/i18n/strings', () => ({
			STRINGS: { en: { 'controls.play': 'Play', 'point.class': 'class {n}' }, ko: {} }
		}));
		try {
			const { translate: partial } = await import('../../src/lib/i18n/index');
			expect(partial('ko', 'controls.play')).toBe('Play');
			expect(partial('ko', 'point.class', { n: 3 })).toBe('class 3');
		} finally {
			vi.doUnmock('../../src/lib/i18n/strings');
			vi.resetModules();
		}
	});
});

describe('languages', () => {
	it('knows English and Korean by their own names', () => {
		expect(LANGS).toEqual(['en', 'ko']);
		expect(LANG_NAMES).toEqual({ en: 'English', ko: '한국어' });
		for (const l of LANGS) expect(isLang(l)).toBe(true);
		for (const bad of ['fr', 'EN', '', null, undefined, 1]) expect(isLang(bad)).toBe(false);
	});
});

describe('notices', () => {
	it('are written in the page language, with the setting and value as typed', () => {
		const [n] = parseSettings('classes=50').notices;
		expect(noticeText('en', n)).toBe('classes "50" is out of range 2–10; using 10');
		const ko = noticeText('ko', n);
		expect(ko).toMatch(/[가-힣]/);
		for (const part of ['classes', '"50"', '2–10', '10']) expect(ko).toContain(part);
	});

	it('every kind has an English and a Korean sentence with the same placeholders', () => {
		const holes = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		for (const [key, text] of Object.entries(NOTICE_EN)) {
			const ko = NOTICE_KO[key as keyof typeof NOTICE_EN];
			expect(ko, key).toMatch(/[가-힣]/);
			expect(new Set(holes(ko)), key).toEqual(new Set(holes(text)));
		}
	});

	it('keep the words before them and are cut to a readable length', () => {
		const long = { key: 'unknownSetting', params: { key: 'x'.repeat(300) } } as const;
		expect(noticeText('en', long)).toHaveLength(MAX_NOTICE_LENGTH);
		expect(noticeText('en', long).endsWith('…')).toBe(true);
		const [panel] = parseCompare('panels=asoftmax:99,softmax').notices;
		expect(noticeText('en', panel)).toBe('panels: asoftmax m 99 is out of range 1–6; using 6');
		expect(noticeText('ko', panel)).toMatch(/^panels: asoftmax m 99.*[가-힣]/);
	});
});
