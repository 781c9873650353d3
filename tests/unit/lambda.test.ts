import { describe, expect, test } from 'vitest';
import {
	iterationsToFloor,
	lambdaAt,
	lambdaForStep,
	OFFICIAL_SCHEDULE,
	PYTORCH_SCHEDULE
} from '../../src/lib/math/index';
import { closeTo, reference } from './reference';

const ref = reference.lambda_schedules;

describe('λ schedules match the reference', () => {
	test.each([
		['official_caffe', OFFICIAL_SCHEDULE],
		['sphereface_pytorch', PYTORCH_SCHEDULE]
	] as const)('%s', (name, schedule) => {
		ref.iterations.forEach((it, i) => {
			expect(closeTo(lambdaAt(schedule, it), ref[name].values[i], 1e-12)).toBe(true);
		});
		expect(iterationsToFloor(schedule)).toBe(ref[name].reaches_min_at_it);
	});
});

describe('λ evaluator', () => {
	test('the counter is incremented before use: step 1 evaluates it = 1', () => {
		expect(lambdaForStep(OFFICIAL_SCHEDULE, 1)).toBe(lambdaAt(OFFICIAL_SCHEDULE, 1));
		expect(lambdaForStep(OFFICIAL_SCHEDULE, 0)).toBe(lambdaAt(OFFICIAL_SCHEDULE, 1));
		expect(lambdaForStep(OFFICIAL_SCHEDULE, 1)).toBeCloseTo(1000 / 1.12, 10);
	});

	test('off, fixed and garbage input', () => {
		expect(lambdaAt({ kind: 'off' }, 50)).toBe(0);
		expect(lambdaAt({ kind: 'fixed', lambda: 7 }, 50)).toBe(7);
		expect(lambdaAt({ kind: 'fixed', lambda: Number.NaN }, 50)).toBe(0);
		expect(lambdaAt({ kind: 'fixed', lambda: -2 }, 50)).toBe(0);
		expect(lambdaAt(OFFICIAL_SCHEDULE, Number.NaN)).toBe(1000);
		expect(lambdaAt(OFFICIAL_SCHEDULE, Infinity)).toBe(1000);
		expect(lambdaAt(OFFICIAL_SCHEDULE, 1e12)).toBe(5);
	});
});
