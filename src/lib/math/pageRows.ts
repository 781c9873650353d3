/**
 * The page: speed, presentation mode, the margin slider's mode and the language.
 * Rows of the one settings table (`SETTINGS` in settings.ts, which lists the groups in
 * order: a row may depend on the rows above it). Pure TypeScript.
 */
import { notice } from './notice';
import { LANGS } from './settingTypes';
import { INTEGER_MARGIN_MAX, fitsIntegerMargin } from './margins';
import { num, type SettingRow } from './settingRows';

export const PAGE_ROWS: readonly SettingRow[] = [
	{
		key: 'speed',
		path: 'ui.speed',
		kind: 'number',
		default: 0,
		limit: num(0, 2000, true),
		step: 1,
		change: 'page',
		label: 'explorer.speed',
		doc: 'training steps per second, 0 (as fast as possible) to 2000'
	},
	{
		key: 'present',
		path: 'ui.present',
		kind: 'flag',
		default: false,
		change: 'page',
		doc: 'presentation mode: 1 or 0'
	},
	{
		key: 'mmode',
		path: 'ui.marginMode',
		kind: 'choice',
		choices: ['integer', 'continuous'],
		// The integer slider only has m = 1…4; any other A-Softmax m needs the continuous slider.
		default: (s) => (fitsIntegerMargin(s.options.loss, s.options.m) ? 'integer' : 'continuous'),
		refine: (mode, s, name, notices) => {
			if (mode === 'continuous' || fitsIntegerMargin(s.options.loss, s.options.m)) return mode;
			notices.push(notice('integerMargin', { name, max: INTEGER_MARGIN_MAX, m: s.options.m }));
			return 'continuous';
		},
		change: 'page',
		label: 'controls.continuousMargin',
		doc: 'A-Softmax margin slider: integer (1–4) or continuous (up to 6)'
	},
	{
		key: 'lang',
		path: 'ui.lang',
		kind: 'choice',
		choices: LANGS,
		default: 'en',
		caseless: true,
		change: 'page',
		doc: 'language of the page: en (English) or ko (Korean)'
	}
];
