/**
 * Tick lists for the chart axes: each tick's value, its px position and its label, computed
 * once (d3 picks round values and formats them) so an axis only has to draw them.
 */

/** One tick: its value, where it sits along the axis (px) and its label. */
export interface Tick {
	value: number;
	pos: number;
	label: string;
}

/** What `scaleTicks` needs of a scale: d3's linear and log scales have all of it. */
export interface TickScale {
	(value: number): number;
	ticks(count?: number): number[];
	tickFormat(count?: number, specifier?: string): (value: number) => string;
}

/** How to pick and label ticks. */
export interface TickOptions {
	/** About how many ticks d3 should pick (default 5); ignored with `values`. */
	count?: number;
	/** The tick values to use instead of d3's. */
	values?: readonly number[];
	/** A d3-format specifier for d3's tick format, e.g. '%' or ',~f'. */
	specifier?: string;
	/** Labels each value (instead of d3's tick format). */
	format?: (value: number) => string;
}

/**
 * The ticks of `scale`: d3's round values (or `values`) with labels from `format`, else
 * d3's tick format. Ticks whose value or position is not finite are left out, so an
 * axis never draws at NaN.
 */
export function scaleTicks(scale: TickScale, opts: TickOptions = {}): Tick[] {
	const count = opts.count ?? 5;
	const values = opts.values ?? scale.ticks(count);
	const format = opts.format ?? scale.tickFormat(count, opts.specifier);
	const ticks: Tick[] = [];
	for (const value of values) {
		const pos = Number.isFinite(value) ? scale(value) : NaN;
		if (Number.isFinite(pos)) ticks.push({ value, pos, label: format(value) });
	}
	return ticks;
}

/**
 * A power of ten as a tick label: plain from 0.001 to 1000, else as 1e−5 / 1e4 (a true minus
 * sign), so a label never outgrows its axis margin.
 */
export function decadeLabel(exponent: number): string {
	if (exponent >= -3 && exponent <= 3) return String(Number((10 ** exponent).toPrecision(1)));
	return `1e${exponent < 0 ? '−' : ''}${Math.abs(exponent)}`;
}

/**
 * One tick per whole decade of a log scale's domain (0.001 … 1000; 1e−5 beyond, see
 * decadeLabel). Niced domains (`logScale(…, true)`) start and end on a decade. Over more
 * than eight decades every other label is left out (the ticks stay), so labels never touch.
 */
export function decadeTicks(scale: TickScale & { domain(): number[] }): Tick[] {
	const [a, b] = scale.domain().map((d) => Math.round(Math.log10(d)));
	if (!Number.isFinite(a) || !Number.isFinite(b)) return [];
	const lo = Math.min(a, b);
	const n = Math.abs(b - a) + 1;
	const values = Array.from({ length: n }, (_, i) => 10 ** (lo + i));
	const thin = n > 8;
	return scaleTicks(scale, {
		values,
		format: (v) => {
			const e = Math.round(Math.log10(v));
			return thin && (e - lo) % 2 !== 0 ? '' : decadeLabel(e);
		}
	});
}

/**
 * Labels for a training-step axis: d3's tick format for `count` ticks, "2,000" up to 10k
 * steps, then "12k"; the origin is a plain "0" (never "0k" or "0.0").
 */
export function stepFormat(
	scale: TickScale & { domain(): number[] },
	count: number
): (step: number) => string {
	const f = scale.tickFormat(count, (scale.domain()[1] ?? 0) >= 10_000 ? '~s' : ',~f');
	return (step) => (step === 0 ? '0' : f(step));
}

/** Room (px) the step axis's title takes at the right end of its tick row. */
const STEP_TITLE_ROOM = 44;

/**
 * About four ticks of a training-step axis whose title ("step") sits at the right end of
 * the tick row: ticks within the title's room are left out, so "5,000" never runs into it.
 */
export function stepAxisTicks(
	scale: TickScale & { domain(): number[]; range(): number[] }
): Tick[] {
	const end = Math.max(...scale.range());
	return scaleTicks(scale, { count: 4, format: stepFormat(scale, 4) }).filter(
		(t) => t.pos < end - STEP_TITLE_ROOM
	);
}
