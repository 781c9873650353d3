/**
 * The train/test/held-out split shared by generated and uploaded data sets: seeded and
 * stratified (each class is split on its own), so the same rows, labels and RNG state give
 * the same split, and every seen class keeps at least one training point.
 */
import type { Rng } from './rng';

/** The values of `Dataset.split`, by name. */
export const SPLIT = Object.freeze({ train: 0, test: 1, heldOut: 2 } as const);

/**
 * A stratified split of rows labelled `labels` (class indices 0..numClasses − 1): for each
 * class in turn, its rows (in row order) are shuffled with `rng`, and then every row of a
 * class in `heldOut` is held out; otherwise the first round(testFraction · count) shuffled
 * rows go to test, but at most count − 1 (round(0.9 · 5) = 5 would leave the class with no
 * training point). Every class is shuffled, held out or not, so holding a class out leaves
 * the other classes' splits unchanged. Rows with a label outside 0..numClasses − 1 stay in
 * train. Draws from `rng` in class order, so callers that drew other values first (the
 * generators draw the points) keep their streams. [n] → [n] of `SPLIT` values.
 */
export function stratifiedSplit(
	labels: ArrayLike<number>,
	numClasses: number,
	testFraction: number,
	rng: Rng,
	heldOut: Iterable<number> = []
): Uint8Array {
	const split = new Uint8Array(labels.length); // [n], all train
	const members: number[][] = Array.from({ length: Math.max(0, numClasses) }, () => []);
	for (let i = 0; i < labels.length; i++) members[labels[i]]?.push(i);
	const held = new Set(heldOut);
	members.forEach((rows, cls) => {
		rng.shuffle(rows);
		if (held.has(cls)) {
			for (const row of rows) split[row] = SPLIT.heldOut;
			return;
		}
		const nTest = Math.min(rows.length - 1, Math.round(testFraction * rows.length));
		for (let k = 0; k < nTest; k++) split[rows[k]] = SPLIT.test;
	});
	return split;
}
