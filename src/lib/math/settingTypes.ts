/**
 * The types of SphereLab's settings: the data set, the training run, the page and the
 * languages, and the lists of generators and languages. The table that defines each
 * setting's default, limits and control is `SETTINGS` in settings.ts. Pure TypeScript.
 */
import type { LossKind } from './margins';

/**
 * 'rings': concentric rings (2D) / shells (3D); 'sphere': clusters on the unit circle/sphere;
 * 'identities': the open-set family, one random centre per identity in a D-dimensional input
 * space plus nuisance variation shared by all identities (see datasets.ts); 'digits': real
 * handwritten digits (MNIST, 14 × 14 pixels as 196 inputs), read from the site's own asset
 * instead of generated (see io/digits.ts).
 */
export type GeneratorKind = 'blobs' | 'spirals' | 'rings' | 'sphere' | 'identities' | 'digits';

/** Every generator, in menu order. */
export const GENERATOR_KINDS: readonly GeneratorKind[] = Object.freeze([
	'blobs',
	'spirals',
	'rings',
	'sphere',
	'identities',
	'digits'
]);

/** The generators that draw their points (all but the digits, which are read from a file). */
export const TOY_GENERATORS: readonly Exclude<GeneratorKind, 'digits'>[] = Object.freeze(
	GENERATOR_KINDS.filter((k): k is Exclude<GeneratorKind, 'digits'> => k !== 'digits')
);

/** The settings that fully determine a data set. */
export interface DataSettings {
	/** Which toy distribution to draw from. */
	generator: GeneratorKind;
	/** Number of classes, MIN_CLASSES..MAX_CLASSES (2..10). */
	classes: number;
	/** Points drawn per class, 5..2000. */
	pointsPerClass: number;
	/** 0..1, generator-specific spread (0 = tight, 1 = neighbouring classes touch or overlap). */
	noise: number;
	/**
	 * Input dimension: 2 (plane) or 3 (space); the 'identities' generator allows 2..16
	 * (`inputDimLimit`), so views that draw inputs must not assume 2 or 3.
	 */
	inputDim: number;
	/** Integer seed; the same seed gives the same points and split. */
	seed: number;
	/** 0..0.9, fraction of each seen class put in the test split. */
	testFraction: number;
	/** Class indices held out of training entirely (open-set); leaves >= 2 training classes. */
	heldOut: number[];
	/**
	 * Class imbalance: the minority classes (the upper half of the class indices) keep this
	 * share of their training points, 0.05..1 (1 = balanced). Test points stay balanced.
	 */
	imbalance: number;
	/** Label noise: this share of the training labels is flipped to another class, 0..0.5 (seeded). */
	labelNoise: number;
}

/**
 * Triplet mining inside a P×K batch: 'all' averages every valid triplet (most of them
 * already satisfied), 'hard' each anchor's furthest positive against its closest negative.
 */
export type TripletMining = 'all' | 'hard';

/**
 * How λ evolves for A-Softmax: off (pure margin), fixed, one of the published schedules, or
 * 'warmup' (the official curve to its floor, then the pure margin).
 */
export type LambdaMode = 'off' | 'fixed' | 'official' | 'pytorch' | 'warmup';

/** Everything that determines a training run. */
export interface TrainerOptions {
	/** The toy data set (changing it rebuilds the model from the seed). */
	data: DataSettings;
	/**
	 * Feature dimension (rebuilds): 2 = circle, 3 = sphere, the only ones views draw; a
	 * headless trainer (the open-set sweep) may use up to MAX_FEATURE_DIM.
	 */
	featureDim: number;
	/** Hidden layers of the MLP (rebuilds). */
	hiddenLayers: number;
	/** Units per hidden layer (rebuilds). */
	hiddenUnits: number;
	/**
	 * A ReLU on the feature layer too (rebuilds): the pitfall of SphereFace's Appendix A,
	 * features confined to the positive quadrant (octant in 3D). Off: a linear feature layer.
	 */
	featureRelu: boolean;
	/**
	 * Keep the weights when the loss changes (fine-tune the current model) instead of starting
	 * a fresh run from the same seed, the default: the picture of a loss then never depends on
	 * what ran before.
	 */
	keepWeights: boolean;
	/** Seed of the weight initialisation and batch order (rebuilds). */
	seed: number;
	/** The loss: a classifier head or a metric loss (live). */
	loss: LossKind;
	/** Margin: A-Softmax multiplicative m, CosFace/ArcFace additive m (live). */
	m: number;
	/** Combined head s·(cos(m1·θ + m2) − m3): multiplicative angular margin, 1..4 (live). */
	m1: number;
	/** Combined head: additive angular margin, −0.5..1.2 (live). */
	m2: number;
	/** Combined head: additive cosine margin, −0.5..0.8 (live). */
	m3: number;
	/** Sub-centers per class, 1..5 (Deng et al. 2020; 1 = a plain head) (rebuilds). */
	subCenters: number;
	/** Scale s of the normalised heads (live). */
	s: number;
	/** Triplet loss: every valid triplet of the batch ('all') or each anchor's hardest (live). */
	mining: TripletMining;
	/** Contrastive and triplet loss on unit-length features, u = x/‖x‖ (live). */
	unitFeatures: boolean;
	/** P×K batches of contrastive and triplet loss: P classes a batch (live). */
	pkClasses: number;
	/** P×K batches: K training points of each class (live). */
	pkPerClass: number;
	/** Center loss: weight λ_c of the center term beside softmax (live). */
	centerLambda: number;
	/** Center loss: the centres' update rate α (Wen et al. 2016, Algorithm 1) (live). */
	centerAlpha: number;
	/** λ mode for A-Softmax (live). */
	lambdaMode: LambdaMode;
	/** λ when lambdaMode is 'fixed' (live). */
	lambdaFixed: number;
	/** The floor of the annealing schedules (the papers use 5; 0 anneals to the pure margin). */
	lambdaMin: number;
	/**
	 * The step at which the annealing reaches its floor (live): 0 keeps the published clock
	 * (official: step 1659); a run of T steps that anneals as SphereFace's did uses ≈ 0.059·T.
	 */
	lambdaFloorAt: number;
	/** Adam learning rate (live). */
	learningRate: number;
	/** Mini-batch size (live). */
	batchSize: number;
	/**
	 * Decoupled weight decay (AdamW) on every parameter (live). Like SphereFace's weight decay,
	 * it keeps feature norms from growing without bound, so the loss never saturates and the
	 * margin keeps pulling each class tighter.
	 */
	weightDecay: number;
}

/** The two languages of SphereLab's pages. */
export type Lang = 'en' | 'ko';
export const LANGS: readonly Lang[] = Object.freeze(['en', 'ko']);
export function isLang(value: unknown): value is Lang {
	return value === 'en' || value === 'ko';
}

/** A-Softmax margin slider: integers 1–4 (as in the paper) or continuous up to 6. */
export type MarginMode = 'integer' | 'continuous';

/** Settings of the page, not of the training run. */
export interface UiSettings {
	/** Steps per second while playing; 0 = as fast as possible. */
	speed: number;
	/** Presentation mode (large type, advanced controls hidden). */
	present: boolean;
	/** A-Softmax margin slider: integers 1–4 (as in the paper) or continuous up to 6. */
	marginMode: MarginMode;
	/** Language of the page's text: English or Korean. */
	lang: Lang;
}

/** Everything a URL can say: the training run and the page around it. */
export interface Settings {
	options: TrainerOptions;
	ui: UiSettings;
}
