import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { watchPage } from './helpers';

/** The built training worker's URL path (its file name is content-hashed). */
function workerPath(): string {
	const dir = 'build/_app/immutable/workers';
	const file = readdirSync(dir).find((f) => /^worker-.*\.js$/.test(f));
	if (!file) throw new Error(`No training worker in ${dir}`);
	return `/_app/immutable/workers/${file}`;
}

test('the worker falls back through backends on request and 50 start/terminate cycles leave nothing behind', async ({
	page,
	context
}) => {
	const watch = await watchPage(page);
	await page.goto('/');
	const url = workerPath();
	const cdp = await context.newCDPSession(page);

	/** Starts a worker, waits for its first snapshot, and returns what it said. */
	const cycle = (preferred: string) =>
		page.evaluate(
			async ({ url, preferred }) => {
				const w = new Worker(url, { type: 'module' });
				const result = await new Promise<{ backend: string; step: number; features: number }>(
					(resolve, reject) => {
						let backend = '';
						w.onerror = (e) => reject(new Error(e.message));
						w.onmessage = (e) => {
							const m = e.data;
							if (m.type === 'ready') backend = m.backend;
							if (m.type === 'error') reject(new Error(m.message));
							if (m.type === 'snapshot')
								resolve({ backend, step: m.snapshot.step, features: m.snapshot.features.length });
						};
						w.postMessage({
							type: 'init',
							options: { data: { classes: 3, pointsPerClass: 20 } },
							backend: preferred
						});
					}
				);
				w.postMessage({ type: 'dispose' });
				w.terminate();
				return result;
			},
			{ url, preferred }
		);

	for (const backend of ['wasm', 'webgl', 'cpu']) {
		const r = await cycle(backend);
		expect(r.backend).toBe(backend);
		expect(r.features).toBe(60 * 2);
	}

	const heap = async () => {
		await cdp.send('HeapProfiler.collectGarbage');
		const { metrics } = await cdp.send('Performance.getMetrics');
		return metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
	};
	await cdp.send('Performance.enable');
	for (let i = 0; i < 5; i++) await cycle('wasm');
	const before = await heap();
	for (let i = 0; i < 50; i++) await cycle('wasm');
	const after = await heap();
	// The page's own heap does not grow with terminated workers (a leak of a worker's
	// snapshots or listeners would be megabytes), and no extra worker is alive.
	expect(after - before).toBeLessThan(2_000_000);
	const { targetInfos } = await cdp.send('Target.getTargets');
	expect(targetInfos.filter((t) => t.type === 'worker').length).toBeLessThanOrEqual(1);
	expect(watch.errors).toEqual([]);
	expect(watch.external).toEqual([]);
});
