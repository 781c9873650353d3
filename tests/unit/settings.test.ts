/**
 * The one settings table: every row is well-formed, its defaults are valid, its labels are UI
 * strings, the README's key table lists exactly its keys, and `needsRebuild`, the margin
 * slider rule and the clamps of the page and the worker are derived from it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	DEFAULTS,
	clampSettings,
	evaluate,
	getAt,
	partialAt
} from '../../src/lib/math/settingsEngine';
import {
	INTEGER_MARGIN_MAX,
	MARGIN_LIMITS,
	marginModeFor,
	marginRange,
	stepMargin
} from '../../src/lib/math/margins';
import { ROW_BY_PATH, SETTINGS } from '../../src/lib/math/settings';
import type { SettingRow } from '../../src/lib/math/settingRows';
import type { Settings } from '../../src/lib/math/settingTypes';
import { clampTrainerOptions, needsRebuild } from '../../src/lib/model/options';
import { STRINGS, type StringKey } from '../../src/lib/i18n/strings';

/** A valid value of `row` other than its default (for the rebuild table). */
function otherValue(row: SettingRow, s: Settings): unknown {
	const current = getAt(s, row.path);
	switch (row.kind) {
		case 'number': {
			const lim = evaluate(row.limit, s);
			return current === lim.max ? lim.min : lim.max;
		}
		case 'choice':
			return row.choices.find((c) => c !== current);
		case 'flag':
			return !current;
		case 'classes':
			return [0];
	}
}

describe('the settings table', () => {
	it('has unique keys and paths, a doc line each, and labels that are UI strings', () => {
		const keys = SETTINGS.map((r) => r.key);
		expect(new Set(keys).size).toBe(keys.length);
		expect(ROW_BY_PATH.size).toBe(SETTINGS.length);
		for (const row of SETTINGS) {
			expect(row.doc.length, row.key).toBeGreaterThan(10);
			const labels = [
				row.label,
				...Object.values(row.kind === 'choice' ? (row.choiceLabels ?? {}) : {}),
				...Object.values(row.kind === 'number' ? (row.presetLabels ?? {}) : {})
			].filter((l) => l !== undefined);
			for (const l of labels)
				expect(STRINGS.en, `${row.key}: ${l}`).toHaveProperty([l as StringKey]);
		}
	});

	it('gives defaults that pass their own clamp silently, in the page and in the worker', () => {
		expect(clampSettings(DEFAULTS).notices).toEqual([]);
		expect(clampSettings({}).settings).toEqual(DEFAULTS);
		expect(clampTrainerOptions(DEFAULTS.options).notices).toEqual([]);
		for (const row of SETTINGS) {
			const v = getAt(DEFAULTS, row.path);
			expect(v, row.key).toEqual(evaluate(row.default, DEFAULTS));
			if (row.kind === 'number') {
				const lim = evaluate(row.limit, DEFAULTS);
				expect((v as number) >= lim.min && (v as number) <= lim.max, row.key).toBe(true);
				expect(evaluate(row.step, DEFAULTS), row.key).toBeGreaterThan(0);
			}
		}
	});

	it('rebuilds the model exactly for the rows marked rebuild', () => {
		for (const row of SETTINGS.filter((r) => r.path.startsWith('options.'))) {
			const changed = clampSettings(partialAt(row.path, otherValue(row, DEFAULTS)), {
				base: DEFAULTS,
				scope: 'options.'
			});
			expect(changed.notices, row.key).toEqual([]);
			expect(getAt(changed.settings, row.path), row.key).not.toEqual(getAt(DEFAULTS, row.path));
			expect(needsRebuild(DEFAULTS.options, changed.settings.options), row.key).toBe(
				evaluate(row.change, changed.settings) === 'rebuild'
			);
		}
		for (const row of SETTINGS.filter((r) => r.path.startsWith('ui.')))
			expect(evaluate(row.change, DEFAULTS), row.key).toBe('page');
	});

	it('reads the README key table as exactly the table’s URL keys', () => {
		const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');
		const start = readme.indexOf('| key ');
		expect(start).toBeGreaterThan(0);
		const table = readme.slice(start).split('\n\n')[0];
		const documented = table
			.split('\n')
			.slice(2)
			.flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]));
		expect([...documented].sort()).toEqual(SETTINGS.map((r) => r.key).sort());
	});
});

describe('the margin slider rule', () => {
	it.each([
		// loss, mode, min, max, step
		['asoftmax', 'integer', 1, INTEGER_MARGIN_MAX, 1],
		['asoftmax', 'continuous', 1, 6, 0.1],
		['cosface', 'integer', -0.5, 0.8, 0.05],
		['arcface', 'continuous', -0.5, 1.2, 0.05],
		['softmax', 'integer', 1, 1, 0.05]
	] as const)('%s in %s mode: %d–%d in steps of %d', (loss, mode, min, max, step) => {
		expect(marginRange(loss, mode)).toMatchObject({ min, max, step });
	});

	it.each([
		// loss, requested, m, mode
		['asoftmax', 'integer', 3, 'integer'],
		['asoftmax', 'integer', 2.5, 'continuous'],
		['asoftmax', 'integer', 5, 'continuous'],
		['asoftmax', 'continuous', 2, 'continuous'],
		['cosface', 'integer', 0.35, 'integer']
	] as const)('%s, %s slider asked, m = %d: %s', (loss, requested, m, mode) => {
		expect(marginModeFor(loss, m, requested)).toBe(mode);
	});

	it.each([
		// loss, mode, m, direction, next
		['asoftmax', 'integer', 4, 1, 4],
		['asoftmax', 'integer', 2, -1, 1],
		['asoftmax', 'continuous', 2, 1, 2.1],
		['cosface', 'integer', 0.8, 1, 0.8],
		['arcface', 'integer', 0.05, -1, 0]
	] as const)('%s (%s): m %d one step %d gives %d', (loss, mode, m, direction, next) => {
		expect(stepMargin(loss, mode, m, direction)).toBe(next);
	});

	it('keeps a margin across a live change only while the loss stays the same', () => {
		const base = clampTrainerOptions({ loss: 'asoftmax', m: 3 }).options;
		expect(clampTrainerOptions({ lambdaMode: 'official' }, base).options.m).toBe(3);
		expect(clampTrainerOptions({ loss: 'cosface' }, base).options.m).toBe(
			MARGIN_LIMITS.cosface.default
		);
		const soft = clampTrainerOptions({ loss: 'softmax' }).options;
		expect(clampTrainerOptions({ loss: 'asoftmax' }, soft).options.m).toBe(
			MARGIN_LIMITS.asoftmax.default
		);
	});
});
