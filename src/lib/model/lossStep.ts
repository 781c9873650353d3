/**
 * One training step, and THE one place a loss plugs in: `lossStep` switches on the loss kind
 * to the batch it trains on and the step that gives its loss and gradient (the angular heads
 * through `trainingLoss`, contrastive and triplet through `pairLossStep`, center loss through
 * `centerLossStep`); `trainStep` then applies Adam. A new loss is its settings (its kind in
 * `LOSS_KINDS`, math/margins.ts; rows for its parameters in the settings table,
 * math/settings.ts) plus one `case` here: the switch covers every `LossKind`, so the
 * compiler refuses a kind without its case.
 */
import { tf } from './tf';
import type { FlatAdam } from './adam';
import type { BatchAssembly } from './batchAssembly';
import type { HeadOptions } from './heads';
import type { Layout } from './network';
import type { TrainerOptions } from '../math/settingTypes';
import { trainingLoss } from './training';
import { centerLossStep, pairLossStep, type MetricStep } from './metricTraining';
import { lambdaForStep, scheduleFor } from '../math/lambda';

/** What training changes: the state one step advances and a checkpoint copies. */
export interface TrainState {
	params: tf.Tensor1D;
	/** Center loss: the class centres [K, featureDim], updated by Algorithm 1 (not by Adam). */
	centers: tf.Tensor2D;
	adam: FlatAdam;
	batches: BatchAssembly;
	/** Completed steps. */
	step: number;
	/** The loss after the last finite chunk of steps (null before the first). */
	loss: number | null;
	/** λ of the last step (A-Softmax; 0 otherwise). */
	lambda: number;
	/** Contrastive and triplet: what still teaches in the last chunk's last batch (`batchActivity`). */
	activity: [number, number] | null;
}

/** A step's loss and, for the pair losses when asked, its batch activity [2] (see `batchActivity`). */
export interface StepTensors {
	loss: tf.Scalar;
	activity: tf.Tensor1D | null;
}

/** What a loss's step reads besides the state. */
export interface StepContext {
	layout: Layout;
	options: TrainerOptions;
	/** A-Softmax's λ for this step (`lambdaAt`). */
	lambda: number;
	/** Also measure what still teaches in the batch (contrastive and triplet). */
	measure: boolean;
}

/**
 * λ of step `step` (counted from 1): A-Softmax's annealing schedule, 0 for every other loss.
 * The published schedules increment their counter before use: step 1 uses it = 1.
 */
export function lambdaAt(o: TrainerOptions, step: number): number {
	if (o.loss !== 'asoftmax') return 0;
	const schedule = scheduleFor(o.lambdaMode, {
		fixed: o.lambdaFixed,
		min: o.lambdaMin,
		floorAt: o.lambdaFloorAt
	});
	return lambdaForStep(schedule, step);
}

/**
 * The loss kind's step on its next batch: the loss, the gradient of the flat parameters,
 * new centres (center loss) and the batch activity (pair losses, when measured). The state
 * is read, not changed, except that the batch samplers move on.
 */
export function lossStep(state: TrainState, ctx: StepContext): MetricStep {
	const { layout, options: o, measure } = ctx;
	const { params, batches } = state;
	switch (o.loss) {
		case 'softmax':
		case 'modified':
		case 'asoftmax':
		case 'cosface':
		case 'arcface':
		case 'combined': {
			const head: HeadOptions = {
				kind: o.loss,
				m: o.m,
				lambda: ctx.lambda,
				s: o.s,
				m1: o.m1,
				m2: o.m2,
				m3: o.m3
			};
			return onBatch(batches.plain(o.batchSize), (x, y) => headStep(layout, params, x, y, head));
		}
		case 'contrastive': {
			const loss = { kind: 'contrastive', margin: o.m, normalize: o.unitFeatures } as const;
			return onBatch(batches.pk(o.pkClasses, o.pkPerClass), (x, labels) =>
				pairLossStep(layout, params, x, labels, loss, measure)
			);
		}
		case 'triplet': {
			const loss = {
				kind: 'triplet',
				margin: o.m,
				mining: o.mining,
				normalize: o.unitFeatures
			} as const;
			return onBatch(batches.pk(o.pkClasses, o.pkPerClass), (x, labels) =>
				pairLossStep(layout, params, x, labels, loss, measure)
			);
		}
		case 'center': {
			const loss = { kind: 'center', lambda: o.centerLambda, alpha: o.centerAlpha } as const;
			return onBatch(batches.plain(o.batchSize), (x, y) =>
				centerLossStep(layout, params, x, y, state.centers, loss)
			);
		}
	}
}

/**
 * One optimisation step: the loss's step, then Adam. Returns the batch loss and, when
 * `measure` and the loss trains on pairs, what still teaches in the batch (the caller
 * disposes both).
 */
export function trainStep(
	state: TrainState,
	layout: Layout,
	options: TrainerOptions,
	measure = false
): StepTensors {
	const lambda = lambdaAt(options, state.step + 1);
	const out = lossStep(state, { layout, options, lambda, measure });
	if (out.centers) {
		state.centers.dispose();
		state.centers = out.centers;
	}
	const next = state.adam.apply(state.params, out.grad, options.learningRate, options.weightDecay);
	tf.dispose([state.params, out.grad]);
	state.params = next;
	state.step++;
	state.lambda = lambda;
	return { loss: out.loss, activity: out.activity };
}

/** Runs a step on a batch's tensors, then frees them. */
function onBatch<B extends tf.Tensor[]>(batch: B, step: (...batch: B) => MetricStep): MetricStep {
	const out = step(...batch);
	tf.dispose(batch);
	return out;
}

/** An angular (or plain softmax) head's step: one differentiable op (training.ts). */
function headStep(
	layout: Layout,
	params: tf.Tensor1D,
	x: tf.Tensor2D,
	y: tf.Tensor2D,
	head: HeadOptions
): MetricStep {
	const out = tf.tidy(() => tf.valueAndGrad(trainingLoss(layout, x, y, head))(params));
	return {
		loss: out.value as tf.Scalar,
		grad: out.grad as tf.Tensor1D,
		centers: null,
		activity: null
	};
}
