/**
 * Typed `init` / `setOptions` messages for the worker loop's tests: the options clamped as
 * the page would clamp them (over a base), and the data choice that matches them.
 */
import { clampTrainerOptions } from '../../src/lib/model/options';
import type { TrainerOptions } from '../../src/lib/math/settingTypes';
import { generatedChoice, type DataChoice, type ToWorker } from '../../src/lib/model/protocol';

/** Full options from a partial one on top of `base` (itself partial, over the defaults). */
export function fullOptions(partial: unknown, base: unknown = {}): TrainerOptions {
	return clampTrainerOptions(partial, clampTrainerOptions(base).options).options;
}

export function initMessage(
	partial: unknown,
	extra: Partial<Extract<ToWorker, { type: 'init' }>> = {}
): Extract<ToWorker, { type: 'init' }> {
	const options = fullOptions(partial);
	return { type: 'init', options, data: generatedChoice(options), ...extra };
}

export function optionsMessage(
	partial: unknown,
	base: unknown = {},
	data?: DataChoice
): Extract<ToWorker, { type: 'setOptions' }> {
	const options = fullOptions(partial, base);
	return { type: 'setOptions', options, data: data ?? generatedChoice(options) };
}
