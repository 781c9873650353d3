/**
 * Works offline after one visit (issue 16): the service worker caches the whole build on the
 * first visit; with the browser offline, the explorer, a Korean lesson and /compare reload
 * from the cache and the explorer still trains (its worker bundle and .wasm come from the
 * cache too). A cache of another build is deleted when this build's worker activates.
 */
import { expect, test, type Page } from '@playwright/test';
import { watchPage } from './helpers';

test.use({ serviceWorkers: 'allow' });

/** Waits until the offline worker controls the page and its cache holds the whole build. */
async function cachedSite(page: Page): Promise<number> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await expect
		.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
			timeout: 60_000
		})
		.toBe(true);
	return page.evaluate(async () => {
		const keys = (await caches.keys()).filter((k) => k.startsWith('spherelab-offline-'));
		if (keys.length !== 1) return -keys.length;
		return (await (await caches.open(keys[0])).keys()).length;
	});
}

test('after one visit the site works offline: the explorer trains, a Korean lesson and /compare load', async ({
	page,
	context
}) => {
	test.setTimeout(240_000);
	const watch = await watchPage(page);
	await page.goto('/');
	const entries = await cachedSite(page);
	// Every page, lesson, bundle, .wasm and data file of the build: well over a hundred entries.
	expect(entries).toBeGreaterThan(100);
	const cached = await page.evaluate(async () => {
		const key = (await caches.keys()).find((k) => k.startsWith('spherelab-offline-'))!;
		const urls = (await (await caches.open(key)).keys()).map((r) => new URL(r.url).pathname);
		return {
			wasm: urls.filter((u) => u.endsWith('.wasm')).length,
			digits: urls.some((u) => u.endsWith('/data/digits-14.bin')),
			koLesson: urls.includes('/lessons/ko/euclidean-margins'),
			compare: urls.includes('/compare'),
			foreign: urls.filter((u) => !u.startsWith('/')).length
		};
	});
	expect(cached).toEqual({ wasm: 3, digits: true, koLesson: true, compare: true, foreign: 0 });

	await context.setOffline(true);
	// The explorer reloads with its settings and trains from the cached worker and .wasm.
	await page.goto('/?loss=asoftmax&m=3');
	const play = page.getByRole('button', { name: 'Play' });
	await expect(play).toBeEnabled({ timeout: 30_000 });
	await play.click();
	await expect(page.getByRole('status')).toHaveText(/^step [1-9]\d* · loss [\d.]/, {
		timeout: 30_000
	});
	await page.getByRole('button', { name: 'Pause' }).click();
	// A Korean lesson and the comparison page.
	await page.goto('/lessons/ko/euclidean-margins');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('유클리드');
	expect(await page.locator('.katex').count()).toBeGreaterThan(0);
	await page.goto('/compare');
	await expect(page.locator('.panel').first()).toBeVisible();
	await context.setOffline(false);
	expect(watch.errors).toEqual([]);
});

test('a new build replaces the cache: the worker drops caches of other versions when it activates', async ({
	page
}) => {
	test.setTimeout(120_000);
	await page.goto('/');
	await cachedSite(page);
	// Pretend an older build left its cache behind, then install this build's worker afresh.
	await page.evaluate(async () => {
		await (await caches.open('spherelab-offline-0-old')).put('/stale', new Response('old'));
		for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
	});
	await page.reload();
	await expect
		.poll(
			() =>
				page.evaluate(async () =>
					(await caches.keys()).filter((k) => k.startsWith('spherelab-offline-'))
				),
			{ timeout: 60_000 }
		)
		.toEqual([expect.not.stringContaining('0-old')]);
});
