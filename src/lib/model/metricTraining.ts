/**
 * One training step's loss and parameter gradient for the metric losses: contrastive and
 * triplet on the features of a P×K batch (autodiff through metricLosses.ts, then the MLP's
 * backward pass), and center loss as Wen et al. (2016) train it: softmax (fastHead.ts) plus
 * λ_c · Σ‖x_i − c_{y_i}‖²/(2B), with the centres moved by α towards their batch features
 * (Algorithm 1: Δc_j = Σ_{y_i=j}(c_j − x_i)/(1 + n_j), c_j ← c_j − α·Δc_j) rather than by
 * gradient. The class layer (W, b) stays in the flat vector for every loss: contrastive and
 * triplet leave it untouched (gradient 0), center loss trains its softmax with it.
 */
import { tf } from './tf';
import { headGradients } from './fastHead';
import {
	activePairShare,
	activeTripletShareTensor,
	contrastiveLoss,
	tripletLoss,
	type TripletOptions
} from './metricLosses';
import { classParams, type Layout } from './network';
import { mlpBackward, mlpForward } from './training';
import type { TripletMining } from '../math/settingTypes';

export type PairLoss =
	| { kind: 'contrastive'; margin: number; normalize: boolean }
	| { kind: 'triplet'; margin: number; mining: TripletMining; normalize: boolean };

export interface CenterLoss {
	kind: 'center';
	lambda: number;
	alpha: number;
}

/** A step's outcome: the loss, the gradient of the flat parameters, and the new centres. */
export interface MetricStep {
	loss: tf.Scalar;
	grad: tf.Tensor1D;
	/** Center loss: the centres after this batch's update [K, D]; else null. */
	centers: tf.Tensor2D | null;
	/** Requested shares of the batch that still teach (see `batchActivity`) as [2], else null. */
	activity: tf.Tensor1D | null;
}

/** Zero gradient for the class layer (W and b), which contrastive and triplet do not use. */
function classZeros(layout: Layout): tf.Tensor1D {
	return tf.zeros([layout.numClasses * layout.featureDim + layout.numClasses]);
}

/**
 * What still teaches in this batch, as [2]. Triplet loss: the share of all valid triplets with
 * a positive hinge (what random triplets give) and the share of anchors whose hardest triplet
 * has one (what batch-hard mining trains on), whichever mining trains. Contrastive loss: the
 * share of different-class pairs inside the margin (the pairs that push; same-class pairs
 * always pull), twice.
 */
export function batchActivity(f: tf.Tensor2D, labels: tf.Tensor1D, loss: PairLoss): tf.Tensor1D {
	return tf.tidy(() => {
		const { margin, normalize } = loss;
		if (loss.kind === 'contrastive') {
			const pairs = activePairShare(f, labels, { margin, normalize });
			return tf.stack([pairs, pairs]);
		}
		return tf.stack([
			activeTripletShareTensor(f, labels, { margin, normalize, mining: 'all' }),
			activeTripletShareTensor(f, labels, { margin, normalize, mining: 'hard' })
		]);
	}) as tf.Tensor1D;
}

/**
 * Contrastive or triplet loss of a batch (x [B, inputDim], labels int32 [B]) and the exact
 * gradient of the flat parameters. `activity`: also measure `batchActivity` on these features.
 */
export function pairLossStep(
	layout: Layout,
	params: tf.Tensor1D,
	x: tf.Tensor2D,
	labels: tf.Tensor1D,
	loss: PairLoss,
	activity: boolean
): MetricStep {
	const out = tf.tidy(() => {
		const fwd = mlpForward(layout, params, x);
		const lossOf = (f: tf.Tensor): tf.Scalar => {
			const f2 = f as tf.Tensor2D;
			if (loss.kind === 'contrastive')
				return contrastiveLoss(f2, labels, { margin: loss.margin, normalize: loss.normalize });
			const opts: TripletOptions = {
				margin: loss.margin,
				mining: loss.mining,
				normalize: loss.normalize
			};
			return tripletLoss(f2, labels, opts);
		};
		const { value, grad: df } = tf.valueAndGrad(lossOf)(fwd.features);
		const parts = mlpBackward(layout, fwd, df as tf.Tensor2D);
		parts.push(classZeros(layout));
		const kept: Record<string, tf.Tensor> = { loss: value, grad: tf.concat(parts) };
		if (activity) kept.activity = batchActivity(fwd.features, labels, loss);
		return kept;
	});
	return stepOf(out);
}

/** The tensors a tidy kept, as a `MetricStep`. */
function stepOf(kept: Record<string, tf.Tensor>): MetricStep {
	return {
		loss: kept.loss as tf.Scalar,
		grad: kept.grad as tf.Tensor1D,
		centers: (kept.centers as tf.Tensor2D | undefined) ?? null,
		activity: (kept.activity as tf.Tensor1D | undefined) ?? null
	};
}

/**
 * Softmax plus λ_c times center loss for a batch (x [B, inputDim], y one-hot [B, K]) with
 * centres [K, D]: the loss, the gradient of the flat parameters (the centres are not
 * parameters) and the centres after Algorithm 1's update.
 */
export function centerLossStep(
	layout: Layout,
	params: tf.Tensor1D,
	x: tf.Tensor2D,
	y: tf.Tensor2D,
	centers: tf.Tensor2D,
	loss: CenterLoss
): MetricStep {
	const out = tf.tidy(() => {
		const fwd = mlpForward(layout, params, x);
		const f = fwd.features;
		const batch = Math.max(1, f.shape[0]);
		const { W, b } = classParams(params, layout);
		const g = headGradients(f, W, b, y, { kind: 'softmax' });
		// c_{y_i} as one-hot · C (a gather's gradient needs a kernel the wasm backend lacks).
		const own = tf.matMul(y, centers); // [B, D]
		const diff = tf.sub(f, own);
		const center = tf.div(tf.sum(tf.square(diff)), 2 * batch);
		const df = tf.add(g.df, tf.mul(diff, loss.lambda / batch)) as tf.Tensor2D;
		const parts = mlpBackward(layout, fwd, df);
		parts.push(tf.reshape(g.dW, [-1]), g.db ?? tf.zeros([layout.numClasses]));
		// Δc_j = (n_j c_j − Σ_{y_i=j} x_i) / (1 + n_j).
		const counts = tf.expandDims(tf.sum(y, 0), 1); // [K, 1]
		const sums = tf.matMul(tf.transpose(y), f); // [K, D]
		const delta = tf.div(tf.sub(tf.mul(counts, centers), sums), tf.add(counts, 1));
		return {
			loss: tf.add(g.loss, tf.mul(center, loss.lambda)),
			grad: tf.concat(parts),
			centers: tf.sub(centers, tf.mul(delta, loss.alpha))
		};
	});
	return stepOf(out);
}
