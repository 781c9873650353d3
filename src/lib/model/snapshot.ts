/**
 * What the trainer reports to views: plain arrays and numbers only (no tensors), finite by
 * construction, so a snapshot can cross a worker boundary and reach a view safely.
 */
import type { LossKind } from '../math/margins';
import type { CombinedMargins } from '../math/psi';
import type { DivergenceContext } from '../math/divergence';
import type { AngleHistograms, NormHistogram } from '../math/histograms';
import type { AngleStats } from '../math/stats';
import type { GeometryReadout } from '../math/geometry';
import type { MinorityReadout } from '../math/minority';
import type { SubCenterShares } from '../math/subCenters';

/** The model's decision regions over the 2D input square, as a res × res raster. */
export interface DecisionGrid {
	resolution: number;
	/** The square's extent in input space: [min, max] on both axes. */
	extent: [number, number];
	/** [res·res] predicted data class per cell, row-major from (min, max) at the top left. */
	classes: Uint8Array;
	/** [res·res] softmax probability of the predicted class (plain logits, no margin). */
	confidence: Float32Array;
}

/**
 * Angle statistics of the features (all points with a label), computed in the worker at
 * most a few times a second (pairs are sampled past a cap, so it never stalls training).
 */
export interface SnapshotStats {
	/** The step the statistics describe. */
	step: number;
	angles: AngleStats;
	/** Same-class and different-class pair angles over [0, π]. */
	histograms: AngleHistograms;
	/** Feature norms ‖x‖. */
	norms: NormHistogram;
	/** SphereFace's bound on m for this many classes (2 + √3 for two, 3 for more). */
	bound: number;
	/**
	 * Alignment and uniformity of the same unit features (Wang & Isola 2020), the
	 * hyperspherical energy of the class directions (`weights`: Liu et al. 2018, s = 1) and
	 * that of the regular simplex (math/geometry.ts); finite or null.
	 */
	geometry: GeometryReadout;
}

/** One look at the training state. */
export interface Snapshot {
	/** Completed training steps. */
	step: number;
	/** Incremented whenever the model is rebuilt (new data, dimensions or seed). */
	dataVersion: number;
	/** Mean loss of the last step's batch; null before the first step. */
	loss: number | null;
	/** Accuracy on the train split and on the test split of the seen classes (null if empty). */
	trainAccuracy: number | null;
	testAccuracy: number | null;
	/** λ of the last step (0 unless A-Softmax with annealing or fixed λ). */
	lambda: number;
	/**
	 * The petal width (radians): the 90th percentile of the angle between a test feature and
	 * its own class's direction (`weights`: the class weight, or the class mean direction for
	 * the metric losses), over the test points of the seen classes (`petalWidth` in
	 * math/petal.ts); null without test points.
	 */
	petalWidth: number | null;
	lossKind: LossKind;
	m: number;
	/** The combined head's margins m1, m2, m3 (the settings' values for every loss). */
	margins: CombinedMargins;
	s: number;
	/**
	 * How predictions are made: 'weights' (argmax of the plain logits of the class weights), or
	 * for the metric losses, which have no class weights, the nearest class mean of the
	 * training features: 'nearestMean' by Euclidean distance, 'nearestDirection' by angle (the
	 * loss trains unit-length features). `weights` then holds the means' directions (the mean
	 * directions of the unit features for 'nearestDirection') and `weightNorms` the plain
	 * means' lengths.
	 */
	rule: PredictionRule;
	/** [K·featureDim] the class means of the training features (nearestMean only), row order. */
	classMeans: Float32Array | null;
	/**
	 * Contrastive and triplet loss: what still taught in the last batch, as shares in [0, 1]
	 * (triplet: all valid triplets with a positive hinge, and anchors whose hardest triplet has
	 * one; contrastive: different-class pairs inside the margin, twice). Else null.
	 */
	activity: [number, number] | null;
	/** tfjs backend that computed this snapshot: 'wasm', 'webgl' or 'cpu'. */
	backend: string;
	inputDim: number;
	featureDim: number;
	/** Rows of the classifier: the seen classes only (a held-out class gets no weight). */
	numClasses: number;
	/**
	 * [numClasses] the data class of each classifier row (weights, norms and biases are in
	 * row order; predictions and grid classes are data classes already). The identity when
	 * no class is held out.
	 */
	weightClasses: Int32Array;
	/** [N·featureDim] raw features of every point (train, test and held out), dataset order. */
	features: Float32Array;
	/** [N] predicted data class of every point (argmax of the plain logits, no margin). */
	predictions: Int32Array;
	/** [K·featureDim] class weights, rows normalised to unit length (row k: `weightClasses[k]`). */
	weights: Float32Array;
	/** [K] the raw class weights' norms. */
	weightNorms: Float32Array;
	/** [K] biases (softmax only), else null. */
	bias: Float32Array | null;
	/** The decision regions over the input plane, when asked for and the input is 2D. */
	grid: DecisionGrid | null;
	/** Angle statistics (possibly from a slightly earlier step; see `stats.step`), or null. */
	stats: SnapshotStats | null;
	/** 'diverged': training stopped at the last finite state; `message` says why and what to try. */
	status: 'ok' | 'diverged';
	message: string | null;
	/** The settings the message explains, so a page can write it in its language. */
	divergence: DivergenceContext | null;
	/** The step whose update went non-finite, when diverged. */
	divergedAt: number | null;
	/**
	 * Class imbalance (`DataSettings.imbalance` < 1): the minority and majority classes' mean
	 * pairwise weight angle (class mean directions for the metric losses) and test accuracy
	 * (math/minority.ts, Fang et al. 2021); null when the classes are balanced.
	 */
	imbalance: MinorityReadout | null;
	/**
	 * Sub-centers (K > 1, Deng et al. 2020; model/subCenterReadout.ts): every sub-center, each
	 * class's dominant one (the row `weights` holds) and each training point's nearest one.
	 * Null or absent when K = 1, and for softmax and the metric losses.
	 */
	subCenters?: SubCenterReadout | null;
}

/** A snapshot's sub-center readout (present only when K > 1). */
export interface SubCenterReadout {
	/** Sub-centers per class. */
	k: number;
	/** [C·K·featureDim] every sub-center, unit length; row j·K + k is class row j's sub-center k. */
	subWeights: Float32Array;
	/** [C] per classifier row, the index k of its dominant sub-center (`weights` holds that row). */
	dominant: Int32Array;
	/**
	 * [N] per point, the index of its nearest sub-center within its training label's class;
	 * −1 for test and held-out points.
	 */
	subOf: Int8Array;
	/** Flipped vs clean training points away from their label's dominant sub-center; null without label noise. */
	shares: SubCenterShares | null;
}

/** See `Snapshot.rule`. */
export type PredictionRule = 'weights' | 'nearestMean' | 'nearestDirection';
