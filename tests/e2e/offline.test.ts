/**
 * Works offline after one visit (issue 16): the service worker caches the whole build on the
 * first visit; with the browser offline, the explorer, a Korean lesson and /compare reload
 * from the cache and the explorer still trains (its worker bundle and .wasm come from the
 * cache too). A redeploy (the build with the next version, served at the same origin) installs
 * beside the running build, says "updated, reload", and once the reader reloads it replaces
 * the old cache and serves its own files offline.
 */
import { expect, test, type Page } from '@playwright/test';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { watchPage } from './helpers';
import { startSiteServer } from './siteServer';

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

test('a redeploy: "updated, reload" appears, and after Reload the new build runs offline', async ({
	page,
	context
}, testInfo) => {
	test.setTimeout(300_000);
	const watch = await watchPage(page);
	// The build under test, and a redeploy of it: the same files with the next version (as
	// `npm run build` would stamp it) and a changed home page, served at one origin in turn.
	const { version } = JSON.parse(readFileSync('build/_app/version.json', 'utf8')) as {
		version: string;
	};
	const nextVersion = String(Number(version) + 1);
	const next = testInfo.outputPath('next-build');
	cpSync('build', next, { recursive: true });
	const sw = join(next, 'service-worker.js');
	const source = readFileSync(sw, 'utf8');
	expect(source.split(version).length, 'the version appears once in the worker').toBe(2);
	writeFileSync(sw, source.replace(version, nextVersion));
	writeFileSync(join(next, '_app', 'version.json'), JSON.stringify({ version: nextVersion }));
	const index = join(next, 'index.html');
	writeFileSync(
		index,
		readFileSync(index, 'utf8').replace(
			'<head>',
			'<head><meta name="spherelab-build" content="next">'
		)
	);
	const keys = () =>
		page.evaluate(async () =>
			(await caches.keys()).filter((k) => k.startsWith('spherelab-offline-')).sort()
		);

	const site = await startSiteServer(resolve('build'));
	try {
		await page.goto(`${site.origin}/`);
		expect(await cachedSite(page)).toBeGreaterThan(100);
		expect(await keys()).toEqual([`spherelab-offline-${version}`]);

		site.serve(next);
		await page.reload();
		// The new build installs beside the old one and waits for the reader.
		const notice = page.getByRole('status').filter({ hasText: 'SphereLab has been updated' });
		await expect(notice).toBeVisible({ timeout: 90_000 });
		expect(await page.locator('meta[name="spherelab-build"]').count()).toBe(0);
		expect(await keys()).toEqual(
			[`spherelab-offline-${version}`, `spherelab-offline-${nextVersion}`].sort()
		);

		// Reload: the waiting build takes over, then the page reloads on it.
		const reloaded = page.waitForEvent('framenavigated', { timeout: 60_000 });
		await notice.getByRole('button', { name: 'Reload' }).click();
		await reloaded;
		await page.waitForLoadState('load');
		await expect
			.poll(() => keys().catch(() => ['(navigating)']), { timeout: 60_000 })
			.toEqual([`spherelab-offline-${nextVersion}`]);
		await expect(page.locator('meta[name="spherelab-build"]')).toHaveAttribute('content', 'next');
		// And the new build's files are what the cache answers with once the network is gone.
		await context.setOffline(true);
		await page.goto(`${site.origin}/`);
		await expect(page.locator('meta[name="spherelab-build"]')).toHaveAttribute('content', 'next');
		await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 30_000 });
		await context.setOffline(false);
	} finally {
		await site.close();
	}
	expect(watch.errors).toEqual([]);
});
