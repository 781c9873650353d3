/**
 * A live training session: the page-side state of one training worker (latest snapshot,
 * data set, running flag, backend) as Svelte runes, and the commands to drive it.
 * Tensors never enter this state: snapshots are plain arrays from the worker.
 */
import type { Notice } from '$lib/math/notice';
import { formatLambda } from '$lib/math/lambda';
import { divergenceMessage, type DivergenceWords } from '$lib/math/divergence';
import type { LossKind } from '$lib/math/margins';
import type { DataSettings } from '$lib/math/settingTypes';
import { TrainerClient } from './trainerClient';
import { assetUrls } from './assets';
import type {
	CustomDataMessage,
	DataChoice,
	DatasetMessage,
	LoadResult
} from '$lib/model/protocol';
import type { Snapshot } from '$lib/model/snapshot';
import type { TrainerOptions } from '$lib/math/settingTypes';

/** "98.4%" from 0.984; "—" when undefined. */
function percent(v: number | null): string {
	return v === null ? '—' : `${(v * 100).toFixed(1)}%`;
}

/** 0.213 for ordinary losses; two significant digits below 0.01 (0.00041), so progress stays visible. */
export function formatLoss(loss: number | null): string {
	if (loss === null) return '—';
	return loss >= 0.01 || loss === 0 ? loss.toFixed(3) : loss.toPrecision(2);
}

/** The words of the status line, so a page can show it in its language. */
export interface StatusWords {
	starting: string;
	step: string;
	loss: string;
	train: string;
	test: string;
	/** What decides the accuracy of the metric losses, e.g. "by nearest class mean". */
	byMean: string;
	/** The same with unit features: "by nearest mean direction". */
	byDirection: string;
	/** The divergence message's words and the losses' names (default: the worker's English). */
	divergence?: DivergenceWords;
	losses?: Readonly<Record<LossKind, string>>;
}

export const STATUS_WORDS_EN: Readonly<StatusWords> = Object.freeze({
	starting: 'Starting the trainer…',
	step: 'step',
	loss: 'loss',
	train: 'train',
	test: 'test',
	byMean: 'by nearest class mean',
	byDirection: 'by nearest mean direction'
});

/** The status line, e.g. "step 1200 · loss 0.213 · train 98.4% · test 97.1% · λ 5.0". */
export function statusText(s: Snapshot | null, words: StatusWords = STATUS_WORDS_EN): string {
	if (!s) return words.starting;
	const parts = [
		`${words.step} ${s.step}`,
		`${words.loss} ${formatLoss(s.loss)}`,
		`${words.train} ${percent(s.trainAccuracy)}`,
		`${words.test} ${percent(s.testAccuracy)}`
	];
	// The metric losses have no class weights: say what their accuracy means.
	if (s.rule !== 'weights') parts.push(s.rule === 'nearestMean' ? words.byMean : words.byDirection);
	if (s.lossKind === 'asoftmax') parts.push(`λ ${formatLambda(s.lambda)}`);
	return parts.join(' · ');
}

export class TrainingSession {
	/** The latest snapshot (replaced, never mutated). */
	snapshot = $state.raw<Snapshot | null>(null);
	/** The data set of the current model. */
	dataset = $state.raw<DatasetMessage | null>(null);
	running = $state(false);
	backend = $state('');
	error = $state<string | null>(null);
	private client: TrainerClient | null = null;
	/** Load requests made before `start`, sent right after it (a restore may come first). */
	private queued: ((c: TrainerClient) => void)[] = [];
	/** Called when the worker could not load the data asked for (it keeps `data`); not reactive. */
	onDataRefused: ((reason: Notice, data: DataSettings) => void) | null = null;
	/**
	 * Called with the worker's own notices, if its clamp changed anything the page's clamp let
	 * through (a page and worker out of step); not reactive.
	 */
	onNotices: ((notices: Notice[]) => void) | null = null;
	/** Called with every snapshot (e.g. to record history); not reactive. */
	onSnapshot: ((s: Snapshot) => void) | null = null;

	/** The status line for the live region. */
	get status(): string {
		return this.statusIn(STATUS_WORDS_EN);
	}

	/** The status line in other words (a page's language); errors stay as the worker wrote them. */
	statusIn(words: StatusWords): string {
		const s = this.snapshot;
		if (this.error) return this.error;
		if (s?.status === 'diverged' && s.divergence && words.divergence)
			return divergenceMessage(s.divergence, words.divergence, words.losses);
		if (s?.status === 'diverged' && s.message) return s.message;
		return statusText(s, words);
	}

	/** Starts the worker with these (clamped) options (replacing any running one). */
	start(options: TrainerOptions, data: DataChoice): void {
		this.dispose();
		this.client = new TrainerClient(
			options,
			data,
			{
				onReady: (backend, _opts, notices) => {
					this.backend = backend;
					if (notices.length) this.onNotices?.(notices);
				},
				onSnapshot: (snapshot, running) => {
					this.snapshot = snapshot;
					this.running = running;
					this.onSnapshot?.(snapshot);
				},
				onDataset: (d) => (this.dataset = d),
				onOptions: (_opts, notices) => {
					if (notices.length) this.onNotices?.(notices);
				},
				onRunning: (running) => (this.running = running),
				onError: (message) => (this.error = message),
				onDataRefused: (reason, data) => this.onDataRefused?.(reason, data)
			},
			undefined,
			undefined,
			assetUrls()
		);
		const client = this.client;
		for (const send of this.queued.splice(0)) send(client);
	}

	play(): void {
		this.client?.play();
	}
	pause(): void {
		this.client?.pause();
	}
	/** Play if paused, pause if playing. */
	toggle(): void {
		if (this.running) this.pause();
		else this.play();
	}
	step(n = 1): void {
		this.client?.step(n);
	}
	reset(seed?: number): void {
		this.client?.reset(seed);
	}
	/** Clamped options and what to train on. */
	setOptions(options: TrainerOptions, data: DataChoice): void {
		this.client?.setOptions(options, data);
	}
	setSpeed(stepsPerSecond: number): void {
		this.client?.setSpeed(stepsPerSecond);
	}
	/** At most one snapshot per `ms` milliseconds (0 = the worker's full rate). */
	setSnapshotInterval(ms: number): void {
		this.client?.setSnapshotInterval(ms);
	}
	/** Resolution of the decision grid the worker computes for 2D inputs (0 = none). */
	setGrid(resolution: number): void {
		this.client?.setGrid(resolution);
	}

	/** Reads a CSV/TSV file in the worker and trains on it (the buffer is transferred). */
	loadFile(bytes: ArrayBuffer): Promise<LoadResult> {
		return this.withClient((c) => c.loadFile(bytes));
	}

	/** Trains on this data set instead of the generated one (training keeps playing if it was). */
	loadData(data: CustomDataMessage): Promise<LoadResult> {
		return this.withClient((c) => c.loadData(data));
	}

	private withClient(run: (c: TrainerClient) => Promise<LoadResult>): Promise<LoadResult> {
		if (this.client) return run(this.client);
		return new Promise((resolve) => this.queued.push((c) => void run(c).then(resolve)));
	}

	/** Terminates the worker. */
	dispose(): void {
		this.client?.dispose();
		this.client = null;
		this.running = false;
	}
}
