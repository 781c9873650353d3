/**
 * The explorer page's state: a training run (`TrainingRun`) plus what only the explorer
 * has: settings read from its URL (the URL is a view of them), the user's own data
 * (upload, drawing) and the drawing tools. While the user's data is in use, the worker is
 * told to keep it (`DataChoice` 'custom') as the other settings change.
 */
import type { DataSettings } from '$lib/math/settingTypes';
import type { TrainerOptions } from '$lib/math/settingTypes';
import { generatedChoice, type DataChoice } from '$lib/model/protocol';
import { notice } from '$lib/math/notice';
import { pointCount } from './customData';
import { DrawState } from './drawing.svelte';
import { parseSettings, serializeSettings } from './urlSettings';
import { TrainingRun } from './trainingRun.svelte';
import { UserData, type UploadOrigin } from './userData.svelte';

/** Whether two data settings describe the same generated data apart from the seed. */
function sameGenerator(a: DataSettings, b: DataSettings): boolean {
	return JSON.stringify({ ...a, seed: 0 }) === JSON.stringify({ ...b, seed: 0 });
}

export class Explorer extends TrainingRun {
	/** The user's own data set (upload or drawing), if any; see `useGenerated`. */
	readonly data = new UserData(
		this.session,
		() => this.session.setOptions(this.settings.options, this.dataChoice()),
		(c) => {
			const key = c.source === 'upload' ? 'restoredUpload' : 'restoredDrawing';
			this.notices = [...this.notices, notice(key, { n: pointCount(c) })];
		}
	);
	/** Draw mode of the input-space view. */
	readonly draw = new DrawState(this.data);

	/** Loads settings from a query string (the URL's one clamp) and starts training, paused. */
	load(search: string): void {
		const { settings, notices } = parseSettings(search);
		this.notices = notices;
		// 64 × 64 cells: smooth enough once scaled, ~2 ms of worker time per snapshot.
		this.start(settings, { grid: 64 });
	}

	/** The query string of the current settings (without '?'). */
	get query(): string {
		return serializeSettings(this.settings);
	}

	protected override dataChoice(): DataChoice {
		return this.data?.current ? { kind: 'custom' } : generatedChoice(this.settings.options);
	}

	/**
	 * Sends changed trainer settings. While the user's own data is in use, a change of the data
	 * settings other than the seed means going back to generated data; a new seed keeps the
	 * user's data and reseeds the model.
	 */
	protected override sendOptions(previous: TrainerOptions): void {
		if (this.data.current && !sameGenerator(previous.data, this.settings.options.data))
			this.useGenerated();
		else super.sendOptions(previous);
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
}
