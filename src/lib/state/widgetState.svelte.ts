/**
 * One widget's live settings, owned by its frame (WidgetFrame): the frame reads `current`
 * for the explorer link and the embed snippet; the body (LiveWidget, PsiWidget) reads
 * `settings` and changes them with `setOptions`. Nothing is copied between them, so no effect
 * has to keep two copies in step.
 *
 * A body that trains keeps its settings where the training worker is driven from, its
 * TrainingRun (which clamps, notifies and updates the worker): it hands that over with
 * `attach`, and until it detaches the widget reads and writes through it. A body that only
 * draws (the ψ chart) leaves the settings here.
 */
import { clampTrainerOptions } from '$lib/model/options';
import type { TrainerOptions } from '$lib/math/settingTypes';
import type { Settings } from '../math/settingTypes';
import type { WidgetConfig } from './widget';

/** Where a training widget's settings live (a TrainingRun is one). */
export interface SettingsOwner {
	readonly settings: Settings;
	setOptions(partial: Partial<TrainerOptions>): void;
}

export class WidgetState {
	/** The widget as its tag or embed URL gave it. */
	readonly config: WidgetConfig;
	/** The settings while no training body owns them. */
	#own: Settings;
	#owner = $state.raw<SettingsOwner | null>(null);
	/** The widget with its current settings (for "Open in the explorer" and the embed code). */
	readonly current: WidgetConfig;

	constructor(config: WidgetConfig) {
		this.config = config;
		this.#own = $state.raw(config.settings);
		this.current = $derived({ ...config, settings: this.settings });
	}

	/** The widget's settings now: the tag's, as the reader has changed them. */
	get settings(): Settings {
		return this.#owner?.settings ?? this.#own;
	}

	/** Changes trainer settings; clamped exactly as the explorer clamps them. */
	setOptions(partial: Partial<TrainerOptions>): void {
		if (this.#owner) return this.#owner.setOptions(partial);
		const { options } = clampTrainerOptions(partial, this.#own.options);
		this.#own = { ...this.#own, options };
	}

	/**
	 * Lets a training body own the settings (call once it has loaded them). The returned
	 * function hands them back: the widget keeps the owner's last settings.
	 */
	attach(owner: SettingsOwner): () => void {
		this.#owner = owner;
		return () => {
			if (this.#owner !== owner) return;
			this.#own = owner.settings;
			this.#owner = null;
		};
	}
}
