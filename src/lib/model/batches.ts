/**
 * Mini-batch order: each epoch walks a permutation of the training indices that is a pure
 * function of (seed, epoch), so a run is reproducible from its seed and a rollback to any
 * (epoch, cursor) replays exactly the same batches.
 */
import { createRng } from '../math/index';

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
