/**
 * The generic machinery over the settings table (`SETTINGS` in settings.ts): read and write a
 * row's place in `Settings`, evaluate a row's default and limit against the settings read so
 * far, clamp untrusted input row by row (one plain-language notice per change), format a
 * value for the URL, and tell whether two runs differ in a setting that rebuilds the model.
 * Pure TypeScript: no DOM, tfjs or Svelte.
 */
import { clampToLimit, show, type NumericLimit } from './clamp';
import { clampClassList, formatClassList, parseClassList } from './classList';
import { notice, type Notice } from './notice';
import { SETTINGS } from './settings';
import type { ClassListRow, Dependent, SettingPath, SettingRow } from './settingRows';
import type { Settings } from './settingTypes';

/** The value of a fixed or settings-dependent row field. */
export function evaluate<T>(d: Dependent<T>, s: Settings): T {
	return typeof d === 'function' ? (d as (s: Settings) => T)(s) : d;
}

/** Own properties only, so '__proto__' or 'toString' in untrusted input is never followed. */
function child(o: unknown, key: string): unknown {
	if (typeof o !== 'object' || o === null || Array.isArray(o)) return undefined;
	return Object.prototype.hasOwnProperty.call(o, key)
		? (o as Record<string, unknown>)[key]
		: undefined;
}

/** The value at `path` in any (possibly partial or garbage) object; undefined when absent. */
export function getAt(o: unknown, path: SettingPath): unknown {
	let at: unknown = o;
	for (const key of path.split('.')) at = child(at, key);
	return at;
}

/** Writes `value` at `path`, creating the objects on the way. */
function setAt(o: Record<string, unknown>, path: SettingPath, value: unknown): void {
	const keys = path.split('.');
	let at = o;
	for (const key of keys.slice(0, -1)) {
		if (typeof at[key] !== 'object' || at[key] === null) at[key] = {};
		at = at[key] as Record<string, unknown>;
	}
	at[keys[keys.length - 1]] = value;
}

/** `{ options: { data: { classes: 6 } } }` from ('options.data.classes', 6): a one-setting change. */
export function partialAt(path: SettingPath, value: unknown): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	setAt(out, path, value);
	return out;
}

/** The last part of a row's path: the name a clamp uses in its notices ("featureDim 5 …"). */
export function fieldOf(row: SettingRow): string {
	return row.path.slice(row.path.lastIndexOf('.') + 1);
}

const FLAGS: ReadonlyMap<string, boolean> = new Map([
	['', true],
	['1', true],
	['true', true],
	['0', false],
	['false', false]
]);

/** The notice for a value that is none of a row's choices ("a or b", "one of a, b, c"). */
function notAChoice(
	name: string,
	raw: unknown,
	choices: readonly unknown[],
	using: unknown
): Notice {
	const value = show(raw);
	return choices.length === 2
		? notice('notEither', {
				name,
				value,
				first: String(choices[0]),
				second: String(choices[1]),
				using: String(using)
			})
		: notice('notOneOf', { name, value, choices: choices.join(', '), using: String(using) });
}

/** The classes a class-list row counts against (the `classes` of the same data set). */
function classCount(_row: ClassListRow, s: Settings): number {
	return s.options.data.classes;
}

/**
 * One row's value from an untrusted raw value (never undefined here): valid values pass,
 * others become `fallback` or the nearest valid value, with a notice naming the row `name`.
 */
function clampRow(
	row: SettingRow,
	raw: unknown,
	fallback: unknown,
	s: Settings,
	name: string,
	notices: Notice[],
	headless = false
): unknown {
	switch (row.kind) {
		case 'number': {
			const limit = headless && row.headlessLimit ? row.headlessLimit : evaluate(row.limit, s);
			return clampToLimit(name, raw, limit, fallback as number, notices);
		}
		case 'flag': {
			if (typeof raw === 'boolean') return raw;
			const flag = typeof raw === 'string' ? FLAGS.get(raw.trim().toLowerCase()) : undefined;
			if (flag !== undefined) return flag;
			notices.push(notice('notFlag', { name, value: show(raw), using: fallback ? 1 : 0 }));
			return fallback;
		}
		case 'classes':
			return clampClassList(name, raw, classCount(row, s), notices);
		case 'choice': {
			const wanted = row.caseless && typeof raw === 'string' ? raw.toLowerCase() : raw;
			const found = row.choices.find((c) => c === wanted);
			if (found === undefined) {
				notices.push(notAChoice(name, raw, row.choices, fallback));
				return fallback;
			}
			return row.refine ? row.refine(found, s, name, notices) : found;
		}
	}
}

/** Whether `value` is a valid value of `row` given the settings read so far. */
function isValid(row: SettingRow, value: unknown, s: Settings, headless: boolean): boolean {
	const scratch: Notice[] = [];
	const out = clampRow(row, value, undefined, s, '', scratch, headless);
	return scratch.length === 0 && JSON.stringify(out) === JSON.stringify(value);
}

/** How `clampSettings` reads its input. */
export interface ClampOptions {
	/** Only rows whose path starts with this are read ('options.data.', 'options.', ''). */
	readonly scope?: string;
	/** Values for rows the input leaves out (validated again; a row's `keep` may refuse them). */
	readonly base?: Settings;
	/** A row's name in notices: the URL key, or (default) the field name. */
	readonly name?: (row: SettingRow) => string;
	/** Use rows' `headlessLimit` (a trainer with no views, such as the open-set sweep). */
	readonly headless?: boolean;
}

/** A deep copy of plain settings (arrays and objects of numbers, strings and booleans). */
function copy(s: Settings): Settings {
	return JSON.parse(JSON.stringify(s));
}

/**
 * Valid settings from any partial or garbage input, row by row in table order, with one
 * plain-language notice per change. A missing row takes the base's value when there is a
 * base (and the row keeps it), else its default, silently. Rows outside the scope keep the
 * base's (or the default) values. Never throws.
 */
export function clampSettings(
	input: unknown,
	options: ClampOptions = {}
): { settings: Settings; notices: Notice[] } {
	const { scope = '', base, name = fieldOf, headless = false } = options;
	const notices: Notice[] = [];
	const out = copy(base ?? DEFAULT_SETTINGS);
	for (const row of SETTINGS) {
		if (!row.path.startsWith(scope)) continue;
		let raw = getAt(input, row.path);
		const keepBase = base !== undefined && (!row.keep || row.keep(base, out));
		const baseValue = keepBase ? getAt(base, row.path) : undefined;
		if (raw === undefined) raw = baseValue;
		const def = evaluate(row.default, out);
		const fallback =
			baseValue !== undefined && isValid(row, baseValue, out, headless) ? baseValue : def;
		const value =
			raw === undefined ? def : clampRow(row, raw, fallback, out, name(row), notices, headless);
		setAt(out as unknown as Record<string, unknown>, row.path, copyValue(value));
	}
	return { settings: out, notices };
}

function copyValue(v: unknown): unknown {
	return Array.isArray(v) ? [...v] : v;
}

/** Every setting at its default (evaluated in table order). */
const DEFAULT_SETTINGS: Settings = (() => {
	const s = { options: { data: {} }, ui: {} } as unknown as Settings;
	for (const row of SETTINGS)
		setAt(s as unknown as Record<string, unknown>, row.path, copyValue(evaluate(row.default, s)));
	return deepFreeze(s);
})();

function deepFreeze<T>(o: T): T {
	if (typeof o === 'object' && o !== null) {
		for (const v of Object.values(o)) deepFreeze(v);
		Object.freeze(o);
	}
	return o;
}

/** The default settings, deeply frozen: take a mutable copy with `defaultSettingsCopy()`. */
export const DEFAULTS: Readonly<Settings> = DEFAULT_SETTINGS;

/** A fresh, mutable copy of the default settings. */
export function defaultSettingsCopy(): Settings {
	return copy(DEFAULT_SETTINGS);
}

/** A row's URL text for a value: flags as 1/0, lists comma-separated (runs as ranges). */
export function formatValue(row: SettingRow, value: unknown): string {
	if (row.kind === 'flag') return value ? '1' : '0';
	if (row.kind === 'classes') return formatClassList(value as number[]);
	return String(value);
}

/** A URL value as the raw input of its row (a class list is split at commas, ranges expanded). */
export function parseValue(row: SettingRow, text: string): unknown {
	if (row.kind === 'classes') return parseClassList(text);
	return text;
}

/** True when going from `a` to `b` needs a new model: a row that rebuilds differs. */
export function needsRebuildOf(a: Settings, b: Settings): boolean {
	return SETTINGS.some(
		(row) =>
			evaluate(row.change, b) === 'rebuild' &&
			JSON.stringify(getAt(a, row.path)) !== JSON.stringify(getAt(b, row.path))
	);
}

/** One setting changed while the model trains on: its URL key and new value, as a chart says it. */
export interface LiveChange {
	key: string;
	text: string;
}

/**
 * The settings that change while the model keeps training from `a` to `b` (rows applied
 * live, relevant to `b`), each as `key value` ("m 3", "lr 0.003"): what the training charts
 * mark at the step of the change. Keeping the weights is a choice about later changes, not
 * a change of training: it is not listed.
 */
export function liveChanges(a: Settings, b: Settings): LiveChange[] {
	const out: LiveChange[] = [];
	for (const row of SETTINGS) {
		if (row.path === 'options.keepWeights' || evaluate(row.change, b) !== 'live') continue;
		if (row.relevant && !row.relevant(b)) continue;
		const before = getAt(a, row.path);
		const after = getAt(b, row.path);
		if (JSON.stringify(before) === JSON.stringify(after)) continue;
		const value =
			typeof after === 'number' ? String(Number(after.toPrecision(3))) : formatValue(row, after);
		out.push({ key: row.key, text: `${row.key} ${value}` });
	}
	return out;
}

/** The numeric limit of a number row for these settings (undefined for other kinds). */
export function limitOf(row: SettingRow, s: Settings): NumericLimit | undefined {
	return row.kind === 'number' ? evaluate(row.limit, s) : undefined;
}
