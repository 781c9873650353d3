/**
 * The training history behind the loss and accuracy charts: a bounded buffer of one point per
 * snapshot. Snapshots arrive at display rate for as long as the run lasts, so the buffer
 * thins itself out (every other point, on a doubling stride) to keep memory bounded while the
 * whole run, from step 0 to the latest snapshot, stays on the chart at an even density.
 * A plain class (no runes): the session wraps it in its reactive state.
 */

/** One charted moment of training (the Snapshot's metrics). */
export interface HistoryPoint {
	/** Completed training steps. */
	step: number;
	/** Mean batch loss; null before the first step or when not finite. */
	loss: number | null;
	/** Accuracy in [0, 1] on the train / test split; null when the split is empty. */
	trainAccuracy: number | null;
	testAccuracy: number | null;
	/** A-Softmax annealing λ of that step (0 otherwise). */
	lambda: number;
	/**
	 * The petal width in radians (`Snapshot.petalWidth`: 90th percentile angle between a test
	 * feature and its own class direction); omitted or null when there is none.
	 */
	petalWidth?: number | null;
	/**
	 * Contrastive and triplet loss: the shares of the last batch that still teach
	 * (`Snapshot.activity`: all triplets / hardest per anchor, or pairs inside the margin);
	 * omitted or null otherwise.
	 */
	activity?: readonly [number, number] | null;
	/**
	 * The geometry readouts (`SnapshotStats.geometry`, computed with the angle statistics a few
	 * times a second, so repeated across points until the next): omitted when there are none.
	 */
	geometry?: HistoryGeometry;
}

/** What the history keeps of `GeometryReadout`: finite numbers or null, at their own step. */
export interface HistoryGeometry {
	/** The step the readouts describe (at or before the point's step). */
	step: number;
	alignment: number | null;
	uniformity: number | null;
	energy: number | null;
	simplexEnergy: number | null;
}

/** A clean copy of the geometry readouts, or undefined when there are none. */
function cleanGeometry(g: HistoryGeometry | null | undefined): HistoryGeometry | undefined {
	if (!g || !Number.isFinite(g.step)) return undefined;
	return {
		step: g.step,
		alignment: finiteOrNull(g.alignment),
		uniformity: finiteOrNull(g.uniformity),
		energy: finiteOrNull(g.energy),
		simplexEnergy: finiteOrNull(g.simplexEnergy)
	};
}

/** null for a missing or non-finite metric (a chart must never see NaN). */
function finiteOrNull(v: number | null): number | null {
	return v !== null && Number.isFinite(v) ? v : null;
}

/** A live change of a setting at a step (see liveChanges): a thin rule on the training charts. */
export interface ChartMark {
	step: number;
	/** The setting's URL key (m, lr, lambda…). */
	key: string;
	/** What the rule says: the key and its new value ("m 3"). */
	text: string;
}

/**
 * A bounded, step-ordered history of training points. `push` ignores a repeated step, treats a
 * lower step as a new run (clears first), and decimates when full: only every `stride`-th
 * accepted point is kept for good, the stride doubling at each decimation, while the latest
 * point is always kept (provisionally) so the chart ends at the current step.
 */
export class TrainingHistory {
	readonly #max: number;
	#points: HistoryPoint[] = [];
	/** Arrival index (since the last reset) of each kept point, parallel to #points. */
	#indices: number[] = [];
	/** Arrival index the next accepted point gets. */
	#next = 0;
	/** Points at arrival index ≡ 0 (mod stride) are kept for good; the others only while last. */
	#stride = 1;
	/** The frozen copy `points` hands out, rebuilt only after a change. */
	#view: readonly HistoryPoint[] | null = null;

	/** @param maxPoints the most points ever held (at least 8; default 500) */
	constructor(maxPoints = 500) {
		this.#max = Math.max(8, Math.floor(Number.isFinite(maxPoints) ? maxPoints : 500));
	}

	/** Adds a snapshot's metrics (see the class comment for repeated and lower steps). */
	push(p: HistoryPoint): void {
		if (!Number.isFinite(p.step)) return;
		const last = this.#points.at(-1);
		if (last !== undefined) {
			if (p.step === last.step) return;
			// The worker's step counter only goes back when the model was rebuilt or reset.
			if (p.step < last.step) this.reset();
		}
		const lastIndex = this.#indices.at(-1);
		// The previous latest point was only kept for being last: the new point replaces it.
		if (lastIndex !== undefined && lastIndex % this.#stride !== 0) {
			this.#points.pop();
			this.#indices.pop();
		}
		this.#points.push({
			step: p.step,
			loss: finiteOrNull(p.loss),
			trainAccuracy: finiteOrNull(p.trainAccuracy),
			testAccuracy: finiteOrNull(p.testAccuracy),
			lambda: Number.isFinite(p.lambda) ? p.lambda : 0,
			petalWidth: finiteOrNull(p.petalWidth ?? null),
			activity:
				p.activity && p.activity.every(Number.isFinite) ? [p.activity[0], p.activity[1]] : null,
			geometry: cleanGeometry(p.geometry)
		});
		this.#indices.push(this.#next++);
		if (this.#points.length > this.#max) this.#decimate();
		this.#view = null;
	}

	/**
	 * Drops every other kept point: doubles the stride and keeps the points on the new grid
	 * (arrival 0, 2·stride, 4·stride, …, so the first point stays) plus the latest point.
	 * Kept points sit at multiples of the old stride, so this halves them evenly.
	 */
	#decimate(): void {
		this.#stride *= 2;
		const n = this.#points.length;
		const keep = this.#indices.map((idx, i) => idx % this.#stride === 0 || i === n - 1);
		this.#points = this.#points.filter((_, i) => keep[i]);
		this.#indices = this.#indices.filter((_, i) => keep[i]);
	}

	/**
	 * The kept points in step order. The same frozen array until the next change, so a
	 * `$state.raw` holding it is replaced exactly when the history changed.
	 */
	get points(): readonly HistoryPoint[] {
		this.#view ??= Object.freeze(this.#points.slice());
		return this.#view;
	}

	/** Forgets everything (a new run starts from an empty chart). */
	reset(): void {
		this.#points = [];
		this.#indices = [];
		this.#next = 0;
		this.#stride = 1;
		this.#view = null;
	}
}

/** The last non-null value of a metric over the points (null when there is none). */
export function latestValue(
	points: readonly HistoryPoint[],
	get: (p: HistoryPoint) => number | null
): number | null {
	for (let i = points.length - 1; i >= 0; i--) {
		const v = get(points[i]);
		if (v !== null) return v;
	}
	return null;
}

/**
 * The largest value of a metric over the later part of the run: the points past the first
 * `skip` (default a twentieth) of the charted steps, or all points when none lies past it. A
 * chart that scales to this keeps the settled curve readable instead of squashing it under
 * the first steps' transient (the petal width starts near 180° from random weights and is
 * under 25° by step 100 on the digits); null when the metric has no value.
 */
export function settledMax(
	points: readonly HistoryPoint[],
	get: (p: HistoryPoint) => number | null,
	skip = 0.05
): number | null {
	const first = points[0]?.step ?? 0;
	const from = first + skip * ((points.at(-1)?.step ?? 0) - first);
	let late: number | null = null;
	let all: number | null = null;
	for (const p of points) {
		const v = get(p);
		if (v === null || !Number.isFinite(v)) continue;
		all = all === null ? v : Math.max(all, v);
		if (p.step >= from && p.step > first) late = late === null ? v : Math.max(late, v);
	}
	return late ?? all;
}
