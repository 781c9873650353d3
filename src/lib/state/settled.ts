/**
 * After the page has settled: work a page wants done soon but not while it loads (register
 * the offline worker, mount parts below the first screen on idle). A page's load is the busy
 * part of its life: it parses and runs its code, hydrates, starts the training worker and
 * draws the first snapshot, all at once on a laptop's few cores. Background work started then
 * competes with all of it (a trace of `/` at load: the service worker's precache took ~250 ms
 * of CPU between 0.5 and 2 s, while the main thread's first-snapshot task waited on a CPU).
 *
 * `whenSettled(fn)` calls `fn` once, SETTLE_MS after the window's `load` event (at once if
 * the page loaded long ago), then in the browser's next idle period.
 */

/** How long after `load` the page counts as settled (ms). */
export const SETTLE_MS = 2000;
/** The longest the idle period is waited for (ms): a busy page still gets there. */
const IDLE_TIMEOUT_MS = 2000;

let settled: Promise<void> | null = null;

/** Resolves once the page has settled (shared by every caller). */
export function pageSettled(): Promise<void> {
	settled ??= new Promise<void>((resolve) => {
		if (typeof window === 'undefined') return resolve();
		const idle = () => {
			if (typeof requestIdleCallback === 'function')
				requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
			else resolve();
		};
		const afterLoad = () => {
			// Loaded long enough ago (a client-side navigation): no need to wait again.
			const wait = Math.max(0, SETTLE_MS - (performance.now() - loadEnd()));
			setTimeout(idle, wait);
		};
		if (document.readyState === 'complete') afterLoad();
		else window.addEventListener('load', afterLoad, { once: true });
	});
	return settled;
}

/** When the load event ended (ms on performance.now()'s clock; 0 if unknown). */
function loadEnd(): number {
	const nav = performance.getEntriesByType?.('navigation')[0] as
		PerformanceNavigationTiming | undefined;
	return nav && nav.loadEventEnd > 0 ? nav.loadEventEnd : performance.now();
}

/** Calls `fn` once the page has settled. */
export function whenSettled(fn: () => void): void {
	void pageSettled().then(fn);
}

/** Set when the page is about to reload onto a new build (OfflineState.applyUpdate). */
let leaving = false;

/**
 * The page is about to be replaced (a reload onto a new build): work it would only start now,
 * such as mounting the panels nobody scrolled to, is skipped. Mounting them fetches their
 * chunks through the outgoing service worker while the new one takes over, and then the new
 * build never took control (tests/e2e/offline.test.ts, where the Reload click is the page's
 * first input).
 */
export function markLeaving(): void {
	leaving = true;
}

/** Whether `markLeaving` was called. */
export function isLeaving(): boolean {
	return leaving;
}
