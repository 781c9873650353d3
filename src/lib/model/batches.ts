/**
 * Mini-batch order: each epoch walks a permutation of the training indices that is a pure
 * function of (seed, epoch), so a run is reproducible from its seed and a rollback to any
 * (epoch, cursor) replays exactly the same batches.
 */
import { createRng } from '../math/rng';

/** Where the sampler stands: enough to resume the same batch sequence. */
export interface BatchPosition {
	epoch: number;
	cursor: number;
}

export class BatchSampler {
	private perm: Int32Array;
	private epoch = 0;
	private cursor = 0;

	constructor(
		private readonly indices: Int32Array,
		private readonly seed: number
	) {
		this.perm = this.permutation(0);
	}

	/** The current position (for checkpoints). */
	get position(): BatchPosition {
		return { epoch: this.epoch, cursor: this.cursor };
	}

	/** Moves to a saved position. */
	set position(p: BatchPosition) {
		this.epoch = p.epoch;
		this.cursor = p.cursor;
		this.perm = this.permutation(p.epoch);
	}

	/** The next `size` indices (capped at the number of indices), continuing into the next epoch as needed. */
	next(size: number): Int32Array {
		const out = new Int32Array(Math.min(size, this.indices.length));
		for (let i = 0; i < out.length; i++) {
			if (this.cursor >= this.perm.length) {
				this.epoch++;
				this.cursor = 0;
				this.perm = this.permutation(this.epoch);
			}
			out[i] = this.perm[this.cursor++];
		}
		return out;
	}

	private permutation(epoch: number): Int32Array {
		const rng = createRng((this.seed * 1_000_003 + epoch * 7_919 + 1) % 2 ** 31);
		return Int32Array.from(rng.shuffle(Array.from(this.indices)));
	}
}

/**
 * P×K batches for losses that need positives and negatives in every batch (contrastive,
 * triplet): each batch takes P classes at random (all of them when there are fewer) and K
 * training points of each, without repeats within a class unless it has fewer than K points.
 * P and K may change between batches (they are live settings). Batch t is a pure function of
 * (seed, t, P, K), so the position is the batch count and a rollback replays the same batches.
 */
export class PKSampler {
	private readonly byClass: Int32Array[];
	private count = 0;

	/** `indices`: the training rows; `labels`: every row's class. */
	constructor(
		indices: Int32Array,
		labels: ArrayLike<number>,
		private readonly seed: number
	) {
		const groups = new Map<number, number[]>();
		for (const i of indices) {
			const c = labels[i];
			if (!groups.has(c)) groups.set(c, []);
			(groups.get(c) as number[]).push(i);
		}
		this.byClass = [...groups.keys()]
			.sort((a, b) => a - b)
			.map((c) => Int32Array.from(groups.get(c) as number[]));
	}

	/** Batches drawn so far (for checkpoints). */
	get position(): number {
		return this.count;
	}

	set position(n: number) {
		this.count = n;
	}

	/**
	 * The next batch: min(P, classes) × K row indices, class by class (empty when there are no
	 * training rows). Throws a RangeError for P or K below 1.
	 */
	next(p: number, k: number): Int32Array {
		if (!(p >= 1 && k >= 1)) throw new RangeError(`P×K batches need P, K ≥ 1, not ${p}×${k}.`);
		const rng = createRng((this.seed * 1_000_003 + this.count * 7_919 + 2) % 2 ** 31);
		this.count++;
		const classes = rng.shuffle(this.byClass.map((_, c) => c)).slice(0, p);
		const out = new Int32Array(classes.length * k);
		classes.forEach((c, j) => {
			const order = rng.shuffle(Array.from(this.byClass[c]));
			// Without repeats while the class lasts, then round again.
			for (let r = 0; r < k; r++) out[j * k + r] = order[r % order.length];
		});
		return out;
	}
}
