/**
 * The Euclidean-margin losses SphereFace argues against, as differentiable tfjs ops (true
 * autodiff gradients): contrastive (Hadsell et al. 2006), triplet with batch-all or batch-hard
 * mining (Schroff et al. 2015; Hermans et al. 2017) and center loss (Wen et al. 2016). With
 * u_i = x_i (or x_i/‖x_i‖ when `normalize`), D_ij = ‖u_i − u_j‖² and d_ij = √D_ij:
 *
 *   contrastive   mean over pairs i < j of D_ij (same label) or max(0, margin − d_ij)² (not)
 *   triplet all   mean over valid (a, p ≠ a same label, n other label) of max(0, D_ap − D_an + margin)
 *   triplet hard  mean over anchors with a positive and a negative of
 *                 max(0, max_p D_ap − min_n D_an + margin)
 *   center        Σ_i ‖x_i − c_{y_i}‖² / (2N)
 *
 * No valid pair or triplet gives 0. Coincident points and zero features give finite values and
 * gradients (√ and the normalisation are guarded). Checked against the float64 reference
 * `metric_losses.json` (tests/unit/metricLosses.test.ts).
 */
import { tf } from './tf';

/** Below this D_ij, d_ij = √D_ij is taken as √EPS: its gradient would be infinite at 0. */
const EPS = 1e-12;
/** Out of reach of any squared distance in float32 (finite: 0 · BIG stays 0). */
const BIG = 1e30;

export interface ContrastiveOptions {
	margin: number;
	normalize?: boolean;
}

export interface TripletOptions {
	margin: number;
	mining: 'all' | 'hard';
	normalize?: boolean;
}

/** The embedding: the features, or the features on the unit sphere (0 stays 0). */
function embed(x: tf.Tensor2D, normalize: boolean | undefined): tf.Tensor2D {
	if (!normalize) return x;
	const norm = tf.sqrt(tf.add(tf.sum(tf.square(x), 1, true), EPS));
	return tf.div(x, norm);
}

/** D [N, N]: squared distances, from differences (exactly 0 for coincident points). */
function squaredDistances(u: tf.Tensor2D): tf.Tensor2D {
	const diff = tf.sub(tf.expandDims(u, 1), tf.expandDims(u, 0)); // [N, N, D]
	return tf.sum(tf.square(diff), 2) as tf.Tensor2D;
}

/** same[i, j] = 1 where labels i and j agree (float32 [N, N]). */
function sameLabel(labels: tf.Tensor1D): tf.Tensor2D {
	return tf.cast(tf.equal(tf.expandDims(labels, 1), tf.expandDims(labels, 0)), 'float32');
}

/** Σ values·mask / Σ mask, or 0 when the mask is empty. */
function maskedMean(values: tf.Tensor, mask: tf.Tensor): tf.Scalar {
	const count = tf.sum(mask);
	return tf.div(tf.sum(tf.mul(values, mask)), tf.maximum(count, 1)) as tf.Scalar;
}

/** The pull and push terms of the contrastive loss [N, N], and the mask of pairs i < j. */
function contrastiveTerms(x: tf.Tensor2D, labels: tf.Tensor1D, opts: ContrastiveOptions) {
	const n = x.shape[0];
	const D = squaredDistances(embed(x, opts.normalize));
	const d = tf.sqrt(tf.maximum(D, EPS));
	const same = sameLabel(labels);
	const pull = tf.mul(same, D);
	const gap = tf.sub(opts.margin, d); // > 0: a different-class pair inside the margin
	const push = tf.mul(tf.sub(1, same), tf.square(tf.relu(gap)));
	// Pairs i < j: the strict upper triangle.
	const upper = tf.sub(tf.linalg.bandPart(tf.ones([n, n]), 0, -1), tf.eye(n));
	return { pull, push, gap, same, upper };
}

/** Contrastive loss (Hadsell et al. 2006) over all pairs i < j of the batch. */
export function contrastiveLoss(
	x: tf.Tensor2D,
	labels: tf.Tensor1D,
	opts: ContrastiveOptions
): tf.Scalar {
	return tf.tidy(() => {
		const { pull, push, upper } = contrastiveTerms(x, labels, opts);
		return maskedMean(tf.add(pull, push), upper);
	});
}

/**
 * The share of different-class pairs i < j inside the margin: the pairs that still push
 * (same-class pairs always pull). A scalar tensor; 0 when the batch has no such pair.
 */
export function activePairShare(
	x: tf.Tensor2D,
	labels: tf.Tensor1D,
	opts: ContrastiveOptions
): tf.Scalar {
	return tf.tidy(() => {
		const { gap, same, upper } = contrastiveTerms(x, labels, opts);
		return maskedMean(tf.cast(tf.greater(gap, 0), 'float32'), tf.mul(tf.sub(1, same), upper));
	});
}

/** The masks and hinge of the triplet loss (shared by the loss and its active share). */
function tripletTerms(x: tf.Tensor2D, labels: tf.Tensor1D, opts: TripletOptions) {
	const n = x.shape[0];
	const D = squaredDistances(embed(x, opts.normalize));
	const same = sameLabel(labels);
	const positive = tf.sub(same, tf.eye(n)); // same label, not the anchor itself
	const negative = tf.sub(1, same);
	if (opts.mining === 'all') {
		// [a, p, n]: D_ap − D_an + margin, valid where p is a positive and n a negative of a.
		const hinge = tf.relu(tf.add(tf.sub(tf.expandDims(D, 2), tf.expandDims(D, 1)), opts.margin));
		const valid = tf.mul(tf.expandDims(positive, 2), tf.expandDims(negative, 1));
		return { hinge, valid };
	}
	// Batch-hard: the furthest positive and the closest negative of each anchor. Entries that
	// are not candidates move by a constant out of reach (the masks are exact 0/1, so chosen
	// entries keep their exact value and no gradient flows through the others).
	const big = BIG;
	const hardPos = tf.max(tf.sub(tf.mul(D, positive), tf.mul(tf.sub(1, positive), big)), 1);
	const hardNeg = tf.min(tf.add(D, tf.mul(tf.sub(1, negative), big)), 1);
	const hinge = tf.relu(tf.add(tf.sub(hardPos, hardNeg), opts.margin));
	const valid = tf.mul(
		tf.cast(tf.greater(tf.sum(positive, 1), 0), 'float32'),
		tf.cast(tf.greater(tf.sum(negative, 1), 0), 'float32')
	);
	return { hinge, valid };
}

/** Triplet loss (squared distances) with batch-all or batch-hard mining; 0 with no valid triplet. */
export function tripletLoss(x: tf.Tensor2D, labels: tf.Tensor1D, opts: TripletOptions): tf.Scalar {
	return tf.tidy(() => {
		const { hinge, valid } = tripletTerms(x, labels, opts);
		return maskedMean(hinge, valid);
	});
}

/**
 * The share of valid triplets (batch-all) or anchors (batch-hard) whose hinge is positive:
 * the ones that still teach something. 0 when there is none.
 */
export function activeTripletShare(
	x: tf.Tensor2D,
	labels: tf.Tensor1D,
	opts: TripletOptions
): number {
	const share = activeTripletShareTensor(x, labels, opts);
	const value = share.dataSync()[0];
	share.dispose();
	return value;
}

/** `activeTripletShare` as a scalar tensor (read it with the step's other values). */
export function activeTripletShareTensor(
	x: tf.Tensor2D,
	labels: tf.Tensor1D,
	opts: TripletOptions
): tf.Scalar {
	return tf.tidy(() => {
		const { hinge, valid } = tripletTerms(x, labels, opts);
		return maskedMean(tf.cast(tf.greater(hinge, 0), 'float32'), valid);
	});
}

/** Center loss (Wen et al. 2016): Σ_i ‖x_i − c_{y_i}‖² / (2N), centers [K, D]. */
export function centerLoss(x: tf.Tensor2D, labels: tf.Tensor1D, centers: tf.Tensor2D): tf.Scalar {
	return tf.tidy(() => {
		const n = Math.max(1, x.shape[0]);
		const own = tf.gather(centers, labels);
		return tf.div(tf.sum(tf.square(tf.sub(x, own))), 2 * n) as tf.Scalar;
	});
}
