/**
 * Data for the ψ(θ) chart: the target curves of the loss heads sampled over θ ∈ [0, π], and
 * the angles θ_y of the training points to their own class weight (the chart's rug). Pure
 * data, no DOM: the formulas come from src/lib/math, the component only draws.
 */
import { angleBetween } from '../math/vec';
import {
	combinedTarget,
	COMBINED_PRESETS,
	psi,
	psiMixed,
	targetCurve,
	type CombinedMargins,
	type HeadKind
} from '../math/psi';
import { SPLIT } from '../math/split';
import { formatLambda } from '../math/lambda';
import { fillTemplate } from '../math/template';

/** One curve of the chart: points [θ radians, value], θ increasing over [0, π]. */
export interface CurveSeries {
	id: 'cos' | 'psi' | 'mixed' | 'cosface' | 'arcface' | 'combined';
	label: string;
	points: [number, number][];
}

/** What the ψ chart shows. */
export interface PsiChartInput {
	/** The active loss head. */
	loss: HeadKind;
	/** The active head's margin: multiplicative for A-Softmax, additive for CosFace/ArcFace. */
	m: number;
	/** The combined head's margins (the combined preset's when unset). */
	combined?: Partial<CombinedMargins>;
	/** A-Softmax annealing λ; the mixed target is drawn when λ > 0. */
	lambda: number;
	/** Margin of the CosFace comparison curve (default 0.35). */
	cosfaceM?: number;
	/** Margin of the ArcFace comparison curve (default 0.5). */
	arcfaceM?: number;
	/** Add CosFace's cos θ − m for comparison. */
	showCosFace?: boolean;
	/** Add ArcFace's cos(θ + m) (th_mm form) for comparison. */
	showArcFace?: boolean;
	/** Uniform samples over [0, π] (default 241, every 0.75°; clamped to 16..2000). */
	samples?: number;
	/** The words of the labels and the description (default English). */
	words?: PsiWords;
}

/**
 * The words of the chart's labels and accessible description, so a page can show them in
 * its language: templates with `{name}` placeholders (the page builds them from the string
 * tables, `psi.*`). Formulas and loss names stay as they are.
 */
export interface PsiWords {
	/** The annealed curve's label: "target with λ = {lambda}". */
	mixed: string;
	softmax: string;
	modified: string;
	/** "ψ(θ) for m = {m}". */
	psiFor: string;
	/** "{curve} with cos θ for comparison". */
	withCos: string;
	/** The annealed curve in the description: "the training target with λ = {lambda}". */
	trainingMixed: string;
	/** ", plus {curves}", the curves joined by `and`. */
	plus: string;
	and: string;
	/** "; ticks mark θ of {n} training points to their class weight". */
	rug: string;
}

export const PSI_WORDS_EN: Readonly<PsiWords> = Object.freeze({
	mixed: 'target with λ = {lambda}',
	softmax: 'cos θ, the target curve of softmax',
	modified: 'cos θ, the target curve of modified softmax',
	psiFor: 'ψ(θ) for m = {m}',
	withCos: '{curve} with cos θ for comparison',
	trainingMixed: 'the training target with λ = {lambda}',
	plus: ', plus {curves}',
	and: ' and ',
	rug: '; ticks mark θ of {n} training points to their class weight'
});

/** Margin of the CosFace comparison curve when none is given (the CosFace paper's 0.35). */
export const DEFAULT_COSFACE_M = 0.35;
/** Margin of the ArcFace comparison curve when none is given (insightface's 0.5). */
export const DEFAULT_ARCFACE_M = 0.5;

/** "4", "2.5", "0.35": a margin with at most two decimals, trailing zeros dropped. */
export function formatMargin(m: number): string {
	return Number.isInteger(m) ? String(m) : String(Number(m.toFixed(2)));
}

/** "5.0", "1000": λ as the status line prints it (one definition, in the math core). */

/** A finite margin or the fallback (a NaN slider value must not blank the chart). */
function finiteOr(v: number | undefined, fallback: number): number {
	return v !== undefined && Number.isFinite(v) ? v : fallback;
}

/**
 * The θ grid: `samples` uniform points over [0, π] plus the curves' kinks (kπ/m, where ψ
 * changes branch, and π − m, where ArcFace's th_mm switches to its linear continuation), so
 * a polyline through the samples bends exactly where the curve does.
 */
function thetaGrid(samples: number, kinks: number[]): number[] {
	const n = Math.round(Math.min(2000, Math.max(16, finiteOr(samples, 241))));
	const grid = Array.from({ length: n }, (_, i) => (Math.PI * i) / (n - 1));
	for (const k of kinks) if (k > 0 && k < Math.PI) grid.push(k);
	grid.sort((a, b) => a - b);
	return grid.filter((t, i) => i === 0 || t - grid[i - 1] > 1e-12);
}

/** Samples f over the grid, dropping any non-finite value (so every path string is valid). */
function sample(grid: number[], f: (theta: number) => number): [number, number][] {
	const out: [number, number][] = [];
	for (const t of grid) {
		const v = f(t);
		if (Number.isFinite(v)) out.push([t, v]);
	}
	return out;
}

/** The combined margins to draw: finite values, m1 ≥ 1, the combined preset's where unset. */
function combinedOf(c: Partial<CombinedMargins> | undefined): CombinedMargins {
	const d = COMBINED_PRESETS.combined;
	return {
		m1: Math.max(1, finiteOr(c?.m1, d.m1)),
		m2: finiteOr(c?.m2, d.m2),
		m3: finiteOr(c?.m3, d.m3)
	};
}

/** "cos(m1·θ + m2) − m3, m1 = 1, m2 = 0.3, m3 = 0.2": the combined curve's label. */
export function combinedLabel(c: CombinedMargins): string {
	return `cos(m1·θ + m2) − m3, m1 = ${formatMargin(c.m1)}, m2 = ${formatMargin(c.m2)}, m3 = ${formatMargin(c.m3)}`;
}

/** Where the ψ chart's range stops when ψ is drawn beside CosFace or ArcFace. */
export const PSI_FLOOR = -2;

/**
 * The curves of the ψ chart and a padded y-range covering them. Always cos θ; A-Softmax adds
 * ψ(θ) for the current m and, when λ > 0, the annealed target (λ cos θ + ψ(θ))/(1 + λ);
 * CosFace adds cos θ − m and ArcFace its φ(θ). `showCosFace`/`showArcFace` add those curves
 * (at their default margins unless given) to compare with the active loss.
 *
 * The range fits the curves a reader compares: A-Softmax's ψ falls to 1 − 2m at θ = π
 * (−7 at m = 4), which would squash CosFace's and ArcFace's curves (above −2) into a sliver;
 * beside them the range stops at PSI_FLOOR and `clippedMin` says how low ψ goes (the chart
 * clips ψ there and says so).
 */
export function psiChartData(input: PsiChartInput): {
	series: CurveSeries[];
	yMin: number;
	yMax: number;
	/** The lowest value of a curve cut off at the bottom of the range; null when none is. */
	clippedMin: number | null;
} {
	const { loss } = input;
	const lambda = Number.isFinite(input.lambda) && input.lambda > 0 ? input.lambda : 0;
	// ψ needs m ≥ 1 (m = 1 is cos θ); the additive margins keep whatever finite value they get.
	const mPsi = Math.max(1, finiteOr(input.m, 1));
	const mCos =
		loss === 'cosface' ? finiteOr(input.m, 0) : finiteOr(input.cosfaceM, DEFAULT_COSFACE_M);
	const mArc =
		loss === 'arcface' ? finiteOr(input.m, 0) : finiteOr(input.arcfaceM, DEFAULT_ARCFACE_M);
	const withCos = loss === 'cosface' || input.showCosFace === true;
	const withArc = loss === 'arcface' || input.showArcFace === true;
	const mix = combinedOf(input.combined);

	const kinks: number[] = [];
	if (loss === 'combined') {
		// Where u = m1·θ + m2 crosses a multiple of π (the extension's branch points).
		for (let k = 0; k <= Math.ceil(mix.m1 + 1); k++) kinks.push((k * Math.PI - mix.m2) / mix.m1);
	}
	if (loss === 'asoftmax') {
		for (let k = 1; k < Math.ceil(mPsi); k++) kinks.push((k * Math.PI) / mPsi);
	}
	if (withArc) kinks.push(Math.PI - mArc);
	const grid = thetaGrid(input.samples ?? 241, kinks);

	const series: CurveSeries[] = [{ id: 'cos', label: 'cos θ', points: sample(grid, Math.cos) }];
	if (loss === 'asoftmax') {
		series.push({
			id: 'psi',
			label: `ψ(θ), m = ${formatMargin(mPsi)}`,
			points: sample(grid, (t) => psi(t, mPsi))
		});
		if (lambda > 0) {
			series.push({
				id: 'mixed',
				label: fillTemplate((input.words ?? PSI_WORDS_EN).mixed, {
					lambda: formatLambda(lambda)
				}),
				points: sample(grid, (t) => psiMixed(t, mPsi, lambda))
			});
		}
	}
	if (loss === 'combined') {
		series.push({
			id: 'combined',
			label: combinedLabel(mix),
			points: sample(grid, (t) => combinedTarget(t, mix))
		});
	}
	if (withCos) {
		series.push({
			id: 'cosface',
			label: `CosFace cos θ − m, m = ${formatMargin(mCos)}`,
			points: sample(grid, (t) => targetCurve('cosface', t, { m: mCos }))
		});
	}
	if (withArc) {
		series.push({
			id: 'arcface',
			label: `ArcFace cos(θ + m), m = ${formatMargin(mArc)}`,
			points: sample(grid, (t) => targetCurve('arcface', t, { m: mArc }))
		});
	}

	let lo = Infinity;
	let hi = -Infinity;
	for (const s of series) {
		for (const [, v] of s.points) {
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
	}
	// Beside CosFace or ArcFace, ψ's long fall is cut at the floor (unless they reach lower).
	let clippedMin: number | null = null;
	if (loss === 'asoftmax' && (withCos || withArc)) {
		let others = Infinity;
		for (const s of series)
			if (s.id !== 'psi' && s.id !== 'mixed')
				for (const [, v] of s.points) others = Math.min(others, v);
		const floor = Math.min(PSI_FLOOR, others);
		if (lo < floor) {
			clippedMin = lo;
			lo = floor;
		}
	}
	// cos θ always has finite samples, so lo ≤ hi here; pad 6% so no curve touches the frame.
	const pad = 0.06 * (hi - lo || 1);
	return { series, yMin: lo - pad, yMax: hi + pad, clippedMin };
}

/** The chart's accessible description, e.g. "ψ(θ) for m = 4 with cos θ for comparison". */
export function psiChartDescription(input: PsiChartInput, rugCount = 0): string {
	const words = input.words ?? PSI_WORDS_EN;
	const { series } = psiChartData({ ...input, samples: 16 });
	const label = (id: CurveSeries['id']) => series.find((s) => s.id === id)?.label ?? '';
	const lambda = formatLambda(Number.isFinite(input.lambda) ? input.lambda : 0);
	const withCos = (curve: string) => fillTemplate(words.withCos, { curve });
	const mains: Record<HeadKind, string> = {
		softmax: words.softmax,
		modified: words.modified,
		asoftmax: withCos(
			fillTemplate(words.psiFor, { m: formatMargin(Math.max(1, finiteOr(input.m, 1))) })
		),
		cosface: withCos(label('cosface')),
		arcface: withCos(label('arcface')),
		combined: withCos(label('combined'))
	};
	const extras = series
		.filter((s) => s.id !== 'cos' && s.id !== 'psi' && s.id !== input.loss)
		.map((s) => (s.id === 'mixed' ? fillTemplate(words.trainingMixed, { lambda }) : s.label));
	let text = mains[input.loss];
	if (extras.length > 0) text += fillTemplate(words.plus, { curves: extras.join(words.and) });
	if (rugCount > 0) text += fillTemplate(words.rug, { n: rugCount });
	return text;
}

/**
 * θ_y (radians) of each point whose split is 0 (train), from raw features [N·D], unit class
 * weights [C·D] and labels; rows with zero/non-finite features skipped. θ_y is the angle
 * between a point's feature and its own class weight, by the accurate atan2 form of
 * `angleBetween` (acos loses precision near 0, where well-trained points sit).
 */
export function targetAngles(
	features: Float32Array,
	weights: Float32Array,
	labels: Int32Array,
	split: Uint8Array,
	dim: number
): number[] {
	const out: number[] = [];
	if (!(dim >= 1)) return out;
	const numClasses = Math.floor(weights.length / dim);
	const n = Math.min(labels.length, split.length, Math.floor(features.length / dim));
	for (let i = 0; i < n; i++) {
		const y = labels[i];
		if (split[i] !== SPLIT.train || y < 0 || y >= numClasses) continue;
		const x = features.subarray(i * dim, (i + 1) * dim); // [D]
		const w = weights.subarray(y * dim, (y + 1) * dim); // [D]
		// A zero feature has no direction; a non-finite one would put NaN on the rug.
		if (!usable(x) || !usable(w)) continue;
		out.push(angleBetween(Array.from(x), Array.from(w)));
	}
	return out;
}

/** True when v is finite and not the zero vector. */
function usable(v: Float32Array): boolean {
	let nonZero = false;
	for (const c of v) {
		if (!Number.isFinite(c)) return false;
		if (c !== 0) nonZero = true;
	}
	return nonZero;
}
