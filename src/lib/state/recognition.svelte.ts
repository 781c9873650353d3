/**
 * The state of the verification and identification views: which view, which test set, the
 * threshold τ, the picked pair (A, B) or probe, and the keyboard cursor, over the latest
 * snapshot of a training run. The pair scores and the exact ROC are computed once per
 * snapshot (at most every MODEL_MS while training, on a seeded sample past VIEW_PAIRS pairs;
 * math/recognitionView.ts), so moving τ only reads the operating point off the sweep:
 * nothing is recomputed per frame.
 */
import {
	clampTau,
	enrolledGallery,
	operatingPoint,
	pairAngle,
	randomPair,
	searchGallery,
	testRows,
	thresholdAtFar,
	verificationModel,
	type TestSet,
	type VerificationModel
} from '$lib/math/recognitionView';
import { SPLIT } from '$lib/math/split';
import type { Snapshot } from '$lib/model/snapshot';

/** Shortest time between two ROC computations while a model trains (ms). */
const MODEL_MS = 500;
/**
 * Pairs scored per snapshot: past this, a seeded sample of this many (about 8 ms on this
 * machine in Node). A worker of its own for larger sets kept the offline service worker's
 * update from taking over on Reload (tests/e2e/offline.test.ts failed every time; cause not
 * found), so the view samples instead.
 */
export const VIEW_PAIRS = 20_000;

export type RecognitionMode = 'verify' | 'identify';

export class Recognition {
	mode = $state<RecognitionMode>('verify');
	/** The test set asked for; `testSet` falls back to the known people when none is held out. */
	chosen = $state<TestSet>('new');
	/** "Same identity iff cos θ ≥ τ". */
	tau = $state(0.5);
	/** Picked rows of the data set (verification). */
	a = $state<number | null>(null);
	b = $state<number | null>(null);
	/** The probe row (identification). */
	probe = $state<number | null>(null);
	/** Identification answers "unknown" when the best cosine is below τ. */
	openSet = $state(false);
	/** The row the keyboard cursor is on. */
	cursor = $state<number | null>(null);

	snapshot = $state.raw<Snapshot | null>(null);
	labels = $state.raw<Int32Array | null>(null);
	split = $state.raw<Uint8Array | null>(null);
	/** Pairs and ROC of the test set, as of `modelStep`. */
	model = $state.raw<VerificationModel | null>(null);

	private modelKey = '';
	private modelAt = -Infinity;
	private timer: ReturnType<typeof setTimeout> | null = null;
	private dataVersion = -1;
	private pairSeed = 1;
	/** τ is snapped to the tables' operating point once per data set, then left to the reader. */
	private tauSet = false;

	/** Whether any identity is held out (the "new people" test set exists). */
	hasNew = $derived(this.split !== null && this.split.includes(SPLIT.heldOut));
	testSet: TestSet = $derived(this.chosen === 'new' && !this.hasNew ? 'known' : this.chosen);
	dim = $derived(this.snapshot?.featureDim ?? 0);
	op = $derived(this.model ? operatingPoint(this.model.sweep, this.tau) : null);
	tauAtFar = $derived(this.model ? thresholdAtFar(this.model.sweep) : null);
	/** The angle and cosine between A and B in the current snapshot. */
	pair = $derived.by(() => {
		const s = this.snapshot;
		if (!s || this.a === null || this.b === null) return null;
		return pairAngle(s.features, s.featureDim, this.a, this.b);
	});
	gallery = $derived(
		this.model && this.labels ? enrolledGallery(this.model.rows, this.labels) : new Int32Array(0)
	);
	search = $derived.by(() => {
		const s = this.snapshot;
		if (!s || !this.labels || this.probe === null) return null;
		return searchGallery(
			s.features,
			s.featureDim,
			this.labels,
			this.gallery,
			this.probe,
			this.openSet ? this.tau : null
		);
	});
	/** The test set's rows by angle (2-D) or row order: the keyboard cursor's path. */
	order = $derived.by(() => {
		const s = this.snapshot;
		const rows = this.model?.rows;
		if (!s || !rows) return [] as number[];
		const list = Array.from(rows);
		if (s.featureDim !== 2) return list;
		const angle = (r: number) => Math.atan2(s.features[2 * r + 1], s.features[2 * r]);
		return list.sort((p, q) => angle(p) - angle(q) || p - q);
	});

	/** The latest snapshot and data set; the ROC follows at most every MODEL_MS. */
	setData(snapshot: Snapshot | null, labels: Int32Array | null, split: Uint8Array | null): void {
		if (snapshot && snapshot.dataVersion !== this.dataVersion) {
			this.dataVersion = snapshot.dataVersion;
			this.a = this.b = this.probe = this.cursor = null;
			this.tauSet = false;
			this.modelKey = '';
		}
		this.snapshot = snapshot;
		this.labels = labels;
		this.split = split;
		this.refresh();
	}

	/** Recomputes the pairs and ROC when the snapshot or test set changed (throttled). */
	refresh(force = false): void {
		const s = this.snapshot;
		const labels = this.labels;
		const split = this.split;
		if (!s || !labels || !split || labels.length * s.featureDim > s.features.length) {
			this.model = null;
			return;
		}
		const key = `${s.dataVersion}:${s.step}:${this.testSet}`;
		if (key === this.modelKey) return;
		const wait = this.modelAt + MODEL_MS - Date.now();
		if (!force && wait > 0 && this.modelKey.endsWith(`:${this.testSet}`)) {
			this.timer ??= setTimeout(() => {
				this.timer = null;
				this.refresh(true);
			}, wait);
			return;
		}
		this.modelKey = key;
		this.modelAt = Date.now();
		const rows = testRows(split, this.testSet, labels.length);
		this.accept(
			verificationModel(s.features, s.featureDim, labels, rows, { maxPairs: VIEW_PAIRS })
		);
	}

	/** A new pairs-and-ROC model: the view's defaults follow it the first time. */
	private accept(model: VerificationModel): void {
		this.model = model;
		const rows = model.rows;
		if (!this.tauSet && model.problem === null) {
			this.tauSet = true;
			this.snapTau();
		}
		if (this.a === null && model.problem === null) this.randomPair(true);
		if (this.probe === null && model.problem === null) {
			const gallery = this.gallery;
			this.probe = Array.from(rows).find((r) => !gallery.includes(r)) ?? null;
		}
	}

	setTestSet(which: TestSet): void {
		this.chosen = which;
		this.a = this.b = this.probe = this.cursor = null;
		this.tauSet = false;
		this.refresh(true);
	}

	setTau(tau: number): void {
		this.tau = clampTau(tau);
	}

	/** τ at FAR = 1e−2, the operating point of the tables. */
	snapTau(): void {
		const t = this.tauAtFar ?? (this.model ? thresholdAtFar(this.model.sweep) : null);
		if (t !== null) this.tau = t;
	}

	/** A picks A, the next B, the next a new A; in identification a pick is the probe. */
	pick(row: number): void {
		this.cursor = row;
		if (this.mode === 'identify') {
			this.probe = row;
			return;
		}
		if (this.a === null || this.b !== null) {
			this.a = row;
			this.b = null;
		} else if (row !== this.a) this.b = row;
	}

	/** A random genuine (same identity) or impostor pair of the test set. */
	randomPair(genuine: boolean): void {
		const rows = this.model?.rows;
		if (!rows || !this.labels) return;
		const p = randomPair(rows, this.labels, genuine, this.pairSeed++);
		if (p) [this.a, this.b] = p;
	}

	/** Moves the cursor along `order` (±1), starting from the last pick. */
	moveCursor(step: number): void {
		const order = this.order;
		if (order.length === 0) return;
		const from = this.cursor ?? (this.mode === 'identify' ? this.probe : (this.b ?? this.a));
		const at = from === null ? -1 : order.indexOf(from);
		const next = at < 0 ? (step > 0 ? 0 : order.length - 1) : at + step;
		this.cursor = order[((next % order.length) + order.length) % order.length];
	}

	/**
	 * The figures' keys: arrows move the cursor, Enter or Space picks the point under it.
	 * Returns whether the key was the view's (the figure then stops it reaching the page).
	 */
	key(key: string): boolean {
		const step = ({ ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 } as const)[
			key as 'ArrowRight'
		];
		if (step) {
			this.moveCursor(step);
			return true;
		}
		if ((key === 'Enter' || key === ' ') && this.cursor !== null) {
			this.pick(this.cursor);
			return true;
		}
		return false;
	}

	dispose(): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
	}
}
