/**
 * Batch assembly: which training rows the next batch takes (plain batches from
 * `BatchSampler`, P×K batches from `PKSampler`) and that batch as tensors, copied on the
 * host into reused arrays. Its position is what a checkpoint saves to replay the same
 * batches after a rollback.
 */
import { tf } from './tf';
import { BatchSampler, PKSampler, type BatchPosition } from './batches';

/** Where both samplers stand: enough to resume the same batch sequences. */
export interface AssemblyPosition {
	batches: BatchPosition;
	pkBatches: number;
}

export class BatchAssembly {
	private readonly batches: BatchSampler;
	/** P×K batches (contrastive and triplet loss). */
	private readonly pkBatches: PKSampler;
	/** Reused host buffers of one batch (inputs, one-hot rows, classifier rows). */
	private xBatch = new Float32Array(0);
	private yBatch = new Float32Array(0);
	private rowBatch = new Int32Array(0);

	/**
	 * `xHost`: every input, row-major [N·dim]; `rowHost`: the classifier row of every point
	 * [N] (−1 for a held-out class); `split`: 0 marks the training rows, the only ones batched;
	 * `numClasses`: the classifier's rows (the one-hot width).
	 */
	constructor(
		private readonly xHost: Float32Array,
		private readonly rowHost: Int32Array,
		split: ArrayLike<number>,
		private readonly dim: number,
		private readonly numClasses: number,
		seed: number
	) {
		const train: number[] = [];
		for (let i = 0; i < split.length; i++) if (split[i] === 0) train.push(i);
		this.batches = new BatchSampler(Int32Array.from(train), seed);
		this.pkBatches = new PKSampler(Int32Array.from(train), rowHost, seed);
	}

	/** Where the samplers stand (for checkpoints). */
	get position(): AssemblyPosition {
		return { batches: this.batches.position, pkBatches: this.pkBatches.position };
	}

	/** Moves both samplers to a saved position. */
	set position(p: AssemblyPosition) {
		this.batches.position = p.batches;
		this.pkBatches.position = p.pkBatches;
	}

	/** The next plain batch of `size` rows: inputs [B, dim] and one-hot rows [B, K]. */
	plain(size: number): [tf.Tensor2D, tf.Tensor2D] {
		const batch = this.batches.next(size);
		return [this.inputs(batch), this.oneHot(batch)];
	}

	/**
	 * The next P×K batch (P classes, K rows each): inputs [B, dim] and the classifier rows
	 * as int32 labels [B].
	 */
	pk(p: number, k: number): [tf.Tensor2D, tf.Tensor1D] {
		const batch = this.pkBatches.next(p, k);
		if (this.rowBatch.length !== batch.length) this.rowBatch = new Int32Array(batch.length);
		for (let i = 0; i < batch.length; i++) this.rowBatch[i] = this.rowHost[batch[i]];
		return [this.inputs(batch), tf.tensor1d(this.rowBatch, 'int32')];
	}

	// The batch is copied on the host into reused arrays: on tfjs-wasm, tf.gather of a batch
	// from the whole set took ~11 ms a step for 10,000 digits of 196 pixels, filling a typed
	// array ~1 ms (issue 14's measurement). Some backends (cpu) keep the array itself as the
	// tensor's data: safe, because a step disposes its batch before the next one refills them.

	/** The batch's inputs [B, dim]. */
	private inputs(batch: Int32Array): tf.Tensor2D {
		const dim = this.dim;
		const b = batch.length;
		if (this.xBatch.length !== b * dim) this.xBatch = new Float32Array(b * dim);
		const x = this.xBatch;
		for (let i = 0; i < b; i++) {
			const p = batch[i];
			x.set(this.xHost.subarray(p * dim, (p + 1) * dim), i * dim);
		}
		return tf.tensor2d(x, [b, dim]);
	}

	/** The batch's one-hot classifier rows [B, K] (all zero for a held-out class). */
	private oneHot(batch: Int32Array): tf.Tensor2D {
		const k = this.numClasses;
		const b = batch.length;
		if (this.yBatch.length !== b * k) this.yBatch = new Float32Array(b * k);
		const y = this.yBatch;
		y.fill(0);
		for (let i = 0; i < b; i++) {
			const row = this.rowHost[batch[i]];
			if (row >= 0) y[i * k + row] = 1;
		}
		return tf.tensor2d(y, [b, k]);
	}
}
