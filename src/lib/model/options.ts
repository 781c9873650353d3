/**
 * The trainer's settings: one typed object, its defaults and limits as data, and the clamp
 * that every setting passes before it can reach tfjs. Pure TypeScript (no tfjs), so the
 * URL layer and the UI can share the same limits.
 */
import {
	clampDataParams,
	clampToLimit,
	show,
	type DataParams,
	type HeadKind,
	type NumericLimit
} from '../math/index';

/** How λ evolves for A-Softmax: off (pure margin), fixed, or one of the published schedules. */
export type LambdaMode = 'off' | 'fixed' | 'official' | 'pytorch';

/** Everything that determines a training run. */
export interface TrainerOptions {
	/** The toy data set (changing it rebuilds the model from the seed). */
	data: DataParams;
	/** Feature dimension: 2 = circle, 3 = sphere (rebuilds). */
	featureDim: 2 | 3;
	/** Hidden layers of the MLP, 0..4 (rebuilds). */
	hiddenLayers: number;
	/** Units per hidden layer, 2..128 (rebuilds). */
	hiddenUnits: number;
	/** Seed of the weight initialisation and batch order (rebuilds). */
	seed: number;
	/** The loss head (live). */
	loss: HeadKind;
	/** Margin: A-Softmax multiplicative m, CosFace/ArcFace additive m (live). */
	m: number;
	/** Scale s of the normalised heads (live). */
	s: number;
	/** λ mode for A-Softmax (live). */
	lambdaMode: LambdaMode;
	/** λ when lambdaMode is 'fixed' (live). */
	lambdaFixed: number;
	/** The floor of the annealing schedules (the papers use 5; 0 anneals to the pure margin) (live). */
	lambdaMin: number;
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

/**
 * The teacher's preset: 4 blobs in 2D, features on the circle, A-Softmax m = 4 as a pure
 * margin (λ off), so dragging m shows its full effect at once; the toy data converge without
 * SphereFace's annealing, which stays one click away (and in the URL: lambda=official).
 */
export const DEFAULT_TRAINER_OPTIONS: Readonly<Omit<TrainerOptions, 'data'>> = Object.freeze({
	featureDim: 2,
	hiddenLayers: 2,
	hiddenUnits: 32,
	seed: 1,
	loss: 'asoftmax',
	m: 4,
	s: 16,
	lambdaMode: 'off',
	lambdaFixed: 5,
	lambdaMin: 5,
	learningRate: 0.01,
	batchSize: 256,
	weightDecay: 0.01
});

/** The loss kinds in menu order. */
export const LOSS_KINDS: readonly HeadKind[] = [
	'softmax',
	'modified',
	'asoftmax',
	'cosface',
	'arcface'
];

/** Margin range and default per loss: A-Softmax 1–6 (integers 1–4 as in the paper, real up to 6). */
export const MARGIN_LIMITS: Readonly<Record<HeadKind, NumericLimit & { default: number }>> =
	Object.freeze({
		softmax: { min: 1, max: 1, integer: false, default: 1 },
		modified: { min: 1, max: 1, integer: false, default: 1 },
		asoftmax: { min: 1, max: 6, integer: false, default: 4 },
		cosface: { min: 0, max: 0.8, integer: false, default: 0.35 },
		arcface: { min: 0, max: 1.2, integer: false, default: 0.5 }
	});

type NumericOption =
	| 'hiddenLayers'
	| 'hiddenUnits'
	| 'seed'
	| 's'
	| 'lambdaFixed'
	| 'lambdaMin'
	| 'learningRate'
	| 'batchSize'
	| 'weightDecay';

/** Limits of the numeric settings (the margin's depend on the loss: `MARGIN_LIMITS`). */
export const TRAINER_LIMITS: Readonly<Record<NumericOption, NumericLimit>> = Object.freeze({
	hiddenLayers: { min: 0, max: 4, integer: true },
	hiddenUnits: { min: 2, max: 128, integer: true },
	seed: { min: 0, max: 2147483647, integer: true },
	s: { min: 1, max: 64, integer: false },
	lambdaFixed: { min: 0, max: 10000, integer: false },
	lambdaMin: { min: 0, max: 1000, integer: false },
	learningRate: { min: 1e-5, max: 1, integer: false },
	batchSize: { min: 1, max: 1024, integer: true },
	weightDecay: { min: 0, max: 1, integer: false }
});

const LAMBDA_MODES: readonly LambdaMode[] = ['off', 'fixed', 'official', 'pytorch'];

/** One of `allowed`, or the default with a notice. */
function clampChoice<T>(
	name: string,
	raw: unknown,
	allowed: readonly T[],
	def: T,
	notices: string[]
): T {
	if (raw === undefined) return def;
	const found = allowed.find((a) => a === raw);
	if (found !== undefined) return found;
	notices.push(`${name} ${show(raw)} is not one of ${allowed.join(', ')}; using ${def}`);
	return def;
}

/**
 * Valid trainer options from any partial or garbage input, on top of `base` (default: the
 * defaults), with one plain-language notice per change. Never throws; nothing out of range
 * or non-numeric survives.
 */
export function clampTrainerOptions(
	input: unknown,
	base?: TrainerOptions
): { options: TrainerOptions; notices: string[] } {
	const notices: string[] = [];
	const isObject = typeof input === 'object' && input !== null && !Array.isArray(input);
	if (!isObject && input !== undefined)
		notices.push(`settings ${show(input)} are not an object; using the defaults`);
	const raw: Partial<Record<keyof TrainerOptions, unknown>> = isObject ? (input as object) : {};
	const prev: TrainerOptions = base ?? {
		...DEFAULT_TRAINER_OPTIONS,
		data: clampDataParams({}).params
	};
	const num = (name: NumericOption) =>
		clampToLimit(name, raw[name], TRAINER_LIMITS[name], prev[name], notices);

	const dataIn =
		raw.data === undefined ? prev.data : { ...prev.data, ...(raw.data as Partial<DataParams>) };
	const data = clampDataParams(dataIn);
	notices.push(...data.notices);
	const loss = clampChoice('loss', raw.loss, LOSS_KINDS, prev.loss, notices);
	const mLimit = MARGIN_LIMITS[loss];
	// A loss change without an explicit m keeps m only if it fits the new loss's range.
	const prevM =
		prev.m >= mLimit.min && prev.m <= mLimit.max && loss === prev.loss ? prev.m : mLimit.default;
	const options: TrainerOptions = {
		data: data.params,
		featureDim:
			clampToLimit(
				'featureDim',
				raw.featureDim,
				{ min: 2, max: 3, integer: true },
				prev.featureDim,
				notices
			) === 3
				? 3
				: 2,
		hiddenLayers: num('hiddenLayers'),
		hiddenUnits: num('hiddenUnits'),
		seed: num('seed'),
		loss,
		m: clampToLimit('m', raw.m, mLimit, prevM, notices),
		s: num('s'),
		lambdaMode: clampChoice('lambdaMode', raw.lambdaMode, LAMBDA_MODES, prev.lambdaMode, notices),
		lambdaFixed: num('lambdaFixed'),
		lambdaMin: num('lambdaMin'),
		learningRate: num('learningRate'),
		batchSize: num('batchSize'),
		weightDecay: num('weightDecay')
	};
	return { options, notices };
}

/** True when going from `a` to `b` needs a new model (data, dimensions, architecture, seed). */
export function needsRebuild(a: TrainerOptions, b: TrainerOptions): boolean {
	return (
		JSON.stringify(a.data) !== JSON.stringify(b.data) ||
		a.featureDim !== b.featureDim ||
		a.hiddenLayers !== b.hiddenLayers ||
		a.hiddenUnits !== b.hiddenUnits ||
		a.seed !== b.seed
	);
}
