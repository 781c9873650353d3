/**
 * The settings rows of the margin family after SphereFace: the combined head's three margins
 * (InsightFace's s·(cos(m1·θ + m2) − m3): m1 SphereFace's multiplicative margin, m2 ArcFace's
 * additive angular margin, m3 CosFace's additive cosine margin) and sub-center heads (Deng et
 * al., ECCV 2020: K weights per class, a class's logit its nearest). Part of the one settings
 * table (`SETTINGS` spreads them after the margin). Pure TypeScript.
 */
import { isMetricLoss } from './margins';
import { COMBINED_PRESETS } from './psi';
import { num, type SettingRow } from './settingRows';
import type { Settings } from './settingTypes';

/** The combined head's margins' limits (issue 28): m1 1–4, m2 −0.5…1.2, m3 −0.5…0.8. */
export const COMBINED_LIMITS = Object.freeze({
	m1: num(1, 4),
	m2: num(-0.5, 1.2),
	m3: num(-0.5, 0.8)
});

/** Sub-centers per class: 1 (a plain head) to 5. */
export const SUB_CENTER_LIMIT = num(1, 5, true);

const isCombined = (s: Settings) => s.options.loss === 'combined';

/** Heads whose classes are weight directions compared by angle: sub-centers apply to them. */
export const hasSubCenters = (s: Settings): boolean =>
	s.options.loss !== 'softmax' && !isMetricLoss(s.options.loss);

export const MARGIN_ROWS: readonly SettingRow[] = Object.freeze<SettingRow[]>([
	{
		key: 'm1',
		path: 'options.m1',
		kind: 'number',
		default: COMBINED_PRESETS.combined.m1,
		limit: COMBINED_LIMITS.m1,
		step: 0.05,
		relevant: isCombined,
		change: 'live',
		label: 'controls.m1',
		doc: 'combined margin: multiplicative angular margin m1 (SphereFace’s m), 1–4'
	},
	{
		key: 'm2',
		path: 'options.m2',
		kind: 'number',
		default: COMBINED_PRESETS.combined.m2,
		limit: COMBINED_LIMITS.m2,
		step: 0.05,
		relevant: isCombined,
		change: 'live',
		label: 'controls.m2',
		doc: 'combined margin: additive angular margin m2 (ArcFace’s m), −0.5…1.2'
	},
	{
		key: 'm3',
		path: 'options.m3',
		kind: 'number',
		default: COMBINED_PRESETS.combined.m3,
		limit: COMBINED_LIMITS.m3,
		step: 0.05,
		relevant: isCombined,
		change: 'live',
		label: 'controls.m3',
		doc: 'combined margin: additive cosine margin m3 (CosFace’s m), −0.5…0.8'
	},
	{
		key: 'sub',
		path: 'options.subCenters',
		kind: 'number',
		default: 1,
		limit: SUB_CENTER_LIMIT,
		step: 1,
		relevant: hasSubCenters,
		change: 'rebuild',
		label: 'controls.subCenters',
		doc: 'sub-centers per class (sub-center ArcFace), 1–5; the angular heads only'
	}
]);
