/**
 * The comparison page's URL: the panels (`panels=softmax,modified,asoftmax:2,asoftmax:4`,
 * two to four of them, each a loss and its margin) plus the explorer's settings shared by
 * every panel (data, seed, model). Pure TypeScript: no DOM, runes or tfjs.
 */
import { notice, prefixed, type Notice } from '$lib/math/notice';
import type { LossKind } from '$lib/math/margins';
import { LOSS_KINDS, LOSS_NAMES, MARGIN_LIMITS } from '$lib/math/margins';
import { clampTrainerOptions } from '$lib/model/options';
import type { TrainerOptions } from '$lib/math/settingTypes';
import { hasMargin } from '$lib/math/margins';
import { parseSettings, serializeSettings } from './urlSettings';
import type { Settings } from '../math/settingTypes';

export interface PanelSpec {
	loss: LossKind;
	/** The margin (ignored by softmax and modified softmax). */
	m: number;
}

export const MIN_PANELS = 2;
export const MAX_PANELS = 4;

/** The paper's Fig. 2 in the small: softmax, modified softmax, A-Softmax m = 2 and m = 4. */
export const DEFAULT_PANELS: readonly PanelSpec[] = Object.freeze([
	{ loss: 'softmax', m: 1 },
	{ loss: 'modified', m: 1 },
	{ loss: 'asoftmax', m: 2 },
	{ loss: 'asoftmax', m: 4 }
]);

/**
 * The shared settings of the comparison when the URL says nothing: ten identities in an
 * 8-dimensional input space (centres from one distribution, shared nuisance variation), of
 * which four (6–9) are held out of training, so the open-set test has unseen identities from
 * the same family as the seen ones.
 */
export const DEFAULT_COMPARE_QUERY =
	'data=identities&input=8&classes=10&held=6,7,8,9&noise=0.5&points=120&seed=1';

/** Seen identity counts the comparison offers live (the held-out ones stay as they are). */
export const LIVE_IDENTITY_COUNTS: readonly number[] = Object.freeze([6, 25, 100]);

/**
 * The data for `seen` trained identities, keeping the number of held-out ones: classes
 * 0 … seen − 1 are seen and the next ones held out, so on one seed the seen identities of a
 * smaller count are among those of a larger one (an identity's centre does not depend on the
 * count). A data set without held-out classes keeps none.
 */
export function withSeenIdentities(
	data: Settings['options']['data'],
	seen: number
): Pick<Settings['options']['data'], 'classes' | 'heldOut'> {
	const held = data.heldOut.length;
	return { classes: seen + held, heldOut: Array.from({ length: held }, (_, k) => seen + k) };
}

/** The panel "Add" brings: the first default panel not shown yet, else CosFace m = 0.35. */
export function nextPanel(panels: readonly PanelSpec[]): PanelSpec {
	const used = new Set(panels.map((p) => `${p.loss}:${p.m}`));
	return DEFAULT_PANELS.find((p) => !used.has(`${p.loss}:${p.m}`)) ?? { loss: 'cosface', m: 0.35 };
}

/** "A-Softmax m = 4", "Softmax", "CosFace m = 0.35". */
export function panelLabel(p: PanelSpec): string {
	return panelLabelIn(p, LOSS_NAMES);
}

/** `panelLabel` with the losses' names of a language (`lossNames` in i18n/index.ts). */
export function panelLabelIn(p: PanelSpec, names: Readonly<Record<LossKind, string>>): string {
	return hasMargin(p.loss) ? `${names[p.loss]} m = ${p.m}` : names[p.loss];
}

/**
 * One `loss[:m]` word; null (with a notice) when it is not a loss. The margin enters here and
 * is clamped once, by the settings table, against the shared settings (`base`).
 */
function parsePanel(word: string, base: TrainerOptions, notices: Notice[]): PanelSpec | null {
	const [loss, mText] = word.split(':');
	if (!(LOSS_KINDS as readonly string[]).includes(loss)) {
		notices.push(notice('panelNotLoss', { word: JSON.stringify(word.slice(0, 20)) }));
		return null;
	}
	const kind = loss as LossKind;
	let m: unknown = MARGIN_LIMITS[kind].default;
	if (mText !== undefined) {
		if (mText.trim() === '' || !Number.isFinite(Number(mText))) {
			notices.push(notice('panelMarginNotNumber', { value: JSON.stringify(mText.slice(0, 12)) }));
		} else m = Number(mText);
	}
	const clamped = clampTrainerOptions({ loss: kind, m }, base);
	notices.push(...clamped.notices.map((n) => prefixed(n, `panels: ${kind}`)));
	return { loss: kind, m: clamped.options.m };
}

/**
 * The panels and shared settings of a comparison URL. Never throws: unknown losses are
 * dropped, margins clamped, too few panels filled from the default, too many cut.
 */
export function parseCompare(search: string): {
	panels: PanelSpec[];
	settings: Settings;
	notices: Notice[];
} {
	const notices: Notice[] = [];
	const params = new URLSearchParams(typeof search === 'string' ? search : '');
	const panelsText = params.get('panels');
	params.delete('panels');
	const rest = params.toString();
	const parsed = parseSettings(rest === '' ? DEFAULT_COMPARE_QUERY : rest);
	notices.push(...parsed.notices);
	let panels: PanelSpec[] = [...DEFAULT_PANELS];
	if (panelsText !== null) {
		const words = panelsText.split(',').filter((w) => w.trim() !== '');
		panels = words
			.map((w) => parsePanel(w.trim(), parsed.settings.options, notices))
			.filter((p) => p !== null);
		if (panels.length > MAX_PANELS) {
			notices.push(notice('panelsAtMost', { n: MAX_PANELS }));
			panels = panels.slice(0, MAX_PANELS);
		}
		if (panels.length < MIN_PANELS) {
			notices.push(notice('panelsAtLeast', { n: MIN_PANELS }));
			for (const p of DEFAULT_PANELS) {
				if (panels.length >= MIN_PANELS) break;
				if (!panels.some((q) => q.loss === p.loss && q.m === p.m)) panels.push(p);
			}
		}
	}
	return { panels, settings: parsed.settings, notices };
}

/** The comparison's query string (without '?'). */
export function serializeCompare(panels: readonly PanelSpec[], settings: Settings): string {
	const words = panels.map((p) => (hasMargin(p.loss) ? `${p.loss}:${p.m}` : p.loss));
	// Loss and margin belong to the panels; the shared part is everything else.
	const shared = serializeSettings(settings)
		.split('&')
		.filter((part) => !/^(loss|m)=/.test(part));
	return [`panels=${words.join(',')}`, ...shared].join('&');
}
