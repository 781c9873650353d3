/**
 * Deferring work the first screen does not need: `<div {@attach whenNeeded(start)}>` calls
 * `start` once, when the element comes near the viewport (IntersectionObserver) or, if it
 * is not scrolled to, when the browser is idle after the page has settled (state/settled.ts:
 * a while after `load`, so that these mounts do not compete with the load itself) AND the
 * reader has first touched the page (a key, a pointer press, the wheel, a touch): a page
 * that is only looked at (a projector showing the figure, a phone on a desk) never spends
 * its main thread on panels nobody scrolled to. Each mount costs a long task on a slow
 * machine (the input space about 300 ms at Lighthouse's 4× throttling), which at load made
 * the page's total blocking time 600 ms. Then requestIdleCallback, with a timeout so that a
 * busy page still gets there; a plain timer where there is no requestIdleCallback.
 *
 * Idle starts run one per idle period, in the order the elements asked, so that panels
 * mounted this way each cost a task of their own instead of one long task at load. A start
 * near the viewport runs in the next free task (also one per task). Removing the element
 * before either cancels it.
 */
import type { Attachment } from 'svelte/attachments';
import { isLeaving, pageSettled } from '$lib/state/settled';

/** How far outside the viewport an element counts as near (px, as a CSS margin). */
const NEAR = '400px 0px';
/** The longest an idle start waits for an idle period (ms). */
const IDLE_TIMEOUT = 2000;

type Start = () => void;
/** Starts of elements near the viewport: one per task, soon. */
const soon: Start[] = [];
/** Starts waiting for an idle period, first in first out. */
const idle: Start[] = [];
let soonPending = false;
let idlePending = false;

/** Resolves on the reader's first input: a key, a pointer press, the wheel or a touch. */
let firstInput: Promise<void> | null = null;
function inputSeen(): Promise<void> {
	firstInput ??= new Promise((resolve) => {
		const events = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
		const seen = () => {
			for (const e of events) removeEventListener(e, seen, true);
			resolve();
		};
		for (const e of events) addEventListener(e, seen, { capture: true, passive: true });
	});
	return firstInput;
}

function whenIdle(fn: () => void) {
	if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: IDLE_TIMEOUT });
	else setTimeout(fn, 50);
}

/** Runs the first start near the viewport, each in a task of its own. */
function drainSoon() {
	soonPending = false;
	soon.shift()?.();
	if (soon.length > 0) scheduleSoon();
}

function scheduleSoon() {
	if (soonPending) return;
	soonPending = true;
	setTimeout(drainSoon, 0);
}

/** Runs the oldest idle start, then waits for the next idle period for the next one. */
function drainIdle() {
	idlePending = false;
	if (isLeaving()) return;
	idle.shift()?.();
	if (idle.length > 0) scheduleIdle();
}

function scheduleIdle() {
	if (idlePending) return;
	idlePending = true;
	void Promise.all([pageSettled(), inputSeen()]).then(() => whenIdle(drainIdle));
}

function remove(list: Start[], start: Start) {
	const i = list.indexOf(start);
	if (i >= 0) list.splice(i, 1);
}

/** An attachment that calls `start` once, when its element is near the viewport or when idle. */
export function whenNeeded(start: () => void): Attachment<HTMLElement> {
	return (element) => {
		let done = false;
		let observer: IntersectionObserver | undefined;
		const once: Start = () => {
			if (done) return;
			done = true;
			observer?.disconnect();
			remove(idle, once);
			remove(soon, once);
			start();
		};
		if (typeof IntersectionObserver === 'function') {
			observer = new IntersectionObserver(
				(entries) => {
					if (!entries.some((e) => e.isIntersecting) || soon.includes(once)) return;
					remove(idle, once);
					soon.push(once);
					scheduleSoon();
				},
				{ rootMargin: NEAR }
			);
			observer.observe(element);
		}
		idle.push(once);
		scheduleIdle();
		return () => {
			done = true;
			observer?.disconnect();
			remove(idle, once);
			remove(soon, once);
		};
	};
}
