/**
 * Class colours: the Okabe–Ito palette (distinguishable with the common colour-vision
 * deficiencies) extended to the MAX_CLASSES (10) classes a data set may have.
 */
import { DIGITS_INPUT_DIM } from '../math/limits';

export const CLASS_COLORS = [
	'#0072b2',
	'#e69f00',
	'#009e73',
	'#cc79a7',
	'#56b4e9',
	'#d55e00',
	'#f0e442',
	'#000000',
	'#8c6d31',
	'#7f7f7f'
] as const;

/**
 * Held-out (unseen) points in every view: a neutral grey that no class uses, dark enough for
 * small marks on white (4.55:1 against #ffffff, above WCAG's 3:1 for graphics; the lighter
 * #8c959f some views used reached only 3.04:1).
 */
export const HELD_OUT_COLOR = '#6e7781';

/** The colour of class `i` (cycling past ten). */
export function classColor(i: number): string {
	return CLASS_COLORS[((i % CLASS_COLORS.length) + CLASS_COLORS.length) % CLASS_COLORS.length];
}

/** With many identities, how many seen classes keep a colour of their own. */
export const COLOURED_CLASSES = 8;

/**
 * Seen classes beyond the coloured few when there are many identities: a light neutral,
 * clearly lighter than the held-out grey (#6e7781), so unseen points stay what they are.
 */
export const NEUTRAL_COLOR = '#a9b1bb';

/**
 * The colour of each data class in a view, given the classes the classifier has rows for:
 * `classColor` while every seen class has a colour of its own (all below ten); with more,
 * the first COLOURED_CLASSES seen classes (in class order) get the palette's colours and the
 * others NEUTRAL_COLOR, so two hundred identities do not become a rainbow of repeats.
 */
export function classColors(seen: ArrayLike<number> | null | undefined): (c: number) => string {
	let many = false;
	for (let k = 0; seen && k < seen.length; k++) if (seen[k] >= CLASS_COLORS.length) many = true;
	if (!seen || !many) return classColor;
	const colour = new Map<number, string>();
	for (let k = 0; k < Math.min(COLOURED_CLASSES, seen.length); k++) {
		colour.set(seen[k], CLASS_COLORS[k]);
	}
	return (c) => colour.get(c) ?? NEUTRAL_COLOR;
}

/** True when a view shows more seen classes than it can colour (see `classColors`). */
export function manyClasses(seen: ArrayLike<number> | null | undefined): boolean {
	return classColors(seen) !== classColor;
}

/**
 * The number a view writes for data class `c` (W3, "class 3"): digits are named by their
 * digit (0–9), every other data set counts its classes from 1.
 */
export function classNumber(c: number, inputDim: number): number {
	return inputDim === DIGITS_INPUT_DIM ? c : c + 1;
}

/**
 * A darker shade of a #rrggbb colour (each channel × (1 − `amount`)): the class arrows, so a
 * cluster of the class's points drawn over its own arrow still stands out from it.
 */
export function shade(hex: string, amount = 0.35): string {
	const k = 1 - amount;
	const channel = (i: number) =>
		Math.round(parseInt(hex.slice(i, i + 2), 16) * k)
			.toString(16)
			.padStart(2, '0');
	return /^#[0-9a-f]{6}$/i.test(hex) ? `#${channel(1)}${channel(3)}${channel(5)}` : hex;
}
