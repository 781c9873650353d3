import { describe, expect, it, test } from 'vitest';
import {
	DATA_FILE_LIMITS,
	parseDataFile,
	type DataTable,
	type ParseOptions,
	type ParseResult
} from '../../src/lib/io/dataReader';
import { formatDataCsv, formatFeaturesCsv } from '../../src/lib/io/dataWriters';
import { showValue } from '../../src/lib/io/messages';
import { noticeBrief } from '../../src/lib/math/notice';
import { en } from './noticeText';
import { tableToDataset, unitBox } from '../../src/lib/io/tableDataset';
import { datasetProblem } from '../../src/lib/math/datasets';
import { generateDataset } from '../../src/lib/math/generators';
import { SPLIT } from '../../src/lib/math/split';
import { createRng, type Rng } from '../../src/lib/math/rng';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** The table of a parse that must succeed (fails the test with the error otherwise). */
function table(input: string | Uint8Array, options?: ParseOptions): DataTable {
	const r = parseDataFile(input, options);
	if (!r.ok) expect.fail(`expected ok, got: ${noticeBrief(r.error)}`);
	return r.table;
}

/** The error of a parse that must fail, as the English page shows it. */
function error(input: string | Uint8Array, options?: ParseOptions): string {
	const r = parseDataFile(input, options);
	if (r.ok) expect.fail(`expected an error, got ${r.table.rows} rows`);
	return en([r.error])[0];
}

/** Plain arrays of a table, for readable comparisons. */
const plain = (t: DataTable) => ({
	dim: t.dim,
	points: Array.from(t.points),
	labels: Array.from(t.labels),
	classNames: t.classNames,
	rows: t.rows
});

/** Bytes of a typed array, for bit-identity checks (toEqual would treat −0 and 0 alike). */
const bytes = (a: Float64Array): number[] => Array.from(new Uint8Array(a.buffer));

/** `count` data rows "i,-i,label" with labels cycling through `classes` names. */
function rowsText(count: number, classes = 2, header = 'x,y,label'): string {
	const lines = [header];
	for (let i = 0; i < count; i++) lines.push(`${i},${-i},c${i % classes}`);
	return lines.join('\n');
}

const BASIC = {
	dim: 2,
	points: [1.5, -2, 0, 3e-4],
	labels: [0, 1],
	classNames: ['cat', 'dog'],
	rows: 2
};

describe('parseDataFile: accepted files', () => {
	test.each([
		['header, commas', 'x,y,label\n1.5,-2,cat\n0,3e-4,dog\n'],
		['no header', '1.5,-2,cat\n0,3e-4,dog'],
		['tabs', 'x\ty\tlabel\n1.5\t-2\tcat\n0\t3e-4\tdog\n'],
		['semicolons', 'x;y;label\n1.5;-2;cat\n0;3e-4;dog\n'],
		['CRLF', 'x,y,label\r\n1.5,-2,cat\r\n0,3e-4,dog\r\n'],
		['old Mac CR', 'x,y,label\r1.5,-2,cat\r0,3e-4,dog'],
		['BOM', '\uFEFFx,y,label\n1.5,-2,cat\n0,3e-4,dog\n'],
		['quoted fields', '"x","y","label"\n"1.5","-2",cat\n"0",3e-4,"dog"\n'],
		['spaces around fields', 'x, y, label\n 1.5 , -2 ,  cat\n0, 3e-4 , "dog" \n'],
		['blank and empty-field lines', '\n\nx,y,label\n\n1.5,-2,cat\n  \n,,\n0,3e-4,dog\n\n\n'],
		['leading plus, no leading zero', 'x,y,label\n+1.5,-2,cat\n.0,+.3e-3,dog']
	])('%s', (_, text) => {
		expect(plain(table(text))).toEqual(BASIC);
	});

	it('reads the same from bytes, with and without a UTF-8 BOM', () => {
		const text = 'x,y,label\n1.5,-2,cat\n0,3e-4,dog\n';
		const want = parseDataFile(text);
		expect(parseDataFile(utf8(text))).toEqual(want);
		expect(parseDataFile(utf8(`\uFEFF${text}`))).toEqual(want);
		expect(parseDataFile(utf8(text).buffer as ArrayBuffer)).toEqual(want);
	});

	it('reads 3D files with x,y,z,class headers', () => {
		const t = table('x,y,z,class\n1,2,3,a\n4,5,6,b\n7,8,9,a\n');
		expect(plain(t)).toEqual({
			dim: 3,
			points: [1, 2, 3, 4, 5, 6, 7, 8, 9],
			labels: [0, 1, 0],
			classNames: ['a', 'b'],
			rows: 3
		});
	});

	it('keeps quoted labels with separators, quotes and unicode', () => {
		const t = table('x,y,label\n1,2,"red, dark"\n3,4,"say ""hi"""\n5,6,日本\n7,8,"red, dark"\n');
		expect(t.classNames).toEqual(['red, dark', 'say "hi"', '日本']);
		expect(Array.from(t.labels)).toEqual([0, 1, 2, 0]);
	});

	it('numbers integer labels in numeric order and warns when they are not 0..k−1', () => {
		const r = parseDataFile('x,y,label\n0,0,10\n1,1,2\n2,2,007\n3,3,2.0\n4,4,10\n5,5,7\n');
		if (!r.ok) expect.fail(noticeBrief(r.error));
		expect(r.table.classNames).toEqual(['2', '7', '10']);
		expect(Array.from(r.table.labels)).toEqual([2, 0, 1, 0, 2, 1]);
		expect(en(r.warnings)).toContain('Labels 2, 7, 10 are numbered as classes 0–2.');
	});

	it('numbers named labels in order of first appearance, even when some look numeric', () => {
		const t = table('1,1,b\n2,2,3\n3,3,a\n4,4,b\n5,5,-1\n');
		expect(t.classNames).toEqual(['b', '3', 'a', '-1']);
		expect(Array.from(t.labels)).toEqual([0, 1, 2, 0, 3]);
	});

	it('0..k−1 integer labels need no warning; one-point classes and odd headers get one', () => {
		const clean = parseDataFile('x,y,label\n0,0,1\n1,1,0\n2,2,1\n3,3,0\n');
		expect(clean.ok && clean.warnings).toEqual([]);
		const odd = parseDataFile('a,b,kind\n0,0,p\n1,1,q\n2,2,p\n');
		expect(odd.ok && en(odd.warnings)).toEqual([
			'Line 1 ("a", "b", "kind") is read as the header x, y, label.',
			'Class "q" has only one point, so it has no test point.'
		]);
	});

	it('accepts exactly the row, class and size limits', () => {
		expect(table(rowsText(4), { maxRows: 4 }).rows).toBe(4);
		expect(table(rowsText(30, 10)).classNames).toHaveLength(10);
		expect(table(rowsText(20_000)).rows).toBe(20_000);
		const text = rowsText(3);
		expect(table(text, { maxBytes: utf8(text).length }).rows).toBe(3);
	});
});

describe('parseDataFile: rejected files name the line and the problem', () => {
	const cases: [string, string | Uint8Array, ParseOptions | undefined, string | RegExp][] = [
		[
			'too many columns',
			'x,y,label\n1,2,a\n3,4,b\n\n1,2,3,4,b\n',
			undefined,
			'Line 5: expected 3 columns (x, y, label) like line 1, found 5.'
		],
		[
			'too few columns (3D)',
			'1,2,3,a\n1,2,b\n',
			undefined,
			'Line 2: expected 4 columns (x, y, z, label) like line 1, found 3.'
		],
		[
			'wrong count on the first line',
			'1,2\n3,4\n',
			undefined,
			'Line 1: expected 3 columns (x, y, label) or 4 (x, y, z, label), found 2.'
		],
		[
			'one column',
			'\n1 2 a\n',
			undefined,
			'Line 2: found one column; separate x, y and label with commas or tabs.'
		],
		[
			'non-numeric value',
			'x,y,label\n1,2,a\n1,abc,b\n',
			undefined,
			'Line 3: "abc" in column y is not a number.'
		],
		[
			'hex is not a number',
			'1,2,a\n0x10,1,b\n',
			undefined,
			'Line 2: "0x10" in column x is not a number.'
		],
		['empty coordinate', '1,2,a\n3, ,b\n', undefined, 'Line 2: the y value is empty.'],
		['empty label', '1,2,a\n3,4, \n', undefined, 'Line 2: the label is empty.'],
		[
			'NaN',
			'x,y,label\n1,2,a\nNaN,2,b\n',
			undefined,
			'Line 3: x is NaN; coordinates must be finite numbers.'
		],
		[
			'Infinity',
			'x,y,z,label\n1,2,3,a\n1,2,Infinity,b\n',
			undefined,
			'Line 3: z is Infinity; coordinates must be finite numbers.'
		],
		[
			'-inf',
			'1,2,a\n1,-inf,b\n',
			undefined,
			'Line 2: y is -Infinity; coordinates must be finite numbers.'
		],
		[
			'overflow',
			'1,2,a\n1e999,2,b\n',
			undefined,
			'Line 2: x = "1e999" is too large; coordinates must be finite numbers.'
		],
		[
			'NaN on the first line is data, not a header',
			'NaN,NaN,a\n',
			undefined,
			'Line 1: x is NaN; coordinates must be finite numbers.'
		],
		[
			'decimal comma',
			'x;y;label\n1,5;2;a\n',
			undefined,
			'Line 2: "1,5" in column x has a decimal comma; write it as "1.5".'
		],
		[
			'too many classes',
			rowsText(11, 11),
			undefined,
			'Line 12: label "c10" is class 11; at most 10 classes are allowed.'
		],
		[
			'too many classes (option)',
			rowsText(5, 5),
			{ maxClasses: 3 },
			'Line 5: label "c3" is class 4; at most 3 classes are allowed.'
		],
		[
			'one class',
			'x,y,label\n1,2,a\n3,4,a\n',
			undefined,
			'Every data row has the label "a"; at least 2 classes are needed.'
		],
		[
			'too many rows (option)',
			rowsText(5),
			{ maxRows: 4 },
			'Line 6: more than 4 data rows; the limit is 4.'
		],
		[
			'too many rows (default limit)',
			rowsText(20_001),
			undefined,
			'Line 20002: more than 20,000 data rows; the limit is 20,000.'
		],
		['empty', '', undefined, 'This file is empty.'],
		['empty bytes', new Uint8Array(0), undefined, 'This file is empty.'],
		['blank lines only', '\n \r\n\t\n', undefined, 'This file has only blank lines.'],
		['BOM only', '\uFEFF', undefined, 'This file is empty.'],
		[
			'header only',
			'x,y,label\n\n',
			undefined,
			'This file has a header (line 1) but no data rows.'
		],
		[
			'header and empty-field rows only',
			'\nx,y,label\n,,\n',
			undefined,
			'This file has a header (line 2) but no data rows.'
		],
		[
			'mixed separators',
			'x,y,label\n1,2,a\n3\t4\tb\n',
			undefined,
			'Line 3 uses tabs but line 1 uses commas (mixed separators); use one separator throughout.'
		],
		[
			'mixed separators, semicolons',
			'1\t2\ta\n3;4;b\n',
			undefined,
			'Line 2 uses semicolons but line 1 uses tabs (mixed separators); use one separator throughout.'
		],
		[
			'unclosed quote (a multi-line quoted value)',
			'x,y,label\n1,2,"two\nlines"\n',
			undefined,
			'Line 2: a quoted value is not closed on this line (values cannot contain line breaks).'
		],
		[
			'text after a closing quote',
			'1,2,a\n3,4,"b"c\n',
			undefined,
			'Line 2: "c" follows a closing quote; quote whole values.'
		],
		[
			'pandas row index',
			',x,y,label\n0,1,2,a\n',
			undefined,
			'Line 1: column 1 of the header has no name. If it is a row index, remove it (pandas: index=False).'
		],
		[
			'label column first',
			'label,x,y\na,1,2\n',
			undefined,
			'Line 1: columns must be in the order x, y, label.'
		],
		[
			'over the size limit (string)',
			'x,y,label\n1,2,a\n3,4,b\n',
			{ maxBytes: 20 },
			'This file is 22 bytes; the limit is 20 bytes.'
		],
		[
			'over the size limit in UTF-8 bytes, not characters',
			'1,1,é\n2,2,ü\n',
			{ maxBytes: 13 },
			'This file is 14 bytes; the limit is 13 bytes.'
		],
		[
			'over the default size limit (bytes)',
			new Uint8Array(DATA_FILE_LIMITS.maxBytes + 1).fill(0x31),
			undefined,
			'This file is 2.1 MB; the limit is 2 MB.'
		],
		[
			'UTF-16',
			new Uint8Array([0xff, 0xfe, 0x31, 0x00, 0x2c, 0x00]),
			undefined,
			'This file is UTF-16 text; save it as UTF-8 CSV or TSV and try again.'
		],
		[
			'PNG header',
			new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]),
			undefined,
			'This looks like a binary file, not CSV/TSV text.'
		],
		[
			'PNG header as a string',
			'\x89PNG\r\n\x1a\n\0\0\0\rIHDR',
			undefined,
			'This looks like a binary file, not CSV/TSV text.'
		],
		[
			'invalid UTF-8 without NUL (Latin-1 é)',
			new Uint8Array([0x31, 0x2c, 0x32, 0x2c, 0x63, 0x61, 0x66, 0xe9, 0x0a]),
			undefined,
			'This looks like a binary file, not CSV/TSV text: it is not valid UTF-8. Save spreadsheets as "CSV UTF-8".'
		],
		[
			'many control characters',
			'1,2,a\x01\x02\x03\x04\n3,4,b\n',
			undefined,
			'This looks like a binary file, not CSV/TSV text.'
		]
	];
	test.each(cases)('%s', (_, input, options, want) => {
		const message = error(input, options);
		if (typeof want === 'string') expect(message).toBe(want);
		else expect(message).toMatch(want);
		expect(message.length).toBeLessThanOrEqual(200);
	});

	it('rejects random bytes with NUL as binary', () => {
		const rng = createRng(7);
		const data = Uint8Array.from({ length: 500 }, () => rng.int(256));
		data[10] = 0;
		expect(error(data)).toBe('This looks like a binary file, not CSV/TSV text.');
	});

	it('shows values short, with invisible characters escaped', () => {
		expect(error('x,y,label\n1,2,a\n3,\u202eab\u0007c,b\n')).toBe(
			'Line 3: "\\u202eab\\u0007c" in column y is not a number.'
		);
		const long = error(`1,2,a\n${'9'.repeat(5000)}x,1,b\n`);
		expect(long).toBe(`Line 2: "${'9'.repeat(20)}…" in column x is not a number.`);
		expect(showValue('\t\r\n\u00a0é😀')).toBe('"\\t\\r\\n\u00a0é😀"');
	});
});

describe('parseDataFile: garbage options and inputs never throw', () => {
	const text = 'x,y,label\n1,2,a\n3,4,b\n';
	it.each([
		[{ maxRows: NaN, maxClasses: 99 }],
		[null as unknown as ParseOptions],
		[{ maxRows: 'many' } as unknown as ParseOptions]
	])('%j falls back to the defaults', (options) => {
		expect(parseDataFile(text, options)).toEqual(parseDataFile(text));
	});

	it('clamps limits: a negative size limit accepts nothing, a class limit of 1 means 2', () => {
		expect(error(text, { maxBytes: -5 })).toBe('This file is 22 bytes; the limit is 0 bytes.');
		expect(error('1,1,a\n2,2,b\n3,3,c\n', { maxClasses: 1 })).toMatch(
			/^Line 3: .* at most 2 classes/
		);
	});

	it.each([[null], [undefined], [42], [{}], [['1,2,a']]])('input %j', (input) => {
		const r = parseDataFile(input as unknown as string);
		expect(r.ok).toBe(false);
		expect(!r.ok && en([r.error])).toEqual(['Expected the text or the bytes of a file.']);
	});
});

describe('formatDataCsv → parseDataFile round trip', () => {
	it.each([
		['blobs', 2, 4],
		['spirals', 3, 3],
		['rings', 2, 10],
		['sphere', 3, 2]
	] as const)('%s %iD, %i classes: same points and labels, bit for bit', (generator, dim, k) => {
		const ds = generateDataset({ generator, inputDim: dim, classes: k, pointsPerClass: 50 });
		const csv = formatDataCsv({ ...ds, dim });
		expect(csv.split('\n')[0]).toBe(dim === 2 ? 'x,y,label' : 'x,y,z,label');
		const t = table(csv);
		expect(t.dim).toBe(dim);
		expect(bytes(t.points)).toEqual(bytes(ds.points));
		expect(Array.from(t.labels)).toEqual(Array.from(ds.labels));
		expect(t.classNames).toEqual(Array.from({ length: k }, (_, c) => String(c)));
	});

	it('with class names that need quoting', () => {
		const ds = generateDataset({ classes: 5, pointsPerClass: 20, inputDim: 3 });
		const classNames = ['red', 'green, dark', 'say "hi"', 'ünïcödé 日本', '42'];
		const csv = formatDataCsv({ ...ds, dim: 3, classNames });
		const t = table(csv);
		expect(t.classNames).toEqual(classNames);
		expect(bytes(t.points)).toEqual(bytes(ds.points));
		expect(Array.from(t.labels)).toEqual(Array.from(ds.labels));
	});

	it('keeps extreme and awkward numbers exactly', () => {
		const values = [
			-0,
			0.1 + 0.2,
			5e-324,
			-Number.MAX_VALUE,
			Number.MAX_VALUE,
			1e21,
			1e-7,
			123456789.12345679,
			-1 / 3,
			2 ** 53 + 2
		];
		const points = new Float64Array(values);
		const csv = formatDataCsv({ dim: 2, points, labels: [0, 1, 0, 1, 1] });
		expect(csv.split('\n')[1]).toBe('-0,0.30000000000000004,0');
		expect(bytes(table(csv).points)).toEqual(bytes(points));
	});
});

describe('tableToDataset', () => {
	const wide: DataTable = {
		dim: 2,
		// x spans [0, 10], y spans [0, 5]: y must end up half as wide as x.
		points: new Float64Array([0, 0, 10, 5, 5, 2.5, 2, 4, 8, 1, 10, 0]),
		labels: new Int32Array([1, 0, 1, 0, 1, 0]),
		classNames: ['a', 'b'],
		rows: 6
	};

	it('maps into [−1, 1] with one common scale, so proportions are kept', () => {
		const ds = tableToDataset(wide, { seed: 1, testFraction: 0 });
		expect(datasetProblem(ds)).toBeNull();
		// Grouped by class, file order within a class: class 0 = rows 1, 3, 5; class 1 = 0, 2, 4.
		expect(Array.from(ds.labels)).toEqual([0, 0, 0, 1, 1, 1]);
		expect(Array.from(ds.points)).toEqual([1, 0.5, -0.6, 0.3, 1, -0.5, -1, -0.5, 0, 0, 0.6, -0.3]);
		expect(unitBox(wide.points, 2)).toEqual({ center: [5, 2.5], scale: 5 });
	});

	it('keeps every coordinate in [−1, 1] and the widest axis spanning it, in 3D too', () => {
		const rng = createRng(3);
		const n = 500;
		const points = Float64Array.from({ length: n * 3 }, (_, i) =>
			i % 3 === 2 ? 1e6 + rng.normal() * 1e3 : rng.uniform(-1e-3, 1e-3)
		);
		const labels = Int32Array.from({ length: n }, (_, i) => i % 3);
		const ds = tableToDataset(
			{ dim: 3, points, labels, classNames: ['a', 'b', 'c'], rows: n },
			{ seed: 2, testFraction: 0.3 }
		);
		expect(datasetProblem(ds)).toBeNull();
		const z = ds.points.filter((_, i) => i % 3 === 2);
		expect(Math.min(...z)).toBe(-1);
		expect(Math.max(...z)).toBe(1);
		for (const v of ds.points) expect(Math.abs(v)).toBeLessThanOrEqual(1);
	});

	it('survives constant columns, identical points and huge ranges without dividing by zero', () => {
		const constantY = tableToDataset(
			{ ...wide, points: new Float64Array([0, 3, 10, 3, 5, 3, 2, 3, 8, 3, 10, 3]) },
			{ seed: 1, testFraction: 0.25 }
		);
		expect(datasetProblem(constantY)).toBeNull();
		expect(constantY.points.filter((_, i) => i % 2 === 1).every((v) => v === 0)).toBe(true);
		const same = tableToDataset(
			{ ...wide, points: new Float64Array(12).fill(7) },
			{ seed: 1, testFraction: 0.25 }
		);
		expect(datasetProblem(same)).toBeNull();
		expect(Array.from(same.points)).toEqual(new Array(12).fill(0));
		const M = Number.MAX_VALUE;
		const huge = tableToDataset(
			{ ...wide, points: new Float64Array([-M, M, M, -M, 0, 0, 1, 1, 2, 2, 3, 3]) },
			{ seed: 1, testFraction: 0.25 }
		);
		expect(datasetProblem(huge)).toBeNull();
		expect(Array.from(huge.points.slice(0, 2))).toEqual([1, -1]);
	});

	it('splits each class with the seed: deterministic, stratified, one train point at least', () => {
		const counts = [1, 2, 7, 40];
		const rng = createRng(11);
		// Classes interleaved in file order, as uploads usually are.
		const labels = Int32Array.from(
			rng.shuffle(counts.flatMap((c, cls) => new Array<number>(c).fill(cls)))
		);
		const n = labels.length;
		const t: DataTable = {
			dim: 2,
			points: Float64Array.from({ length: 2 * n }, () => rng.uniform(-5, 5)),
			labels,
			classNames: ['a', 'b', 'c', 'd'],
			rows: n
		};
		const a = tableToDataset(t, { seed: 5, testFraction: 0.5 });
		const b = tableToDataset(t, { seed: 5, testFraction: 0.5 });
		const c = tableToDataset(t, { seed: 6, testFraction: 0.5 });
		expect(datasetProblem(a)).toBeNull();
		expect(Array.from(a.split)).toEqual(Array.from(b.split));
		expect(bytes(a.points)).toEqual(bytes(b.points));
		expect(Array.from(a.split)).not.toEqual(Array.from(c.split));
		const nTest = counts.map((_, cls) =>
			a.split.reduce((sum, s, i) => sum + (a.labels[i] === cls && s === SPLIT.test ? 1 : 0), 0)
		);
		// round(0.5·count), but at most count − 1: 1 → 0, 2 → 1, 7 → 4, 40 → 20.
		expect(nTest).toEqual([0, 1, 4, 20]);
		expect(a.split.every((s) => s === SPLIT.train || s === SPLIT.test)).toBe(true);
		expect(a.settings).toMatchObject({
			classes: 4,
			inputDim: 2,
			seed: 5,
			testFraction: 0.5,
			heldOut: [],
			pointsPerClass: 13
		});
	});

	it('clamps a garbage seed and test fraction like the data settings do', () => {
		const ds = tableToDataset(wide, { seed: NaN, testFraction: 7 });
		expect(ds.settings.testFraction).toBe(0.9);
		expect(ds.settings.seed).toBe(1);
		expect(datasetProblem(ds)).toBeNull();
	});

	it('parses an uploaded file into a trainable set', () => {
		const t = table(`x,y,label\n${'1,2,a\n3,5,b\n-4,0,c\n'.repeat(10)}`);
		const ds = tableToDataset(t, { seed: 1, testFraction: 0.25 });
		expect(datasetProblem(ds)).toBeNull();
		expect(ds.numClasses).toBe(3);
		expect(ds.split.filter((s) => s === SPLIT.test)).toHaveLength(9); // round(2.5) = 3 per class
	});
});

describe('formatFeaturesCsv', () => {
	it('writes features, norm, names, predictions and split names', () => {
		const csv = formatFeaturesCsv({
			features: new Float32Array([3, 4, 0, -1]),
			featureDim: 2,
			labels: [0, 1],
			predictions: [1, 1],
			split: [0, 2],
			classNames: ['a, b', 'c']
		});
		expect(csv).toBe(
			'f1,f2,norm,label,predicted,split\n3,4,5,"a, b",c,train\n0,-1,1,c,c,heldout\n'
		);
	});

	it('writes 3D features with class indices when there are no names', () => {
		const csv = formatFeaturesCsv({
			features: [1, 2, 2],
			featureDim: 3,
			labels: [2],
			predictions: [0],
			split: [1]
		});
		expect(csv).toBe('f1,f2,f3,norm,label,predicted,split\n1,2,2,3,2,0,test\n');
	});
});

// ---------------------------------------------------------------------------------------
// Fuzz

/** Whether `s` holds a C0/C1 control character (shown values must escape them). */
const hasControl = (s: string): boolean =>
	Array.from(s).some((ch) => {
		const c = ch.charCodeAt(0);
		return c < 0x20 || (c >= 0x7f && c <= 0x9f);
	});

/**
 * What is wrong with a result, or null: any input must give a valid table (finite points,
 * labels that are class indices, 2–10 classes, trainable) or one short plain-text sentence.
 * Returns text rather than asserting, so 2,000 inputs cost 2,000 checks, not 20,000 expects.
 */
function violation(r: ParseResult): string | null {
	if (!r.ok) {
		const text = en([r.error])[0];
		if (text.length === 0) return 'empty error';
		if (text.length > 200) return `error longer than 200 characters: ${text}`;
		if (hasControl(text)) return `control character in ${text}`;
		return null;
	}
	const t = r.table;
	if (t.points.length !== t.rows * t.dim || t.labels.length !== t.rows) return 'lengths';
	if (!t.points.every(Number.isFinite)) return 'non-finite point';
	if (t.classNames.length < 2 || t.classNames.length > 10) return 'class count';
	if (!t.labels.every((l) => l >= 0 && l < t.classNames.length)) return 'label out of range';
	const problem = datasetProblem(tableToDataset(t, { seed: 1, testFraction: 0.3 }));
	return problem && en([problem])[0];
}

/** Runs `count` inputs through parseDataFile; returns the failures and the accepted count. */
function fuzz(count: number, next: () => string | Uint8Array, options: ParseOptions) {
	const failures: string[] = [];
	let accepted = 0;
	for (let i = 0; i < count; i++) {
		const input = next();
		const r = parseDataFile(input, options);
		const problem = violation(r);
		if (problem) failures.push(`${JSON.stringify(String(input)).slice(0, 80)}: ${problem}`);
		if (r.ok) accepted++;
	}
	return { failures, accepted };
}

const TOKENS = [
	...'0123456789',
	'.',
	',',
	',',
	'\t',
	';',
	'"',
	'""',
	'\n',
	'\r\n',
	'\r',
	'-',
	'+',
	'e',
	'E',
	'NaN',
	'Infinity',
	'inf',
	' ',
	'x,y,label',
	'a',
	'é',
	'日本',
	'😀',
	'\u202e',
	'\uFEFF',
	'\ud800',
	'\u0007'
];

/** A number as a file might hold it, sometimes odd. */
function randomNumber(rng: Rng): string {
	const v = rng.normal() * 10 ** rng.int(6);
	return [String(v), v.toFixed(rng.int(4)), v.toExponential(2), String(rng.int(100))][rng.int(4)];
}

/** CSV-like text: mostly well-formed rows, then a few random tokens spliced in. */
function randomText(rng: Rng): string {
	const dim = 2 + rng.int(2);
	const sep = [',', '\t', ';'][rng.int(3)];
	const classes = 1 + rng.int(12);
	const lines: string[] =
		rng.next() < 0.5 ? [['x', 'y', 'z'].slice(0, dim).join(sep) + `${sep}label`] : [];
	const rows = rng.int(30);
	for (let i = 0; i < rows; i++) {
		const fields = Array.from({ length: dim }, () => randomNumber(rng));
		fields.push(rng.next() < 0.5 ? String(rng.int(classes)) : `"c ${rng.int(classes)}"`);
		lines.push(fields.join(sep));
	}
	let text = lines.join(rng.next() < 0.8 ? '\n' : '\r\n');
	const edits = rng.next() < 0.3 ? 0 : rng.int(6);
	for (let e = 0; e < edits; e++) {
		const at = rng.int(text.length + 1);
		const cut = rng.next() < 0.3 ? rng.int(4) : 0;
		text = text.slice(0, at) + TOKENS[rng.int(TOKENS.length)] + text.slice(at + cut);
	}
	if (rng.next() < 0.2) {
		// Pure token soup.
		text = Array.from({ length: rng.int(60) }, () => TOKENS[rng.int(TOKENS.length)]).join('');
	}
	return text;
}

/** Bytes biased towards CSV: ASCII digits and separators, UTF-8 lead and continuation bytes. */
const BYTE_POOL = [...utf8('0123456789.,;\t\n\r"-e '), 0xc3, 0xa9, 0xef, 0xbb, 0xbf, 0x80, 0xff, 0];

describe('fuzz: parseDataFile never throws', () => {
	it('2,000 random byte arrays', () => {
		const rng = createRng(2024);
		let i = 0;
		const { failures, accepted } = fuzz(
			2000,
			() => {
				const pool = i++ % 2 === 0 ? null : BYTE_POOL;
				return Uint8Array.from({ length: rng.int(300) }, () =>
					pool ? pool[rng.int(pool.length)] : rng.int(256)
				);
			},
			{ maxBytes: 250 }
		);
		expect(failures).toEqual([]);
		// Random bytes are nearly always rejected; the invariant is what matters here.
		expect(accepted).toBeLessThan(2000);
	});

	it('2,000 random CSV-like texts', () => {
		const rng = createRng(99);
		const { failures, accepted } = fuzz(2000, () => randomText(rng), { maxRows: 25 });
		expect(failures).toEqual([]);
		// Both outcomes must be common, or the invariant proves little.
		expect(accepted).toBeGreaterThan(200);
		expect(accepted).toBeLessThan(1800);
	});
});
