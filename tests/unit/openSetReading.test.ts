/** /compare's reading in words: generated from the live numbers, hedged, with the sweep's verdict. */
import { describe, expect, test } from 'vitest';
import type { Claim, ClaimsFile } from '../../src/lib/io/claims';
import {
	openSetReading,
	nearestCount,
	type ReadingPanel
} from '../../src/lib/state/openSetReading';

const claim = (over: Partial<Claim>): Claim => ({
	id: 'asoftmax-m2.6.tarAtFar1e2',
	loss: 'asoftmax',
	m: 2,
	identities: 6,
	metric: 'tarAtFar1e2',
	mean: -0.05,
	ci95: [-0.09, -0.01],
	std: 0.06,
	ahead: 2,
	seeds: 10,
	verdict: 'hurts',
	value: 0.3,
	baseline: 0.35,
	effectiveMarginDeg: 7,
	sweep: 'identity',
	...over
});
const file: ClaimsFile = {
	kind: 'spherelab-claims',
	command: 'npm run claims -- --measure',
	sweeps: {
		identity: {
			command: 'x',
			featureDim: 8,
			steps: 2000,
			seeds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
			validationSeeds: [1001],
			identities: [6, 25],
			unseen: 20,
			seconds: 1,
			workers: 2
		}
	},
	claims: [
		claim({}),
		claim({
			id: 'asoftmax-m4.6.tarAtFar1e2',
			m: 4,
			verdict: 'none',
			ci95: [-0.1, 0.02],
			std: 0.11
		}),
		claim({
			id: 'asoftmax-m2.25.tarAtFar1e2',
			identities: 25,
			verdict: 'helps',
			ci95: [0.01, 0.05]
		})
	]
};
const panel = (over: Partial<ReadingPanel>): ReadingPanel => ({
	loss: 'modified',
	m: 1,
	label: 'Modified softmax',
	tarNew: 0.78,
	tarKnown: 0.9,
	trainAcc: 1,
	step: 3000,
	...over
});
const setup = { seed: 1, seen: 6, heldOut: 4, featureDim: 2, lambdaMode: 'off' };

describe('openSetReading', () => {
	const panels = [
		panel({}),
		panel({ loss: 'asoftmax', m: 2, label: 'A-Softmax m = 2', tarNew: 0.09, tarKnown: 0.95 }),
		panel({ loss: 'asoftmax', m: 4, label: 'A-Softmax m = 4', tarNew: 0.15, trainAcc: 0.9 })
	];

	test('the live numbers: best and worst on new people, best on known people, unfit models', () => {
		const text = openSetReading(panels, setup, file, 'en').join(' ');
		expect(text).toContain('trained 3,000 steps on seed 1, with 6 known people; 4 new people');
		expect(text).toContain(
			'Modified softmax verifies best (TAR at 1 % false accepts 0.780) and A-Softmax m = 2 worst (0.090)'
		);
		expect(text).toContain('new photos of the known people, A-Softmax m = 2 is best (TAR 0.950)');
		expect(text).toContain('A-Softmax m = 4 has not fit its training set yet');
	});

	test('the hedges and the sweep’s verdicts at the nearest measured count', () => {
		const text = openSetReading(panels, setup, file, 'en').join(' ');
		expect(text).toContain('one model per loss on one seed');
		expect(text).toContain('standard deviation of up to 0.110');
		expect(text).toContain(
			'at 6 identities: A-Softmax m = 2 hurts new people against modified softmax (−0.050 (95 % CI −0.090 to −0.010; ahead on 2 of 10 seeds))'
		);
		expect(text).toContain('A-Softmax m = 4 makes no measurable difference for new people');
		expect(text).toContain('8-D features');
		expect(text).toContain('the pure margin (λ = 0) from the first step');
		const at20 = openSetReading(panels, { ...setup, seen: 20 }, file, 'en').join(' ');
		expect(at20).toContain('at 25 identities: A-Softmax m = 2 helps new people');
	});

	test('waits until every panel is scored; Korean is Korean; no claims file, no verdict', () => {
		const waiting = openSetReading([panels[0], panel({ tarNew: null })], setup, file, 'en');
		expect(waiting).toEqual([
			'Press Play all: the reading appears once every panel has been scored.'
		]);
		const ko = openSetReading(panels, setup, file, 'ko').join(' ');
		expect(ko).toContain('새로운 사람');
		expect(ko).toContain('해가 됩니다');
		expect(ko).not.toMatch(/verifies|seeds/);
		const bare = openSetReading(panels, setup, null, 'en').join(' ');
		expect(bare).not.toContain('verdict');
	});

	test('nearestCount', () => {
		expect(nearestCount(file.claims, 100)).toBe(25);
		expect(nearestCount(file.claims, 7)).toBe(6);
		expect(nearestCount([], 7)).toBeNull();
	});
});
