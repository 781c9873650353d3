/**
 * The trainer's settings: one typed object whose rows (defaults, limits, live or rebuild)
 * live in the one settings table (`math/settings.ts`), and the clamp that every setting
 * passes before it can reach tfjs, derived from that table. Pure TypeScript (no tfjs), so
 * the worker, the URL layer and the UI share the same limits.
 */
import { notice, type Notice } from '../math/notice';
import { DEFAULTS, clampSettings, needsRebuildOf } from '../math/settingsEngine';
import { show } from '../math/clamp';
import type { TrainerOptions } from '../math/settingTypes';

/**
 * Valid trainer options from any partial or garbage input, on top of `base` (default: the
 * defaults), with one plain-language notice per change. Never throws; nothing out of range
 * or non-numeric survives. `headless`: a trainer no view draws (the open-set sweep), which
 * may use features of up to MAX_FEATURE_DIM dimensions.
 */
export function clampTrainerOptions(
	input: unknown,
	base?: TrainerOptions,
	{ headless = false }: { headless?: boolean } = {}
): { options: TrainerOptions; notices: Notice[] } {
	const notices: Notice[] = [];
	const isObject = typeof input === 'object' && input !== null && !Array.isArray(input);
	if (!isObject && input !== undefined)
		notices.push(notice('notObject', { name: 'settings', value: show(input) }));
	const out = clampSettings(
		{ options: isObject ? input : {} },
		{ scope: 'options.', base: base ? { options: base, ui: DEFAULTS.ui } : undefined, headless }
	);
	notices.push(...out.notices);
	return { options: out.settings.options, notices };
}

/** True when going from `a` to `b` needs a new model (a setting whose row rebuilds differs). */
export function needsRebuild(a: TrainerOptions, b: TrainerOptions): boolean {
	return needsRebuildOf({ options: a, ui: DEFAULTS.ui }, { options: b, ui: DEFAULTS.ui });
}
