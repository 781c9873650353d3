/**
 * The comparison's state: one live training session per panel (each in its own worker, on
 * the same data and seed), the shared settings, and commands that act on every panel at
 * once. The URL is a view of `panels` + `settings`.
 */
import type { TrainerOptions } from '$lib/model/options';
import { clampTrainerOptions } from '$lib/model/options';
import { serializeSettings, type Settings } from './params';
import { ExplorerState } from './explorer.svelte';
import { MAX_PANELS, MIN_PANELS, parseCompare, serializeCompare, type PanelSpec } from './compare';

/** Steps per second of every panel: the same pace keeps the panels comparable step for step. */
export const COMPARE_SPEED = 120;
/** Milliseconds between a panel's snapshots (the worker alone would send 30 per second). */
export const COMPARE_SNAPSHOT_MS = 125;

export class CompareState {
	panels = $state.raw<PanelSpec[]>([]);
	settings = $state.raw<Settings | null>(null);
	notices = $state.raw<string[]>([]);
	/** One explorer state (worker, snapshot, history) per panel. */
	sessions = $state.raw<ExplorerState[]>([]);

	/** Reads the URL and starts one paused session per panel. */
	start(search: string): void {
		const { panels, settings, notices } = parseCompare(search);
		this.panels = panels;
		this.settings = settings;
		this.notices = notices;
		this.sessions = panels.map((p) => this.session(p, settings));
	}

	private session(p: PanelSpec, settings: Settings): ExplorerState {
		const s = new ExplorerState();
		const options = clampTrainerOptions({ loss: p.loss, m: p.m }, settings.options).options;
		s.start(serializeSettings({ options, ui: { ...settings.ui, speed: COMPARE_SPEED } }));
		s.session.setGrid(0); // no input-space view here
		// Four feature views redrawing at 30 Hz each cost the page its frames; 8 Hz each is plenty.
		s.session.setSnapshotInterval(COMPARE_SNAPSHOT_MS);
		return s;
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
	}

	removePanel(i: number): void {
		if (this.panels.length <= MIN_PANELS) return;
		this.sessions[i]?.dispose();
		this.panels = this.panels.filter((_, j) => j !== i);
		this.sessions = this.sessions.filter((_, j) => j !== i);
	}

	dispose(): void {
		for (const s of this.sessions) s.dispose();
		this.sessions = [];
	}
}
