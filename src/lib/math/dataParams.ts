/**
 * The settings of a toy data set, their limits as data, and the clamp that turns any
 * partial or garbage input (URL parameters, uploaded settings) into valid settings with
 * a plain-language notice for every change.
 */
import { clampToLimit, show, toNumber, type NumericLimit } from './clamp';

export type { NumericLimit } from './clamp';

/**
 * 'rings': concentric rings (2D) / shells (3D); 'sphere': clusters on the unit circle/sphere;
 * 'identities': the open-set family, one random centre per identity in a D-dimensional input
 * space plus nuisance variation shared by all identities (see datasets.ts).
 */
export type GeneratorKind = 'blobs' | 'spirals' | 'rings' | 'sphere' | 'identities';

/** Every generator, in menu order (also the whitelist used by `clampDataParams`). */
export const GENERATOR_KINDS: readonly GeneratorKind[] = [
	'blobs',
	'spirals',
	'rings',
	'sphere',
	'identities'
];

/** The settings that fully determine a data set. */
export interface DataParams {
	/** Which toy distribution to draw from. */
	generator: GeneratorKind;
	/** Number of classes, 2..10. */
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
}

/**
 * The preset used when a field is missing: four well-separated 2D blobs. Deeply frozen (its
 * heldOut too), so no caller can change the defaults by accident; take a mutable copy with
 * `clampDataParams({}).params`.
 */
export const DEFAULT_DATA_PARAMS: Readonly<Omit<DataParams, 'heldOut'>> & {
	readonly heldOut: readonly number[];
} = Object.freeze({
	generator: 'blobs',
	classes: 4,
	pointsPerClass: 100,
	noise: 0.2,
	inputDim: 2,
	seed: 1,
	testFraction: 0.25,
	heldOut: Object.freeze([])
});

/** The numeric fields of `DataParams`. */
export type NumericDataField = Exclude<keyof DataParams, 'generator' | 'heldOut'>;

/**
 * Range of every numeric field, as data, so sliders and the clamp share one source. The
 * inputDim entry is the planar/space generators' range; 'identities' has its own
 * (`IDENTITIES_INPUT_DIM`, see `inputDimLimit`).
 */
export const DATA_LIMITS: Readonly<Record<NumericDataField, NumericLimit>> = Object.freeze({
	classes: { min: 2, max: 10, integer: true },
	pointsPerClass: { min: 5, max: 2000, integer: true },
	noise: { min: 0, max: 1, integer: false },
	inputDim: { min: 2, max: 3, integer: true },
	// Non-negative 31-bit seeds: short in a URL, and distinct seeds stay distinct in hashSeed.
	seed: { min: 0, max: 2147483647, integer: true },
	testFraction: { min: 0, max: 0.9, integer: false }
});

/**
 * Input dimensions of the 'identities' generator, and its default when none is given: 8, so
 * that identity centres and the shared nuisance directions have room (a few dimensions each)
 * and held-out identities are not confined to the span of the seen ones, as in real inputs.
 */
export const IDENTITIES_INPUT_DIM: Readonly<NumericLimit & { default: number }> = Object.freeze({
	min: 2,
	max: 16,
	integer: true,
	default: 8
});

/** The allowed input dimensions of a generator: 2–16 for 'identities', 2–3 for the others. */
export function inputDimLimit(generator: GeneratorKind): NumericLimit {
	return generator === 'identities' ? IDENTITIES_INPUT_DIM : DATA_LIMITS.inputDim;
}

// ---------------------------------------------------------------------------------------
// Clamping

function clampNumber(name: NumericDataField, raw: unknown, notices: string[]): number {
	return clampToLimit(name, raw, DATA_LIMITS[name], DEFAULT_DATA_PARAMS[name], notices);
}

function clampGenerator(raw: unknown, notices: string[]): GeneratorKind {
	if (raw === undefined) return DEFAULT_DATA_PARAMS.generator;
	const found = GENERATOR_KINDS.find((g) => g === raw);
	if (found) return found;
	const def = DEFAULT_DATA_PARAMS.generator;
	notices.push(`generator ${show(raw)} is not one of ${GENERATOR_KINDS.join(', ')}; using ${def}`);
	return def;
}

function clampHeldOut(raw: unknown, classes: number, notices: string[]): number[] {
	if (raw === undefined) return [];
	if (!Array.isArray(raw)) {
		notices.push(`heldOut ${show(raw)} is not a list of class indices; holding out no classes`);
		return [];
	}
	const kept: number[] = [];
	const invalid: string[] = [];
	const repeated: number[] = [];
	for (const entry of raw as unknown[]) {
		const v = toNumber(entry) + 0;
		if (!Number.isInteger(v) || v < 0 || v >= classes) invalid.push(show(entry));
		else if (!kept.includes(v)) kept.push(v);
		else if (!repeated.includes(v)) repeated.push(v);
	}
	if (invalid.length > 0) {
		const one = invalid.length === 1;
		notices.push(
			`heldOut ${invalid.join(', ')} ${one ? 'is not a class index' : 'are not class indices'} ` +
				`0–${classes - 1}; ignoring ${one ? 'it' : 'them'}`
		);
	}
	if (repeated.length > 0) {
		notices.push(`heldOut lists class ${repeated.join(', ')} more than once; counting it once`);
	}
	// Training needs at least two classes; keep the first entries given, drop the rest.
	const maxHeld = classes - 2;
	if (kept.length > maxHeld) {
		const asked = kept.length;
		kept.length = maxHeld;
		kept.sort((a, b) => a - b);
		const rest = maxHeld === 0 ? 'holding out none' : `holding out only ${kept.join(', ')}`;
		notices.push(
			`holding out ${asked} of ${classes} classes would leave fewer than 2 training classes; ${rest}`
		);
	}
	return kept.sort((a, b) => a - b);
}

/**
 * Clamps/sanitises any partial or garbage input (NaN, strings cast as numbers, out-of-range,
 * duplicate or invalid heldOut entries) into valid params, and reports what was changed, one
 * plain-language sentence per change. Missing fields take the default silently. Never throws.
 */
export function clampDataParams(p: Partial<DataParams>): { params: DataParams; notices: string[] } {
	const notices: string[] = [];
	const isObject = typeof p === 'object' && p !== null && !Array.isArray(p);
	if (!isObject && p !== undefined) {
		notices.push(`data settings ${show(p)} are not an object; using the defaults`);
	}
	const src: Partial<Record<keyof DataParams, unknown>> = isObject ? p : {};
	const generator = clampGenerator(src.generator, notices);
	const classes = clampNumber('classes', src.classes, notices);
	const pointsPerClass = clampNumber('pointsPerClass', src.pointsPerClass, notices);
	const noise = clampNumber('noise', src.noise, notices);
	// Per generator: 'identities' lives in 2–16 dimensions (default 8), the others in 2 or 3.
	const dimDefault =
		generator === 'identities' ? IDENTITIES_INPUT_DIM.default : DEFAULT_DATA_PARAMS.inputDim;
	const inputDim = clampToLimit(
		'inputDim',
		src.inputDim,
		inputDimLimit(generator),
		dimDefault,
		notices
	);
	const seed = clampNumber('seed', src.seed, notices);
	const testFraction = clampNumber('testFraction', src.testFraction, notices);
	const heldOut = clampHeldOut(src.heldOut, classes, notices);
	const params: DataParams = {
		generator,
		classes,
		pointsPerClass,
		noise,
		inputDim,
		seed,
		testFraction,
		heldOut
	};
	return { params, notices };
}
