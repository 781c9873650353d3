/**
 * The explorer's state: one settings object (the URL is a view of it), the live training
 * session, the training history for the charts, the notices shown to the user, and the
 * user's own data (upload, drawing). Every control goes through `setOptions`/`setUi`, which
 * clamps, updates the worker and the URL.
 */
import { clampSettings, partialAt, type DataParams, type SettingPath } from '$lib/math';
import { clampTrainerOptions, type TrainerOptions } from '$lib/model/options';
import { translate } from '$lib/i18n';
import { TrainingHistory, type HistoryPoint } from '$lib/viz/history';
import { pointCount } from './customData';
import { DrawState } from './drawing.svelte';
import { parseSettings, serializeSettings, type Settings, type UiSettings } from './params';
import { TrainingSession } from './session.svelte';
import { UserData, type UploadOrigin } from './userData.svelte';

/** Whether two data settings describe the same generated data apart from the seed. */
function sameGenerator(a: DataParams, b: DataParams): boolean {
	return JSON.stringify({ ...a, seed: 0 }) === JSON.stringify({ ...b, seed: 0 });
}

export class ExplorerState {
	settings = $state.raw<Settings>(parseSettings('').settings);
	/** Plain-language notices (clamped URL values, settings); shown as text, dismissible. */
	notices = $state.raw<string[]>([]);
	/** Chart points; replaced on each snapshot (the buffer itself is not reactive). */
	history = $state.raw<readonly HistoryPoint[]>([]);
	readonly session = new TrainingSession();
	/** The user's own data set (upload or drawing), if any; see `useGenerated`. */
	readonly data = new UserData(
		this.session,
		() => this.session.setOptions(this.settings.options),
		(c) => {
			const key = c.source === 'upload' ? 'controls.restoredUpload' : 'controls.restoredDrawing';
			const text = translate(this.settings.ui.lang, key, { n: pointCount(c) });
			this.notices = [...this.notices, text];
		}
	);
	/** Draw mode of the input-space view. */
	readonly draw = new DrawState(this.data);
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
				lambda: s.lambda,
				petalWidth: s.petalWidth,
				activity: s.activity
			});
			this.history = [...this.buffer.points];
		};
		// The digits file failed to load: say why, and show the data the model kept.
		this.session.onDataRefused = (reason, data) => {
			this.notices = [...this.notices, reason];
			this.settings = { ...this.settings, options: { ...this.settings.options, data } };
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

	/**
	 * Changes trainer settings: clamped here (notices shown), then applied live or by a rebuild
	 * in the worker. While the user's own data is in use, the data settings are not sent (the
	 * worker would go back to generated data) unless the generator itself changed, which
	 * means going back to generated data; a new seed keeps the user's data and reseeds the model.
	 */
	setOptions(partial: Partial<TrainerOptions>): void {
		const previous = this.settings.options.data;
		const { options, notices } = clampTrainerOptions(partial, this.settings.options);
		this.settings = { ...this.settings, options };
		if (notices.length) this.notices = notices;
		if (this.data.current && sameGenerator(previous, options.data)) {
			const { data: _data, ...rest } = options;
			this.session.setOptions(rest);
		} else if (this.data.current) {
			this.useGenerated();
		} else {
			this.session.setOptions(options);
		}
	}

	/** Reads `file` in the worker and trains on it; a new data set starts a new undo history. */
	async upload(file: File, origin: UploadOrigin): Promise<void> {
		if (await this.data.upload(file, origin)) this.draw.forget();
	}

	/** Back to the generated data of the current settings; forgets the stored custom data. */
	useGenerated(): void {
		this.draw.forget();
		this.data.clear();
	}

	/** Changes page settings (speed, presentation, margin mode, language), clamped by the table. */
	setUi(partial: Partial<UiSettings>): void {
		const { settings, notices } = clampSettings(
			{ ui: partial },
			{ scope: 'ui.', base: this.settings }
		);
		this.settings = { ...this.settings, ui: settings.ui };
		if (notices.length) this.notices = notices;
		if (partial.speed !== undefined) this.session.setSpeed(settings.ui.speed);
	}

	/** Changes one setting by its place in the settings (what a SettingControl sends). */
	setSetting(path: SettingPath, value: unknown): void {
		const partial = partialAt(path, value) as Partial<Settings>;
		if (partial.options) this.setOptions(partial.options);
		if (partial.ui) this.setUi(partial.ui);
	}

	dismissNotices(): void {
		this.notices = [];
	}

	dispose(): void {
		this.session.dispose();
	}
}
