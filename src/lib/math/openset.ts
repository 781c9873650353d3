/**
 * Open-set recognition metrics, as in SphereFace §4: classes held out of training can only
 * be told apart by the feature geometry, so we score them by cosine similarity alone. The
 * open-set panel's report in one call: verification (verification.ts: every pair of the
 * rows, then roc.ts's ROC, AUC, best-threshold accuracy and TAR at a fixed FAR),
 * identification (identification.ts: rank-1 on a gallery/probe split) and the pair angle
 * densities, on the held-out rows or on the seen classes' test rows. Every result that has
 * no value (no pairs, no probes, a single class) is `null`, never NaN, so nothing undefined
 * reaches a view.
 */
import { rank1, type Rank1Result } from './identification';
import {
	bestFromSweep,
	compactRoc,
	farOption,
	intOption,
	rocFromSweep,
	ROC_VIEW_POINTS,
	rocSweep,
	tarAtFar,
	type CompactRoc
} from './roc';
import { SPLIT } from './split';
import { rowCount, type FeatureRows, type LabelArray } from './stats';
import {
	DEFAULT_VERIFICATION_PAIRS,
	pairAngleHistograms,
	pairScores,
	type PairAngleDensities
} from './verification';

/** Options of `openSetReport`. */
export interface OpenSetOptions {
	/** Cap on verification pairs and on histogram pairs (default DEFAULT_VERIFICATION_PAIRS). */
	maxPairs?: number;
	/** Seed of pair sampling and of the gallery choice (default 0). */
	seed?: number;
	/** FAR for the TAR@FAR figure (default 1e−2). */
	far?: number;
	galleryPerClass?: number;
	/** Histogram bins (default 36, 5° each). */
	bins?: number;
	/** Points of the compact ROC, 2..ROC_VIEW_POINTS (default ROC_VIEW_POINTS). */
	rocPoints?: number;
	/**
	 * Which rows to score (default SPLIT.heldOut, "new people"); SPLIT.test scores the test
	 * samples of the seen classes ("new photos of known people").
	 */
	split?: number;
}

/** Everything the open-set panel shows, computed on one set of rows (held out by default). */
export interface OpenSetReport {
	/** Held-out rows used, and how many distinct labels they carry. */
	points: number;
	classes: number;
	verification: {
		pairs: number;
		totalPairs: number;
		sampled: boolean;
		positives: number;
		negatives: number;
		undirected: number;
		auc: number | null;
		accuracy: number | null;
		threshold: number | null;
		far: number;
		tar: number | null;
		roc: CompactRoc;
	};
	identification: Rank1Result;
	histograms: PairAngleDensities;
}

/** The two test sets of recognition, scored the same way by cosine similarity alone. */
export interface RecognitionReport {
	/** "New people": the held-out identities, never seen in training (open set). */
	unseen: OpenSetReport;
	/** "New photos of known people": the test samples of the seen identities. */
	seen: OpenSetReport;
}

/**
 * Both test sets at once (`openSetReport` on the held-out rows and on the seen classes' test
 * rows); they never share a row, since a row has one split.
 */
export function recognitionReport(
	features: FeatureRows,
	dim: number,
	labels: LabelArray,
	split: ArrayLike<number>,
	opts: Omit<OpenSetOptions, 'split'> = {}
): RecognitionReport {
	return {
		unseen: openSetReport(features, dim, labels, split, { ...opts, split: SPLIT.heldOut }),
		seen: openSetReport(features, dim, labels, split, { ...opts, split: SPLIT.test })
	};
}

/**
 * The open-set panel in one call, for the worker and the Node experiment: verification
 * (pairs, ROC, AUC, best-threshold accuracy, TAR@FAR), rank-1 identification and pair angle
 * densities, all on the rows with split === opts.split (default SPLIT.heldOut) only. The ROC is returned compact
 * (≤ rocPoints points); AUC and TAR come from the full curve.
 */
export function openSetReport(
	features: FeatureRows,
	dim: number,
	labels: LabelArray,
	split: ArrayLike<number>,
	opts: OpenSetOptions = {}
): OpenSetReport {
	const n = Math.min(rowCount(features, dim, labels), split.length);
	const which = opts.split ?? SPLIT.heldOut;
	const held: number[] = [];
	for (let r = 0; r < n; r++) if (split[r] === which) held.push(r);
	const seed = opts.seed ?? 0;
	const maxPairs = intOption(opts.maxPairs, DEFAULT_VERIFICATION_PAIRS, 1, Number.MAX_SAFE_INTEGER);
	const pairs = pairScores(features, dim, labels, held, { maxPairs, seed });
	const s = rocSweep(pairs.scores, pairs.same);
	const curve = rocFromSweep(s);
	const { accuracy, threshold } = bestFromSweep(s);
	const far = farOption(opts.far);
	const rocPoints = intOption(opts.rocPoints, ROC_VIEW_POINTS, 2, ROC_VIEW_POINTS);
	return {
		points: held.length,
		classes: new Set(held.map((r) => labels[r])).size,
		verification: {
			pairs: pairs.scores.length,
			totalPairs: pairs.total,
			sampled: pairs.sampled,
			positives: curve.positives,
			negatives: curve.negatives,
			undirected: pairs.undirected,
			auc: curve.auc,
			accuracy,
			threshold,
			far,
			tar: tarAtFar(curve, far),
			roc: compactRoc(curve, rocPoints)
		},
		identification: rank1(features, dim, labels, {
			galleryPerClass: opts.galleryPerClass,
			seed,
			indices: held
		}),
		histograms: pairAngleHistograms(features, dim, labels, {
			indices: held,
			bins: opts.bins,
			maxPairs,
			seed
		})
	};
}
