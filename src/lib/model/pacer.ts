/**
 * The training loop's pacing, as pure logic over clock values (ms) with no host: how many
 * steps the next slice runs (as many as fit in SLICE_MS at the measured ms per step, or with
 * a speed limit only those that are due), how long to sleep until the next step is due, and
 * when the next snapshot and the next angle statistics may be read out (display rate, slowed
 * down when a readout is costly).
 */

/** Milliseconds of training per slice before yielding to messages. */
export const SLICE_MS = 12;
/** At most this many snapshots per second. */
export const SNAPSHOT_HZ = 30;
/** Angle statistics at most this often (ms); snapshots in between repeat the last ones. */
export const STATS_INTERVAL_MS = 400;
/**
 * While playing, a snapshot waits at least this many times as long as the last one took, so
 * reading out features takes at most ~1/5 of the worker (8,630 digits: ~50 ms a readout).
 */
export const SNAPSHOT_COST_FACTOR = 4;

export class Pacer {
	/** Steps per second while playing; 0 = as fast as the worker can. */
	private stepsPerSecond = 0;
	private ms = 1;
	/** Speed limit: the steps due and not yet run (at most one second's worth). */
	private credit = 0;
	private lastTick = 0;
	/** How long the last feature readout took (ms). */
	private snapshotMs = 0;
	private lastSnapshotAt = -Infinity;
	private lastStatsAt = -Infinity;

	/** The measured cost of a step (ms), a moving average; 1 before any measurement. */
	get msPerStep(): number {
		return this.ms;
	}

	/** Sets the speed limit (steps per second; 0, or anything not a finite number, for none). */
	setSpeed(stepsPerSecond: number): void {
		this.stepsPerSecond = Number.isFinite(stepsPerSecond) ? Math.max(0, stepsPerSecond) : 0;
	}

	/** Playing starts at `now`: nothing is due yet. */
	start(now: number): void {
		this.lastTick = now;
		this.credit = 0;
	}

	/**
	 * The steps the slice starting at `now` runs: as many as fit in a slice (at least one);
	 * with a speed limit, only the steps that are due (possibly none).
	 */
	stepsDue(now: number): number {
		let n = Math.max(1, Math.floor(SLICE_MS / this.ms));
		if (this.stepsPerSecond > 0) {
			this.credit = Math.min(
				this.credit + ((now - this.lastTick) / 1000) * this.stepsPerSecond,
				this.stepsPerSecond
			);
			n = Math.min(n, Math.floor(this.credit));
			this.credit -= n;
		}
		this.lastTick = now;
		return n;
	}

	/** `steps` steps took `ms` milliseconds: updates the measured cost of a step. */
	measured(steps: number, ms: number): void {
		const per = ms / Math.max(1, steps);
		if (steps > 0 && per > 0) this.ms = 0.8 * this.ms + 0.2 * per;
	}

	/**
	 * How long to wait before the next slice (ms), or null to run it as soon as pending
	 * messages are handled. Speed-limited with no step due: sleep until the next one is due
	 * instead of spinning (at least 1 ms, at most a display frame).
	 */
	delayUntilNext(): number | null {
		if (!(this.stepsPerSecond > 0 && this.credit < 1)) return null;
		const wait = ((1 - this.credit) / this.stepsPerSecond) * 1000;
		return Math.min(1000 / SNAPSHOT_HZ, Math.max(1, wait));
	}

	/**
	 * The least time between two snapshots while playing (ms): display rate, or longer when a
	 * readout is costly.
	 */
	get snapshotInterval(): number {
		return Math.max(1000 / SNAPSHOT_HZ, SNAPSHOT_COST_FACTOR * this.snapshotMs);
	}

	/** Whether display rate allows a snapshot at `now`. */
	snapshotDue(now: number): boolean {
		return now - this.lastSnapshotAt >= this.snapshotInterval;
	}

	/** Whether a snapshot at `now` reads the angle statistics (always when `force`d). */
	statsDue(now: number, force: boolean): boolean {
		return force || now - this.lastStatsAt >= STATS_INTERVAL_MS;
	}

	/** A snapshot was read out from `start` to `end` (ms), with statistics when `stats`. */
	snapshotTaken(start: number, end: number, stats: boolean): void {
		this.snapshotMs = end - start;
		this.lastSnapshotAt = start;
		if (stats) this.lastStatsAt = start;
	}
}
