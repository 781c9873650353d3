import { describe, expect, it } from 'vitest';
import { GENERATOR_KINDS } from '../../src/lib/math/settingTypes';
import { inputDimLimit } from '../../src/lib/math/margins';
import type { NumericLimit } from '../../src/lib/math/clamp';
import { DIGITS_PER_CLASS } from '../../src/lib/math/limits';
import { createRng, type Rng } from '../../src/lib/math/rng';
import { LOSS_KINDS, MARGIN_LIMITS } from '../../src/lib/math/margins';
import { clampTrainerOptions } from '../../src/lib/model/options';
import type { LambdaMode } from '../../src/lib/math/settingTypes';
import { INTEGER_MARGIN_MAX } from '../../src/lib/math/margins';
import { parseSettings, serializeSettings } from '../../src/lib/state/urlSettings';
import type { Settings } from '../../src/lib/math/settingTypes';
import { en } from './noticeText';
import { DATA_LIMITS, TRAINER_LIMITS, limitAt } from './settingLimits';
import { DEFAULTS, defaultSettingsCopy } from '../../src/lib/math/settingsEngine';
import { SETTINGS } from '../../src/lib/math/settings';

const SPEED_LIMIT = limitAt('ui.speed');
const DEFAULT_UI = DEFAULTS.ui;
const defaultSettings = defaultSettingsCopy;
/** Every URL key with its doc line and whether it is always written, in table order. */
const SETTING_KEYS = SETTINGS.map((r) => ({ key: r.key, doc: r.doc, always: r.always === true }));

const EXAMPLE = 'loss=asoftmax&m=4&dim=2&data=blobs&classes=4&seed=7';
const PUBLIC_KEYS = ['loss', 'm', 'dim', 'data', 'classes', 'seed'];

/** Fails unless `v` lies in `lim` (and is whole when it must be). */
function expectInLimit(name: string, v: number, lim: NumericLimit): void {
	expect(Number.isFinite(v), `${name} = ${v} is finite`).toBe(true);
	expect(v >= lim.min && v <= lim.max, `${name} = ${v} in ${lim.min}–${lim.max}`).toBe(true);
	if (lim.integer) expect(Number.isInteger(v), `${name} = ${v} is whole`).toBe(true);
}

/** Fails unless every field of `s` is valid, checked against the limit tables directly. */
function expectValid(s: Settings): void {
	const o = s.options;
	for (const [k, lim] of Object.entries(TRAINER_LIMITS))
		expectInLimit(k, o[k as keyof typeof TRAINER_LIMITS], lim);
	for (const [k, lim] of Object.entries(DATA_LIMITS)) {
		// Digits: their 196 pixels, and no more of a class than the file holds of every class.
		const digits = o.data.generator === 'digits';
		const limit =
			k === 'inputDim'
				? inputDimLimit(o.data.generator)
				: digits && k === 'pointsPerClass'
					? { ...lim, max: DIGITS_PER_CLASS }
					: lim;
		expectInLimit(k, o.data[k as keyof typeof DATA_LIMITS], limit);
	}
	expect(LOSS_KINDS).toContain(o.loss);
	expect(GENERATOR_KINDS).toContain(o.data.generator);
	expect([2, 3]).toContain(o.featureDim);
	expect(['off', 'fixed', 'official', 'pytorch']).toContain(o.lambdaMode);
	expectInLimit('m', o.m, MARGIN_LIMITS[o.loss]);
	const held = o.data.heldOut;
	expect(held).toEqual([...new Set(held)].sort((a, b) => a - b));
	for (const c of held)
		expectInLimit('heldOut', c, { min: 0, max: o.data.classes - 1, integer: true });
	expect(held.length).toBeLessThanOrEqual(o.data.classes - 2);
	expectInLimit('speed', s.ui.speed, SPEED_LIMIT);
	expect(typeof s.ui.present).toBe('boolean');
	expect(['integer', 'continuous']).toContain(s.ui.marginMode);
	expect(['en', 'ko']).toContain(s.ui.lang);
	if (o.loss === 'asoftmax' && s.ui.marginMode === 'integer')
		expect(Number.isInteger(o.m) && o.m <= INTEGER_MARGIN_MAX).toBe(true);
	expect(clampTrainerOptions(o).notices).toEqual([]);
}

/** Fails unless parsing `query` is safe: valid settings, short text notices, a stable URL. */
function expectSafe(query: string): { settings: Settings; notices: string[] } {
	const out = parseSettings(query);
	expectValid(out.settings);
	expect(out.notices.length).toBeLessThanOrEqual(12);
	const notices = en(out.notices);
	for (const n of notices) {
		expect(typeof n).toBe('string');
		expect(n.length).toBeGreaterThan(0);
		expect(n.length).toBeLessThan(200);
	}
	const again = parseSettings(serializeSettings(out.settings));
	expect(again.notices).toEqual([]);
	expect(again.settings).toEqual(out.settings);
	return { settings: out.settings, notices };
}

/** A random valid Settings, edges included (min and max of every range). */
function randomSettings(rng: Rng): Settings {
	const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)];
	const draw = (lim: NumericLimit): number => {
		const r = rng.next();
		if (r < 0.1) return lim.min;
		if (r < 0.2) return lim.max;
		return lim.integer ? lim.min + rng.int(lim.max - lim.min + 1) : rng.uniform(lim.min, lim.max);
	};
	const s = defaultSettings();
	const o = s.options;
	o.loss = pick(LOSS_KINDS);
	s.ui.marginMode = pick(['integer', 'continuous'] as const);
	const integerSlider = o.loss === 'asoftmax' && s.ui.marginMode === 'integer';
	o.m = integerSlider ? 1 + rng.int(INTEGER_MARGIN_MAX) : draw(MARGIN_LIMITS[o.loss]);
	for (const [k, lim] of Object.entries(TRAINER_LIMITS))
		o[k as keyof typeof TRAINER_LIMITS] = draw(lim);
	for (const [k, lim] of Object.entries(DATA_LIMITS))
		(o.data as unknown as Record<string, number>)[k] = draw(lim); // inputDim is redrawn below
	o.featureDim = pick([2, 3] as const);
	o.data.inputDim = pick([2, 3] as const);
	o.data.generator = pick(GENERATOR_KINDS);
	if (o.data.generator === 'digits') {
		o.data.inputDim = 196;
		o.data.pointsPerClass = Math.min(o.data.pointsPerClass, DIGITS_PER_CLASS);
	}
	o.lambdaMode = pick<LambdaMode>(['off', 'fixed', 'official', 'pytorch']);
	if (rng.next() < 0.5) o.data.seed = o.seed;
	const classes = rng.shuffle([...Array(o.data.classes).keys()]);
	o.data.heldOut = classes.slice(0, rng.int(o.data.classes - 1)).sort((a, b) => a - b);
	s.ui.speed = draw(SPEED_LIMIT);
	s.ui.present = rng.next() < 0.5;
	s.ui.lang = pick(['en', 'ko'] as const);
	return s;
}

describe('the key table', () => {
	it('has unique keys, a doc line each, and exactly the public keys always written', () => {
		const keys = SETTING_KEYS.map((k) => k.key);
		expect(new Set(keys).size).toBe(keys.length);
		for (const k of SETTING_KEYS) expect(k.doc.length, k.key).toBeGreaterThan(10);
		expect(SETTING_KEYS.filter((k) => k.always).map((k) => k.key)).toEqual(PUBLIC_KEYS);
	});

	it('names every setting with the agreed short keys', () => {
		expect(SETTING_KEYS.map((k) => k.key).sort()).toEqual(
			[
				...PUBLIC_KEYS,
				...['dseed', 'points', 'noise', 'input', 'test', 'held', 'layers', 'units', 'frelu', 'lr'],
				...['batch', 'lambda', 'lmin', 'lfloor', 'lfixed', 's', 'wd', 'speed', 'present', 'mmode'],
				...['mining', 'unit', 'pclasses', 'kper', 'lc', 'alpha', 'lang', 'keep'],
				...['m1', 'm2', 'm3', 'sub', 'imb', 'flip']
			].sort()
		);
	});
});

describe('parseSettings / serializeSettings', () => {
	it('reads the example URL with no notices and writes it back unchanged', () => {
		for (const q of [EXAMPLE, `?${EXAMPLE}`]) {
			const { settings, notices } = parseSettings(q);
			expect(notices).toEqual([]);
			expect(settings.options.seed).toBe(7);
			expect(settings.options.data.seed).toBe(7);
			expect(settings.options.loss).toBe('asoftmax');
			expect(serializeSettings(settings)).toBe(EXAMPLE);
		}
	});

	it('gives the defaults for an empty query and writes only the public keys for them', () => {
		for (const q of ['', '?', '&&', '?&'])
			expect(parseSettings(q)).toEqual({ settings: defaultSettings(), notices: [] });
		expect(serializeSettings(defaultSettings())).toBe(
			'loss=asoftmax&m=4&dim=2&data=blobs&classes=4&seed=1'
		);
		expect(defaultSettings().ui).toEqual(DEFAULT_UI);
	});

	it('writes the language only when it is not the default English', () => {
		const s = defaultSettings();
		expect(s.ui.lang).toBe('en');
		expect(serializeSettings(s)).not.toMatch(/lang=/);
		s.ui.lang = 'ko';
		expect(serializeSettings(s)).toBe(
			'loss=asoftmax&m=4&dim=2&data=blobs&classes=4&seed=1&lang=ko'
		);
		expect(parseSettings(serializeSettings(s))).toEqual({ settings: s, notices: [] });
		expect(serializeSettings(parseSettings('lang=en').settings)).not.toMatch(/lang=/);
	});

	// [query, what it must set]; together they cover every key with a non-default value.
	const perKey: [string, (s: Settings) => unknown, unknown][] = [
		['loss=cosface&m=0.2', (s) => [s.options.loss, s.options.m], ['cosface', 0.2]],
		['dim=3', (s) => s.options.featureDim, 3],
		['data=spirals', (s) => s.options.data.generator, 'spirals'],
		['classes=7', (s) => s.options.data.classes, 7],
		['seed=42&dseed=5', (s) => [s.options.seed, s.options.data.seed], [42, 5]],
		['points=300', (s) => s.options.data.pointsPerClass, 300],
		['noise=0.5', (s) => s.options.data.noise, 0.5],
		['input=3', (s) => s.options.data.inputDim, 3],
		['test=0.5', (s) => s.options.data.testFraction, 0.5],
		['held=0,3', (s) => s.options.data.heldOut, [0, 3]],
		['layers=3', (s) => s.options.hiddenLayers, 3],
		['units=64', (s) => s.options.hiddenUnits, 64],
		['frelu=1', (s) => s.options.featureRelu, true],
		['keep=1', (s) => s.options.keepWeights, true],
		['lr=0.003', (s) => s.options.learningRate, 0.003],
		['batch=64', (s) => s.options.batchSize, 64],
		[
			'lambda=fixed&lfixed=2&lmin=0',
			(s) => s.options.lambdaMode + s.options.lambdaFixed + s.options.lambdaMin,
			'fixed20'
		],
		[
			'lambda=warmup&lfloor=500',
			(s) => [s.options.lambdaMode, s.options.lambdaFloorAt],
			['warmup', 500]
		],
		// Digits warm up to step 300 by default: the published clock must be written out.
		[
			'data=digits&lambda=official&lfloor=0',
			(s) => [s.options.lambdaMode, s.options.lambdaFloorAt],
			['official', 0]
		],
		['s=30', (s) => s.options.s, 30],
		['wd=0.0005', (s) => s.options.weightDecay, 0.0005],
		['speed=60', (s) => s.ui.speed, 60],
		['present=1', (s) => s.ui.present, true],
		['m=3&mmode=continuous', (s) => [s.options.m, s.ui.marginMode], [3, 'continuous']],
		['lang=ko', (s) => s.ui.lang, 'ko'],
		[
			'loss=triplet&m=0.5&mining=hard&unit=1&pclasses=4&kper=6',
			(s) => {
				const o = s.options;
				return [o.loss, o.m, o.mining, o.unitFeatures, o.pkClasses, o.pkPerClass];
			},
			['triplet', 0.5, 'hard', true, 4, 6]
		],
		[
			'loss=center&lc=0.5&alpha=0.2',
			(s) => [s.options.loss, s.options.centerLambda, s.options.centerAlpha],
			['center', 0.5, 0.2]
		],
		[
			'loss=combined&m1=1.5&m2=-0.2&m3=0.1&sub=3',
			(s) => {
				const o = s.options;
				return [o.loss, o.m1, o.m2, o.m3, o.subCenters];
			},
			['combined', 1.5, -0.2, 0.1, 3]
		],
		['loss=arcface&m=-0.3', (s) => [s.options.loss, s.options.m], ['arcface', -0.3]],
		['imb=0.1&flip=0.3', (s) => [s.options.data.imbalance, s.options.data.labelNoise], [0.1, 0.3]]
	];

	it.each([
		['m1=99', (s: Settings) => s.options.m1, 4],
		['m1=-5', (s: Settings) => s.options.m1, 1],
		['m2=NaN', (s: Settings) => s.options.m2, 0.3],
		['m2=-7', (s: Settings) => s.options.m2, -0.5],
		['m3=1e308', (s: Settings) => s.options.m3, 0.8],
		['sub=2.5', (s: Settings) => s.options.subCenters, 3],
		['sub=0', (s: Settings) => s.options.subCenters, 1],
		['imb=0', (s: Settings) => s.options.data.imbalance, 0.05],
		['imb=<b>', (s: Settings) => s.options.data.imbalance, 1],
		['flip=0.9', (s: Settings) => s.options.data.labelNoise, 0.5],
		['flip=-1', (s: Settings) => s.options.data.labelNoise, 0]
	])('clamps the hostile %s with a notice', (query, get, want) => {
		const { settings, notices } = parseSettings(`loss=combined&${query}`);
		expect(get(settings)).toBe(want);
		expect(notices.length).toBeGreaterThan(0);
	});

	it.each(perKey)('reads %s silently and writes it back', (query, get, want) => {
		const { settings, notices } = parseSettings(query);
		expect(notices).toEqual([]);
		expect(get(settings)).toEqual(want);
		const url = serializeSettings(settings);
		for (const part of query.split('&')) expect(url.split('&')).toContain(part);
	});

	it('covers every key in the per-key table', () => {
		const used = new Set(perKey.flatMap(([q]) => q.split('&').map((p) => p.split('=')[0])));
		for (const k of SETTING_KEYS) expect(used, k.key).toContain(k.key);
	});

	it('round-trips 300 seeded random valid settings exactly, with URL-safe text', () => {
		const rng = createRng(20240601);
		for (let i = 0; i < 300; i++) {
			const s = randomSettings(rng);
			expectValid(s);
			const url = serializeSettings(s);
			expect(url).toMatch(/^[\w.,=&%-]+$/);
			expect(parseSettings(url)).toEqual({ settings: s, notices: [] });
		}
	});

	// Accepted without a notice: whitespace, '+' as space, bare flags, margin mode inferred.
	it.each([
		['m=%202%20', (s: Settings) => s.options.m, 2],
		['m=+3+', (s: Settings) => s.options.m, 3],
		['%6D=2', (s: Settings) => s.options.m, 2],
		['present', (s: Settings) => s.ui.present, true],
		['present=TRUE', (s: Settings) => s.ui.present, true],
		['present=0', (s: Settings) => s.ui.present, false],
		['lang=KO', (s: Settings) => s.ui.lang, 'ko'],
		['lang=en', (s: Settings) => s.ui.lang, 'en'],
		['m=2.5', (s: Settings) => s.ui.marginMode, 'continuous'],
		['m=5', (s: Settings) => s.ui.marginMode, 'continuous'],
		['loss=arcface&m=0.5', (s: Settings) => s.ui.marginMode, 'integer'],
		['loss=cosface', (s: Settings) => s.options.m, MARGIN_LIMITS.cosface.default],
		['dseed=3&seed=9', (s: Settings) => [s.options.seed, s.options.data.seed], [9, 3]]
	])('accepts %s silently', (query, get, want) => {
		const { settings, notices } = expectSafe(query);
		expect(notices).toEqual([]);
		expect(get(settings)).toEqual(want);
	});
});

describe('hostile query strings', () => {
	const huge = 'x'.repeat(100_000);
	// [query, a key the notices must name, optional check of the result]
	const cases: [string, string, ((s: Settings) => void)?][] = [
		['m=NaN', 'm', (s) => expect(s.options.m).toBe(4)],
		['classes=1e308', 'classes', (s) => expect(s.options.data.classes).toBe(10)],
		['points=-5', 'points', (s) => expect(s.options.data.pointsPerClass).toBe(5)],
		['lr=1e308', 'lr', (s) => expect(s.options.learningRate).toBe(1)],
		['batch=-5', 'batch', (s) => expect(s.options.batchSize).toBe(1)],
		['units=Infinity', 'units'],
		['layers=-Infinity', 'layers'],
		['lmin=NaN', 'lmin'],
		['lfixed=1e308', 'lfixed'],
		['s=0', 's'],
		['wd=2', 'wd'],
		['dim=5', 'dim', (s) => expect(s.options.featureDim).toBe(3)],
		['input=7', 'input'],
		['test=2', 'test'],
		['noise=-1', 'noise'],
		['loss=banana', 'loss', (s) => expect(s.options.loss).toBe('asoftmax')],
		['data=banana', 'data', (s) => expect(s.options.data.generator).toBe('blobs')],
		['lambda=banana', 'lambda'],
		['foo=1', 'unknown setting foo ignored'],
		['loss=<script>alert(1)</script>', 'loss'],
		['<img src=x onerror=alert(1)>=1', 'unknown setting'],
		['m=2&m=3', 'm', (s) => expect(s.options.m).toBe(3)],
		['m=%E0%A4%A', 'm', (s) => expect(s.options.m).toBe(4)],
		['m=%ED%A0%80', 'm'],
		['%', '"%"'],
		['%%', '"%%"'],
		['m=%', 'm'],
		['m=', 'm'],
		['m=%20%20', 'm'],
		['speed=', 'speed'],
		['speed=-5', 'speed', (s) => expect(s.ui.speed).toBe(0)],
		['speed=1e308', 'speed', (s) => expect(s.ui.speed).toBe(2000)],
		['present=maybe', 'present', (s) => expect(s.ui.present).toBe(false)],
		['mmode=banana', 'mmode'],
		['lang=fr', 'lang', (s) => expect(s.ui.lang).toBe('en')],
		['lang=', 'lang', (s) => expect(s.ui.lang).toBe('en')],
		['lang=<b>ko</b>', 'lang', (s) => expect(s.ui.lang).toBe('en')],
		['mmode=integer&m=2.5', 'mmode', (s) => expect(s.ui.marginMode).toBe('continuous')],
		['dseed=abc', 'dseed', (s) => expect(s.options.data.seed).toBe(1)],
		['dseed=-3', 'dseed', (s) => expect(s.options.data.seed).toBe(0)],
		['loss=softmax&m=4', 'm', (s) => expect(s.options.m).toBe(1)],
		[`loss=${huge}`, 'loss'],
		[`${huge}=1`, 'unknown setting'],
		[`m=${'%'.repeat(50_000)}`, 'm'],
		['held=0,0,99,a', 'held', (s) => expect(s.options.data.heldOut).toEqual([0])],
		['classes=2&held=0', 'held', (s) => expect(s.options.data.heldOut).toEqual([])],
		['held=,', 'held'],
		['__proto__=1&constructor=1', 'unknown setting __proto__'],
		['seed=-5', 'seed', (s) => expect([s.options.seed, s.options.data.seed]).toEqual([0, 0])]
	];

	/** Short test titles: the 100 000-character queries would flood the report. */
	const titled = cases.map(([q, mention, check]): [string, string, string, typeof check] => [
		q.length > 60 ? `${q.slice(0, 30)}… (${q.length} chars)` : q,
		q,
		mention,
		check
	]);

	it.each(titled)('%s', (_title, query, mention, check) => {
		const { settings, notices } = expectSafe(query);
		expect(
			notices.some((n) => n.includes(mention)),
			notices.join(' | ')
		).toBe(true);
		check?.(settings);
	});

	it('says exactly what happened, once per bad value', () => {
		expect(en(parseSettings('foo=1').notices)).toEqual(['unknown setting foo ignored']);
		expect(en(parseSettings('seed=-5').notices)).toEqual([
			'seed "-5" is out of range 0–2147483647; using 0'
		]);
		expect(en(parseSettings('m=2&m=3').notices)).toEqual([
			'm is given 2 times; using the last, "3"'
		]);
		expect(en(parseSettings('foo=1&foo=2').notices)).toEqual(['unknown setting foo ignored']);
		expect(en(parseSettings('dim=5').notices)).toEqual(['dim "5" is out of range 2–3; using 3']);
		expect(en(parseSettings('lang=fr').notices)).toEqual(['lang "fr" is not en or ko; using en']);
	});

	it('caps the number of notices and leaves Object.prototype alone', () => {
		const many = Array.from({ length: 50 }, (_, i) => `k${i}=1`).join('&');
		const { notices } = expectSafe(many);
		expect(notices).toHaveLength(12);
		expect(notices[11]).toMatch(/39 more/);
		parseSettings('__proto__=1&constructor=x&toString=1');
		expect(({} as Record<string, unknown>).toString).toBe(Object.prototype.toString);
	});

	it('survives 500 seeded random garbage queries', () => {
		const rng = createRng(7);
		const bits = [
			...SETTING_KEYS.map((k) => k.key),
			'=',
			'&',
			'%',
			'%2',
			'E0',
			'+',
			',',
			'<',
			'-',
			'1e308',
			'NaN',
			'0.5',
			'3',
			'',
			' ',
			'é',
			'\u0000',
			'?'
		];
		for (let i = 0; i < 500; i++) {
			const q = Array.from({ length: 1 + rng.int(30) }, () => bits[rng.int(bits.length)]).join('');
			expect(() => expectSafe(q), q).not.toThrow();
		}
	});

	it('never throws on non-string input from untyped callers', () => {
		for (const bad of [undefined, null, 5, {}, ['m=2']])
			expect(parseSettings(bad as unknown as string)).toEqual({
				settings: defaultSettings(),
				notices: []
			});
	});
});

describe('many identities, class ranges and headless feature dimensions', () => {
	it('identities may have up to 300 classes; the other generators 10', () => {
		const many = parseSettings('data=identities&classes=230&held=0-29');
		expect(many.notices).toEqual([]);
		expect(many.settings.options.data.classes).toBe(230);
		expect(many.settings.options.data.heldOut).toEqual(Array.from({ length: 30 }, (_, k) => k));
		expect(parseSettings('data=identities&classes=301').settings.options.data.classes).toBe(300);
		const blobs = parseSettings('data=blobs&classes=50');
		expect(blobs.settings.options.data.classes).toBe(10);
		expect(en(blobs.notices)).toEqual(['classes "50" is out of range 2–10; using 10']);
	});

	it('class lists write runs of three or more as ranges and read them back', () => {
		const s = parseSettings('data=identities&classes=40&held=0-2,5,7,8,10-19').settings;
		expect(s.options.data.heldOut).toEqual([
			0,
			1,
			2,
			5,
			7,
			8,
			...Array.from({ length: 10 }, (_, k) => 10 + k)
		]);
		const query = serializeSettings(s);
		expect(query).toContain('held=0-2,5,7,8,10-19');
		expect(parseSettings(query).settings.options.data.heldOut).toEqual(s.options.data.heldOut);
		expect(serializeSettings(parseSettings('held=0,3').settings)).toContain('held=0,3');
	});

	it.each([
		['held=3-1', '3-1'],
		['held=0-99999999', '0-99999999'],
		['held=1-2-3', '1-2-3']
	])(
		'a bad range (%s) is one invalid entry with a notice, never a huge expansion',
		(query, bad) => {
			const { settings, notices } = parseSettings(query);
			expect(settings.options.data.heldOut).toEqual([]);
			expect(en(notices).join(' ')).toContain(bad);
		}
	);

	it('views draw 2 or 3 feature dimensions; a headless trainer may use up to 16', () => {
		expect(parseSettings('dim=8').settings.options.featureDim).toBe(3);
		expect(clampTrainerOptions({ featureDim: 8 }).options.featureDim).toBe(3);
		const headless = clampTrainerOptions({ featureDim: 8 }, undefined, { headless: true });
		expect(headless).toMatchObject({ options: { featureDim: 8 }, notices: [] });
		expect(
			clampTrainerOptions({ featureDim: 40 }, undefined, { headless: true }).options.featureDim
		).toBe(16);
	});
});
