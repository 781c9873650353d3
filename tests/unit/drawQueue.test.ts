/**
 * The shared frame loop of the canvas views: one draw per view per frame however often it
 * is asked, draws in the order asked, at most a time budget and a count of them per frame
 * (always at least one) with the rest in the next frame, draws asked during a frame (a tween's next
 * step) in the next one, and a cancelled draw never runs. A fake clock and fake frames.
 */
import { describe, expect, test } from 'vitest';
import { DrawQueue } from '../../src/lib/viz/drawQueue';

function setup(budgetMs: number, maxPerFrame = 10) {
	let clock = 0;
	let pending: (() => void) | null = null;
	let frames = 0;
	const queue = new DrawQueue({
		budgetMs,
		maxPerFrame,
		now: () => clock,
		raf: (cb) => {
			pending = cb;
			return ++frames;
		},
		caf: () => (pending = null)
	});
	const log: string[] = [];
	/** A draw that takes `ms` of the fake clock. */
	const view = (name: string, ms: number) => () => {
		log.push(name);
		clock += ms;
	};
	const frame = () => {
		const run = pending;
		pending = null;
		run?.();
		log.push('|');
	};
	return { queue, log, view, frame, scheduled: () => pending !== null };
}

describe('DrawQueue', () => {
	test('asked twice before the frame, a view draws once', () => {
		const { queue, log, view, frame } = setup(6);
		const a = view('a', 1);
		queue.request(a);
		queue.request(a);
		frame();
		frame();
		expect(log).toEqual(['a', '|', '|']);
	});

	test('four slow views spread over frames within the budget, in the order asked', () => {
		const { queue, log, view, frame, scheduled } = setup(6);
		for (const name of ['a', 'b', 'c', 'd']) queue.request(view(name, 4));
		frame();
		frame();
		expect(scheduled()).toBe(false);
		expect(log).toEqual(['a', 'b', '|', 'c', 'd', '|']);
	});

	test('at most maxPerFrame draws a frame, however cheap', () => {
		const { queue, log, view, frame } = setup(6, 2);
		for (const name of ['a', 'b', 'c']) queue.request(view(name, 0));
		frame();
		frame();
		expect(log).toEqual(['a', 'b', '|', 'c', '|']);
	});

	test('a draw longer than the budget still runs, one per frame', () => {
		const { queue, log, view, frame } = setup(6);
		queue.request(view('a', 20));
		queue.request(view('b', 20));
		frame();
		frame();
		expect(log).toEqual(['a', '|', 'b', '|']);
	});

	test('a draw that asks again (a tween) runs in the next frame, after those waiting', () => {
		const { queue, log, view, frame } = setup(6);
		let steps = 0;
		const b = view('b', 1);
		const tween = () => {
			log.push('t');
			if (++steps < 3) queue.request(tween);
		};
		queue.request(tween);
		queue.request(b);
		frame();
		frame();
		frame();
		frame();
		expect(log).toEqual(['t', 'b', '|', 't', '|', 't', '|', '|']);
	});

	test('a cancelled draw never runs, and an empty queue asks for no frame', () => {
		const { queue, log, view, frame, scheduled } = setup(6);
		const a = view('a', 1);
		queue.request(a);
		queue.cancel(a);
		expect(scheduled()).toBe(false);
		expect(queue.size).toBe(0);
		frame();
		expect(log).toEqual(['|']);
	});
});
