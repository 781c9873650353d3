/**
 * The training loop that runs inside the worker: it owns a Trainer, answers messages, and
 * while playing trains in short slices, streaming snapshots at display rate (not every
 * step) and only after the page has taken the previous one. Uploaded files are read here
 * too, off the page's main thread. Free of worker globals so tests can drive it with a fake
 * `post` and scheduler.
 */
import { Trainer } from './trainer';
import type { DataSources } from './dataSources';
import { fetchDigits } from '../io/digits';
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
import { parseDataFile, tableToDataset } from '../io/dataFile';
import { DEFAULTS, clampDataParams, type DataParams, type Dataset } from '../math/index';

type LoadMessage = Extract<ToWorker, { type: 'loadFile' | 'loadData' }>;

/**
 * A trainable `Dataset` from a page's message: arrays copied into the types the trainer
 * expects; `params` describe it as far as `DataParams` can (class count, input dimension,
 * mean class size, the classes with held-out points; seed and test fraction from `base`).
 * Not validated here: `Trainer.loadDataset` refuses inconsistent or non-finite sets.
 */
export function customDataset(data: CustomDataMessage, base: DataParams): Dataset {
	const labels = Int32Array.from(data.labels ?? []);
	const split = Uint8Array.from(data.split ?? []);
	const numClasses = Number(data.numClasses);
	const heldOut = [...new Set(labels.filter((_, i) => split[i] === 2))];
	const { params } = clampDataParams({
		...base,
		classes: numClasses,
		inputDim: data.dim as DataParams['inputDim'],
		pointsPerClass: Math.round(labels.length / Math.max(1, numClasses)),
		heldOut
	});
	return {
		params,
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

/** Milliseconds of training per slice before yielding to messages. */
const SLICE_MS = 12;
/** At most this many snapshots per second. */
const SNAPSHOT_HZ = 30;
/** Angle statistics at most this often (ms); snapshots in between repeat the last ones. */
const STATS_INTERVAL_MS = 400;
/**
 * While playing, a snapshot waits at least this many times as long as the last one took, so
 * reading out features takes at most ~1/5 of the worker (8,630 digits: ~50 ms a readout).
 */
const SNAPSHOT_COST_FACTOR = 4;

type OptionsMessage = Extract<ToWorker, { type: 'init' | 'setOptions' }>;

/** Messages that ask for the digits: the page says so in `data` (no clamp needed to tell). */
function wantsDigits(msg: ToWorker): boolean {
	return (msg.type === 'init' || msg.type === 'setOptions') && msg.data?.kind === 'digits';
}

/**
 * The message without its request for digits: the data set of before (the trainer's, or the
 * default one for a first model), and the custom data set if one is in use.
 */
function withoutDigits(msg: OptionsMessage, current: Trainer | null): OptionsMessage {
	const data = current?.options.data ?? DEFAULTS.options.data;
	const kind = current?.hasCustomData ? 'custom' : 'generated';
	return { ...msg, options: { ...msg.options, data }, data: { kind } };
}

export class TrainingLoop {
	private trainer: Trainer | null = null;
	private running = false;
	private ticking = false;
	private awaitingAck = false;
	private lastSnapshotAt = -Infinity;
	private stepsPerSecond = 0;
	private gridResolution = 0;
	private msPerStep = 1;
	private credit = 0;
	private lastTick = 0;
	private sentVersion = -1;
	private lastStats: Snapshot['stats'] = null;
	private lastStatsAt = -Infinity;
	private lastStatsVersion = -1;
	/** How long the last feature readout took (ms), for the snapshot pacing. */
	private snapshotMs = 0;
	/** Data read from files: the digits once fetched. Shared with every trainer. */
	private readonly sources: DataSources = {};
	private digitsUrl: string | null = null;
	/** Messages held while the digits load (in order), or null when none are loading. */
	private held: ToWorker[] | null = null;
	/** Why the digits could not be loaded, while the held messages replay without them. */
	private digitsProblem: string | null = null;

	constructor(
		private readonly host: LoopHost,
		private readonly backend: string
	) {}

	/** Handles one message from the page. Errors are reported, never thrown. */
	handle(msg: ToWorker): void {
		if (this.held) {
			this.held.push(msg);
			return;
		}
		if (msg.type === 'init' && msg.assets?.digits) this.digitsUrl = msg.assets.digits;
		if (!this.sources.digits && !this.digitsProblem && wantsDigits(msg)) {
			this.held = [msg];
			void this.loadDigits();
			return;
		}
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

	/**
	 * Fetches and checks the digits file, then replays the held messages: with the digits,
	 * or, when the file cannot be had (offline, truncated, not a digits file), without them
	 * and with a notice saying why, so the previous data (or the default one) stays.
	 */
	private async loadDigits(): Promise<void> {
		let problem: string | null = null;
		try {
			this.sources.digits = await fetchDigits(this.digitsUrl, this.host.fetchBytes);
		} catch (e) {
			problem = e instanceof Error ? e.message : String(e);
		}
		const held = this.held ?? [];
		this.held = null;
		this.digitsProblem = problem && `${problem} Keeping the data set of before.`;
		for (const m of held) this.handle(m);
		this.digitsProblem = null;
	}

	/** Tells the page why its data was refused and what the model trains on instead. */
	private refuseData(reason: string): void {
		if (this.trainer)
			this.host.post({ type: 'dataRefused', reason, data: this.trainer.options.data });
	}

	private dispatch(msg: ToWorker): void {
		const problem = this.digitsProblem && wantsDigits(msg) ? this.digitsProblem : null;
		if (problem && (msg.type === 'init' || msg.type === 'setOptions'))
			msg = withoutDigits(msg, this.trainer);
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
				this.stepsPerSecond = Number.isFinite(msg.stepsPerSecond)
					? Math.max(0, msg.stepsPerSecond)
					: 0;
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
			result = { ok: false, error: e instanceof Error ? e.message : String(e) };
		}
		const data = result.ok ? result.data : null;
		this.host.post(
			{ type: 'loaded', id: msg.id, result },
			data ? buffersOf(data.points, data.labels, data.split) : []
		);
	}

	private loadData(msg: LoadMessage): LoadResult {
		const t = this.trainer;
		if (!t) return { ok: false, error: 'The trainer is not ready yet; try again in a moment.' };
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
			this.lastTick = this.host.now();
			this.credit = 0;
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
		const now = this.host.now();
		// As many steps as fit in a slice; with a speed limit, only the steps that are due.
		let n = Math.max(1, Math.floor(SLICE_MS / this.msPerStep));
		if (this.stepsPerSecond > 0) {
			this.credit = Math.min(
				this.credit + ((now - this.lastTick) / 1000) * this.stepsPerSecond,
				this.stepsPerSecond
			);
			n = Math.min(n, Math.floor(this.credit));
			this.credit -= n;
		}
		this.lastTick = now;
		if (n > 0) {
			const start = this.host.now();
			const report = t.step(n);
			const per = (this.host.now() - start) / Math.max(1, report.steps);
			if (report.steps > 0 && per > 0) this.msPerStep = 0.8 * this.msPerStep + 0.2 * per;
			if (report.diverged) {
				this.setRunning(false);
				this.sendSnapshot(true);
			}
		}
		this.sendSnapshot(false);
		if (this.stepsPerSecond > 0 && this.credit < 1) {
			// Speed-limited: sleep until the next step is due instead of spinning.
			const wait = ((1 - this.credit) / this.stepsPerSecond) * 1000;
			this.host.delay(() => this.tick(), Math.min(1000 / SNAPSHOT_HZ, Math.max(1, wait)));
		} else {
			this.host.schedule(() => this.tick());
		}
	}

	/** Posts a snapshot now (`force`) or when display rate and the page's ack allow. */
	private sendSnapshot(force: boolean): void {
		const t = this.trainer;
		if (!t) return;
		const now = this.host.now();
		const interval = Math.max(1000 / SNAPSHOT_HZ, SNAPSHOT_COST_FACTOR * this.snapshotMs);
		if (!force && (this.awaitingAck || now - this.lastSnapshotAt < interval)) return;
		const wantStats = force || now - this.lastStatsAt >= STATS_INTERVAL_MS;
		const snapshot = t.snapshot({ gridResolution: this.gridResolution, stats: wantStats });
		this.snapshotMs = this.host.now() - now;
		if (snapshot.stats) {
			this.lastStats = snapshot.stats;
			this.lastStatsAt = now;
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
			this.host.post(
				{ type: 'dataset', dataset },
				buffersOf(dataset.points, dataset.labels, dataset.split)
			);
			this.sentVersion = snapshot.dataVersion;
		}
		this.host.post(
			{ type: 'snapshot', snapshot, running: this.running },
			snapshotTransferables(snapshot)
		);
		this.lastSnapshotAt = now;
		this.awaitingAck = true;
	}
}
