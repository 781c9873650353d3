// "After the page has settled" (src/lib/state/settled.ts): SETTLE_MS after the load event,
// then an idle period; at once (after idle) when the page loaded long ago. A stand-in window
// (its load event, readyState, navigation timing and requestIdleCallback) and fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = () => void;

/** A minimal page: `fireLoad()` ends its load at the fake clock's now. */
function stubPage({ complete, loadEventEnd }: { complete: boolean; loadEventEnd: number }) {
	const listeners: Listener[] = [];
	const idle: Listener[] = [];
	const nav = { loadEventEnd };
	vi.stubGlobal('window', {
		addEventListener: (type: string, fn: Listener) => {
			if (type === 'load') listeners.push(fn);
		}
	});
	vi.stubGlobal('document', { readyState: complete ? 'complete' : 'loading' });
	vi.stubGlobal('requestIdleCallback', (fn: Listener) => idle.push(fn));
	vi.spyOn(performance, 'getEntriesByType').mockImplementation(
		() => [nav] as unknown as PerformanceEntryList
	);
	return {
		fireLoad() {
			nav.loadEventEnd = performance.now();
			for (const fn of listeners.splice(0)) fn();
		},
		/** Runs the pending idle callbacks; how many there were. */
		runIdle() {
			const n = idle.length;
			for (const fn of idle.splice(0)) fn();
			return n;
		}
	};
}

describe('whenSettled', () => {
	beforeEach(() => {
		// performance.now() too: the wait after load is measured on its clock.
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
		vi.resetModules();
	});
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
		vi.restoreAllMocks();
	});

	it('waits for the load event, SETTLE_MS more, then an idle period', async () => {
		const page = stubPage({ complete: false, loadEventEnd: 0 });
		const { whenSettled, SETTLE_MS } = await import('../../src/lib/state/settled');
		const calls: string[] = [];
		whenSettled(() => calls.push('a'));
		whenSettled(() => calls.push('b'));
		await vi.advanceTimersByTimeAsync(10 * SETTLE_MS);
		expect(calls).toEqual([]); // no load yet, however long
		page.fireLoad();
		await vi.advanceTimersByTimeAsync(SETTLE_MS - 1);
		expect(page.runIdle()).toBe(0); // not settled yet: no idle wait asked for
		await vi.advanceTimersByTimeAsync(1);
		expect(calls).toEqual([]);
		expect(page.runIdle()).toBe(1); // one shared wait for both callers
		await vi.advanceTimersByTimeAsync(0);
		expect(calls).toEqual(['a', 'b']);
		// Later callers run once settled, without a new wait.
		whenSettled(() => calls.push('c'));
		await vi.advanceTimersByTimeAsync(0);
		expect(calls).toEqual(['a', 'b', 'c']);
	});

	it('does not wait again for a page that loaded long ago', async () => {
		await vi.advanceTimersByTimeAsync(60_000);
		const page = stubPage({ complete: true, loadEventEnd: 1_000 });
		const { whenSettled } = await import('../../src/lib/state/settled');
		let called = false;
		whenSettled(() => (called = true));
		await vi.advanceTimersByTimeAsync(0);
		expect(page.runIdle()).toBe(1);
		await vi.advanceTimersByTimeAsync(0);
		expect(called).toBe(true);
	});
});
