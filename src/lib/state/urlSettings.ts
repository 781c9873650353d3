/**
 * The URL ⇄ settings layer, derived from the one settings table (`SETTINGS` in
 * `math/settings.ts`): one generic parser and one generic serializer walk its rows. The URL is
 * a view of `Settings`: hostile or broken query strings become valid settings plus short
 * plain-language notices (plain text, never HTML) that name the URL keys. Pure TypeScript: no
 * DOM, runes or tfjs.
 */
import { notice, sameNotice, type Notice } from '$lib/math/notice';
import { ROW_BY_KEY, SETTINGS } from '$lib/math/settings';
import { clampSettings, evaluate, formatValue, getAt, parseValue } from '$lib/math/settingsEngine';
import { show } from '$lib/math/clamp';
import type { Settings } from '$lib/math/settingTypes';
import type { SettingRow } from '$lib/math/settingRows';

const MAX_NOTICES = 12;

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

/** The key/value pairs of a query string, percent-decoded and trimmed (a bare key reads as ''). */
function queryEntries(search: string): [string, string][] {
	const entries: [string, string][] = [];
	for (const part of search.replace(/^\?/, '').split('&')) {
		if (part === '') continue;
		const eq = part.indexOf('=');
		const key = decode(eq < 0 ? part : part.slice(0, eq)).trim();
		entries.push([key, eq < 0 ? '' : decode(part.slice(eq + 1)).trim()]);
	}
	return entries;
}

/** The last value of every known key, with a notice per unknown key and per repeated key. */
function readEntries(entries: Iterable<[string, string]>, notices: Notice[]): Map<string, string> {
	const given = new Map<string, string>();
	const counts = new Map<string, number>();
	const unknown = new Set<string>();
	for (const [key, value] of entries) {
		if (!ROW_BY_KEY.has(key)) {
			if (!unknown.has(key)) notices.push(notice('unknownSetting', { key: keyName(key) }));
			unknown.add(key);
			continue;
		}
		given.set(key, value);
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	for (const [key, n] of counts) {
		if (n > 1) notices.push(notice('repeatedSetting', { key, n, value: show(given.get(key)) }));
	}
	return given;
}

/** Unique notices, at most MAX_NOTICES of them (the last one says how many more there were). */
function tidy(notices: Notice[]): Notice[] {
	const unique = notices.filter((n, i) => notices.findIndex((m) => sameNotice(m, n)) === i);
	if (unique.length <= MAX_NOTICES) return unique;
	const rest = unique.length - MAX_NOTICES + 1;
	return [...unique.slice(0, MAX_NOTICES - 1), notice('moreProblems', { n: rest })];
}

/**
 * Parses a query string ('?a=b&…' or 'a=b&…') into valid settings, with one short
 * plain-language notice per change (unknown or repeated keys, values clamped or replaced by
 * defaults). Missing keys take the defaults silently; `seed` sets both the data and model
 * seed. Never throws, whatever the input.
 */
export function parseSettings(search: string): { settings: Settings; notices: Notice[] } {
	return parseSettingEntries(queryEntries(typeof search === 'string' ? search : ''));
}

/**
 * Settings from URL keys and their text values as given (a lesson tag's attributes, a
 * query string's pairs): the same reading and the same one clamp as `parseSettings`.
 */
export function parseSettingEntries(entries: Iterable<[string, string]>): {
	settings: Settings;
	notices: Notice[];
} {
	const notices: Notice[] = [];
	const given = readEntries(entries, notices);
	const raw = {};
	for (const [key, text] of given) {
		const row = ROW_BY_KEY.get(key) as SettingRow;
		setRaw(raw, row, parseValue(row, text));
	}
	const out = clampSettings(raw, { name: (row) => row.key });
	notices.push(...out.notices);
	return { settings: out.settings, notices: tidy(notices) };
}

/** Puts a raw URL value at its row's place (plain objects only: keys come from the table). */
function setRaw(raw: Record<string, unknown>, row: SettingRow, value: unknown): void {
	const keys = row.path.split('.');
	let at = raw;
	for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
	at[keys[keys.length - 1]] = value;
}

/**
 * The query string (without '?') for settings: the public keys always, others only when they
 * differ from the defaults, in the table's stable order. Commas stay readable (held=0,3).
 */
export function serializeSettings(s: Settings): string {
	const parts: string[] = [];
	for (const row of SETTINGS) {
		const value = getAt(s, row.path);
		if (value === undefined) continue;
		const text = formatValue(row, value);
		if (!row.always && text === formatValue(row, evaluate(row.default, s))) continue;
		parts.push(`${row.key}=${encodeURIComponent(text).replace(/%2C/g, ',')}`);
	}
	return parts.join('&');
}
