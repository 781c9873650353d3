/**
 * The MLP from input (2D/3D) to feature (2D circle / 3D sphere), with the class weights W and
 * biases b of the head, all packed in ONE flat parameter vector. For a model this small the
 * cost of a training step is per-op overhead, not arithmetic: one vector means one fused Adam
 * update (about a dozen kernels) instead of a dozen kernels per variable.
 */
import { tf } from './tf';
import type { Rng } from '../math/rng';

/** One block of the flat vector: a matrix [rows, cols] or a vector [cols] (rows = 0). */
export interface Block {
	offset: number;
	rows: number;
	cols: number;
}

/** Where every parameter lives in the flat vector. */
export interface Layout {
	inputDim: number;
	featureDim: number;
	numClasses: number;
	/**
	 * Hidden and feature layers: weights [in, out] and bias [out]. The last one is linear
	 * unless `featureRelu`.
	 */
	layers: { weight: Block; bias: Block }[];
	/** A ReLU on the feature layer too (SphereFace's Appendix A pitfall). */
	featureRelu: boolean;
	/**
	 * Sub-centers per class K (Deng et al. 2020, sub-center ArcFace); 1 = one weight a class.
	 * Every head but softmax scores class j by max_k cos(x, ŵ_jk).
	 */
	subCenters: number;
	/** Class weights W [C·K, D]: row j·K + k is class j's sub-center k. */
	classWeights: Block;
	/** Class biases b [C] (used by softmax only; stays at 0 under the other heads). */
	classBias: Block;
	/** Total number of parameters. */
	size: number;
}

/**
 * The parameter layout of an MLP inputDim → hidden… → featureDim with a C-class head of
 * `subCenters` weights a class (1 unless the head has sub-centers).
 */
export function makeLayout(
	inputDim: number,
	hidden: readonly number[],
	featureDim: number,
	numClasses: number,
	{ featureRelu = false, subCenters = 1 }: { featureRelu?: boolean; subCenters?: number } = {}
): Layout {
	if (!Number.isInteger(subCenters) || subCenters < 1)
		throw new RangeError(`subCenters = ${subCenters} must be a positive integer.`);
	let offset = 0;
	const block = (rows: number, cols: number): Block => {
		const b = { offset, rows, cols };
		offset += Math.max(rows, 1) * cols;
		return b;
	};
	const sizes = [inputDim, ...hidden, featureDim];
	const layers = sizes
		.slice(1)
		.map((out, i) => ({ weight: block(sizes[i], out), bias: block(0, out) }));
	const classWeights = block(numClasses * subCenters, featureDim);
	const classBias = block(0, numClasses);
	return {
		inputDim,
		featureDim,
		numClasses,
		layers,
		featureRelu,
		subCenters,
		classWeights,
		classBias,
		size: offset
	};
}

/**
 * Initial parameters from the seeded RNG (not tfjs's random ops, so a seed means the same
 * start on every backend): He-normal for ReLU layers, Glorot-normal for the linear feature
 * layer and for W, zero biases. W's sub-centers (rows past C when K > 1) are drawn after
 * the MLP, so K changes neither the MLP's start nor, at K = 1, anything at all.
 */
export function initParams(layout: Layout, rng: Rng): Float32Array {
	const p = new Float32Array(layout.size);
	const fill = (b: Block, std: number) => {
		for (let i = 0; i < b.rows * b.cols; i++) p[b.offset + i] = std * rng.normal();
	};
	layout.layers.forEach(({ weight }, i) => {
		const last = i === layout.layers.length - 1;
		fill(weight, last ? Math.sqrt(2 / (weight.rows + weight.cols)) : Math.sqrt(2 / weight.rows));
	});
	fill(layout.classWeights, Math.sqrt(2 / (layout.classWeights.rows + layout.classWeights.cols)));
	return p;
}

/** A matrix block of the flat vector as a [rows, cols] tensor. */
function matrix(params: tf.Tensor1D, b: Block): tf.Tensor2D {
	return tf.reshape(tf.slice(params, b.offset, b.rows * b.cols), [b.rows, b.cols]);
}

/** A vector block as a [cols] tensor. */
function vector(params: tf.Tensor1D, b: Block): tf.Tensor1D {
	return tf.slice(params, b.offset, b.cols);
}

/**
 * Features [N, D] of inputs [N, inputDim]: ReLU hidden layers, then a linear feature layer
 * (or a ReLU one, `layout.featureRelu`).
 */
export function features(params: tf.Tensor1D, layout: Layout, x: tf.Tensor2D): tf.Tensor2D {
	let h = x;
	layout.layers.forEach(({ weight, bias }, i) => {
		const last = i === layout.layers.length - 1;
		// One fused kernel for matMul + bias (+ ReLU) instead of three.
		h = tf.fused.matMul({
			a: h,
			b: matrix(params, weight),
			bias: vector(params, bias),
			activation: last && !layout.featureRelu ? 'linear' : 'relu'
		}) as tf.Tensor2D;
	});
	return h;
}

/** The head's raw class weights W [C·K, D] (row j·K + k: class j, sub-center k) and biases b [C]. */
export function classParams(
	params: tf.Tensor1D,
	layout: Layout
): { W: tf.Tensor2D; b: tf.Tensor1D } {
	return { W: matrix(params, layout.classWeights), b: vector(params, layout.classBias) };
}
