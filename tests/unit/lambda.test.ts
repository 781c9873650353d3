import { describe, expect, test } from 'vitest';
import {
	floorStepFor,
	rescaleSchedule,
	scheduleFor,
	iterationsToFloor,
	lambdaAt,
	lambdaForStep,
	OFFICIAL_SCHEDULE,
	PYTORCH_SCHEDULE
} from '../../src/lib/math/lambda';
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

describe('λ on a run’s clock (issue 24)', () => {
	test('floorStepFor: SphereFace’s fraction, 1659 of 28,000 steps', () => {
		expect(floorStepFor(28_000)).toBe(1659);
		expect(floorStepFor(2000)).toBe(119);
		expect(floorStepFor(1)).toBe(1);
	});

	test.each([119, 500, 1659, 5000])(
		'rescaleSchedule: the official curve reaches its floor at step %i',
		(floorAt) => {
			const s = rescaleSchedule(OFFICIAL_SCHEDULE, floorAt);
			const reached = iterationsToFloor(s);
			expect(Math.abs(reached - floorAt)).toBeLessThanOrEqual(1 + floorAt / 2500);
			expect(lambdaAt(s, 0.99 * floorAt - 2)).toBeGreaterThan(5);
			// The same curve on another clock: λ at a fraction of the way is the same.
			const f = 0.3;
			expect(lambdaAt(s, f * floorAt)).toBeCloseTo(lambdaAt(OFFICIAL_SCHEDULE, f * 1659), 0);
		}
	);

	test('scheduleFor: official keeps its clock at floorAt 0; warmup is λ = 0 after the floor', () => {
		const opts = { fixed: 5, min: 5, floorAt: 0 };
		expect(scheduleFor('official', opts)).toEqual(OFFICIAL_SCHEDULE);
		expect(scheduleFor('off', opts)).toEqual({ kind: 'off' });
		expect(scheduleFor('fixed', { ...opts, fixed: 2 })).toEqual({ kind: 'fixed', lambda: 2 });
		const warm = scheduleFor('warmup', opts);
		expect(lambdaAt(warm, 1659)).toBe(5);
		expect(lambdaAt(warm, 1660)).toBe(0);
		const short = scheduleFor('warmup', { ...opts, floorAt: 119 });
		expect(lambdaAt(short, 100)).toBeGreaterThan(5);
		expect(lambdaAt(short, 119)).toBeCloseTo(5, 0);
		expect(lambdaAt(short, 120)).toBe(0);
		expect(lambdaAt(scheduleFor('official', { ...opts, floorAt: 119, min: 2 }), 10_000)).toBe(2);
	});
});
