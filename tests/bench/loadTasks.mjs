// The main thread's long tasks while a page loads, as Lighthouse counts them: a Chromium
// performance trace of one fresh load (devtools.timeline), from first contentful paint (FCP)
// until the page is quiet (no task over 50 ms for QUIET_MS, or CAP_MS after FCP), with
//   longestTaskMs  the longest main-thread task in that window
//   tbtMs          total blocking time: the sum over its tasks of (duration − 50 ms)
// each by the wall clock (`wall`: what a user waits; a busy machine stretches it). Unthrottled,
// also by the main thread's CPU time (`cpu`: the trace's thread time, which a neighbour's load
// barely moves) and by 4 times it (`cpu4`: Lighthouse's simulated mid-range phone, which
// multiplies each unthrottled task by 4). `throttle` slows the CPU by that factor while
// loading (CDP Emulation.setCPUThrottlingRate); then only the wall figures are given.
// Used by tests/bench/browser.mjs.

/** A task blocks input for what it runs past this (ms), as in Lighthouse's TBT. */
const BLOCKING_MS = 50;
/** The page is quiet after this long without a long task (ms). */
const QUIET_MS = 3000;
/** The window never reaches further than this past FCP (ms). */
const CAP_MS = 20000;

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'loading'];

/** Waits until no long task has ended for QUIET_MS (from the page's own longtask entries). */
async function quiet(page, started) {
	for (;;) {
		const { now, last } = await page.evaluate(() => ({
			now: performance.now(),
			last: Math.max(0, ...(window.__longTasks ?? []))
		}));
		if (now - Math.max(last, 0) >= QUIET_MS || Date.now() - started > CAP_MS + QUIET_MS) return;
		await new Promise((r) => setTimeout(r, 250));
	}
}

/** Blocking figures of a list of task durations (ms). */
function blocking(durations) {
	const long = durations.filter((d) => d > BLOCKING_MS);
	return {
		longestTaskMs: Math.round(Math.max(0, ...durations)),
		tbtMs: Math.round(long.reduce((s, d) => s + d - BLOCKING_MS, 0)),
		longTasks: long.length
	};
}

/**
 * Loads `url` once in a fresh context of `browser` and returns the load's long-task figures:
 * { fcpMs, windowMs, wall: { longestTaskMs, tbtMs, longTasks }, cpu: { … } }.
 */
export async function measureLoad(browser, url, { throttle = 1, viewport } = {}) {
	const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
	try {
		const page = await context.newPage();
		// Lighthouse's and this file's FCP: the page's own paint timing.
		await page.addInitScript(() => {
			window.__longTasks = [];
			new PerformanceObserver((list) => {
				for (const e of list.getEntries()) window.__longTasks.push(e.startTime + e.duration);
			}).observe({ type: 'longtask', buffered: true });
		});
		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
		await browser.startTracing(page, { categories: CATEGORIES });
		const started = Date.now();
		await page.goto(url, { waitUntil: 'load' });
		await quiet(page, started);
		const trace = JSON.parse((await browser.stopTracing()).toString());
		const fcpMs = await page.evaluate(
			() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null
		);
		return {
			fcpMs: fcpMs === null ? null : Math.round(fcpMs),
			...fromTrace(trace.traceEvents, throttle)
		};
	} finally {
		await context.close();
	}
}

/**
 * The renderer main thread's top-level tasks (a task run inside another is part of it) from
 * FCP to the end of the trace or the cap.
 */
function fromTrace(events, throttle) {
	const fcp = events.find((e) => e.name === 'firstContentfulPaint');
	if (!fcp) throw new Error('no first contentful paint in the trace');
	const all = events
		.filter((e) => e.pid === fcp.pid && e.tid === fcp.tid && e.ph === 'X' && e.name === 'RunTask')
		.sort((a, b) => a.ts - b.ts);
	const tasks = [];
	let until = -Infinity;
	for (const t of all) {
		if (t.ts < until) continue;
		until = t.ts + t.dur;
		if (t.ts >= fcp.ts && t.ts <= fcp.ts + CAP_MS * 1000) tasks.push(t);
	}
	const end = Math.max(fcp.ts, ...tasks.map((t) => t.ts + t.dur));
	const cpu = tasks.map((t) => (t.tdur ?? t.dur) / 1000);
	return {
		windowMs: Math.round((end - fcp.ts) / 1000),
		wall: blocking(tasks.map((t) => t.dur / 1000)),
		...(throttle === 1 ? { cpu: blocking(cpu), cpu4: blocking(cpu.map((d) => 4 * d)) } : {})
	};
}
