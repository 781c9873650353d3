/**
 * One training run as every page shows it: its settings (clamped once, where a value
 * enters), the live session (the worker), the history for the charts, the data set that
 * matches the current snapshot, the one margin every view shows, and whether it trains now
 * (`setActive`). The explorer, lesson widgets, tour steps and comparison panels each hold
 * one; the explorer adds its URL, user data and drawing on top (`Explorer`).
 */
import { because, notice, type Notice } from '$lib/math/notice';
import {
	clampSettings,
	defaultSettingsCopy,
	liveChanges,
	partialAt
} from '$lib/math/settingsEngine';
import type { SettingPath } from '$lib/math/settingRows';
import { clampTrainerOptions } from '$lib/model/options';
import type { TrainerOptions } from '$lib/math/settingTypes';
import { generatedChoice, type DataChoice, type DatasetMessage } from '$lib/model/protocol';
import type { Snapshot } from '$lib/model/snapshot';
import { TrainingHistory, type ChartMark, type HistoryPoint } from '$lib/viz/history';
import type { Settings, UiSettings } from '$lib/math/settingTypes';
import { TrainingSession } from './session.svelte';

/** Changes of one setting within this many steps of each other make one chart mark. */
const MARK_MERGE_STEPS = 20;

/** How a run's worker reports: the decision grid for 2D inputs, and the snapshot pace. */
export interface RunStart {
	/** Decision-grid resolution (0 = none: no view draws the input plane). */
	grid?: number;
	/** At most one snapshot per this many milliseconds (0 = the worker's 30 Hz). */
	snapshotMs?: number;
	/** Play the first time the run becomes active (`setActive(true)`). */
	autoplay?: boolean;
}

export class TrainingRun {
	settings = $state.raw<Settings>(defaultSettingsCopy());
	/** Notices (clamped values, refused data), written in the page's language where shown. */
	notices = $state.raw<Notice[]>([]);
	/** Chart points; replaced on each snapshot (the buffer itself is not reactive). */
	history = $state.raw<readonly HistoryPoint[]>([]);
	/**
	 * Settings changed while the model trained on (m, λ, the learning rate…), at the step of
	 * the change: the training charts draw a thin rule for each. Cleared with the history.
	 */
	marks = $state.raw<readonly ChartMark[]>([]);
	readonly session = new TrainingSession();
	/** The latest snapshot. */
	readonly snapshot: Snapshot | null = $derived(this.session.snapshot);
	/**
	 * The data set of the current snapshot: null while a rebuild has sent one but not the
	 * other (labels of one data set never colour the features of another).
	 */
	readonly dataset: DatasetMessage | null = $derived.by(() => {
		const d = this.session.dataset;
		const s = this.session.snapshot;
		return d && s && d.dataVersion === s.dataVersion ? d : null;
	});
	/**
	 * The loss and margin every view shows: those the last snapshot was trained with, else
	 * (before the first one) the settings'. A slider moves the settings at once; the views
	 * follow with the next snapshot, all together.
	 */
	readonly loss = $derived(this.session.snapshot?.lossKind ?? this.settings.options.loss);
	readonly m = $derived(this.session.snapshot?.m ?? this.settings.options.m);
	/** The combined head's margins m1, m2, m3 the current picture was trained with. */
	readonly margins = $derived(
		this.session.snapshot?.margins ?? {
			m1: this.settings.options.m1,
			m2: this.settings.options.m2,
			m3: this.settings.options.m3
		}
	);
	/** Paused because it left the screen (resumes when it comes back). */
	pausedByView = $state(false);
	private autoplay = false;
	private autoStarted = false;
	private readonly buffer = new TrainingHistory(500);

	/** Starts the worker on these (already clamped) settings, paused. */
	start(settings: Settings, { grid = 0, snapshotMs = 0, autoplay = false }: RunStart = {}): void {
		this.settings = settings;
		this.autoplay = autoplay;
		this.session.onSnapshot = (s) => {
			// A step counter that went back is a new model (rebuilt or reset): new charts.
			if (s.step < (this.history.at(-1)?.step ?? 0)) this.marks = [];
			this.buffer.push({
				step: s.step,
				loss: s.loss,
				trainAccuracy: s.trainAccuracy,
				testAccuracy: s.testAccuracy,
				lambda: s.lambda,
				petalWidth: s.petalWidth,
				activity: s.activity,
				geometry: s.stats?.geometry
			});
			this.history = [...this.buffer.points];
		};
		// The digits file failed to load: say why, and show the data the model kept.
		this.session.onDataRefused = (reason, data) => {
			this.notices = [...this.notices, because(notice('digitsRefused'), reason)];
			this.settings = { ...this.settings, options: { ...this.settings.options, data } };
		};
		this.session.onNotices = (notices) => (this.notices = [...this.notices, ...notices]);
		this.session.start(settings.options, this.dataChoice());
		this.session.setSpeed(settings.ui.speed);
		this.session.setGrid(grid);
		if (snapshotMs > 0) this.session.setSnapshotInterval(snapshotMs);
	}

	/** What the worker trains on; the explorer says 'custom' while the user's data is in use. */
	protected dataChoice(): DataChoice {
		return generatedChoice(this.settings.options);
	}

	/**
	 * Changes trainer settings: the page's one clamp (its notices shown), then the worker
	 * applies them live or by a rebuild.
	 */
	setOptions(partial: Partial<TrainerOptions>): void {
		const previous = this.settings.options;
		const { options, notices } = clampTrainerOptions(partial, previous);
		const before = this.settings;
		this.settings = { ...this.settings, options };
		if (notices.length) this.notices = notices;
		const step = this.session.snapshot?.step;
		// A slider dragged while training: one rule per setting for the drag, not one per step.
		if (step !== undefined && step > 0)
			for (const change of liveChanges(before, this.settings))
				this.marks = [
					...this.marks.filter((m) => m.key !== change.key || m.step < step - MARK_MERGE_STEPS),
					{ step, ...change }
				];
		this.sendOptions(previous);
	}

	/** Tells the worker the current options (`previous`: the options before the change). */
	protected sendOptions(_previous: TrainerOptions): void {
		this.session.setOptions(this.settings.options, this.dataChoice());
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

	/**
	 * Trains only while it can be seen: called whenever visibility, readiness or the running
	 * state change. The first time it is visible (and ready) it plays if `autoplay`; leaving
	 * the screen pauses it, coming back resumes it, unless the reader paused it meanwhile.
	 */
	setActive(visible: boolean): void {
		if (!this.session.snapshot) return;
		if (visible) {
			if (!this.autoStarted) {
				this.autoStarted = true;
				if (this.autoplay) this.session.play();
			} else if (this.pausedByView) {
				this.pausedByView = false;
				this.session.play();
			}
		} else if (this.session.running) {
			this.pausedByView = true;
			this.session.pause();
		}
	}

	/** Play or pause at the reader's request (a pause by the view no longer resumes). */
	toggle(): void {
		this.pausedByView = false;
		this.session.toggle();
	}

	dismissNotices(): void {
		this.notices = [];
	}

	dispose(): void {
		this.session.dispose();
	}
}
