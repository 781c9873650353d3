/**
 * The comparison's state (rune class) with fake workers: one session per panel from the URL,
 * the open-set scoring on a timer (each panel scored once per new snapshot, one refresh at a
 * time, a stale answer dropped), reports that stay with their panel when another is
 * removed, panels out of sight slowed to one snapshot a second, and dispose() ending the
 * timer and every worker.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { flushSync } from 'svelte';
import type { RecognitionReport } from '../../src/lib/math/openset';
import type { OpenSetClient } from '../../src/lib/state/opensetClient';
import type { DatasetMessage } from '../../src/lib/model/protocol';
import type { Snapshot } from '../../src/lib/model/snapshot';
import type { TrainingRun } from '../../src/lib/state/trainingRun.svelte';
import type { Settings } from '../../src/lib/math/settingTypes';
import {
	COMPARE_SNAPSHOT_MS,
	CompareState,
	HIDDEN_SNAPSHOT_MS,
	REPORT_INTERVAL_MS
} from '../../src/lib/state/compare.svelte';

/** The page side of one training worker, driven by the test. */
class FakeSession {
	snapshot = $state.raw<Snapshot | null>(null);
	dataset = $state.raw<DatasetMessage | null>(null);
	running = $state(false);
	play = () => (this.running = true);
	pause = () => (this.running = false);
	step = vi.fn();
	reset = vi.fn();
	setOptions = vi.fn();
	setSnapshotInterval = vi.fn();
}

/** A panel's session as the comparison sees it (a TrainingRun without its worker). */
class FakePanel {
	readonly session = new FakeSession();
	settings;
	disposed = false;
	constructor(settings: Settings) {
		this.settings = settings;
	}
	/** As a TrainingRun: the snapshot, and its data set only when they match. */
	get snapshot() {
		return this.session.snapshot;
	}
	get dataset() {
		const d = this.session.dataset;
		const s = this.session.snapshot;
		return d && s && d.dataVersion === s.dataVersion ? d : null;
	}
	setOptions(partial: { loss?: string; m?: number }) {
		this.settings = {
			...this.settings,
			options: { ...this.settings.options, ...partial } as typeof this.settings.options
		};
	}
	dispose() {
		this.disposed = true;
	}
	/** The worker sent a snapshot at `step` (features tagged with it) for data set `version`. */
	send(step: number, version = 1, testAccuracy = 0.5) {
		this.session.dataset ??= {
			dataVersion: version,
			dim: 8,
			numClasses: 3,
			points: new Float32Array(24),
			labels: Int32Array.from([0, 1, 2]),
			split: Uint8Array.from([2, 2, 2])
		};
		this.session.snapshot = {
			step,
			dataVersion: version,
			testAccuracy,
			featureDim: 2,
			features: Float32Array.from([step, 0, 0, 1, 1, 1])
		} as unknown as Snapshot;
	}
}

/** An open-set worker whose answers the test releases; a report's `unseen.points` is the step it scored. */
function fakeOpenSet() {
	const calls: { features: number[]; answer: () => void }[] = [];
	const client = {
		report: vi.fn(
			(features: ArrayLike<number>) =>
				new Promise<RecognitionReport>((resolve) =>
					calls.push({
						features: Array.from(features),
						answer: () =>
							resolve({ unseen: { points: features[0] } } as unknown as RecognitionReport)
					})
				)
		),
		dispose: vi.fn()
	};
	return { client: client as unknown as OpenSetClient, calls, spy: client };
}

function setup(search = '?panels=softmax,asoftmax:4,cosface:0.2') {
	const openset = fakeOpenSet();
	const panels: FakePanel[] = [];
	const compare = new CompareState({
		openset: openset.client,
		newSession: (settings) => {
			const p = new FakePanel(settings);
			panels.push(p);
			return p as unknown as TrainingRun;
		}
	});
	compare.start(search);
	return { compare, panels, ...openset };
}

/** The step each panel's report was computed at (null: no report). */
const reportedSteps = (c: CompareState) => c.reports.map((r) => (r ? r.unseen.points : null));
/** Runs the timer once and lets the fake answers' promise callbacks run. */
const tick = () => vi.advanceTimersByTimeAsync(REPORT_INTERVAL_MS);

beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
});

describe('CompareState', () => {
	test('one session per panel, each with its own loss and margin and the shared data', () => {
		const { compare, panels } = setup();
		expect(panels.length).toBe(3);
		expect(panels.map((p) => [p.settings.options.loss, p.settings.options.m])).toEqual([
			['softmax', 1], // a loss without a margin keeps m = 1
			['asoftmax', 4],
			['cosface', 0.2]
		]);
		for (const p of panels) expect(p.settings.options.data.generator).toBe('identities');
		expect(compare.labels).toEqual(['Softmax', 'A-Softmax m = 4', 'CosFace m = 0.2']);
		expect(compare.reports).toEqual([null, null, null]);
	});

	test('the timer scores each panel once per new snapshot, not while it stands still', async () => {
		const { compare, panels, calls, spy } = setup();
		await tick();
		expect(spy.report).not.toHaveBeenCalled(); // no snapshot yet
		panels.forEach((p) => p.send(10));
		await tick();
		expect(calls.length).toBe(3);
		calls.forEach((c) => c.answer());
		await vi.advanceTimersByTimeAsync(0);
		expect(reportedSteps(compare)).toEqual([10, 10, 10]);
		// Paused: same snapshots, no new requests, same reports.
		await tick();
		await tick();
		expect(calls.length).toBe(3);
		expect(reportedSteps(compare)).toEqual([10, 10, 10]);
		// Panel 2 moves on: only it is scored again.
		panels[1].send(20);
		await tick();
		expect(calls.length).toBe(4);
		expect(calls[3].features[0]).toBe(20);
		calls[3].answer();
		await vi.advanceTimersByTimeAsync(0);
		expect(reportedSteps(compare)).toEqual([10, 20, 10]);
	});

	test('features of another data set than the labels are not scored', async () => {
		const { compare, panels, calls } = setup();
		panels[0].send(5);
		panels[1].send(5);
		panels[2].send(5);
		panels[2].session.snapshot = { ...panels[2].session.snapshot!, dataVersion: 2 };
		await tick();
		expect(calls.length).toBe(2);
		calls.forEach((c) => c.answer());
		await vi.advanceTimersByTimeAsync(0);
		expect(reportedSteps(compare)).toEqual([5, 5, null]);
	});

	test('a slow worker gets one refresh at a time', async () => {
		const { panels, calls } = setup();
		panels.forEach((p) => p.send(1));
		await tick();
		expect(calls.length).toBe(3);
		panels.forEach((p) => p.send(2));
		await tick(); // the first refresh still waits: nothing new is asked
		await tick();
		expect(calls.length).toBe(3);
		calls.forEach((c) => c.answer());
		await vi.advanceTimersByTimeAsync(0);
		await tick();
		expect(calls.length).toBe(6);
	});

	test('reports stay with their panel when another panel is removed', async () => {
		const { compare, panels, calls } = setup();
		panels.forEach((p, i) => p.send(100 + i));
		await tick();
		calls.forEach((c) => c.answer());
		await vi.advanceTimersByTimeAsync(0);
		expect(reportedSteps(compare)).toEqual([100, 101, 102]);
		compare.removePanel(0);
		expect(panels[0].disposed).toBe(true);
		expect(reportedSteps(compare)).toEqual([101, 102]);
		// All panels paused at the same step: the cache must not hand panel 1's report to panel 2.
		panels[1].send(7);
		panels[2].send(7);
		await tick();
		expect(calls.length).toBe(5);
		calls[3].answer();
		calls[4].answer();
		await vi.advanceTimersByTimeAsync(0);
		expect(reportedSteps(compare)).toEqual([7, 7]);
		await tick();
		expect(calls.length).toBe(5);
	});

	test('an answer that arrives after the panels changed is dropped', async () => {
		const { compare, panels, calls } = setup();
		panels.forEach((p) => p.send(3));
		await tick();
		compare.addPanel({ loss: 'arcface', m: 0.5 });
		expect(compare.reports).toEqual([null, null, null, null]);
		calls.forEach((c) => c.answer());
		await vi.advanceTimersByTimeAsync(0);
		expect(compare.reports).toEqual([null, null, null, null]);
		panels[3].send(3);
		await tick(); // the three scored panels come from the cache, the new one is asked
		expect(calls.length).toBe(4);
		calls[3].answer();
		await vi.advanceTimersByTimeAsync(0);
		expect(reportedSteps(compare)).toEqual([3, 3, 3, 3]);
	});

	test('reports, closed-set accuracies and the running flag are reactive', async () => {
		const { compare, panels, calls } = setup('?panels=modified,asoftmax:2');
		const seen: string[] = [];
		const stop = $effect.root(() => {
			$effect(() => {
				seen.push(
					`${compare.running} ${compare.closedSet.join(',')} ${reportedSteps(compare).join(',')}`
				);
			});
		});
		flushSync();
		panels[0].send(1, 1, 0.25);
		flushSync();
		compare.play();
		flushSync();
		panels[1].send(1, 1, 0.75);
		await tick();
		calls.forEach((c) => c.answer());
		await vi.advanceTimersByTimeAsync(0);
		flushSync();
		compare.pause();
		flushSync();
		stop();
		expect(seen).toEqual([
			'false , ,',
			'false 0.25, ,',
			'true 0.25, ,',
			'true 0.25,0.75 ,',
			'true 0.25,0.75 1,1',
			'false 0.25,0.75 1,1'
		]);
	});

	test('a panel out of sight takes one snapshot a second, back in sight the full rate', () => {
		const { compare, panels } = setup();
		compare.setInView(compare.sessions[2], false);
		expect(panels[2].session.setSnapshotInterval).toHaveBeenLastCalledWith(HIDDEN_SNAPSHOT_MS);
		expect(panels[0].session.setSnapshotInterval).not.toHaveBeenCalled();
		compare.setInView(compare.sessions[2], true);
		expect(panels[2].session.setSnapshotInterval).toHaveBeenLastCalledWith(COMPARE_SNAPSHOT_MS);
		expect(HIDDEN_SNAPSHOT_MS).toBeGreaterThan(COMPARE_SNAPSHOT_MS);
	});

	test('dispose stops the timer and ends every worker', async () => {
		const { compare, panels, spy } = setup();
		compare.dispose();
		expect(panels.every((p) => p.disposed)).toBe(true);
		expect(spy.dispose).toHaveBeenCalledTimes(1);
		panels.forEach((p) => p.send(9));
		await tick();
		await tick();
		expect(spy.report).not.toHaveBeenCalled();
		expect(vi.getTimerCount()).toBe(0);
	});
});
