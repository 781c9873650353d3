/**
 * Class colours: the Okabe–Ito palette (distinguishable with the common colour-vision
 * deficiencies) extended to the MAX_CLASSES (10) classes a data set may have.
 */
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
