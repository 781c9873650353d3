/**
 * The training loop's pacing (pacer.ts) driven by a fake clock: steps per slice from the
 * measured cost of a step, the speed limit's credit, the sleep until the next step is due,
 * and the snapshot and statistics intervals.
 */
import { describe, expect, test } from 'vitest';
import {
	Pacer,
	SLICE_MS,
	SNAPSHOT_COST_FACTOR,
	SNAPSHOT_HZ,
	STATS_INTERVAL_MS
} from '../../src/lib/model/pacer';

/**
 * Plays for `ms` of fake time in ticks of `tick` ms, as the loop does: each tick runs the
 * steps due, each step costing `msPerStep`. Returns the steps run.
 */
function play(p: Pacer, ms: number, tick = 16, msPerStep = 1): number {
	let now = 0;
	let steps = 0;
	p.start(now);
	while (now + tick <= ms) {
		now += tick;
		const n = p.stepsDue(now);
		if (n > 0) p.measured(n, n * msPerStep);
		steps += n;
	}
	return steps;
}

/** A pacer limited to `stepsPerSecond`, started at 0 ms. */
function limitedTo(stepsPerSecond: number): Pacer {
	const p = new Pacer();
	p.setSpeed(stepsPerSecond);
	p.start(0);
	return p;
}

describe('steps per slice', () => {
	test('unlimited: as many steps as fit in a 12 ms slice, floor(12 / msPerStep)', () => {
		const p = new Pacer();
		expect(p.msPerStep).toBe(1);
		expect(p.stepsDue(0)).toBe(SLICE_MS);
		// The measured cost is a moving average: it approaches 3 ms a step.
		for (let i = 0; i < 50; i++) p.measured(10, 30);
		expect(p.msPerStep).toBeCloseTo(3, 3);
		expect(p.stepsDue(16)).toBe(Math.floor(12 / p.msPerStep));
		expect(p.stepsDue(32)).toBe(4);
		expect(p.delayUntilNext()).toBeNull();
	});

	test('a step slower than a slice still runs, one per slice', () => {
		const p = new Pacer();
		for (let i = 0; i < 50; i++) p.measured(1, 40);
		expect(p.stepsDue(0)).toBe(1);
	});

	test('measurements of no step or no time leave the cost as it was', () => {
		const p = new Pacer();
		p.measured(0, 50);
		p.measured(5, 0);
		expect(p.msPerStep).toBe(1);
		p.measured(4, 8);
		expect(p.msPerStep).toBeCloseTo(0.8 * 1 + 0.2 * 2, 12);
	});
});

describe('speed limit', () => {
	test('10 steps/s gives 10 steps over one second of fake time in ticks of 16 ms', () => {
		const p = new Pacer();
		p.setSpeed(10);
		// 63 ticks of 16 ms: 1,008 ms, the first tick past one second.
		expect(play(p, 1008)).toBe(10);
		const q = new Pacer();
		q.setSpeed(10);
		expect(play(q, 992)).toBe(9);
	});

	test('the limit holds a fast model back; without it, it runs a full slice a tick', () => {
		const limited = new Pacer();
		limited.setSpeed(100);
		// 0.1 ms a step; 126 ticks of 16 ms: 2,016 ms.
		expect(play(limited, 2016, 16, 0.1)).toBe(201);
		const free = new Pacer();
		expect(play(free, 2016, 16, 0.1)).toBeGreaterThan(10_000);
		// Measured at just over 0.1 ms a step (the average comes down from 1): 119 a slice.
		expect(free.msPerStep).toBeCloseTo(0.1, 6);
		expect(free.stepsDue(2032)).toBe(Math.floor(SLICE_MS / free.msPerStep));
		expect(free.stepsDue(2048)).toBe(119);
	});

	test('a stall gives at most one second of steps, not a burst', () => {
		const p = limitedTo(10);
		expect(p.stepsDue(5000)).toBe(10);
		expect(p.stepsDue(5001)).toBe(0);
	});

	test.each([
		// 0.16 of a step due at 16 ms: the next in 84 ms, but no longer than a frame.
		[10, 16, 1000 / SNAPSHOT_HZ],
		// Half a step due: the next in 0.5 ms, waited as 1.
		[1000, 0.5, 1],
		// 0.2 of a step due: the next in 4 ms.
		[200, 1, 4]
	])(
		'sleeps until the next step is due, 1 ms to a frame: %s steps/s, at %s ms',
		(speed, at, wait) => {
			const p = limitedTo(speed);
			expect(p.stepsDue(at)).toBe(0);
			expect(p.delayUntilNext()).toBeCloseTo(wait, 9);
		}
	);

	test('0, negative or non-numeric speeds mean no limit', () => {
		for (const speed of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
			const p = new Pacer();
			p.setSpeed(10);
			p.setSpeed(speed);
			p.start(0);
			expect(p.stepsDue(1)).toBe(SLICE_MS);
			expect(p.delayUntilNext()).toBeNull();
		}
	});
});

describe('snapshots and statistics', () => {
	test('snapshots at display rate; the interval grows with the readout cost', () => {
		const p = new Pacer();
		expect(p.snapshotInterval).toBeCloseTo(1000 / SNAPSHOT_HZ, 9);
		expect(p.snapshotDue(0)).toBe(true);
		p.snapshotTaken(0, 2, true);
		expect(p.snapshotInterval).toBeCloseTo(1000 / SNAPSHOT_HZ, 9);
		expect(p.snapshotDue(33)).toBe(false);
		expect(p.snapshotDue(34)).toBe(true);
		// A 50 ms readout (8,630 digits): the next waits 4 × 50 = 200 ms.
		p.snapshotTaken(100, 150, false);
		expect(p.snapshotInterval).toBe(SNAPSHOT_COST_FACTOR * 50);
		expect(p.snapshotDue(299)).toBe(false);
		expect(p.snapshotDue(300)).toBe(true);
		// A cheap readout again: back to display rate.
		p.snapshotTaken(300, 301, false);
		expect(p.snapshotDue(334)).toBe(true);
	});

	test('statistics at most every 400 ms, unless forced', () => {
		const p = new Pacer();
		expect(p.statsDue(0, false)).toBe(true);
		p.snapshotTaken(0, 1, true);
		expect(p.statsDue(STATS_INTERVAL_MS - 1, false)).toBe(false);
		expect(p.statsDue(STATS_INTERVAL_MS - 1, true)).toBe(true);
		// A snapshot without statistics does not restart their interval.
		p.snapshotTaken(200, 201, false);
		expect(p.statsDue(STATS_INTERVAL_MS, false)).toBe(true);
		p.snapshotTaken(STATS_INTERVAL_MS, STATS_INTERVAL_MS + 1, true);
		expect(p.statsDue(2 * STATS_INTERVAL_MS - 1, false)).toBe(false);
		expect(p.statsDue(2 * STATS_INTERVAL_MS, false)).toBe(true);
	});
});
