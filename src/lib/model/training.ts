/**
 * The training loss as ONE differentiable tfjs op: `trainingLoss(...)` returns a function of
 * the flat parameter vector that tf.valueAndGrad can differentiate. Inside, a custom
 * gradient runs the MLP forward, the head's closed-form gradients (fastHead.ts) and the
 * MLP's backward pass as a few dozen whole-batch kernels, instead of letting the gradient
 * tape record (and clone the inputs of) hundreds of small ones. The tape sees one node.
 */
import { tf } from './tf';
import { headGradients } from './fastHead';
import type { HeadOptions } from './heads';
import { classParams, type Layout } from './network';

/** A block of the flat vector as a tensor of the given shape. */
export function block(params: tf.Tensor1D, offset: number, shape: number[]): tf.Tensor {
	const size = shape.reduce((a, b) => a * b, 1);
	const flat = tf.slice(params, offset, size);
	return shape.length === 1 ? flat : tf.reshape(flat, shape);
}

/** The MLP's forward pass with what its backward pass needs (every layer's input and weight). */
export interface MlpForward {
	features: tf.Tensor2D;
	inputs: tf.Tensor[];
	weights: tf.Tensor[];
}

/** Forward: ReLU hidden layers, a linear feature layer (or ReLU with `featureRelu`). */
export function mlpForward(layout: Layout, p: tf.Tensor1D, x: tf.Tensor2D): MlpForward {
	const inputs: tf.Tensor[] = [];
	const weights: tf.Tensor[] = [];
	let a: tf.Tensor = x;
	layout.layers.forEach(({ weight, bias }, i) => {
		const W = block(p, weight.offset, [weight.rows, weight.cols]);
		inputs.push(a);
		weights.push(W);
		const z = tf.add(tf.matMul(a, W), block(p, bias.offset, [bias.cols]));
		a = i === layout.layers.length - 1 && !layout.featureRelu ? z : tf.relu(z);
	});
	return { features: a as tf.Tensor2D, inputs, weights };
}

/**
 * Backward through the MLP from ∂loss/∂features: the gradients of every MLP weight and bias,
 * flattened, in layout order (the class parameters, last in the layout, are not included).
 */
export function mlpBackward(layout: Layout, fwd: MlpForward, df: tf.Tensor2D): tf.Tensor[] {
	const parts: tf.Tensor[] = [];
	// Through the feature layer's ReLU when it has one (zero where a feature is clipped).
	let d: tf.Tensor = layout.featureRelu ? tf.mul(df, tf.step(fwd.features)) : df;
	for (let i = layout.layers.length - 1; i >= 0; i--) {
		// Transposed explicitly: tfjs-wasm's matMul with a transpose flag took 5.9 ms where
		// transpose + matMul took 0.6 ms (256×196 by 256×128, Node, XNNPACK).
		const dW = tf.matMul(tf.transpose(fwd.inputs[i]), d);
		const db = tf.sum(d, 0);
		parts.unshift(tf.reshape(dW, [-1]), db);
		// ReLU's derivative: 1 where the layer's input (a ReLU output) is positive.
		if (i > 0) d = tf.mul(tf.matMul(d, tf.transpose(fwd.weights[i])), tf.step(fwd.inputs[i]));
	}
	return parts;
}

/**
 * Mean loss of the batch (x [B, inputDim], y one-hot [B, C]) under `head`, as a function of
 * the flat parameters, with the exact gradient (the same as autodiff through the MLP and
 * heads.ts: tests check it).
 */
export function trainingLoss(
	layout: Layout,
	x: tf.Tensor2D,
	y: tf.Tensor2D,
	head: HeadOptions
): (params: tf.Tensor1D) => tf.Scalar {
	return tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
		const p = args[0] as tf.Tensor1D;
		const save = args[1] as tf.GradSaveFunc;
		const fwd = mlpForward(layout, p, x);
		const { W, b } = classParams(p, layout);
		// W's rows are the layout's C·K sub-centers: the head reads K from the layout.
		const opts = { ...head, subCenters: layout.subCenters };
		const g = headGradients(fwd.features, W, head.kind === 'softmax' ? b : null, y, opts);
		const parts = mlpBackward(layout, fwd, g.df);
		parts.push(tf.reshape(g.dW, [-1]), g.db ?? tf.zeros([layout.numClasses]));
		const grad = tf.concat(parts);
		save([grad]);
		return {
			value: g.loss,
			gradFunc: (dy: tf.Scalar, saved: tf.Tensor[]) => [tf.mul(dy, saved[0])]
		};
	}) as (params: tf.Tensor1D) => tf.Scalar;
}
