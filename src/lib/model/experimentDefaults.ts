/**
 * The open-set sweep's fixed settings: the losses compared, the seen identity counts and the
 * held-out identities scored, the validation seeds, the data, the model every loss shares,
 * its batch (P×K for the pair losses) and the default run length. The protocol they serve is
 * described in experiment.ts.
 */
import type { ExperimentModel } from './experimentRun';
import type { LossSpec } from '../math/experimentTable';
import type { DataSettings } from '../math/settingTypes';
import { DEFAULTS } from '../math/settingsEngine';

/**
 * The paper's comparison: softmax, the Euclidean-margin losses before SphereFace (contrastive,
 * triplet, center loss), modified softmax, A-Softmax m = 1–4, CosFace and ArcFace.
 */
export const DEFAULT_SWEEP: readonly LossSpec[] = Object.freeze([
	{ loss: 'softmax', m: null },
	{ loss: 'contrastive', m: 1 },
	{ loss: 'triplet', m: 1 },
	{ loss: 'center', m: null },
	{ loss: 'modified', m: null },
	{ loss: 'asoftmax', m: 1 },
	{ loss: 'asoftmax', m: 2 },
	{ loss: 'asoftmax', m: 3 },
	{ loss: 'asoftmax', m: 4 },
	{ loss: 'cosface', m: 0.35 },
	{ loss: 'arcface', m: 0.5 }
]);

/** Seen identity counts of the sweep when none are given, and the held-out ones scored. */
export const DEFAULT_IDENTITIES: readonly number[] = Object.freeze([6]);
export const DEFAULT_UNSEEN = 20;

/** Seeds of the validation runs that choose the margins (never a test seed: 1 … 1000). */
export const VALIDATION_SEEDS: readonly number[] = Object.freeze([1001, 1002, 1003, 1004]);

/**
 * The open-set data: identities in 8 dimensions, 200 points each (150 train, 50 test for a
 * seen one). Noise 1 (fixed before any loss was trained): the shared nuisance moves a point
 * as far as two identities are apart, so cosine on the raw inputs verifies poorly, as raw
 * pixels do for faces, and what the features add (or lose) shows. Classes and held-out
 * identities are set per identity count (`identityData`), the seed per run.
 */
export const EXPERIMENT_DATA: Readonly<Omit<DataSettings, 'seed' | 'classes' | 'heldOut'>> =
	Object.freeze({
		generator: 'identities',
		inputDim: 8,
		noise: 1,
		pointsPerClass: 200,
		testFraction: 0.25,
		imbalance: 1,
		labelNoise: 0
	});

/** Classes and held-out classes for `seen` trained identities and `unseen` new people. */
export function identityData(
	seen: number,
	unseen: number
): Pick<DataSettings, 'classes' | 'heldOut'> {
	return { classes: unseen + seen, heldOut: Array.from({ length: unseen }, (_, k) => k) };
}

/** Feature vectors per training step, for every loss. */
export const EXPERIMENT_BATCH = 128;

/**
 * The P×K batch of the pair losses for `identities` seen classes: P·K = EXPERIMENT_BATCH,
 * P = 8 classes of K = 16 points, or 4 × 32 when there are fewer than 8 classes.
 */
export function pkFor(identities: number): { pkClasses: number; pkPerClass: number } {
	const pkClasses = identities >= 8 ? 8 : 4;
	return { pkClasses, pkPerClass: EXPERIMENT_BATCH / pkClasses };
}

/**
 * The model settings every loss shares; features on the sphere (3D, more room than 2D).
 * Contrastive and triplet loss train on unit-length features (the sphere every other loss
 * but softmax and center loss is scored on), triplet with batch-hard mining (Hermans et al.
 * 2017: P×K batches, each anchor's hardest positive and negative).
 */
export const EXPERIMENT_MODEL: Readonly<ExperimentModel> = Object.freeze({
	featureDim: 3,
	hiddenLayers: 2,
	hiddenUnits: 32,
	featureRelu: false,
	// Each run trains one loss from its seed; nothing switches the loss mid-run.
	keepWeights: false,
	s: 16,
	lambdaMode: 'official',
	lambdaFixed: 5,
	lambdaMin: 5,
	// 0 here: every run sets the floor step from its own length (floorStepFor).
	lambdaFloorAt: 0,
	learningRate: 0.01,
	batchSize: EXPERIMENT_BATCH,
	weightDecay: 0.01,
	mining: 'hard',
	unitFeatures: true,
	...pkFor(8),
	centerLambda: DEFAULTS.options.centerLambda,
	centerAlpha: DEFAULTS.options.centerAlpha,
	// The combined head's margins are set per run; plain heads (one weight per class).
	m1: DEFAULTS.options.m1,
	m2: DEFAULTS.options.m2,
	m3: DEFAULTS.options.m3,
	subCenters: 1
});

/**
 * Training steps of the default run. On 6 seen identities every loss fits its training set
 * by step 500.
 */
export const DEFAULT_EXPERIMENT_STEPS = 3000;
