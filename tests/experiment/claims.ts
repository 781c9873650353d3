/**
 * npm run claims [-- --measure]: static/data/claims.json, the lab's claims, from the saved
 * sweeps below (see src/lib/io/claims.ts). With --measure, every sweep is measured again first
 * with its own command (`npm run experiment -- …`, about an hour on a 2-core machine); without
 * it, the claims are rebuilt from the saved files in seconds. Every page that states a
 * measured result cites a claim id of this file (tests/unit/lessonClaims.test.ts checks them).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { CLAIMS_KIND, type ClaimsFile } from '../../src/lib/io/claims';
import { claimsOf } from '../../src/lib/model/experimentClaims';
import { parseSavedSweep } from '../../src/lib/state/savedSweep';

/** The sweeps behind the claims: a name, the claim ids' prefix, the saved file, its command. */
export const CLAIM_SWEEPS = [
	{
		// The identity sweep every lesson quotes: 8-D features, every loss, 6 to 200 identities.
		name: 'identity',
		prefix: '',
		file: 'static/data/identity-sweep.json',
		args: '--identities 6,25,100,200 --seeds 10 --steps 2000 --feature-dim 8 --losses identity'
	},
	{
		// The same identities with 3-D features (the hypersphere lesson): the losses with weights.
		name: 'sphere',
		prefix: 'sphere:',
		file: 'static/data/identity-sweep-3d.json',
		args: '--identities 6,25,100,200 --seeds 10 --steps 2000 --feature-dim 3 --losses angular'
	},
	{
		// The search for a regime where a margin helps new people: the most identities and the
		// widest features SphereLab trains (16-D), at the sweep's noise and with half of it.
		name: 'wide',
		prefix: 'wide:',
		file: 'static/data/regime-wide.json',
		args: '--identities 200 --seeds 10 --steps 2000 --feature-dim 16 --losses margins'
	},
	{
		name: 'clean',
		prefix: 'clean:',
		file: 'static/data/regime-clean.json',
		args: '--identities 200 --seeds 10 --steps 2000 --feature-dim 16 --noise 0.5 --losses margins'
	},
	{
		// Negative margins (Liu et al. 2020): CosFace and ArcFace with margins chosen below 0 on
		// validation runs, beside their positive grids, at 25 identities (the lessons' count).
		name: 'negative',
		prefix: 'negative:',
		file: 'static/data/negative-margins.json',
		args: '--identities 25 --seeds 10 --steps 2000 --feature-dim 8 --losses negative'
	}
] as const;

export const CLAIMS_FILE = 'static/data/claims.json';
export const CLAIMS_COMMAND = 'npm run claims -- --measure';

export async function main(): Promise<number> {
	const measure = process.argv.includes('--measure');
	const file: ClaimsFile = { kind: CLAIMS_KIND, command: CLAIMS_COMMAND, sweeps: {}, claims: [] };
	for (const sweep of CLAIM_SWEEPS) {
		if (measure) {
			console.error(`measuring ${sweep.name}: npm run experiment -- ${sweep.args}`);
			const args = [...sweep.args.split(' '), '--json', '--save', sweep.file];
			execFileSync('npm', ['run', 'experiment', '--', ...args], {
				stdio: ['ignore', 'ignore', 'inherit']
			});
		}
		if (!existsSync(sweep.file)) {
			console.error(`npm run claims: ${sweep.file} is missing (npm run claims -- --measure)`);
			if (process.argv.includes('--partial')) continue;
			return 1;
		}
		const { sweep: saved, problem } = parseSavedSweep(JSON.parse(readFileSync(sweep.file, 'utf8')));
		if (!saved) {
			console.error(`npm run claims: ${sweep.file}: ${problem}`);
			return 1;
		}
		file.sweeps[sweep.name] = {
			command: saved.command,
			featureDim: saved.featureDim,
			steps: saved.steps,
			seeds: saved.seeds,
			validationSeeds: saved.validationSeeds ?? [],
			identities: saved.identities,
			unseen: saved.unseen,
			seconds: saved.seconds,
			workers: saved.workers ?? 1
		};
		file.claims.push(...claimsOf(saved.rows, sweep.name, sweep.prefix));
	}
	writeFileSync(CLAIMS_FILE, JSON.stringify(file, null, '\t') + '\n');
	const verdicts = file.claims.reduce<Record<string, number>>(
		(acc, c) => ({ ...acc, [c.verdict]: (acc[c.verdict] ?? 0) + 1 }),
		{}
	);
	console.error(
		`${file.claims.length} claims written to ${CLAIMS_FILE}: ${JSON.stringify(verdicts)}`
	);
	return 0;
}
