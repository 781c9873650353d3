// Line styles for up to four compared models (Okabe–Ito colours plus a dash each, so the
// series stay apart without colour).
export interface SeriesStyle {
	color: string;
	dash: string;
}

const STYLES: readonly SeriesStyle[] = Object.freeze([
	{ color: '#1b1f24', dash: '' },
	{ color: '#0072b2', dash: '6 3' },
	{ color: '#d55e00', dash: '2 3' },
	{ color: '#009e73', dash: '10 3 2 3' }
]);

export function seriesStyle(i: number): SeriesStyle {
	return STYLES[((i % STYLES.length) + STYLES.length) % STYLES.length];
}

/** "0.934", or "—" for a missing value (never NaN in a view). */
export function formatMetric(v: number | null | undefined, digits = 3): string {
	return v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits);
}
