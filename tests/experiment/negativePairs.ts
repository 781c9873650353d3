/**
 * npm run experiment:negative-pairs [-- LOG]: the negative-margin sweep's paired comparison of
 * each loss's negative margin against its positive one (same seed: the same data, initial
 * weights and batches), which the sweep's table does not give (it pairs every row with
 * modified softmax). Reads the per-run lines that `npm run experiment` prints to stderr (kept
 * in tests/experiment/data/negative-margins-runs.txt, the log of the run that saved
 * static/data/negative-margins.json), and prints, per loss and metric, the mean paired
 * difference negative − positive with its 95 % bootstrap interval (math/bootstrap.ts, as the
 * claims use) and its verdict: 'helps' or 'hurts' only when the interval excludes 0.
 */
import { readFileSync } from 'node:fs';
import { pairedSummary } from '../../src/lib/math/bootstrap';

const LINE =
	/^\[\d+\/\d+\] (\d+) ids, seed (\d+) (\w+) m = (-?[\d.]+): .*new people AUC ([\d.]+) TAR ([\d.]+) rank-1 ([\d.]+); known people AUC ([\d.]+) TAR ([\d.]+)/;
const METRICS = ['verifAUC', 'tarAtFar1e2', 'rank1', 'seenVerifAUC', 'seenTarAtFar1e2'] as const;

interface Run {
	loss: string;
	m: number;
	seed: number;
	values: Record<(typeof METRICS)[number], number>;
}

/** The test runs (not validation) of a log. */
export function parseRuns(log: string): Run[] {
	const runs: Run[] = [];
	for (const line of log.split('\n')) {
		const g = LINE.exec(line);
		if (!g) continue;
		const values = Object.fromEntries(
			METRICS.map((k, i) => [k, Number(g[5 + i])])
		) as Run['values'];
		runs.push({ loss: g[3], m: Number(g[4]), seed: Number(g[2]), values });
	}
	return runs;
}

/** Per loss: the paired differences negative − positive margin, per metric. */
export function negativeVsPositive(runs: Run[]) {
	const out = [];
	for (const loss of [...new Set(runs.map((r) => r.loss))]) {
		const neg = runs.filter((r) => r.loss === loss && r.m < 0);
		const pos = runs.filter((r) => r.loss === loss && r.m > 0);
		if (neg.length === 0 || pos.length === 0) continue;
		const seeds = neg.map((r) => r.seed).filter((s) => pos.some((p) => p.seed === s));
		for (const metric of METRICS) {
			const diffs = seeds.map(
				(s) =>
					neg.find((r) => r.seed === s)!.values[metric] -
					pos.find((r) => r.seed === s)!.values[metric]
			);
			out.push({ loss, negative: neg[0].m, positive: pos[0].m, metric, ...pairedSummary(diffs) });
		}
	}
	return out;
}

export function main(): number {
	const file = process.argv[2] ?? 'tests/experiment/data/negative-margins-runs.txt';
	const rows = negativeVsPositive(parseRuns(readFileSync(file, 'utf8')));
	for (const r of rows) {
		const ci = r.ci95 ? `[${r.ci95[0].toFixed(3)}, ${r.ci95[1].toFixed(3)}]` : '—';
		console.log(
			`${r.loss} m = ${r.negative} − m = ${r.positive}, ${r.metric}: ${r.mean?.toFixed(3)} ${ci} ` +
				`(${r.ahead}/${r.seeds} seeds ahead) → ${r.verdict}`
		);
	}
	return 0;
}
