/**
 * The trainer: a plain object that owns a model, its data and its optimizer, and trains on
 * request. `step(n)`, `snapshot()`, `setOptions(partial)`, `reset(seed)`, `dispose()`. It never
 * touches the DOM, stores or animation frames; the worker (or a test) drives it.
 *
 * Determinism: data, initial weights and batch order come from the seed through the seeded
 * RNG, so the same seed and settings give the same steps on the same backend.
 * Divergence: a non-finite loss or parameter rolls back to the last finite state, pinpoints
 * the step that broke, and pauses with a plain-language reason until settings change or reset.
 */
import { tf } from './tf';
import { FlatAdam, type AdamState } from './adam';
import { BatchSampler, PKSampler, type BatchPosition } from './batches';
import type { HeadOptions } from './heads';
import { features, initParams, makeLayout, type Layout } from './network';
import { trainingLoss } from './training';
import { centerLossStep, pairLossStep, type MetricStep, type PairLoss } from './metricTraining';
import { clampTrainerOptions, needsRebuild, type TrainerOptions } from './options';
import { readSnapshot } from './readout';
import { divergenceMessage, type Snapshot } from './snapshot';
import type { DataChoice } from './protocol';
import {
	createRng,
	datasetProblem,
	headClasses,
	isMetricLoss,
	lambdaForStep,
	needsPairs,
	scheduleFor,
	type Dataset,
	type LambdaSchedule
} from '../math/index';
import { datasetOf, type DataSources } from './dataSources';

/** State saved at the end of every finite chunk of steps, to roll back to on divergence. */
interface Checkpoint {
	params: tf.Tensor1D;
	adam: AdamState;
	step: number;
	batches: BatchPosition;
	pkBatches: number;
	centers: tf.Tensor2D;
	loss: number | null;
	lambda: number;
	activity: [number, number] | null;
}

/** The outcome of `step(n)`. */
export interface StepReport {
	/** Steps actually completed (fewer than asked when training diverged). */
	steps: number;
	loss: number | null;
	diverged: boolean;
}

/** The largest n one `step(n)` call runs (a guard against a bad message freezing the worker). */
export const MAX_STEPS_PER_CALL = 10_000;

/** A step's loss and, for the pair losses when asked, its batch activity [2] (see `batchActivity`). */
interface StepTensors {
	loss: tf.Scalar;
	activity: tf.Tensor1D | null;
}

export class Trainer {
	private opts: TrainerOptions;
	private dataset!: Dataset;
	private layout!: Layout;
	private params!: tf.Tensor1D;
	private adam!: FlatAdam;
	/** Every input [N, inputDim] as a tensor (snapshots and `embed` read features of all). */
	private xAll!: tf.Tensor2D;
	/** The same inputs on the host, row-major [N·inputDim]: batches are copied from here. */
	private xHost!: Float32Array;
	/** The classifier row of every point [N] (−1 for a held-out class), for one-hot batches. */
	private rowHost!: Int32Array;
	/** The data class of each classifier row: the seen classes, in order (`headClasses`). */
	private classes!: Int32Array;
	private batches!: BatchSampler;
	/** P×K batches (contrastive and triplet loss). */
	private pkBatches!: PKSampler;
	/** Center loss: the class centres [K, featureDim], updated by Algorithm 1 (not by Adam). */
	private centers!: tf.Tensor2D;
	/** Reused host buffers of one batch (inputs, one-hot rows, classifier rows). */
	private xBatch = new Float32Array(0);
	private yBatch = new Float32Array(0);
	private rowBatch = new Int32Array(0);
	/** Contrastive and triplet: what still teaches in the last chunk's last batch (`batchActivity`). */
	private lastActivity: [number, number] | null = null;
	private stepCount = 0;
	private lastLoss: number | null = null;
	private lastLambda = 0;
	private checkpoint: Checkpoint | null = null;
	private divergence: { at: number; message: string } | null = null;
	private version = 0;
	private disposed = false;
	/** A data set given directly (upload, drawing) instead of generated from the options. */
	private custom: Dataset | null = null;
	/** Notices from clamping the options given to the constructor. */
	readonly notices: string[];
	/** No view draws this trainer's features (the open-set sweep): wider limits apply. */
	private readonly headless: boolean;
	/** Data read from files rather than generated (the digits), shared with the caller. */
	private readonly sources: DataSources;

	/**
	 * `headless`: a trainer whose features no view draws (the open-set sweep), so its feature
	 * dimension may go up to MAX_FEATURE_DIM instead of the views' 2 or 3.
	 */
	constructor(
		options?: unknown,
		{ headless = false, sources = {} }: { headless?: boolean; sources?: DataSources } = {}
	) {
		this.headless = headless;
		this.sources = sources;
		const { options: clamped, notices } = clampTrainerOptions(options, undefined, { headless });
		this.opts = clamped;
		this.notices = notices;
		this.build();
	}

	/** The current (clamped) options. */
	get options(): TrainerOptions {
		return structuredClone(this.opts);
	}

	/** The data set being trained on. */
	get data(): Dataset {
		return this.dataset;
	}

	/**
	 * The data class of each row of the classifier: the seen classes only (strict open-set
	 * protocol, see `headClasses`). A held-out class has no row.
	 */
	get headClasses(): Int32Array {
		return this.classes.slice();
	}

	/** Completed training steps. */
	get steps(): number {
		return this.stepCount;
	}

	/** Whether training is paused by a divergence. */
	get diverged(): boolean {
		return this.divergence !== null;
	}

	/** Runs up to n training steps; stops early (and rolls back) if training diverges. */
	step(n = 1): StepReport {
		this.assertAlive();
		const count = Math.max(0, Math.min(MAX_STEPS_PER_CALL, Math.floor(Number.isFinite(n) ? n : 0)));
		if (this.divergence || count === 0)
			return { steps: 0, loss: this.lastLoss, diverged: this.diverged };
		const start = this.stepCount;
		let last: StepTensors | null = null;
		for (let i = 0; i < count; i++) {
			const out = this.trainStep(i === count - 1);
			if (last) tf.dispose([last.loss, ...(last.activity ? [last.activity] : [])]);
			last = out;
		}
		const done = last as StepTensors;
		const [lossValue, paramSum, activity] = this.readHealth(done.loss, done.activity);
		tf.dispose([done.loss, ...(done.activity ? [done.activity] : [])]);
		if (Number.isFinite(lossValue) && Number.isFinite(paramSum)) {
			this.lastLoss = lossValue;
			this.lastActivity = activity;
			this.saveCheckpoint();
			return { steps: count, loss: lossValue, diverged: false };
		}
		const diverged = this.findDivergence(count);
		return { steps: this.stepCount - start, loss: this.lastLoss, diverged };
	}

	/**
	 * Changes settings: the worker's one clamp (notices say what changed). Loss, m, s, λ,
	 * learning rate and batch size apply from the next step and keep the weights; data,
	 * dimensions, architecture or seed rebuild the model. `source` says what to train on:
	 * 'custom' (or left out) keeps a given data set (an upload, a drawing) while other options
	 * change; 'generated' or 'digits' go back to the data the options describe (a rebuild).
	 * Any change also lifts a divergence pause (the new settings may train fine).
	 */
	setOptions(partial: unknown, source?: DataChoice): { rebuilt: boolean; notices: string[] } {
		this.assertAlive();
		const { options, notices } = clampTrainerOptions(partial, this.opts, {
			headless: this.headless
		});
		const leavesCustom = this.custom !== null && source !== undefined && source.kind !== 'custom';
		const rebuilt = needsRebuild(this.opts, options) || leavesCustom;
		if (leavesCustom) this.custom = null;
		this.opts = options;
		if (rebuilt) this.build();
		else this.divergence = null;
		return { rebuilt, notices };
	}

	/** Whether the model trains on a given data set (upload, drawing) rather than `options.data`. */
	get hasCustomData(): boolean {
		return this.custom !== null;
	}

	/**
	 * Trains on a given data set (an upload or a drawing) instead of a generated one, and
	 * rebuilds the model. Rejected with a plain message (and nothing changed) when the
	 * arrays are inconsistent or not finite. `setOptions(options, { kind: 'generated' })` goes back to generated data.
	 */
	loadDataset(d: Dataset): void {
		this.assertAlive();
		const problem = datasetProblem(d);
		if (problem) throw new RangeError(`This data set cannot be trained on: ${problem}.`);
		this.custom = d;
		this.build();
	}

	/** Starts over from fresh weights (with a new seed if given); the data stays unless the seed changes it. */
	reset(seed?: number): void {
		this.assertAlive();
		if (seed !== undefined) {
			this.opts = clampTrainerOptions({ seed }, this.opts, { headless: this.headless }).options;
		}
		this.build();
	}

	/**
	 * The current state as plain arrays; `gridResolution` > 0 adds the 2D decision regions,
	 * `stats` the angle statistics.
	 */
	snapshot(request: { gridResolution?: number; stats?: boolean } = {}): Snapshot {
		this.assertAlive();
		return readSnapshot({
			params: this.params,
			layout: this.layout,
			x: this.xAll,
			dataset: this.dataset,
			classes: this.classes,
			options: this.opts,
			gridResolution: request.gridResolution ?? 0,
			stats: request.stats ?? false,
			meta: {
				step: this.stepCount,
				dataVersion: this.version,
				loss: this.lastLoss,
				// Before the first step, the λ that step 1 will use.
				lambda: this.stepCount === 0 ? this.lambdaForNextStep() : this.lastLambda,
				activity: needsPairs(this.opts.loss) ? this.lastActivity : null,
				backend: tf.getBackend(),
				divergence: this.divergence
			}
		});
	}

	/**
	 * Features [n·featureDim] of any inputs [n, inputDim] under the current weights: points
	 * the trainer does not train on, such as the held-out identities of the open-set protocol.
	 * Non-finite features become 0, as in snapshots.
	 */
	embed(points: ArrayLike<number>): Float32Array {
		this.assertAlive();
		const dim = this.layout.inputDim;
		if (points.length % dim !== 0) {
			throw new RangeError(`${points.length} coordinates are not rows of ${dim} inputs.`);
		}
		const n = points.length / dim;
		if (n === 0) return new Float32Array(0);
		const f = tf.tidy(() =>
			features(this.params, this.layout, tf.tensor2d(Float32Array.from(points), [n, dim]))
		);
		const out = (f.dataSync() as Float32Array).slice();
		f.dispose();
		for (let i = 0; i < out.length; i++) if (!Number.isFinite(out[i])) out[i] = 0;
		return out;
	}

	/** Frees every tensor. The trainer cannot be used afterwards. */
	dispose(): void {
		if (this.disposed) return;
		this.freeModel();
		this.disposed = true;
	}

	// ---------------------------------------------------------------------------------------

	private assertAlive(): void {
		if (this.disposed) throw new Error('This trainer has been disposed.');
	}

	private freeModel(): void {
		if (!this.params) return;
		tf.dispose([this.params, this.xAll, this.centers]);
		this.adam.dispose();
		this.dropCheckpoint();
	}

	/** (Re)creates data, model and optimizer from the options and seed. */
	private build(): void {
		this.freeModel();
		const o = this.opts;
		this.dataset = this.custom ?? datasetOf(o.data, this.sources);
		const d = this.dataset;
		const hidden = Array.from({ length: o.hiddenLayers }, () => o.hiddenUnits);
		const { classes, rowOf } = headClasses(d);
		this.classes = classes;
		this.layout = makeLayout(d.dim, hidden, o.featureDim, classes.length, {
			featureRelu: o.featureRelu
		});
		this.params = tf.tensor1d(initParams(this.layout, createRng(o.seed)));
		this.adam = new FlatAdam(this.layout.size);
		this.xHost = Float32Array.from(d.points);
		this.xAll = tf.tensor2d(this.xHost, [d.labels.length, d.dim]);
		// Held-out rows get −1, an all-zero one-hot row (they are never in a batch anyway).
		this.rowHost = Int32Array.from(d.labels, (l) => rowOf[l] ?? -1);
		this.xBatch = new Float32Array(0);
		this.yBatch = new Float32Array(0);
		const train: number[] = [];
		d.split.forEach((s, i) => {
			if (s === 0) train.push(i);
		});
		this.batches = new BatchSampler(Int32Array.from(train), o.seed);
		this.pkBatches = new PKSampler(Int32Array.from(train), this.rowHost, o.seed);
		this.centers = tf.zeros([classes.length, o.featureDim]);
		this.stepCount = 0;
		this.lastLoss = null;
		this.lastActivity = null;
		this.lastLambda = 0;
		this.divergence = null;
		this.version++;
		this.saveCheckpoint();
	}

	private lambdaSchedule(): LambdaSchedule {
		const o = this.opts;
		return scheduleFor(o.lambdaMode, {
			fixed: o.lambdaFixed,
			min: o.lambdaMin,
			floorAt: o.lambdaFloorAt
		});
	}

	/** λ of the next step (A-Softmax only; 0 otherwise). */
	private lambdaForNextStep(): number {
		// The published schedules increment their counter before use: step 1 uses it = 1.
		return this.opts.loss === 'asoftmax'
			? lambdaForStep(this.lambdaSchedule(), this.stepCount + 1)
			: 0;
	}

	/**
	 * One optimisation step; returns the batch loss and, when `measure` and the loss trains on
	 * pairs, what still teaches in the batch (the caller disposes both).
	 */
	private trainStep(measure = false): StepTensors {
		const o = this.opts;
		const lambda = this.lambdaForNextStep();
		const layout = this.layout;
		let value: tf.Scalar;
		let grad: tf.Tensor1D;
		let activity: tf.Tensor1D | null = null;
		if (isMetricLoss(o.loss)) {
			const step = this.metricStep(measure);
			value = step.loss;
			grad = step.grad;
			activity = step.activity;
			if (step.centers) {
				this.centers.dispose();
				this.centers = step.centers;
			}
		} else {
			const head: HeadOptions = { kind: o.loss, m: o.m, lambda, s: o.s };
			const [xb, yb] = this.batchTensors(this.batches.next(o.batchSize));
			const out = tf.tidy(() => tf.valueAndGrad(trainingLoss(layout, xb, yb, head))(this.params));
			tf.dispose([xb, yb]);
			value = out.value as tf.Scalar;
			grad = out.grad as tf.Tensor1D;
		}
		const next = this.adam.apply(this.params, grad, o.learningRate, o.weightDecay);
		tf.dispose([this.params, grad]);
		this.params = next;
		this.stepCount++;
		this.lastLambda = lambda;
		return { loss: value, activity };
	}

	/** A step of a metric loss: contrastive and triplet on a P×K batch, center loss on a plain one. */
	private metricStep(measure: boolean): MetricStep {
		const o = this.opts;
		if (o.loss === 'center') {
			const [xb, yb] = this.batchTensors(this.batches.next(o.batchSize));
			const loss = { kind: 'center', lambda: o.centerLambda, alpha: o.centerAlpha } as const;
			const out = centerLossStep(this.layout, this.params, xb, yb, this.centers, loss);
			tf.dispose([xb, yb]);
			return out;
		}
		const batch = this.pkBatches.next(o.pkClasses, o.pkPerClass);
		const [xb, yb] = this.batchTensors(batch);
		yb.dispose();
		if (this.rowBatch.length !== batch.length) this.rowBatch = new Int32Array(batch.length);
		for (let i = 0; i < batch.length; i++) this.rowBatch[i] = this.rowHost[batch[i]];
		const labels = tf.tensor1d(this.rowBatch, 'int32');
		const normalize = o.unitFeatures;
		const loss: PairLoss =
			o.loss === 'contrastive'
				? { kind: 'contrastive', margin: o.m, normalize }
				: { kind: 'triplet', margin: o.m, mining: o.mining, normalize };
		const out = pairLossStep(this.layout, this.params, xb, labels, loss, measure);
		tf.dispose([xb, labels]);
		return out;
	}

	/**
	 * The batch's inputs [B, inputDim] and one-hot rows [B, K], copied on the host into
	 * reused arrays: on tfjs-wasm, tf.gather of a batch from the whole set took ~11 ms a step
	 * for 10,000 digits of 196 pixels, filling a typed array ~1 ms (issue 14's measurement).
	 */
	private batchTensors(batch: Int32Array): [tf.Tensor2D, tf.Tensor2D] {
		const dim = this.layout.inputDim;
		const k = this.layout.numClasses;
		const b = batch.length;
		if (this.xBatch.length !== b * dim) this.xBatch = new Float32Array(b * dim);
		if (this.yBatch.length !== b * k) this.yBatch = new Float32Array(b * k);
		const x = this.xBatch;
		const y = this.yBatch;
		y.fill(0);
		for (let i = 0; i < b; i++) {
			const p = batch[i];
			x.set(this.xHost.subarray(p * dim, (p + 1) * dim), i * dim);
			const row = this.rowHost[p];
			if (row >= 0) y[i * k + row] = 1;
		}
		// Some backends (cpu) keep the array itself as the tensor's data: safe, because the
		// step disposes both tensors before the next batch refills the arrays.
		return [tf.tensor2d(x, [b, dim]), tf.tensor2d(y, [b, k])];
	}

	/**
	 * [loss, Σ params (and Σ centres), activity] in one read: the first two finite means the
	 * state is healthy.
	 */
	private readHealth(
		loss: tf.Scalar,
		activity: tf.Tensor1D | null = null
	): [number, number, [number, number] | null] {
		const v = tf.tidy(() =>
			tf
				.concat([
					tf.stack([loss, tf.add(tf.sum(this.params), tf.sum(this.centers))]),
					activity ?? tf.zeros([0])
				])
				.dataSync()
		);
		return [v[0], v[1], activity ? [v[2], v[3]] : null];
	}

	private saveCheckpoint(): void {
		this.dropCheckpoint();
		this.checkpoint = {
			params: tf.clone(this.params),
			adam: this.adam.save(),
			step: this.stepCount,
			batches: this.batches.position,
			pkBatches: this.pkBatches.position,
			centers: tf.clone(this.centers),
			loss: this.lastLoss,
			lambda: this.lastLambda,
			activity: this.lastActivity
		};
	}

	private dropCheckpoint(): void {
		if (!this.checkpoint) return;
		const c = this.checkpoint;
		tf.dispose([c.params, c.adam.m, c.adam.v, c.centers]);
		this.checkpoint = null;
	}

	private restoreCheckpoint(): void {
		const c = this.checkpoint as Checkpoint;
		this.params.dispose();
		this.params = tf.clone(c.params);
		this.adam.restore(c.adam);
		this.stepCount = c.step;
		this.batches.position = c.batches;
		this.pkBatches.position = c.pkBatches;
		this.centers.dispose();
		this.centers = tf.clone(c.centers);
		this.lastLoss = c.loss;
		this.lastLambda = c.lambda;
		this.lastActivity = c.activity;
	}

	/**
	 * A chunk went non-finite: roll back to the checkpoint and replay one step at a time
	 * (deterministic, so the same step breaks again) to stop at the last finite state.
	 */
	private findDivergence(maxSteps: number): boolean {
		this.restoreCheckpoint();
		// Bounded: should a replay not break again (it is deterministic, so it should), the
		// chunk's steps have been redone with every state checked, which is just as good.
		for (let i = 0; i < maxSteps; i++) {
			const out = this.trainStep();
			const [lossValue, paramSum] = this.readHealth(out.loss);
			out.loss.dispose();
			if (!Number.isFinite(lossValue) || !Number.isFinite(paramSum)) {
				const at = this.stepCount;
				this.restoreCheckpoint();
				const o = this.opts;
				this.divergence = {
					at,
					message: divergenceMessage({
						step: at,
						lossKind: o.loss,
						m: o.m,
						lambda: o.loss === 'asoftmax' ? lambdaForStep(this.lambdaSchedule(), at) : 0,
						lambdaMode: o.lambdaMode,
						learningRate: o.learningRate,
						s: o.s
					})
				};
				return true;
			}
			this.lastLoss = lossValue;
			this.saveCheckpoint();
		}
		return false;
	}
}
