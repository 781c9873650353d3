/**
 * The trainer: a plain object that owns a model, its data and its optimizer, and trains on
 * request. `step(n)`, `snapshot()`, `setOptions(partial)`, `reset(seed)`, `dispose()`. It never
 * touches the DOM, stores or animation frames; the worker (or a test) drives it. This file is
 * its lifecycle; one step of each loss is lossStep.ts's, the rollback checkpoint.ts's.
 *
 * Determinism: data, initial weights and batch order come from the seed through the seeded
 * RNG, so the same seed and settings give the same steps on the same backend.
 * Divergence: a non-finite loss or parameter rolls back to the last finite state, pinpoints
 * the step that broke, and pauses with a plain-language reason until settings change or reset.
 */
import { NoticeError, because, notice, type Notice } from '../math/notice';
import { tf } from './tf';
import { FlatAdam } from './adam';
import { BatchAssembly } from './batchAssembly';
import { Checkpoint, findDivergence, readHealth, type Divergence } from './checkpoint';
import { lambdaAt, trainStep, type StepTensors, type TrainState } from './lossStep';
import { features, initParams, makeLayout, type Layout } from './network';
import { clampTrainerOptions, needsRebuild } from './options';
import type { TrainerOptions } from '../math/settingTypes';
import { readSnapshot } from './readout';
import type { Snapshot } from './snapshot';
import type { DataChoice } from './protocol';
import { createRng } from '../math/rng';
import { datasetProblem, headClasses, type Dataset } from '../math/datasets';
import { needsPairs } from '../math/margins';
import { subCentersFor } from '../math/subCenters';
import { datasetOf, type DataSources } from './dataSources';

/** The outcome of `step(n)`. */
export interface StepReport {
	/** Steps actually completed (fewer than asked when training diverged). */
	steps: number;
	loss: number | null;
	diverged: boolean;
}

/** The largest n one `step(n)` call runs (a guard against a bad message freezing the worker). */
export const MAX_STEPS_PER_CALL = 10_000;

export class Trainer {
	private opts: TrainerOptions;
	private dataset!: Dataset;
	private layout!: Layout;
	/** Every input [N, inputDim] as a tensor (snapshots and `embed` read features of all). */
	private xAll!: tf.Tensor2D;
	/** The data class of each classifier row: the seen classes, in order (`headClasses`). */
	private classes!: Int32Array;
	/** Weights, centres, optimizer, batches and the last step's readings (lossStep.ts). */
	private state!: TrainState;
	private readonly checkpoint = new Checkpoint();
	private divergence: Divergence | null = null;
	private version = 0;
	private disposed = false;
	/** A data set given directly (upload, drawing) instead of generated from the options. */
	private custom: Dataset | null = null;
	/** Notices from clamping the options given to the constructor. */
	readonly notices: Notice[];
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
		return this.state.step;
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
			return { steps: 0, loss: this.state.loss, diverged: this.diverged };
		const s = this.state;
		const start = s.step;
		let last: StepTensors | null = null;
		for (let i = 0; i < count; i++) {
			const out = trainStep(s, this.layout, this.opts, i === count - 1);
			if (last) tf.dispose([last.loss, ...(last.activity ? [last.activity] : [])]);
			last = out;
		}
		const done = last as StepTensors;
		const [lossValue, paramSum, activity] = readHealth(s, done.loss, done.activity);
		tf.dispose([done.loss, ...(done.activity ? [done.activity] : [])]);
		if (Number.isFinite(lossValue) && Number.isFinite(paramSum)) {
			s.loss = lossValue;
			s.activity = activity;
			this.checkpoint.save(s);
			return { steps: count, loss: lossValue, diverged: false };
		}
		this.divergence = findDivergence(s, this.checkpoint, this.layout, this.opts, count);
		return { steps: s.step - start, loss: s.loss, diverged: this.diverged };
	}

	/**
	 * Changes settings: the worker's one clamp (notices say what changed). Loss, m, s, λ,
	 * learning rate and batch size apply from the next step and keep the weights; data,
	 * dimensions, architecture or seed rebuild the model. `source` says what to train on:
	 * 'custom' (or left out) keeps a given data set (an upload, a drawing) while other options
	 * change; 'generated' or 'digits' go back to the data the options describe (a rebuild).
	 * Any change also lifts a divergence pause (the new settings may train fine).
	 */
	setOptions(partial: unknown, source?: DataChoice): { rebuilt: boolean; notices: Notice[] } {
		this.assertAlive();
		const { options, notices } = clampTrainerOptions(partial, this.opts, {
			headless: this.headless
		});
		const leavesCustom = this.custom !== null && source !== undefined && source.kind !== 'custom';
		// A loss kept live (keepWeights) that has sub-centers where the last had none, or the
		// reverse, needs class weights of another shape.
		const reshaped = subCentersFor(options.loss, options.subCenters) !== this.layout.subCenters;
		const rebuilt = needsRebuild(this.opts, options) || leavesCustom || reshaped;
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
	 * rebuilds the model. Rejected with a NoticeError (and nothing changed) when the arrays are
	 * inconsistent or not finite: 'dataCannotTrain', its cause the reason (`datasetProblem`). `setOptions(options, { kind: 'generated' })` goes back to generated data.
	 */
	loadDataset(d: Dataset): void {
		this.assertAlive();
		const problem = datasetProblem(d);
		if (problem) throw new NoticeError(because(notice('dataCannotTrain'), problem));
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
			params: this.state.params,
			layout: this.layout,
			x: this.xAll,
			dataset: this.dataset,
			classes: this.classes,
			options: this.opts,
			gridResolution: request.gridResolution ?? 0,
			stats: request.stats ?? false,
			meta: {
				step: this.state.step,
				dataVersion: this.version,
				loss: this.state.loss,
				// Before the first step, the λ that step 1 will use.
				lambda: this.state.step === 0 ? lambdaAt(this.opts, 1) : this.state.lambda,
				activity: needsPairs(this.opts.loss) ? this.state.activity : null,
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
			features(this.state.params, this.layout, tf.tensor2d(Float32Array.from(points), [n, dim]))
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
		if (!this.state) return;
		tf.dispose([this.state.params, this.xAll, this.state.centers]);
		this.state.adam.dispose();
		this.checkpoint.dispose();
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
		const layout = makeLayout(d.dim, hidden, o.featureDim, classes.length, {
			featureRelu: o.featureRelu,
			subCenters: subCentersFor(o.loss, o.subCenters)
		});
		this.layout = layout;
		const params = tf.tensor1d(initParams(layout, createRng(o.seed)));
		const xHost = Float32Array.from(d.points);
		this.xAll = tf.tensor2d(xHost, [d.labels.length, d.dim]);
		// Held-out rows get −1, an all-zero one-hot row (they are never in a batch anyway).
		const rowHost = Int32Array.from(d.labels, (l) => rowOf[l] ?? -1);
		const { inputDim, numClasses } = layout;
		this.state = {
			params,
			centers: tf.zeros([classes.length, o.featureDim]),
			adam: new FlatAdam(layout.size),
			batches: new BatchAssembly(xHost, rowHost, d.split, inputDim, numClasses, o.seed),
			step: 0,
			loss: null,
			lambda: 0,
			activity: null
		};
		this.divergence = null;
		this.version++;
		this.checkpoint.save(this.state);
	}
}
