/**
 * Korean everywhere (issue 26, item 6), the reasons built outside the page strings: why the
 * saved identity sweep could not be read (state/savedSweep.ts, savedSweepLoader.ts), why the
 * trainer refused a data set (math/datasets.ts `datasetProblem`, the cause that
 * 'dataCannotTrain' writes in its `{cause}`), and the /embed page's text. Each reads in Korean with no English UI word
 * (the Korean pages' word filter, tests/e2e/englishWords.ts) but the file's own field names
 * and values, while the English stays as it was written before.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { noticeText, translate, translatePieces } from '../../src/lib/i18n';
import { SWEEP_NOTICE_EN, SWEEP_NOTICE_KO } from '../../src/lib/i18n/sweepNoticeStrings';
import { EMBED_CODE, EMBED_EN, EMBED_KO } from '../../src/lib/i18n/embedStrings';
import { datasetProblem } from '../../src/lib/math/datasets';
import { generateDataset } from '../../src/lib/math/generators';
import { SPLIT } from '../../src/lib/math/split';
import { because, notice, type Notice } from '../../src/lib/math/notice';
import { parseSavedSweep } from '../../src/lib/state/savedSweep';
import { loadSavedSweep } from '../../src/lib/state/savedSweepLoader';
import { englishWords } from '../e2e/englishWords';

const shipped = JSON.parse(readFileSync('static/data/identity-sweep.json', 'utf8'));
const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** The English words of Korean `text` that are not among `own` (the file's names and values). */
function foreign(text: string, own: readonly (string | number)[] = []): string[] {
	const theirs = new Set(own.flatMap((v) => englishWords(String(v))));
	return englishWords(text).filter((w) => !theirs.has(w));
}

/** The page's sentence for a saved sweep that could not be read, in `lang`. */
const badSaved = (lang: 'en' | 'ko', n: Notice) =>
	translate(lang, 'idsweep.badSaved', { problem: noticeText(lang, n) });

describe('a saved sweep that cannot be read', () => {
	test('every reason has Korean text with Hangul and the English placeholders', () => {
		for (const key of Object.keys(SWEEP_NOTICE_EN) as (keyof typeof SWEEP_NOTICE_EN)[]) {
			expect(SWEEP_NOTICE_KO[key], key).toMatch(/[가-힣]/);
			expect(holes(SWEEP_NOTICE_KO[key]), key).toEqual(holes(SWEEP_NOTICE_EN[key]));
		}
	});

	const row = shipped.rows[0];
	test.each([
		['not an object', 7, 'not a JSON object'],
		['another kind', { ...shipped, kind: 'x' }, 'not a saved identity sweep'],
		['no rows', { ...shipped, rows: [] }, 'no rows'],
		['a text step count', { ...shipped, steps: '800' }, 'steps is not a number'],
		['an unknown loss', { ...shipped, rows: [{ ...row, loss: 'magic' }] }, 'unknown loss magic'],
		['no spread', { ...shipped, rows: [{ ...row, spread: null }] }, 'a row has no spread'],
		['trials not a list', { ...shipped, rows: [{ ...row, trials: 3 }] }, 'trials is not a list'],
		[
			'an unknown verdict',
			{
				...shipped,
				rows: [{ ...row, delta: { verifAUC: { mean: 0, std: 0, verdict: 'maybe' } } }]
			},
			'unknown verdict maybe'
		],
		['no baselines', { ...shipped, inputBaselines: null }, 'no raw-input baselines']
	])('%s: English as before, Korean without English words', (_, json, english) => {
		const r = parseSavedSweep(json);
		if (!r.notice) return expect.fail('expected a refusal');
		expect(r.problem).toBe(english);
		expect(badSaved('en', r.notice)).toBe(
			`The saved sweep could not be read (${english}); run one below.`
		);
		const ko = badSaved('ko', r.notice);
		expect(ko).toMatch(/저장된 스윕을 읽을 수 없습니다\(.*[가-힣].*\)/);
		expect(foreign(ko, Object.values(r.notice.params))).toEqual([]);
	});

	test('an HTTP status and a file that is not JSON, from the loader', async () => {
		const missing = await loadSavedSweep(
			'/x',
			(async () => new Response('', { status: 404 })) as typeof fetch
		);
		expect(badSaved('en', missing.notice!)).toBe(
			'The saved sweep could not be read (HTTP 404); run one below.'
		);
		expect(badSaved('ko', missing.notice!)).toBe(
			'저장된 스윕을 읽을 수 없습니다(서버 응답 코드 404). 아래에서 직접 실행해 보세요.'
		);
		const garbage = await loadSavedSweep(
			'/x',
			(async () => new Response('{not json')) as typeof fetch
		);
		const ko = badSaved('ko', garbage.notice!);
		expect(ko).toContain('올바른 JSON이 아닙니다: ');
		// The parser's own words are the browser's, as the digits file's are.
		expect(foreign(ko, [garbage.notice!.params.detail])).toEqual([]);
	});
});

describe('a data set the trainer refuses', () => {
	const d = generateDataset({ classes: 3, pointsPerClass: 10 });
	test.each([
		['too many dimensions', { ...d, dim: 197 }, 'inputs must have 2 to 196 dimensions, not 197'],
		[
			'lengths',
			{ ...d, split: d.split.subarray(1) },
			'points, labels and split have different lengths'
		],
		['one class', { ...d, numClasses: 1 }, 'there must be 2 to 10 classes'],
		[
			'a NaN',
			{ ...d, points: d.points.map(() => Number.NaN) },
			'some coordinates are not finite numbers'
		],
		[
			'a label out of range',
			{ ...d, labels: d.labels.map(() => 7) },
			'labels must be class indices 0–2'
		],
		[
			'no training point',
			{ ...d, split: d.split.map(() => SPLIT.test) },
			'no point is in the training split'
		]
	])(
		'%s: the refusal with its reason, English as before, Korean all Korean',
		(_, data, english) => {
			const reason = datasetProblem(data);
			if (!reason) return expect.fail('expected a refusal');
			// As the trainer throws it (model/trainer.ts loadDataset).
			const refused = because(notice('dataCannotTrain'), reason);
			expect(noticeText('en', refused)).toBe(`This data set cannot be trained on: ${english}.`);
			const ko = noticeText('ko', refused);
			expect(ko).toMatch(/^이 데이터 세트로는 학습할 수 없습니다: .*[가-힣].*\.$/);
			expect(foreign(ko)).toEqual([]);
		}
	);

	test('a data set it accepts has no reason', () => {
		expect(datasetProblem(d)).toBeNull();
	});
});

describe('the /embed page', () => {
	test('every string has Korean text with Hangul, no English word and the same code', () => {
		for (const key of Object.keys(EMBED_EN) as (keyof typeof EMBED_EN)[]) {
			const ko = EMBED_KO[key];
			expect(ko, key).toMatch(/[가-힣]/);
			expect(englishWords(ko.replace(/\{\w+\}/g, ' ')), key).toEqual([]);
			// The sentences name the same code in both languages.
			expect(holes(ko), key).toEqual(holes(EMBED_EN[key]));
		}
	});

	test('the sentences cut into text and code: English as before, Korean text all Korean', () => {
		const params = (lang: 'en' | 'ko') => ({ copy: translate(lang, 'embed.copy') });
		const en = translatePieces('en', 'embed.intro', EMBED_CODE, params('en'));
		expect(en.map((p) => (p.code ? `[${p.text}]` : p.text)).join('')).toBe(
			'Every SphereLab widget has its own page for an [<iframe>]. Add any explorer setting to its query string (for example [?loss=asoftmax&m=4&classes=5]), plus [controls=m,loss,lambda] for the controls under it, [curves=cosface,arcface] for the ψ chart, [autoplay=0] to wait for a click and [lang=ko] for Korean. The “Copy embed code” button under every widget writes the snippet for you.'
		);
		for (const key of ['embed.intro', 'embed.height'] as const) {
			const ko = translatePieces('ko', key, EMBED_CODE, params('ko'));
			const text = ko.filter((p) => !p.code).map((p) => p.text);
			expect(text.join(''), key).toMatch(/[가-힣]/);
			expect(englishWords(text.join(' ')), key).toEqual([]);
			expect(
				ko.filter((p) => p.code).every((p) => Object.values(EMBED_CODE).includes(p.text))
			).toBe(true);
		}
		const intro = translatePieces('ko', 'embed.intro', EMBED_CODE, params('ko'));
		expect(intro.map((p) => p.text).join('')).toContain('“임베드 코드 복사” 버튼');
	});

	test('the page shows no English words of its own: its text comes from the tables', () => {
		const page = readFileSync('src/routes/embed/+page.svelte', 'utf8');
		// The markup only, without comments, the script and style, {expressions} and <code>.
		const markup = page
			.replace(/<!--[\s\S]*?-->/g, ' ')
			.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
			.replace(/<code>[\s\S]*?<\/code\s*>/g, ' ')
			.replace(/\{[^{}]*\}/g, ' ')
			.replace(/<[^>]*>/g, ' ');
		expect(englishWords(markup)).toEqual([]);
		const keys = [...page.matchAll(/'(embed\.\w+)'/g)].map((m) => m[1]);
		expect(keys).toEqual(expect.arrayContaining(Object.keys(EMBED_EN)));
	});
});
