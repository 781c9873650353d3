/**
 * From a finished sweep to claims (src/lib/io/claims.ts): one claim per loss (but modified
 * softmax, the baseline), identity count and metric, from the row's paired difference and its
 * bootstrap interval. Pure TypeScript.
 */
import { CLAIM_METRICS, claimId, claimLossKey, type Claim } from '../io/claims';
import { BASELINE_LOSS, type ExperimentRow } from '../math/experimentTable';

/** The claims of `rows` (rows without paired differences or with one seed give none). */
export function claimsOf(rows: readonly ExperimentRow[], sweep: string, prefix = ''): Claim[] {
	const out: Claim[] = [];
	for (const row of rows) {
		if (row.loss === BASELINE_LOSS || !row.delta) continue;
		const base = rows.find((r) => r.loss === BASELINE_LOSS && r.identities === row.identities);
		for (const metric of CLAIM_METRICS) {
			const d = row.delta[metric];
			const value = row[metric];
			const baseline = base?.[metric];
			if (!d || !d.ci95 || value === null || baseline === null || baseline === undefined) continue;
			out.push({
				id: claimId(
					prefix,
					claimLossKey(row.loss, row.requestedM, !!row.trials, row.variant),
					row.identities,
					metric
				),
				loss: row.loss,
				m: row.m,
				identities: row.identities,
				metric,
				mean: d.mean,
				ci95: d.ci95,
				std: d.std,
				ahead: d.ahead,
				seeds: d.seeds,
				verdict: d.verdict,
				value,
				baseline,
				effectiveMarginDeg: row.effectiveMarginDeg,
				sweep
			});
		}
	}
	return out;
}
