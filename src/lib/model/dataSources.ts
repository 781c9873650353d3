/**
 * Where a trainer's data set comes from: generated from its settings (the toy families), or
 * built from data a caller has loaded (the digits, fetched by the worker from the site or read
 * from disk in Node).
 */
import { digitsDataset, type Digits } from '../io/digits';
import { generateDataset } from '../math/generators';
import type { DataSettings } from '../math/settingTypes';
import type { Dataset } from '../math/datasets';
import { skewTraining } from '../math/imbalance';

/**
 * Data a trainer reads instead of generating: the digits, once a caller has loaded them (the
 * worker fetches the site's file, Node reads it from disk). The caller may fill it in later;
 * the trainer reads it whenever it builds.
 */
export interface DataSources {
	digits?: Digits | null;
}

/**
 * The data set of `settings`: generated, or built from loaded digits, with its class
 * imbalance and label noise applied (`skewTraining`).
 */
export function datasetOf(settings: DataSettings, sources: DataSources): Dataset {
	if (settings.generator !== 'digits') return skewTraining(generateDataset(settings));
	if (!sources.digits) throw new RangeError('The digits are not loaded yet.');
	return skewTraining(digitsDataset(sources.digits, settings));
}
