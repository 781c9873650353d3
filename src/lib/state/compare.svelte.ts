/**
 * The comparison's state: one live training session per panel (each in its own worker, on
 * the same data and seed), the shared settings, commands that act on every panel at once,
 * and the open-set test of each panel's features (the open-set worker, the timer that
 * re-scores the panels while they change, and the cache of the last report per panel).
 * The URL is a view of `panels` + `settings`. `start` starts it all, `dispose` ends it all.
 */
import type { Notice } from '$lib/math/notice';
import type { RecognitionReport } from '$lib/math/openset';
import type { TrainerOptions } from '$lib/math/settingTypes';
import { clampTrainerOptions } from '$lib/model/options';
import { OpenSetClient } from './opensetClient';
import type { Snapshot } from '$lib/model/snapshot';
import type { Settings } from '../math/settingTypes';
import { TrainingRun } from './trainingRun.svelte';
import {
	MAX_PANELS,
	MIN_PANELS,
	panelLabel,
	parseCompare,
	serializeCompare,
	type PanelSpec
} from './compare';

/** Steps per second of every panel: the same pace keeps the panels comparable step for step. */
export const COMPARE_SPEED = 120;
/** Milliseconds between a panel's snapshots (the worker alone would send 30 per second). */
export const COMPARE_SNAPSHOT_MS = 125;
/**
 * Milliseconds between the snapshots of a panel out of sight: its worker skips the feature
 * readout and the page the redraw, for a panel nobody sees; it catches up as it scrolls in.
 */
export const HIDDEN_SNAPSHOT_MS = 1000;
/** Milliseconds between two open-set scorings of the panels (about once a second). */
export const REPORT_INTERVAL_MS = 1200;

/** A started training run for one panel (its settings have the panel's loss and m). */
export type SessionFactory = (settings: Settings) => TrainingRun;

/** What the comparison is built from; tests pass fakes (no workers in Node). */
export interface CompareDeps {
	/** The open-set worker's client (also runs the sweep below the panels). */
	openset: OpenSetClient;
	newSession: SessionFactory;
}

/** A real panel session: its own training worker, no input grid, 8 snapshots a second. */
function liveSession(settings: Settings): TrainingRun {
	const s = new TrainingRun();
	// No input-space view here (no grid). Four feature views redrawing at 30 Hz each cost the
	// page its frames; 8 Hz each is plenty.
	s.start(settings, { snapshotMs: COMPARE_SNAPSHOT_MS });
	return s;
}

export class CompareState {
	panels = $state.raw<PanelSpec[]>([]);
	settings = $state.raw<Settings | null>(null);
	notices = $state.raw<Notice[]>([]);
	/** One explorer state (worker, snapshot, history) per panel. */
	sessions = $state.raw<TrainingRun[]>([]);
	/** Each panel's reports on both test sets (null until its features have been scored). */
	reports = $state.raw<(RecognitionReport | null)[]>([]);
	/** The panels' names, e.g. "A-Softmax m = 4". */
	readonly labels = $derived(this.panels.map(panelLabel));
	/** Each panel's closed-set (test) accuracy, null before its first snapshot. */
	readonly closedSet = $derived(this.sessions.map((s) => s.session.snapshot?.testAccuracy ?? null));
	/** Each panel's training accuracy: did the model fit the identities it sees? */
	readonly trainAcc = $derived(this.sessions.map((s) => s.session.snapshot?.trainAccuracy ?? null));
	/** The open-set worker's client; the sweep uses it too. */
	readonly openset: OpenSetClient;
	private readonly newSession: SessionFactory;
	private timer: ReturnType<typeof setInterval> | null = null;
	/** The snapshot each session was last scored at, and its report: unchanged panels are not re-scored. */
	private readonly scored = new WeakMap<TrainingRun, { at: Snapshot; report: RecognitionReport }>();
	private refreshing = false;

	constructor(deps: Partial<CompareDeps> = {}) {
		this.openset = deps.openset ?? new OpenSetClient();
		this.newSession = deps.newSession ?? liveSession;
	}

	/**
	 * Reads the URL, starts one paused session per panel, and scores the panels on the
	 * held-out classes every `REPORT_INTERVAL_MS` from now on.
	 */
	start(search: string): void {
		const { panels, settings, notices } = parseCompare(search);
		this.panels = panels;
		this.settings = settings;
		this.notices = notices;
		this.sessions = panels.map((p) => this.session(p, settings));
		this.reports = panels.map(() => null);
		this.stopReports();
		this.refreshing = false; // a request cut off by dispose() never answers
		this.timer = setInterval(() => void this.refreshReports(), REPORT_INTERVAL_MS);
	}

	/** A panel's run: the shared settings with the panel's loss and margin (clamped when it entered). */
	private session(p: PanelSpec, settings: Settings): TrainingRun {
		const options = { ...settings.options, loss: p.loss, m: p.m };
		return this.newSession({ options, ui: { ...settings.ui, speed: COMPARE_SPEED } });
	}

	/**
	 * Scores every panel whose features changed since its last report (in the open-set
	 * worker, one request per changed panel). One refresh at a time: a tick that finds the
	 * previous one still waiting (the worker busy with a sweep) does nothing. A result that
	 * comes back after the panels were added or removed is dropped; the next tick redoes it.
	 */
	async refreshReports(): Promise<void> {
		if (this.refreshing) return;
		this.refreshing = true;
		try {
			const sessions = this.sessions;
			const next = await Promise.all(sessions.map((s) => this.reportOf(s)));
			if (sessions === this.sessions) this.reports = next;
		} finally {
			this.refreshing = false;
		}
	}

	private async reportOf(s: TrainingRun): Promise<RecognitionReport | null> {
		// Features and labels of the same data set (null while a rebuild sends both, in turn).
		const snap = s.snapshot;
		const data = s.dataset;
		if (!snap || !data) return null;
		const last = this.scored.get(s);
		if (last?.at === snap) return last.report;
		const report = await this.openset.report(
			snap.features,
			snap.featureDim,
			data.labels,
			data.split
		);
		this.scored.set(s, { at: snap, report });
		return report;
	}

	private stopReports(): void {
		if (this.timer !== null) clearInterval(this.timer);
		this.timer = null;
	}

	get query(): string {
		return this.settings ? serializeCompare(this.panels, this.settings) : '';
	}

	get running(): boolean {
		return this.sessions.some((s) => s.session.running);
	}

	play(): void {
		for (const s of this.sessions) s.session.play();
	}
	pause(): void {
		for (const s of this.sessions) s.session.pause();
	}
	toggle(): void {
		if (this.running) this.pause();
		else this.play();
	}
	step(n = 1): void {
		for (const s of this.sessions) s.session.step(n);
	}
	reset(): void {
		for (const s of this.sessions) s.session.reset();
	}

	/** A panel came into sight (or left it): full snapshot rate in sight, one a second out of it. */
	setInView(s: TrainingRun, inView: boolean): void {
		s.session.setSnapshotInterval(inView ? COMPARE_SNAPSHOT_MS : HIDDEN_SNAPSHOT_MS);
	}

	/** Changes a setting shared by every panel (data, seed, model). */
	setShared(partial: Partial<TrainerOptions>): void {
		if (!this.settings) return;
		const { options, notices } = clampTrainerOptions(partial, this.settings.options);
		this.settings = { ...this.settings, options };
		this.notices = notices;
		for (const s of this.sessions) s.setOptions(partial);
	}

	/** Changes one panel's loss and margin. */
	setPanel(i: number, spec: PanelSpec): void {
		const s = this.sessions[i];
		if (!s) return;
		s.setOptions({ loss: spec.loss, m: spec.m });
		const o = s.settings.options;
		this.panels = this.panels.map((p, j) => (j === i ? { loss: o.loss, m: o.m } : p));
	}

	addPanel(spec: PanelSpec): void {
		if (!this.settings || this.panels.length >= MAX_PANELS) return;
		this.panels = [...this.panels, spec];
		this.sessions = [...this.sessions, this.session(spec, this.settings)];
		this.reports = [...this.reports, null];
	}

	removePanel(i: number): void {
		if (this.panels.length <= MIN_PANELS) return;
		this.sessions[i]?.dispose();
		this.panels = this.panels.filter((_, j) => j !== i);
		this.sessions = this.sessions.filter((_, j) => j !== i);
		// Each remaining panel keeps its own report (the cache is per session, not per index).
		this.reports = this.reports.filter((_, j) => j !== i);
	}

	/** Stops the timer and ends every worker (the panels' and the open-set one). */
	dispose(): void {
		this.stopReports();
		for (const s of this.sessions) s.dispose();
		this.sessions = [];
		this.openset.dispose();
	}
}
