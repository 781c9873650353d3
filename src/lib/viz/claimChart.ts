/**
 * The layout of the verdict chart: for one metric, the paired difference of each loss against
 * modified softmax (the zero line) at every measured identity count, with its 95 % interval,
 * from the claims file. Pure TypeScript: the component draws what this computes.
 */
import type { Claim } from '../io/claims';

/** One point: a loss at one identity count. */
export interface ClaimPoint {
	identities: number;
	mean: number;
	lo: number;
	hi: number;
	verdict: Claim['verdict'];
	id: string;
}

/** One loss's points, left to right. */
export interface ClaimSeries {
	key: string;
	label: string;
	points: ClaimPoint[];
}

/** The loss key of a claim id: `asoftmax-m2` of `asoftmax-m2.25.tarAtFar1e2` (after any prefix). */
export function claimKeyOf(id: string, prefix = ''): string | null {
	if (!id.startsWith(prefix)) return null;
	const rest = id.slice(prefix.length);
	const dot = rest.indexOf('.');
	return dot > 0 ? rest.slice(0, dot) : null;
}

/** The series of `losses` (key and label, in legend order) for `metric`, from `claims` with `prefix`. */
export function claimSeries(
	claims: readonly Claim[],
	metric: string,
	losses: readonly { key: string; label: string }[],
	prefix = ''
): ClaimSeries[] {
	return losses
		.map(({ key, label }) => ({
			key,
			label,
			points: claims
				.filter((c) => c.metric === metric && claimKeyOf(c.id, prefix) === key)
				.map((c) => ({
					identities: c.identities,
					mean: c.mean,
					lo: c.ci95[0],
					hi: c.ci95[1],
					verdict: c.verdict,
					id: c.id
				}))
				.sort((a, b) => a.identities - b.identities)
		}))
		.filter((s) => s.points.length > 0);
}

/** The y extent that holds every interval and 0, padded by 5 %. */
export function claimExtent(series: readonly ClaimSeries[]): [number, number] {
	const ys = series.flatMap((s) => s.points.flatMap((p) => [p.lo, p.hi]));
	const lo = Math.min(0, ...ys);
	const hi = Math.max(0, ...ys);
	const pad = (hi - lo || 0.1) * 0.05;
	return [lo - pad, hi + pad];
}

/** Horizontal offsets (in band fractions) that keep k series' whiskers apart. */
export function dodge(k: number, i: number, width = 0.5): number {
	return k <= 1 ? 0 : -width / 2 + (width * i) / (k - 1);
}
