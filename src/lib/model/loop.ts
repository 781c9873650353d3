/**
 * The training loop that runs inside the worker: it owns a Trainer, answers messages, and
 * while playing trains in short slices, streaming snapshots at display rate (not every
 * step) and only after the page has taken the previous one. Uploaded files are read here
 * too, off the page's main thread. Free of worker globals so tests can drive it with a fake
 * `post` and scheduler. The pacing is pacer.ts's; messages wait for the digits file in
 * digitsGate.ts.
 */
import { Trainer } from './trainer';
import type { DataSources } from './dataSources';
import { DigitsGate } from './digitsGate';
import { Pacer } from './pacer';
import type { Snapshot } from './snapshot';
import {
	buffersOf,
	snapshotTransferables,
	type CustomDataMessage,
	type DatasetMessage,
	type FromWorker,
	type LoadResult,
	type ToWorker
} from './protocol';
import { parseDataFile } from '../io/dataReader';
import { notice, noticeOf, type Notice } from '../math/notice';
import { tableToDataset } from '../io/tableDataset';
import { clampDataSettings } from '../math/dataSettings';
import type { DataSettings } from '../math/settingTypes';
import type { Dataset } from '../math/datasets';

type LoadMessage = Extract<ToWorker, { type: 'loadFile' | 'loadData' }>;

/**
 * A trainable `Dataset` from a page's message: arrays copied into the types the trainer
 * expects; `settings` describe it as far as `DataSettings` can (class count, input dimension,
 * mean class size, the classes with held-out points; seed and test fraction from `base`).
 * Not validated here: `Trainer.loadDataset` refuses inconsistent or non-finite sets.
 */
export function customDataset(data: CustomDataMessage, base: DataSettings): Dataset {
	const labels = Int32Array.from(data.labels ?? []);
	const split = Uint8Array.from(data.split ?? []);
	const numClasses = Number(data.numClasses);
	const heldOut = [...new Set(labels.filter((_, i) => split[i] === 2))];
	const { data: settings } = clampDataSettings({
		...base,
		classes: numClasses,
		inputDim: data.dim as DataSettings['inputDim'],
		pointsPerClass: Math.round(labels.length / Math.max(1, numClasses)),
		heldOut,
		// The user's own data trains as given: no imbalance or label noise is applied to it.
		imbalance: 1,
		labelNoise: 0
	});
	return {
		settings,
		// Checked by loadDataset (datasetProblem), whatever range Dataset allows.
		dim: data.dim as Dataset['dim'],
		numClasses,
		points: Float64Array.from(data.points ?? []),
		labels,
		split
	};
}

/** How the loop talks to the outside and yields between slices. */
export interface LoopHost {
	post(message: FromWorker, transfer?: ArrayBuffer[]): void;
	/** Runs `fn` soon, after pending messages had a chance to arrive. */
	schedule(fn: () => void): void;
	/** Runs `fn` after `ms` milliseconds (idle waiting: no busy loop). */
	delay(fn: () => void, ms: number): void;
	now(): number;
	/** The bytes at a URL (the worker's fetch); absent where nothing can be fetched. */
	fetchBytes?(url: string): Promise<ArrayBuffer>;
}

export class TrainingLoop {
	private trainer: Trainer | null = null;
	private running = false;
	private ticking = false;
	private awaitingAck = false;
	private gridResolution = 0;
	private sentVersion = -1;
	private lastStats: Snapshot['stats'] = null;
	private lastStatsVersion = -1;
	private readonly pacer = new Pacer();
	/** Data read from files: the digits once fetched. Shared with every trainer. */
	private readonly sources: DataSources = {};
	private readonly gate: DigitsGate;

	constructor(
		private readonly host: LoopHost,
		private readonly backend: string
	) {
		this.gate = new DigitsGate(this.sources, host, (m) => this.handle(m));
	}

	/** Handles one message from the page. Errors are reported, never thrown. */
	handle(msg: ToWorker): void {
		if (this.gate.hold(msg)) return;
		if (msg.type === 'loadFile' || msg.type === 'loadData') {
			this.load(msg);
			return;
		}
		try {
			this.dispatch(msg);
		} catch (e) {
			this.host.post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
		}
	}

	/** Tells the page why its data was refused and what the model trains on instead. */
	private refuseData(reason: Notice): void {
		if (this.trainer)
			this.host.post({ type: 'dataRefused', reason, data: this.trainer.options.data });
	}

	private dispatch(message: ToWorker): void {
		const { msg, problem } = this.gate.fallback(message, this.trainer);
		if (msg.type === 'init') {
			this.trainer?.dispose();
			// The worker's one clamp: the trainer clamps what arrives and keeps the result.
			this.trainer = new Trainer(msg.options, { sources: this.sources });
			this.host.post({
				type: 'ready',
				backend: this.backend,
				options: this.trainer.options,
				notices: this.trainer.notices
			});
			if (problem) this.refuseData(problem);
			this.sendSnapshot(true);
			return;
		}
		const t = this.trainer;
		if (!t) throw new Error(`"${msg.type}" arrived before "init".`);
		switch (msg.type) {
			case 'play':
				this.setRunning(!t.diverged);
				break;
			case 'pause': {
				// Where training stopped, in the same message that says it stopped (running:
				// false): the page never shows Play beside the numbers of an earlier step.
				const was = this.running;
				this.running = false;
				this.sendSnapshot(true);
				if (was) this.host.post({ type: 'state', running: false });
				break;
			}
			case 'step':
				this.setRunning(false);
				t.step(msg.n);
				this.sendSnapshot(true);
				break;
			case 'reset':
				t.reset(msg.seed);
				this.sendSnapshot(true);
				break;
			case 'setOptions': {
				const { rebuilt, notices } = t.setOptions(msg.options, msg.data);
				this.host.post({ type: 'options', options: t.options, notices, rebuilt });
				if (problem) this.refuseData(problem);
				this.sendSnapshot(true);
				break;
			}
			case 'speed':
				this.pacer.setSpeed(msg.stepsPerSecond);
				break;
			case 'grid':
				this.gridResolution = Number.isFinite(msg.resolution)
					? Math.max(0, Math.min(200, Math.floor(msg.resolution)))
					: 0;
				this.sendSnapshot(true);
				break;
			case 'snapshot':
				this.sendSnapshot(true);
				break;
			case 'ack':
				this.awaitingAck = false;
				break;
			case 'dispose':
				this.running = false;
				t.dispose();
				this.trainer = null;
				break;
		}
	}

	/**
	 * Trains on a file's data set or a given one and answers `loaded` with the same id. A
	 * file that cannot be read, or a set the trainer refuses, is answered with one plain
	 * sentence and changes nothing. Playing stays playing: training continues on the new data.
	 */
	private load(msg: LoadMessage): void {
		let result: LoadResult;
		try {
			result = this.loadData(msg);
		} catch (e) {
			result = {
				ok: false,
				error: noticeOf(e, (detail) => notice('fileNotRead', { detail: ` (${detail})` }))
			};
		}
		const data = result.ok ? result.data : null;
		this.host.post(
			{ type: 'loaded', id: msg.id, result },
			data ? buffersOf(data.points, data.labels, data.split) : []
		);
	}

	private loadData(msg: LoadMessage): LoadResult {
		const t = this.trainer;
		if (!t) return { ok: false, error: notice('trainerNotReady') };
		const base = t.options.data;
		if (msg.type === 'loadData') {
			t.loadDataset(customDataset(msg.data, base));
			this.sendSnapshot(true);
			return { ok: true, dataVersion: this.sentVersion, warnings: [], data: null };
		}
		const parsed = parseDataFile(msg.bytes);
		if (!parsed.ok) return { ok: false, error: parsed.error };
		const { table } = parsed;
		const d = tableToDataset(table, { seed: base.seed, testFraction: base.testFraction });
		t.loadDataset(d);
		this.sendSnapshot(true);
		// Copies: the trainer keeps the originals, the copies' buffers are transferred.
		const data: CustomDataMessage = {
			dim: d.dim,
			numClasses: d.numClasses,
			points: Float64Array.from(d.points),
			labels: Int32Array.from(d.labels),
			split: Uint8Array.from(d.split),
			classNames: [...table.classNames]
		};
		return { ok: true, dataVersion: this.sentVersion, warnings: parsed.warnings, data };
	}

	private setRunning(on: boolean): void {
		if (this.running !== on) {
			this.running = on;
			this.host.post({ type: 'state', running: on });
		}
		if (on && !this.ticking) {
			this.ticking = true;
			this.pacer.start(this.host.now());
			this.host.schedule(() => this.tick());
		}
	}

	/** One slice of training, then yield. */
	private tick(): void {
		const t = this.trainer;
		if (!this.running || !t) {
			this.ticking = false;
			return;
		}
		const n = this.pacer.stepsDue(this.host.now());
		if (n > 0) {
			const start = this.host.now();
			const report = t.step(n);
			this.pacer.measured(report.steps, this.host.now() - start);
			if (report.diverged) {
				this.setRunning(false);
				this.sendSnapshot(true);
			}
		}
		this.sendSnapshot(false);
		const wait = this.pacer.delayUntilNext();
		if (wait === null) this.host.schedule(() => this.tick());
		else this.host.delay(() => this.tick(), wait);
	}

	/** Posts a snapshot now (`force`) or when display rate and the page's ack allow. */
	private sendSnapshot(force: boolean): void {
		const t = this.trainer;
		if (!t) return;
		const now = this.host.now();
		if (!force && (this.awaitingAck || !this.pacer.snapshotDue(now))) return;
		const stats = this.pacer.statsDue(now, force);
		const snapshot = t.snapshot({ gridResolution: this.gridResolution, stats });
		this.pacer.snapshotTaken(now, this.host.now(), !!snapshot.stats);
		if (snapshot.stats) {
			this.lastStats = snapshot.stats;
			this.lastStatsVersion = snapshot.dataVersion;
		} else if (this.lastStatsVersion === snapshot.dataVersion) {
			snapshot.stats = this.lastStats;
		}
		if (snapshot.dataVersion !== this.sentVersion) {
			const d = t.data;
			const dataset: DatasetMessage = {
				dataVersion: snapshot.dataVersion,
				dim: d.dim,
				numClasses: d.numClasses,
				points: Float32Array.from(d.points),
				labels: Int32Array.from(d.labels),
				split: Uint8Array.from(d.split)
			};
			if (d.trueLabels) dataset.trueLabels = Int32Array.from(d.trueLabels);
			this.host.post(
				{ type: 'dataset', dataset },
				buffersOf(dataset.points, dataset.labels, dataset.split, dataset.trueLabels)
			);
			this.sentVersion = snapshot.dataVersion;
		}
		this.host.post(
			{ type: 'snapshot', snapshot, running: this.running },
			snapshotTransferables(snapshot)
		);
		this.awaitingAck = true;
	}
}
