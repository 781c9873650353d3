/**
 * three.js is loaded only for 3D features: the 2D explorer downloads no three.js chunk, and
 * switching to 3D loads it and paints the sphere. (The page's JavaScript weight is a
 * benchmark, not a test: tests/bench/pageWeight.mjs.)
 */
import { expect, test, type Page } from '@playwright/test';
import { watchPage } from './helpers';
import { renders, sampleSphere } from './sphereCanvas';

/** The minified three.js core, as tests/bench/size.mjs recognises it. */
const THREE_MARKER = /WebGLRenderer/;

/** Records every script the page itself loads (not its workers), with whether it is three.js. */
function watchScripts(page: Page) {
	const scripts: { url: string; three: boolean }[] = [];
	page.on('response', async (res) => {
		const url = res.url();
		if (!url.endsWith('.js') || url.includes('/workers/')) return;
		const body = await res.text().catch(() => '');
		scripts.push({ url, three: THREE_MARKER.test(body) });
	});
	return scripts;
}

test('the 2D explorer loads no three.js; switching to 3D loads it and paints the sphere', async ({
	page
}) => {
	const watch = await watchPage(page);
	const scripts = watchScripts(page);
	await page.goto('/?dim=2&classes=4&seed=5', { waitUntil: 'networkidle' });
	await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 20_000 });
	await expect(page.getByRole('heading', { name: 'Feature circle' })).toBeVisible();
	await page.waitForLoadState('networkidle');
	// The page did load its scripts (so the check below is not vacuous), none of them three.
	expect(scripts.length).toBeGreaterThan(5);
	expect(scripts.filter((s) => s.three)).toEqual([]);
	await expect(page.locator('.sphere canvas')).toHaveCount(0);

	await page.getByRole('radio', { name: '3D (sphere)' }).click();
	await expect(page.getByRole('heading', { name: 'Feature sphere' })).toBeVisible();
	await expect.poll(() => scripts.filter((s) => s.three).length).toBeGreaterThan(0);
	await expect.poll(() => renders(page), { timeout: 20_000 }).toBeGreaterThan(0);
	await expect
		.poll(async () => (await sampleSphere(page)).painted, { timeout: 10_000 })
		.toBeGreaterThan(200 * 200 * 0.2);
	expect(watch.errors).toEqual([]);
	expect(watch.external).toEqual([]);
});
