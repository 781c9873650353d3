/**
 * How the sweeps' tables and legends name a row and write a paired difference: the loss with
 * the margin it trained with (the chosen one for a tuned loss), A-Softmax's λ → 0 variant on
 * its own, the margins tried, and Δ as a signed mean, its 95 % interval and "ahead k of n".
 * Rows may come from files saved before the intervals and trials existed: what is missing
 * is left out, never invented. Pure (no Svelte, no i18n: the components add the words).
 */
import { hasMargin, LOSS_NAMES, type LossKind } from '$lib/math/margins';

/** What a label reads of a row (ExperimentRow has all of it; older files lack the last two). */
export interface LabelRow {
	loss: LossKind;
	m: number | null;
	requestedM: number | null;
	variant?: 'pure';
	trials?: readonly { m: number; score: number | null }[] | null;
}

/** A-Softmax's λ → 0 variant, written after the margin. */
const PURE = ', λ → 0';

/** A margin as the tables write it (0.35, 4; no float noise such as 0.35000000000000003). */
export const marginText = (m: number): string => String(Number(m.toPrecision(6)));

/**
 * The row's model: "CosFace m = 0.2" (the margin it trained with: chosen on validation,
 * lowered to fit, or the spec's), "A-Softmax m = 4, λ → 0", "Softmax".
 */
export function rowLabel(
	r: LabelRow,
	names: Readonly<Record<LossKind, string>> = LOSS_NAMES
): string {
	const m = r.m ?? r.requestedM;
	const base =
		hasMargin(r.loss) && m !== null ? `${names[r.loss]} m = ${marginText(m)}` : names[r.loss];
	return r.variant === 'pure' ? base + PURE : base;
}

/**
 * A series' name across identity counts, where a chosen margin may differ by count:
 * "CosFace, m ∈ {0.1, 0.2, 0.35}" for a tuned loss, else as `rowLabel` with the spec's margin.
 */
export function seriesLabel(
	r: LabelRow,
	names: Readonly<Record<LossKind, string>> = LOSS_NAMES
): string {
	if (r.trials && r.trials.length > 0) {
		return `${names[r.loss]}, m ∈ {${r.trials.map((t) => marginText(t.m)).join(', ')}}`;
	}
	return rowLabel({ ...r, m: r.requestedM }, names);
}

/**
 * The margins tried, best marked: "0.1 (0.612) · 0.2 (0.640) · 0.35 (0.598)" with the chosen
 * one's index; null when the margin was not chosen on data.
 */
export function trialsText(r: LabelRow): { parts: { text: string; chosen: boolean }[] } | null {
	if (!r.trials || r.trials.length === 0) return null;
	return {
		parts: r.trials.map((t) => ({
			text: `${marginText(t.m)} (${t.score === null ? '—' : t.score.toFixed(3)})`,
			chosen: r.m !== null && Math.abs(t.m - r.m) < 1e-9
		}))
	};
}

/** A paired difference as a table reads it (interval, verdict and counts may be absent). */
export interface DeltaLike {
	mean: number;
	ci95?: readonly [number, number] | null;
	verdict?: 'helps' | 'hurts' | 'none';
	ahead?: number;
	seeds?: number;
}

/** +0.012, −0.034, 0.000: a difference with its sign and a true minus. */
export function signed(v: number, digits = 3): string {
	const t = Math.abs(v).toFixed(digits);
	if (Number(t) === 0) return (0).toFixed(digits);
	return `${v > 0 ? '+' : '−'}${t}`;
}

/** What a Δ cell shows: the mean, the interval (null: none), the seeds ahead, the verdict. */
export interface DeltaText {
	mean: string;
	interval: string | null;
	ahead: { k: number; n: number } | null;
	verdict: 'helps' | 'hurts' | 'none';
}

/** The cell of `d` (null: no difference, e.g. modified softmax against itself). */
export function deltaText(d: DeltaLike | null | undefined): DeltaText | null {
	if (!d || !Number.isFinite(d.mean)) return null;
	const ci = d.ci95;
	const interval =
		ci && Number.isFinite(ci[0]) && Number.isFinite(ci[1])
			? `[${signed(ci[0])}, ${signed(ci[1])}]`
			: null;
	const ahead =
		d.ahead !== undefined && d.seeds !== undefined && d.seeds > 1
			? { k: d.ahead, n: d.seeds }
			: null;
	return { mean: signed(d.mean), interval, ahead, verdict: d.verdict ?? 'none' };
}
