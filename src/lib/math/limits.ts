/**
 * Limits every layer shares, in one place so they cannot drift apart: the data settings,
 * the file reader, stored and drawn data sets, the class palette and the sphere's region
 * shader all allow the same number of classes.
 */

/** The fewest classes a data set may have: a classifier needs two to tell apart. */
export const MIN_CLASSES = 2;

/**
 * The most classes a data set may have: the class palette has ten distinguishable colours
 * and the sphere's region shader ten weight slots (`#define MAX_CLASSES` in
 * src/lib/viz/shaders/sphereRegions.frag.glsl, checked against this by a unit test).
 */
export const MAX_CLASSES = 10;

/**
 * The most classes of the 'identities' family (the open-set experiments: up to 250 seen
 * identities besides the unseen ones). Views colour a few of them and draw the rest neutral,
 * and the sphere draws class regions only for up to MAX_CLASSES classes.
 */
export const MAX_IDENTITIES = 300;

/** Side of a digit image in the digits asset (14 × 14 pixels: 196 inputs). */
export const DIGIT_SIDE = 14;
/** Inputs of a digit: one per pixel. */
export const DIGITS_INPUT_DIM = DIGIT_SIDE * DIGIT_SIDE;
/**
 * Digits per class the asset holds for every class (its rarest digit, 5, has 863 of the
 * 10,000), so any class count and size gives balanced classes. Checked against the shipped
 * file by a unit test.
 */
export const DIGITS_PER_CLASS = 863;

/** The largest class count a data set of this generator may have. */
export function maxClassesOf(generator: string): number {
	return generator === 'identities' ? MAX_IDENTITIES : MAX_CLASSES;
}

/**
 * Feature dimensions: views draw 2 (circle) or 3 (sphere); a headless trainer (the open-set
 * sweep, which only scores features) may use up to MAX_FEATURE_DIM.
 */
export const MAX_FEATURE_DIM = 16;

/** Input square of the decision grid and the input-space view (the data lie in [−1, 1]²). */
export const GRID_EXTENT: [number, number] = [-1.2, 1.2];
