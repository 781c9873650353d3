/**
 * Widgets: the live views a lesson or another site embeds. A widget is a view kind plus the
 * explorer's URL settings, so `<Widget view="circle" loss="asoftmax" m="4" />` in a lesson,
 * `/embed/circle?loss=asoftmax&m=4` and the explorer link all say the same thing. Pure
 * TypeScript: no DOM, runes or tfjs.
 */
import { notice, type Notice } from '$lib/math/notice';
import { parseSettingEntries, serializeSettings } from './urlSettings';
import type { Settings } from '../math/settingTypes';
import type { StringKey } from '$lib/i18n/strings';

/** The widget kinds, in the order the embed pages are listed. */
export const WIDGET_VIEWS = Object.freeze([
	'circle',
	'sphere',
	'input',
	'stats',
	'psi',
	'sweep',
	'boundaries',
	'verify',
	'identify'
] as const);
export type WidgetView = (typeof WIDGET_VIEWS)[number];

/** Extra widget controls an author can ask for (play, step and reset are always there). */
export const WIDGET_CONTROLS = Object.freeze([
	'm',
	'loss',
	'lambda',
	'mining',
	'combined'
] as const);
export type WidgetControl = (typeof WIDGET_CONTROLS)[number];

/** Extra target curves of the ψ widget. */
export const WIDGET_CURVES = Object.freeze(['cosface', 'arcface'] as const);
export type WidgetCurve = (typeof WIDGET_CURVES)[number];

/** Widget attributes that are not explorer settings. */
const WIDGET_KEYS = new Set([
	'view',
	'controls',
	'curves',
	'caption',
	'autoplay',
	'table',
	'sweep'
]);

/** The measured sweeps the site ships (static/data/identity-sweep*.json): 8-D or 3-D features. */
export const SAVED_SWEEPS = Object.freeze(['8d', '3d'] as const);
export type SavedSweepName = (typeof SAVED_SWEEPS)[number];

/** The file of a shipped sweep, under static/. */
export function savedSweepFile(name: SavedSweepName): `/data/${string}.json` {
	return name === '3d' ? '/data/identity-sweep-3d.json' : '/data/identity-sweep.json';
}

export interface WidgetConfig {
	view: WidgetView;
	settings: Settings;
	controls: WidgetControl[];
	curves: WidgetCurve[];
	autoplay: boolean;
	/** The sweep widget shows its table (`table="no"` hides it). */
	table: boolean;
	/** Which shipped sweep the sweep widget shows (`sweep="3d"`; default 8d). */
	sweep: SavedSweepName;
	/** Plain-text notices about attributes that were clamped, unknown or repeated. */
	notices: Notice[];
}

/** A suggested iframe size per view (CSS pixels); the embed page also reports its height. */
export const EMBED_SIZE: Readonly<Record<WidgetView, { width: number; height: number }>> =
	Object.freeze({
		// The feature circle's two panels sit side by side from about 800 px.
		circle: { width: 860, height: 740 },
		sphere: { width: 640, height: 760 },
		input: { width: 560, height: 700 },
		stats: { width: 960, height: 900 },
		psi: { width: 560, height: 520 },
		sweep: { width: 960, height: 760 },
		// The boundaries figure's two panels sit side by side from about 700 px.
		boundaries: { width: 900, height: 760 },
		// The recognition views: the circle beside the threshold, the ROC and the counts.
		verify: { width: 900, height: 1000 },
		identify: { width: 900, height: 820 }
	});

/** Each view's name in the string tables (the embed pages' titles and the /embed list). */
export const VIEW_NAME_KEYS: Readonly<Record<WidgetView, StringKey>> = Object.freeze({
	circle: 'widget.viewCircle',
	sphere: 'widget.viewSphere',
	input: 'widget.viewInput',
	stats: 'widget.viewStats',
	psi: 'widget.viewPsi',
	sweep: 'widget.viewSweep',
	boundaries: 'widget.viewBoundaries',
	verify: 'recog.verifyView',
	identify: 'recog.identifyView'
});

/** Human names of the views, for iframe titles. */
export const VIEW_TITLES: Readonly<Record<WidgetView, string>> = Object.freeze({
	circle: 'feature circle',
	sphere: 'feature sphere',
	input: 'input space and decision regions',
	stats: 'angle statistics',
	psi: 'target logit curves ψ(θ)',
	sweep: 'the identity sweep: when does the margin help?',
	boundaries: 'decision boundaries of the losses for two classes',
	verify: 'verification: pairs, a threshold cone and the ROC',
	identify: 'identification: a probe searches the gallery'
});

export function isWidgetView(value: unknown): value is WidgetView {
	return (WIDGET_VIEWS as readonly unknown[]).includes(value);
}

/**
 * Whether the view trains a model: all but the ψ chart and the boundaries figure (pure math)
 * and the identity sweep (a measured result, saved with the site).
 */
export function trainsModel(view: WidgetView): boolean {
	return view !== 'psi' && view !== 'sweep' && view !== 'boundaries';
}

/** A space- or comma-separated list of allowed words; unknown words become notices. */
function wordList<T extends string>(
	name: string,
	value: string | undefined,
	allowed: readonly T[],
	fallback: T[],
	notices: Notice[]
): T[] {
	if (value === undefined) return fallback;
	const words = value.split(/[\s,]+/).filter((w) => w !== '');
	const out: T[] = [];
	for (const w of words) {
		if ((allowed as readonly string[]).includes(w)) {
			if (!out.includes(w as T)) out.push(w as T);
		} else
			notices.push(
				notice('widgetWord', {
					name,
					word: JSON.stringify(w.slice(0, 20)),
					allowed: allowed.join(', ')
				})
			);
	}
	return out;
}

/**
 * A widget from its attributes (lesson tags) or query parameters (embed pages): the view,
 * the explorer settings (clamped exactly as the explorer clamps its URL; circle forces a 2D
 * feature space, sphere a 3D one) and the widget's own options. Never throws.
 */
export function widgetConfig(
	view: WidgetView,
	attributes: Iterable<[string, string]>
): WidgetConfig {
	const notices: Notice[] = [];
	const own = new Map<string, string>();
	const entries: [string, string][] = [];
	for (const [key, value] of attributes) {
		if (WIDGET_KEYS.has(key)) own.set(key, value);
		else entries.push([key.trim(), value.trim()]);
	}
	if (view === 'circle') entries.push(['dim', '2']);
	if (view === 'sphere') entries.push(['dim', '3']);
	const forced = view === 'circle' || view === 'sphere';
	const parsed = parseSettingEntries(entries);
	// A forced dim repeats a dim the author gave; only say so when they disagree.
	const repeatsDim = (n: Notice) => n.key === 'repeatedSetting' && n.params.key === 'dim';
	for (const n of parsed.notices) if (!(forced && repeatsDim(n))) notices.push(n);
	const autoplayValue = own.get('autoplay');
	const autoplay = autoplayValue === undefined || !/^(false|0|no|off)$/i.test(autoplayValue);
	const tableValue = own.get('table');
	const table = tableValue === undefined || !/^(false|0|no|off)$/i.test(tableValue);
	return {
		view,
		settings: parsed.settings,
		controls: wordList('controls', own.get('controls'), WIDGET_CONTROLS, ['m'], notices),
		curves: wordList('curves', own.get('curves'), WIDGET_CURVES, [], notices),
		autoplay,
		table,
		sweep: wordList('sweep', own.get('sweep'), SAVED_SWEEPS, ['8d'], notices)[0] ?? '8d',
		notices
	};
}

/**
 * The query string (without '?') of a widget's embed page: its settings as the explorer
 * writes them plus its own options when they differ from the defaults.
 */
export function widgetQuery(config: Omit<WidgetConfig, 'notices'>): string {
	const parts = [serializeSettings(config.settings)];
	const controls = config.controls.join(',');
	if (controls !== 'm') parts.push(`controls=${controls === '' ? '' : controls}`);
	if (config.curves.length) parts.push(`curves=${config.curves.join(',')}`);
	if (!config.autoplay) parts.push('autoplay=0');
	if (config.table === false) parts.push('table=0');
	if (config.sweep === '3d') parts.push('sweep=3d');
	return parts.filter((p) => p !== '').join('&');
}

/** Escapes text for an HTML attribute value in double quotes. */
function attribute(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/"/g, '&quot;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;');
}

/** An `<iframe>` snippet for another site: the page, a title for screen readers, a size. */
export function iframeSnippet(
	url: string,
	title: string,
	size: { width: number; height: number }
): string {
	return (
		`<iframe src="${attribute(url)}" title="${attribute(title)}" ` +
		`width="${size.width}" height="${size.height}" loading="lazy" ` +
		`style="border: 0; max-width: 100%;"></iframe>`
	);
}

/** The `<iframe>` snippet of a widget's embed page. */
export function embedSnippet(url: string, view: WidgetView): string {
	return iframeSnippet(url, `SphereLab: ${VIEW_TITLES[view]}`, EMBED_SIZE[view]);
}
