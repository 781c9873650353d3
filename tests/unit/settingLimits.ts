/**
 * The numeric limits of settings rows, read from the one settings table at the default
 * settings, for tests that check or draw values field by field (the app itself asks the
 * table row by row: `limitOf(rowAt(path), settings)`).
 */
import type { NumericLimit } from '../../src/lib/math/clamp';
import { DEFAULTS, limitOf } from '../../src/lib/math/settingsEngine';
import { rowAt } from '../../src/lib/math/settings';
import type { SettingPath } from '../../src/lib/math/settingRows';

/** The limit of the number row at `path`, evaluated at the defaults. */
export function limitAt(path: SettingPath): NumericLimit {
	const limit = limitOf(rowAt(path), DEFAULTS);
	if (!limit) throw new Error(`${path} is not a number row`);
	return limit;
}

/** Numeric data fields: their limits (inputDim: the planar and space generators' range). */
export const DATA_LIMITS = Object.fromEntries(
	(['classes', 'pointsPerClass', 'noise', 'inputDim', 'seed', 'testFraction'] as const).map((f) => [
		f,
		limitAt(`options.data.${f}`)
	])
) as Record<
	'classes' | 'pointsPerClass' | 'noise' | 'inputDim' | 'seed' | 'testFraction',
	NumericLimit
>;

/** The trainer's numeric fields whose limits do not depend on other settings. */
export const TRAINER_LIMITS = Object.fromEntries(
	(
		[
			'hiddenLayers',
			'hiddenUnits',
			'seed',
			's',
			'lambdaFixed',
			'lambdaMin',
			'learningRate',
			'batchSize',
			'weightDecay'
		] as const
	).map((f) => [f, limitAt(`options.${f}`)])
) as Record<
	| 'hiddenLayers'
	| 'hiddenUnits'
	| 'seed'
	| 's'
	| 'lambdaFixed'
	| 'lambdaMin'
	| 'learningRate'
	| 'batchSize'
	| 'weightDecay',
	NumericLimit
>;
