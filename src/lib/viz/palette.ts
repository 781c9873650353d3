/**
 * Class colours: the Okabe–Ito palette (distinguishable with the common colour-vision
 * deficiencies) extended to the ten classes the data generators allow.
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

/** The colour of class `i` (cycling past ten). */
export function classColor(i: number): string {
	return CLASS_COLORS[((i % CLASS_COLORS.length) + CLASS_COLORS.length) % CLASS_COLORS.length];
}
