/**
 * Reads the model's state into a `Snapshot`: features of every point, predictions,
 * normalised class weights and, for 2D inputs, the decision regions over the input square.
 * Two reads from the backend per snapshot; nothing non-finite leaves this function.
 */
import { tf } from './tf';
import { classParams, features, type Layout } from './network';
import type { TrainerOptions } from '../math/settingTypes';
import type { DecisionGrid, Snapshot, SnapshotStats, SubCenterReadout } from './snapshot';
import type { Divergence } from './checkpoint';
import { GRID_EXTENT } from '../math/limits';

import { angleHistograms, normHistogram } from '../math/histograms';
import { angleStats } from '../math/stats';
import { marginBound } from '../math/circle';
import { applyMeanRule, fitMeanRule, type MeanRule } from '../math/nearestMean';
import { isMetricLoss } from '../math/margins';
import { petalWidth } from '../math/petal';
import { geometryReadout } from '../math/geometry';
import type { Dataset } from '../math/datasets';
import { minorityReadout } from '../math/minority';
import { maxOverSubCenters, ownSubCenter, readSubCenters } from './subCenterReadout';

/** Largest grid the trainer computes (a 200 × 200 heat map is plenty for any screen). */
export const MAX_GRID_RESOLUTION = 200;

interface ReadoutInput {
	params: tf.Tensor1D;
	layout: Layout;
	x: tf.Tensor2D;
	dataset: Dataset;
	/** The data class of each classifier row (the seen classes). [K] */
	classes: Int32Array;
	options: TrainerOptions;
	gridResolution: number;
	/** Also compute the angle statistics (a few ms; the loop asks a few times a second). */
	stats: boolean;
	meta: {
		step: number;
		dataVersion: number;
		loss: number | null;
		lambda: number;
		/** Contrastive and triplet loss: the last batch's activity (see `Snapshot.activity`). */
		activity: [number, number] | null;
		backend: string;
		divergence: Divergence | null;
	};
}

/**
 * The plain logits used for prediction (no margin: at test time a class is the nearest
 * weight by angle): softmax Wx + b; the angular heads x·ŵ (the scale does not change argmax).
 * With K sub-centers (`layout.subCenters`) a class's cosine is its sub-centers' largest.
 */
function plainLogits(
	f: tf.Tensor2D,
	W: tf.Tensor2D,
	b: tf.Tensor1D,
	o: TrainerOptions,
	layout: Layout
): tf.Tensor2D {
	if (o.loss === 'softmax') return tf.add(tf.matMul(f, W, false, true), b);
	const wHat = tf.div(W, tf.norm(W, 'euclidean', 1, true));
	const r = tf.norm(f, 'euclidean', 1, true); // [N, 1], used twice
	const cosSub = tf.matMul(tf.div(f, tf.add(r, 1e-12)), wHat, false, true); // [N, C·K]
	const cos = maxOverSubCenters(cosSub, layout.numClasses, layout.subCenters); // [N, C]
	// Confidence uses the head's own scale: s for the normalised heads, ‖x‖ otherwise.
	const scale = o.loss === 'cosface' || o.loss === 'arcface' ? tf.scalar(o.s) : r;
	return tf.mul(cos, scale);
}

/** Replaces non-finite entries by 0 in place and says whether there were any. */
function scrub(a: Float32Array): boolean {
	let bad = false;
	for (let i = 0; i < a.length; i++) {
		if (!Number.isFinite(a[i])) {
			a[i] = 0;
			bad = true;
		}
	}
	return bad;
}

/** Accuracy over the points of one split, or null if it has none. */
function accuracy(pred: Int32Array, d: Dataset, split: number): number | null {
	let hit = 0;
	let n = 0;
	for (let i = 0; i < pred.length; i++) {
		if (d.split[i] !== split) continue;
		n++;
		if (pred[i] === d.labels[i]) hit++;
	}
	return n === 0 ? null : hit / n;
}

/** A res × res grid of input points over GRID_EXTENT², row-major from the top left. */
function gridInputs(res: number): tf.Tensor2D {
	const [lo, hi] = GRID_EXTENT;
	const pts = new Float32Array(res * res * 2);
	for (let r = 0; r < res; r++) {
		for (let c = 0; c < res; c++) {
			const i = (r * res + c) * 2;
			pts[i] = lo + ((c + 0.5) / res) * (hi - lo);
			pts[i + 1] = hi - ((r + 0.5) / res) * (hi - lo);
		}
	}
	return tf.tensor2d(pts, [res * res, 2]);
}

function readGrid(input: ReadoutInput, W: tf.Tensor2D, b: tf.Tensor1D, res: number): DecisionGrid {
	const packed = tf.tidy(() => {
		const f = features(input.params, input.layout, gridInputs(res));
		const probs = tf.softmax(plainLogits(f, W, b, input.options, input.layout));
		return tf.stack([tf.cast(tf.argMax(probs, 1), 'float32'), tf.max(probs, 1)]);
	});
	const v = packed.dataSync() as Float32Array;
	packed.dispose();
	const n = res * res;
	const confidence = v.slice(n, 2 * n);
	scrub(confidence);
	return {
		resolution: res,
		extent: [...GRID_EXTENT],
		classes: Uint8Array.from(v.subarray(0, n), (k) => input.classes[k] ?? 0),
		confidence
	};
}

/** The decision regions of the nearest-class-mean rule (the metric losses). */
function readMeanGrid(input: ReadoutInput, rule: MeanRule, res: number): DecisionGrid {
	const f = tf.tidy(() => features(input.params, input.layout, gridInputs(res)));
	const { rows, confidence } = applyMeanRule(rule, f.dataSync() as Float32Array);
	f.dispose();
	return {
		resolution: res,
		extent: [...GRID_EXTENT],
		classes: Uint8Array.from(rows, (k) => input.classes[k] ?? 0),
		confidence
	};
}

/** The classifier row of each training point of a seen class, −1 for every other point. */
function trainingRows(d: Dataset, classes: Int32Array): Int32Array {
	const rowOf = new Map<number, number>();
	classes.forEach((c, k) => rowOf.set(c, k));
	return Int32Array.from(d.labels, (c, i) => (d.split[i] === 0 ? (rowOf.get(c) ?? -1) : -1));
}

/**
 * The metric losses' readout: predictions by the nearest class mean of the training features;
 * `weights` are the means' directions (the mean directions of unit features when the loss
 * trains on them) and `weightNorms` the lengths of the plain means, which `classMeans` holds.
 */
function readMeans(input: ReadoutInput, featureArr: Float32Array, res: number) {
	const { layout, dataset, options: o } = input;
	const dim = layout.featureDim;
	const k = input.classes.length;
	const rows = trainingRows(dataset, input.classes);
	const plain = fitMeanRule(featureArr, dim, rows, k, false);
	const rule = o.unitFeatures ? fitMeanRule(featureArr, dim, rows, k, true) : plain;
	const predicted = applyMeanRule(rule, featureArr).rows;
	const weights = new Float32Array(k * dim);
	const weightNorms = new Float32Array(k);
	for (let r = 0; r < k; r++) {
		const row = rule.means.subarray(r * dim, (r + 1) * dim);
		const len = Math.hypot(...row);
		for (let j = 0; j < dim; j++) weights[r * dim + j] = len > 0 ? row[j] / len : 0;
		weightNorms[r] = Math.hypot(...plain.means.subarray(r * dim, (r + 1) * dim));
	}
	return {
		predictions: Int32Array.from(predicted, (r) => input.classes[r] ?? 0),
		weights,
		weightNorms,
		classMeans: plain.means,
		grid: res > 0 && layout.inputDim === 2 ? readMeanGrid(input, rule, res) : null
	};
}

/** Pairs sampled at most for the statistics: ~10 ms, and plenty for a histogram. */
const STATS_MAX_PAIRS = 150_000;

/**
 * Angle statistics of the seen classes' points (train and test; held-out classes excluded),
 * and the geometry readouts of the same points and of the class `directions` [K·dim] (the
 * unit class weights, or the class mean directions for the metric losses: `energyOf`).
 */
export function featureStats(
	features: Float32Array,
	dim: number,
	d: Dataset,
	step: number,
	directions: { rows: Float32Array; energyOf: 'weights' | 'means' }
): SnapshotStats {
	const keep: number[] = [];
	for (let i = 0; i < d.labels.length; i++) if (d.split[i] !== 2) keep.push(i);
	const f = new Float32Array(keep.length * dim);
	const labels = new Int32Array(keep.length);
	keep.forEach((i, k) => {
		for (let j = 0; j < dim; j++) f[k * dim + j] = features[i * dim + j];
		labels[k] = d.labels[i];
	});
	const opts = { maxPairs: STATS_MAX_PAIRS, seed: step };
	const seen = new Set(labels).size;
	return {
		step,
		angles: angleStats(f, dim, labels, opts),
		histograms: angleHistograms(f, dim, labels, { ...opts, bins: 36 }),
		norms: normHistogram(f, dim, { bins: 30 }),
		bound: marginBound(seen),
		// The same pairs as the angle statistics (same cap and seed).
		geometry: geometryReadout({
			step,
			features: f,
			dim,
			labels,
			pairs: opts,
			directions: directions.rows,
			energyOf: directions.energyOf
		})
	};
}

/** Everything a view needs, as plain finite arrays. */
export function readSnapshot(input: ReadoutInput): Snapshot {
	const { layout, dataset, options: o, meta } = input;
	const res = Math.min(MAX_GRID_RESOLUTION, Math.max(0, Math.floor(input.gridResolution || 0)));
	const metric = isMetricLoss(o.loss);
	const read = metric ? readByMeans(input, res) : readByWeights(input, res);
	// Parameters are finite (the trainer checks), but features can still overflow: never pass NaN on.
	const { features: featureArr, weights, weightNorms, bias, classMeans } = read;
	for (const a of [featureArr, weights, weightNorms, bias, classMeans]) if (a) scrub(a);
	return {
		step: meta.step,
		dataVersion: meta.dataVersion,
		loss: meta.loss !== null && Number.isFinite(meta.loss) ? meta.loss : null,
		trainAccuracy: accuracy(read.predictions, dataset, 0),
		testAccuracy: accuracy(read.predictions, dataset, 1),
		lambda: meta.lambda,
		petalWidth: petalWidth({
			features: featureArr,
			dim: layout.featureDim,
			labels: dataset.labels,
			split: dataset.split,
			directions: weights,
			classes: input.classes
		}),
		lossKind: o.loss,
		m: o.m,
		margins: { m1: o.m1, m2: o.m2, m3: o.m3 },
		s: o.s,
		rule: !metric ? 'weights' : o.unitFeatures ? 'nearestDirection' : 'nearestMean',
		classMeans,
		activity: meta.activity ? [meta.activity[0], meta.activity[1]] : null,
		backend: meta.backend,
		inputDim: layout.inputDim,
		featureDim: layout.featureDim,
		numClasses: layout.numClasses,
		weightClasses: input.classes.slice(),
		features: featureArr,
		predictions: read.predictions,
		weights,
		weightNorms,
		bias,
		grid: read.grid,
		stats: input.stats
			? featureStats(featureArr, layout.featureDim, dataset, meta.step, {
					rows: weights,
					energyOf: metric ? 'means' : 'weights'
				})
			: null,
		status: meta.divergence ? 'diverged' : 'ok',
		message: meta.divergence?.message ?? null,
		divergence: meta.divergence?.context ?? null,
		divergedAt: meta.divergence?.at ?? null,
		subCenters: read.subCenters ?? null,
		// Class imbalance: minority vs majority weights and accuracy (math/minority.ts).
		imbalance: minorityReadout({
			imbalance: dataset.settings?.imbalance ?? 1,
			directions: weights,
			dim: layout.featureDim,
			classes: input.classes,
			predictions: read.predictions,
			labels: dataset.trueLabels ?? dataset.labels,
			split: dataset.split
		})
	};
}

/** What the two prediction rules read: fresh host arrays, owned by the snapshot. */
interface RuleReadout {
	features: Float32Array;
	predictions: Int32Array;
	weights: Float32Array;
	weightNorms: Float32Array;
	bias: Float32Array | null;
	classMeans: Float32Array | null;
	grid: DecisionGrid | null;
	/** Sub-centers (K > 1): see `Snapshot.subCenters`. */
	subCenters?: SubCenterReadout | null;
}

/** Predictions by the class weights (argmax of the plain logits): softmax and the angular heads. */
function readByWeights(input: ReadoutInput, res: number): RuleReadout {
	const { layout, options: o } = input;
	const k = layout.subCenters;
	const { W, b } = tf.tidy(() => classParams(input.params, layout));
	// Sub-centers: each point's nearest sub-center within its training label's class.
	const own = k > 1 ? trainingRows(input.dataset, input.classes) : null;
	const [f, pred, wHat, wNorm, nearest] = tf.tidy(() => {
		const f = features(input.params, layout, input.x);
		const logits = plainLogits(f, W, b, o, layout);
		const norms = tf.norm(W, 'euclidean', 1);
		const wHat = tf.div(W, tf.expandDims(norms, 1)) as tf.Tensor2D;
		const near = own ? ownSubCenter(f, wHat, own, layout.numClasses, k) : tf.zeros([0]);
		return [f, tf.argMax(logits, 1), wHat, norms, near];
	});
	// Classifier rows → data classes (the head has rows for the seen classes only).
	const rows = pred.dataSync() as Int32Array;
	const unit = (wHat.dataSync() as Float32Array).slice();
	const norms = (wNorm.dataSync() as Float32Array).slice();
	// K > 1: one row a class (its dominant sub-center) for the views, every sub-center beside.
	const sub = own
		? readSubCenters({
				wHat: unit,
				norms,
				nearest: nearest.dataSync() as Float32Array,
				rows: own,
				classes: layout.numClasses,
				k,
				dim: layout.featureDim,
				dataset: input.dataset
			})
		: null;
	const out: RuleReadout = {
		features: (f.dataSync() as Float32Array).slice(),
		predictions: Int32Array.from(rows, (k) => input.classes[k] ?? 0),
		weights: sub ? sub.weights : unit,
		weightNorms: sub ? sub.weightNorms : norms,
		bias: o.loss === 'softmax' ? (b.dataSync() as Float32Array).slice() : null,
		classMeans: null,
		grid: res > 0 && layout.inputDim === 2 ? readGrid(input, W, b, res) : null,
		subCenters: sub ? sub.readout : null
	};
	tf.dispose([W, b, f, pred, wHat, wNorm, nearest]);
	return out;
}

/** Predictions by the nearest class mean: the metric losses. */
function readByMeans(input: ReadoutInput, res: number): RuleReadout {
	const f = tf.tidy(() => features(input.params, input.layout, input.x));
	const featureArr = (f.dataSync() as Float32Array).slice();
	f.dispose();
	return { features: featureArr, bias: null, ...readMeans(input, featureArr, res) };
}
