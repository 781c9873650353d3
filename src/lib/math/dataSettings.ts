/**
 * The settings of a toy data set: their rows live in the one settings table (`settings.ts`);
 * this module derives the data set's defaults, limits and clamp from it, so that the
 * generators, the worker and the URL share one source. `clampDataSettings` turns any partial or
 * garbage input into valid params, with a plain-language notice for every change.
 */
import { notice, type Notice } from './notice';
import { show } from './clamp';
import { type DataSettings } from './settingTypes';
import { DEFAULTS, clampSettings } from './settingsEngine';

/**
 * The preset used when a field is missing: four well-separated 2D blobs. Deeply frozen (its
 * heldOut too), so no caller can change the defaults by accident; take a mutable copy with
 * `clampDataSettings({}).data`.
 */
export const DEFAULT_DATA_SETTINGS: Readonly<Omit<DataSettings, 'heldOut'>> & {
	readonly heldOut: readonly number[];
} = DEFAULTS.options.data;

/**
 * Clamps/sanitises any partial or garbage input (NaN, strings cast as numbers, out-of-range,
 * duplicate or invalid heldOut entries) into valid params, and reports what was changed, one
 * plain-language sentence per change. Missing fields take the default silently. Never throws.
 */
export function clampDataSettings(p: Partial<DataSettings>): {
	data: DataSettings;
	notices: Notice[];
} {
	const notices: Notice[] = [];
	const isObject = typeof p === 'object' && p !== null && !Array.isArray(p);
	if (!isObject && p !== undefined) {
		notices.push(notice('notObject', { name: 'data settings', value: show(p) }));
	}
	const out = clampSettings({ options: { data: isObject ? p : {} } }, { scope: 'options.data.' });
	notices.push(...out.notices);
	return { data: out.settings.options.data, notices };
}
