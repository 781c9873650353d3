/**
 * The explorer's state: one settings object (the URL is a view of it), the live training
 * session, the training history for the charts, and the notices shown to the user. Every
 * control goes through `setOptions`/`setUi`, which clamps, updates the worker and the URL.
 */
import { clampTrainerOptions, type TrainerOptions } from '$lib/model/options';
import { TrainingHistory, type HistoryPoint } from '$lib/viz/history';
import { parseSettings, serializeSettings, type Settings, type UiSettings } from './params';
import { TrainingSession } from './session.svelte';

export class ExplorerState {
	settings = $state.raw<Settings>(parseSettings('').settings);
	/** Plain-language notices (clamped URL values, settings); shown as text, dismissible. */
	notices = $state.raw<string[]>([]);
	/** Chart points; replaced on each snapshot (the buffer itself is not reactive). */
	history = $state.raw<readonly HistoryPoint[]>([]);
	readonly session = new TrainingSession();
	private readonly buffer = new TrainingHistory(500);

	/** Loads settings from a query string and starts training state from them (paused). */
	start(search: string): void {
		const { settings, notices } = parseSettings(search);
		this.settings = settings;
		this.notices = notices;
		this.session.onSnapshot = (s) => {
			this.buffer.push({
				step: s.step,
				loss: s.loss,
				trainAccuracy: s.trainAccuracy,
				testAccuracy: s.testAccuracy,
				lambda: s.lambda
			});
			this.history = [...this.buffer.points];
		};
		this.session.start(settings.options);
		this.session.setSpeed(settings.ui.speed);
		// 64 × 64 cells: smooth enough once scaled, ~2 ms of worker time per snapshot.
		this.session.setGrid(64);
	}

	/** The query string of the current settings (without '?'). */
	get query(): string {
		return serializeSettings(this.settings);
	}

	/** Changes trainer settings: clamped here (notices shown), then applied live or by a rebuild in the worker. */
	setOptions(partial: Partial<TrainerOptions>): void {
		const { options, notices } = clampTrainerOptions(partial, this.settings.options);
		this.settings = { ...this.settings, options };
		if (notices.length) this.notices = notices;
		this.session.setOptions(options);
	}

	/** Changes page settings (speed, presentation, margin mode). */
	setUi(partial: Partial<UiSettings>): void {
		const ui = { ...this.settings.ui, ...partial };
		this.settings = { ...this.settings, ui };
		if (partial.speed !== undefined) this.session.setSpeed(ui.speed);
	}

	dismissNotices(): void {
		this.notices = [];
	}

	dispose(): void {
		this.session.dispose();
	}
}
