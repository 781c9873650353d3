/**
 * WidgetState: a widget frame's settings. Without a training body they live in the state and
 * are clamped as the explorer clamps them; a training body that attaches owns them (reads
 * and writes go through it) until it detaches, and the frame's `current` config follows
 * whichever holds them, without any effect copying them. (In the browser the same reads are
 * reactive; tests/e2e/embed.test.ts checks the explorer link follows the widget's slider.)
 */
import { describe, expect, test } from 'vitest';
import { clampTrainerOptions } from '../../src/lib/model/options';
import type { TrainerOptions } from '../../src/lib/math/settingTypes';
import type { Settings } from '../../src/lib/math/settingTypes';
import { widgetConfig } from '../../src/lib/state/widget';
import { WidgetState, type SettingsOwner } from '../../src/lib/state/widgetState.svelte';

/** A stand-in for a TrainingRun: plain settings it clamps itself, and a call log. */
function fakeOwner(start: Settings) {
	const calls: Partial<TrainerOptions>[] = [];
	let settings = $state.raw(start);
	const owner: SettingsOwner = {
		get settings() {
			return settings;
		},
		setOptions(partial) {
			calls.push(partial);
			settings = { ...settings, options: clampTrainerOptions(partial, settings.options).options };
		}
	};
	return { owner, calls };
}

describe('WidgetState', () => {
	const config = widgetConfig('psi', [
		['loss', 'asoftmax'],
		['m', '3'],
		['controls', 'm loss']
	]);

	test('starts from the tag, clamps changes like the explorer, and current follows', () => {
		const widget = new WidgetState(config);
		expect(widget.settings).toBe(config.settings);
		expect(widget.current).toEqual(config);
		widget.setOptions({ m: 4 });
		expect(widget.settings.options.m).toBe(4);
		expect(widget.current.settings.options.m).toBe(4);
		expect(widget.current.controls).toEqual(['m', 'loss']);
		// A new loss without an m takes that loss's default margin; out of range is clamped.
		widget.setOptions({ loss: 'cosface' });
		expect(widget.settings.options).toMatchObject({ loss: 'cosface', m: 0.35 });
		widget.setOptions({ m: 99 });
		expect(widget.settings.options.m).toBe(0.8);
		// The tag's config itself is never changed.
		expect(config.settings.options).toMatchObject({ loss: 'asoftmax', m: 3 });
	});

	test('an attached owner holds the settings until it detaches', () => {
		const widget = new WidgetState(config);
		const { owner, calls } = fakeOwner(config.settings);
		const detach = widget.attach(owner);
		widget.setOptions({ m: 2 });
		expect(calls).toEqual([{ m: 2 }]);
		expect(widget.settings).toBe(owner.settings);
		expect(widget.current.settings.options.m).toBe(2);
		// The owner changes its settings itself (e.g. its own clamping): the frame sees it.
		owner.setOptions({ m: 1 });
		expect(widget.current.settings.options.m).toBe(1);
		// Detached: the widget keeps the owner's last settings and no longer calls it.
		detach();
		expect(widget.settings.options.m).toBe(1);
		widget.setOptions({ m: 4 });
		expect(calls).toHaveLength(2);
		expect(widget.current.settings.options.m).toBe(4);
		expect(owner.settings.options.m).toBe(1);
	});

	test('a stale detach does not drop a newer owner', () => {
		const widget = new WidgetState(config);
		const first = fakeOwner(config.settings);
		const second = fakeOwner(config.settings);
		const detachFirst = widget.attach(first.owner);
		widget.attach(second.owner);
		detachFirst();
		widget.setOptions({ m: 2 });
		expect(first.calls).toEqual([]);
		expect(second.calls).toEqual([{ m: 2 }]);
	});
});
