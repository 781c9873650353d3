import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATA_FILE_LIMITS } from '../../src/lib/io/dataReader';
import { DATA_LIMITS } from './settingLimits';
import { MAX_CLASSES, MIN_CLASSES } from '../../src/lib/math/limits';
import { CLASS_COLORS, HELD_OUT_COLOR } from '../../src/lib/viz/palette';

/** WCAG 2 relative luminance of '#rrggbb'. */
function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => {
		const c = parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('shared limits', () => {
	it('every layer allows the same number of classes', () => {
		expect([MIN_CLASSES, MAX_CLASSES]).toEqual([2, 10]);
		expect(DATA_LIMITS.classes).toMatchObject({ min: MIN_CLASSES, max: MAX_CLASSES });
		expect(DATA_FILE_LIMITS.maxClasses).toBe(MAX_CLASSES);
		expect(CLASS_COLORS).toHaveLength(MAX_CLASSES);
		// The region shader's uniform arrays are sized by its own #define.
		const frag = readFileSync('src/lib/viz/shaders/sphereRegions.frag.glsl', 'utf8');
		expect(frag).toMatch(new RegExp(`^#define MAX_CLASSES ${MAX_CLASSES}$`, 'm'));
	});

	it('the held-out grey is no class colour and has 3:1 contrast on white', () => {
		expect(CLASS_COLORS).not.toContain(HELD_OUT_COLOR);
		expect((1 + 0.05) / (luminance(HELD_OUT_COLOR) + 0.05)).toBeGreaterThanOrEqual(3);
	});
});
