/**
 * The URL ⇄ settings layer. Every setting is one row of `SETTING_KEYS` (URL key, description,
 * how to read and write it); one generic parser and one generic serializer use that table.
 * The URL is a view of `Settings`: hostile or broken query strings become valid settings plus
 * short plain-language notices (plain text, never HTML). Limits come from the clamps in
 * `model/options` and `math/dataParams`, never from here. Pure TypeScript: no DOM, runes or tfjs.
 */
import { clampToLimit, DATA_LIMITS, show, toNumber, type NumericLimit } from '$lib/math/index';
import { clampTrainerOptions, type TrainerOptions } from '$lib/model/options';
import { isLang, type Lang } from '$lib/i18n/index';

/** Settings of the page, not of the training run. */
export interface UiSettings {
	/** Steps per second while playing; 0 = as fast as possible. */
	speed: number;
	/** Presentation mode (large type, advanced controls hidden). */
	present: boolean;
	/** A-Softmax margin slider: integers 1–4 (as in the paper) or continuous up to 6. */
	marginMode: 'integer' | 'continuous';
	/** Language of the page's text: English or Korean. */
	lang: Lang;
}

/** Everything a URL can say: the training run and the page around it. */
export interface Settings {
	options: TrainerOptions;
	ui: UiSettings;
}

/** Range of `speed`: whole steps per second, 0 = as fast as possible. */
export const SPEED_LIMIT: NumericLimit = Object.freeze({ min: 0, max: 2000, integer: true });

/** The largest margin of the integer A-Softmax slider (m = 1, 2, 3, 4, as in the paper). */
export const INTEGER_MARGIN_MAX = 4;

/** The page defaults: full speed, normal type, the paper's integer margins, English. */
export const DEFAULT_UI: Readonly<UiSettings> = Object.freeze({
	speed: 0,
	present: false,
	marginMode: 'integer',
	lang: 'en'
});

/** A fresh, mutable copy of the default settings (the teacher's preset). */
export function defaultSettings(): Settings {
	return { options: clampTrainerOptions({}).options, ui: { ...DEFAULT_UI } };
}

/** What the URL said, before clamping: strings (or lists of strings) by field name. */
export interface RawSettings {
	options: Record<string, unknown> & { data: Record<string, unknown> };
	ui: Partial<Record<keyof UiSettings, string>>;
}

/** One URL key: what it means, how to read it into raw settings and write it from settings. */
export interface SettingKey {
	/** The URL key: a public interface (lessons and embeds link with it), never rename one. */
	readonly key: string;
	/** One line for people: what the setting does and which values it takes. */
	readonly doc: string;
	/** Written even when it equals the default, so a link states the essentials. */
	readonly always: boolean;
	/** The name the clamps use in their notices ("featureDim 5 …"), shown as the key instead. */
	readonly field: string;
	/** Stores the (decoded, trimmed) URL value in `raw`; clamping happens later, all at once. */
	read(raw: RawSettings, value: string, notices: string[]): void;
	/** The URL value of this setting, or undefined to leave the key out. */
	write(s: Settings): string | undefined;
}

type OptionField = Exclude<keyof TrainerOptions, 'data'>;
type DataField = Exclude<keyof TrainerOptions['data'], 'seed' | 'heldOut'>;

/** A key for a top-level trainer option. */
const option = (key: string, field: OptionField, doc: string, always = false): SettingKey => ({
	key,
	doc,
	always,
	field,
	read: (raw, v) => void (raw.options[field] = v),
	write: (s) => String(s.options[field])
});

/** A key for a data-set field. */
const data = (key: string, field: DataField, doc: string, always = false): SettingKey => ({
	key,
	doc,
	always,
	field,
	read: (raw, v) => void (raw.options.data[field] = v),
	write: (s) => String(s.options.data[field])
});

/** A key for a page setting. */
const ui = <K extends keyof UiSettings>(key: string, field: K, doc: string): SettingKey => ({
	key,
	doc,
	always: false,
	field: key,
	read: (raw, v) => void (raw.ui[field] = v),
	write: (s) => (field === 'present' ? (s.ui.present ? '1' : '0') : String(s.ui[field]))
});

/** Every URL key, in the order they are written. The first six are always written. */
export const SETTING_KEYS: readonly SettingKey[] = Object.freeze([
	option('loss', 'loss', 'loss head: softmax, modified, asoftmax, cosface or arcface', true),
	option('m', 'm', 'margin: A-Softmax 1–6, CosFace 0–0.8, ArcFace 0–1.2 (softmax: 1)', true),
	option('dim', 'featureDim', 'feature dimension: 2 (circle) or 3 (sphere)', true),
	data('data', 'generator', 'toy data: blobs, spirals, rings or sphere', true),
	data('classes', 'classes', 'number of classes, 2–10', true),
	{
		key: 'seed',
		doc: 'seed of the data and of the model: the same seed gives the same run',
		always: true,
		field: 'seed',
		read: (raw, v) => void (raw.options.seed = raw.options.data.seed = v),
		write: (s) => String(s.options.seed)
	},
	{
		key: 'dseed',
		doc: 'data seed, only when it differs from seed',
		always: false,
		field: 'dseed',
		read: (raw, v, notices) => {
			if (Number.isNaN(toNumber(v))) notices.push(`dseed ${show(v)} is not a number; using seed`);
			else raw.options.data.seed = clampToLimit('dseed', v, DATA_LIMITS.seed, 0, notices);
		},
		write: (s) => (s.options.data.seed === s.options.seed ? undefined : String(s.options.data.seed))
	},
	data('points', 'pointsPerClass', 'points per class, 5–2000'),
	data('noise', 'noise', 'spread of the data, 0 (tight) to 1 (classes touch)'),
	data('input', 'inputDim', 'input dimension: 2 (plane) or 3 (space)'),
	data('test', 'testFraction', 'fraction of each class kept for testing, 0–0.9'),
	{
		key: 'held',
		doc: 'classes held out of training (open set), comma-separated, e.g. 0,3',
		always: false,
		field: 'heldOut',
		read: (raw, v) => void (raw.options.data.heldOut = v === '' ? [] : v.split(',')),
		write: (s) => s.options.data.heldOut.join(',')
	},
	option('layers', 'hiddenLayers', 'hidden layers, 0–4'),
	option('units', 'hiddenUnits', 'units per hidden layer, 2–128'),
	option('lr', 'learningRate', 'Adam learning rate, 0.00001–1'),
	option('batch', 'batchSize', 'mini-batch size, 1–1024'),
	option('lambda', 'lambdaMode', 'A-Softmax λ: off, official, pytorch or fixed'),
	option('lmin', 'lambdaMin', 'floor of the λ annealing, 0–1000'),
	option('lfixed', 'lambdaFixed', 'λ when lambda=fixed, 0–10000'),
	option('s', 's', 'scale s of CosFace and ArcFace, 1–64'),
	option('wd', 'weightDecay', 'weight decay, 0–1'),
	ui('speed', 'speed', 'training steps per second, 0 (as fast as possible) to 2000'),
	ui('present', 'present', 'presentation mode: 1 or 0'),
	ui('mmode', 'marginMode', 'A-Softmax margin slider: integer (1–4) or continuous (up to 6)'),
	ui('lang', 'lang', 'language of the page: en (English) or ko (Korean)')
]);

const BY_KEY = new Map(SETTING_KEYS.map((k) => [k.key, k]));
const MAX_NOTICES = 12;
const MAX_NOTICE_LENGTH = 160;
const FLAGS = new Map([
	['', true],
	['1', true],
	['true', true],
	['0', false],
	['false', false]
]);

/** Percent-decodes like URLSearchParams ('+' is a space); a broken escape keeps the text as typed. */
function decode(s: string): string {
	const spaced = s.replace(/\+/g, ' ');
	try {
		return decodeURIComponent(spaced);
	} catch {
		return spaced; // '%', '%%', '%E0%A4%A', lone surrogates: readable as typed, then rejected by the clamps.
	}
}

/** A key as it appears in a notice: plain when it is short and simple, else quoted and truncated. */
function keyName(key: string): string {
	return /^[\w.-]{1,24}$/.test(key) ? key : show(key);
}

/** The last value of every known key, with a notice per unknown key and per repeated key. */
function readQuery(search: string, notices: string[]): Map<string, string> {
	const given = new Map<string, string>();
	const counts = new Map<string, number>();
	const unknown = new Set<string>();
	for (const part of search.replace(/^\?/, '').split('&')) {
		if (part === '') continue;
		const eq = part.indexOf('=');
		const key = decode(eq < 0 ? part : part.slice(0, eq)).trim();
		if (!BY_KEY.has(key)) {
			if (!unknown.has(key)) notices.push(`unknown setting ${keyName(key)} ignored`);
			unknown.add(key);
			continue;
		}
		// A bare key ("?present") reads as an empty value.
		given.set(key, eq < 0 ? '' : decode(part.slice(eq + 1)).trim());
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	for (const [key, n] of counts) {
		if (n > 1) notices.push(`${key} is given ${n} times; using the last, ${show(given.get(key))}`);
	}
	return given;
}

/** Rewrites a clamp's field name ("featureDim 5 …") to the URL key the reader typed ("dim 5 …"). */
function renameField(notice: string): string {
	if (notice.startsWith('holding out ')) return `held: ${notice}`;
	for (const k of SETTING_KEYS) {
		if (k.field !== k.key && notice.startsWith(`${k.field} `))
			return k.key + notice.slice(k.field.length);
	}
	return notice;
}

/** Page settings from raw strings; the margin mode must fit the clamped loss and m. */
function clampUi(raw: RawSettings['ui'], o: TrainerOptions, notices: string[]): UiSettings {
	const speed = clampToLimit('speed', raw.speed, SPEED_LIMIT, DEFAULT_UI.speed, notices);
	let present = DEFAULT_UI.present;
	if (raw.present !== undefined) {
		const flag = FLAGS.get(raw.present.toLowerCase());
		if (flag === undefined) notices.push(`present ${show(raw.present)} is not 1 or 0; using 0`);
		else present = flag;
	}
	// The integer slider only has m = 1…4; any other A-Softmax m needs the continuous slider.
	const fits = o.loss !== 'asoftmax' || (Number.isInteger(o.m) && o.m <= INTEGER_MARGIN_MAX);
	const fallback = fits ? 'integer' : 'continuous';
	let marginMode: UiSettings['marginMode'] = fallback;
	if (raw.marginMode === 'continuous') marginMode = 'continuous';
	else if (raw.marginMode === 'integer' && !fits)
		notices.push(`mmode integer has only m 1–${INTEGER_MARGIN_MAX}; using continuous for m ${o.m}`);
	else if (raw.marginMode !== undefined && raw.marginMode !== 'integer')
		notices.push(`mmode ${show(raw.marginMode)} is not integer or continuous; using ${fallback}`);
	// Case-insensitive like the flags, so a hand-typed "lang=KO" works.
	let lang = DEFAULT_UI.lang;
	if (raw.lang !== undefined) {
		const wanted = raw.lang.toLowerCase();
		if (isLang(wanted)) lang = wanted;
		else notices.push(`lang ${show(raw.lang)} is not en or ko; using ${DEFAULT_UI.lang}`);
	}
	return { speed, present, marginMode, lang };
}

/** Unique notices, each at most MAX_NOTICE_LENGTH characters, at most MAX_NOTICES of them. */
function tidy(notices: string[]): string[] {
	const cut = (n: string) =>
		n.length > MAX_NOTICE_LENGTH ? `${n.slice(0, MAX_NOTICE_LENGTH - 1)}…` : n;
	const unique = [...new Set(notices.map(cut))];
	if (unique.length <= MAX_NOTICES) return unique;
	const rest = unique.length - MAX_NOTICES + 1;
	return [...unique.slice(0, MAX_NOTICES - 1), `…and ${rest} more problems with the settings`];
}

/**
 * Parses a query string ('?a=b&…' or 'a=b&…') into valid settings, with one short
 * plain-language notice per change (unknown or repeated keys, values clamped or replaced by
 * defaults). Missing keys take the defaults silently; `seed` sets both the data and model
 * seed. Never throws, whatever the input.
 */
export function parseSettings(search: string): { settings: Settings; notices: string[] } {
	const notices: string[] = [];
	const given = readQuery(typeof search === 'string' ? search : '', notices);
	const raw: RawSettings = { options: { data: {} }, ui: {} };
	// Table order, not URL order, so `dseed` always overrides the data seed set by `seed`.
	for (const k of SETTING_KEYS) {
		const v = given.get(k.key);
		if (v !== undefined) k.read(raw, v, notices);
	}
	const clamped = clampTrainerOptions(raw.options);
	notices.push(...clamped.notices.map(renameField));
	const uiSettings = clampUi(raw.ui, clamped.options, notices);
	return { settings: { options: clamped.options, ui: uiSettings }, notices: tidy(notices) };
}

/**
 * The query string (without '?') for settings: the public keys always, others only when they
 * differ from the defaults, in the table's stable order. Commas stay readable (held=0,3).
 */
export function serializeSettings(s: Settings): string {
	const defaults = defaultSettings();
	const parts: string[] = [];
	for (const k of SETTING_KEYS) {
		const v = k.write(s);
		if (v === undefined || (!k.always && v === k.write(defaults))) continue;
		parts.push(`${k.key}=${encodeURIComponent(v).replace(/%2C/g, ',')}`);
	}
	return parts.join('&');
}
