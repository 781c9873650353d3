/**
 * The data files' notices (io/dataReader.ts, io/digits.ts): every key has English and Korean
 * text, and a few real failures read in Korean with no English UI word (the word filter of
 * the Korean pages' test), while the English text stays what the reader always wrote.
 */
import { describe, expect, test } from 'vitest';
import { FILE_NOTICE_EN, FILE_NOTICE_KO } from '../../src/lib/i18n/fileNoticeStrings';
import { noticeText } from '../../src/lib/i18n';
import { parseDataFile } from '../../src/lib/io/dataReader';
import { parseDigits } from '../../src/lib/io/digits';
import { because, notice, type Notice } from '../../src/lib/math/notice';
import { englishWords } from '../e2e/englishWords';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** The notice of a file the reader refuses. */
function refusal(input: string | Uint8Array): Notice {
	const r = parseDataFile(input);
	if (r.ok) return expect.fail('expected the file to be refused');
	return r.error;
}

describe('the data files’ notices', () => {
	test('every key has English and Korean text with the same placeholders', () => {
		const keys = Object.keys(FILE_NOTICE_EN) as (keyof typeof FILE_NOTICE_EN)[];
		expect(keys.length).toBeGreaterThan(40);
		const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		for (const key of keys) {
			expect(FILE_NOTICE_KO[key], key).toMatch(/[가-힣]/);
			expect(holes(FILE_NOTICE_KO[key]), key).toEqual(holes(FILE_NOTICE_EN[key]));
		}
	});

	test.each([
		['a wrong column count', 'x,y,label\n1,2,a\n3,4\n', 'Line 3: expected 3 columns'],
		['a value that is not a number', 'x,y,label\n1,2,a\n3,1x2,b\n', 'Line 3: "1x2" in column y'],
		['an empty file', '', 'This file is empty.'],
		['one class', 'x,y,label\n1,2,a\n3,4,a\n', 'at least 2 classes'],
		['mixed separators', 'x,y,label\n1,2,a\n3\t4\tb\n', 'Line 3 uses tabs but line 1 uses commas'],
		['an open quote', 'x,y,label\n1,2,"a\n', 'Line 2: a quoted value is not closed'],
		['a PNG', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'binary']
	])('%s: English as before, Korean without English words', (_, input, english) => {
		const n = refusal(input);
		expect(noticeText('en', n)).toContain(english);
		const ko = noticeText('ko', n);
		expect(ko).toMatch(/[가-힣]/);
		expect(englishWords(ko)).toEqual([]);
	});

	test('the separators are the language’s words', () => {
		const n = refusal('x;y;label\n1;2;a\n3,4,b\n');
		expect(noticeText('en', n)).toBe(
			'Line 3 uses commas but line 1 uses semicolons (mixed separators); use one separator throughout.'
		);
		expect(noticeText('ko', n)).toContain('3번째 줄은 쉼표로 구분하는데 1번째 줄은 세미콜론으로');
	});

	test('the reader’s notes are notices too', () => {
		const r = parseDataFile(utf8('a,b,kind\n0,0,p\n1,1,q\n2,2,p\n'));
		if (!r.ok) return expect.fail('expected a table');
		expect(r.warnings.map((w) => noticeText('ko', w))).toEqual([
			'1번째 줄("a", "b", "kind")을 머리글 x, y, 레이블로 읽습니다.',
			'클래스 "q"에는 점이 하나뿐이라 테스트 점이 없습니다.'
		]);
	});

	test('a refused digits file: its reason, then that the data stays, in either language', () => {
		const r = parseDigits(new Uint8Array(3));
		if (r.ok) return expect.fail('expected a refusal');
		const shown = because(notice('digitsRefused'), r.error);
		expect(noticeText('en', shown)).toBe(
			'The digits file is too short (3 bytes). Keeping the data set of before.'
		);
		const ko = noticeText('ko', shown);
		expect(ko).toBe('숫자 파일이 너무 짧습니다(3바이트). 이전 데이터 세트를 유지합니다.');
		expect(englishWords(ko)).toEqual([]);
	});
});
