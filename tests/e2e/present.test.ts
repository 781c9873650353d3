/**
 * Presentation mode on a projector (issue 16): at 1920 × 1080 the feature circle takes the
 * width beside the controls on the first screen (each of its two panels at least 600 px), while
 * Play and the margin slider stay in reach; the training charts and ψ(θ) follow below, each
 * wider than the explorer's normal column gives them, every chart's text at least 16 px.
 */
import { expect, test } from '@playwright/test';
import { watchPage } from './helpers';

test.use({ viewport: { width: 1920, height: 1080 } });

test('presentation mode: the feature circle dominates the first screen, Play and m in reach', async ({
	page
}) => {
	const watch = await watchPage(page);
	await page.goto('/?present=1');
	await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 20_000 });
	const circle = page.locator('.feature-circle canvas');
	await expect(circle).toHaveCount(2);
	for (const c of await circle.all()) {
		const box = (await c.boundingBox())!;
		expect(box.width).toBeGreaterThanOrEqual(600);
		// Whole on the first screen.
		expect(box.y + box.height).toBeLessThanOrEqual(1080);
	}
	for (const control of [
		page.getByRole('button', { name: 'Play' }),
		page.getByRole('slider', { name: /Margin m/ })
	]) {
		const box = (await control.boundingBox())!;
		expect(box.y + box.height).toBeLessThanOrEqual(1080);
	}
	// Data and model settings fold away; the charts below are wider than the normal layout's.
	await expect(page.getByRole('heading', { name: 'Data' })).toBeHidden();
	const psi = (await page.locator('[data-area="psi"] svg').first().boundingBox())!;
	expect(psi.width).toBeGreaterThan(500);
	// Every chart's text, as drawn (its font size times the SVG's scale on screen), is at least
	// 16 px: readable from the back of a room on a 1080p projector.
	await page.getByRole('button', { name: 'Play' }).click();
	await expect(page.locator('[data-area="stats"] svg').first()).toBeVisible({ timeout: 30_000 });
	// The training charts draw from their second point on: wait for a snapshot of training.
	await expect(page.locator('[data-area="charts"] svg').first()).toBeVisible({ timeout: 30_000 });
	await page.getByRole('button', { name: 'Pause' }).click();
	const smallest = await page.evaluate(() => {
		const sizes: Record<string, number> = {};
		for (const svg of document.querySelectorAll('[data-area] svg')) {
			const area = svg.closest('[data-area]')!.getAttribute('data-area')!;
			for (const t of svg.querySelectorAll('text')) {
				const m = t.getScreenCTM();
				if (!m || !t.textContent?.trim() || !t.checkVisibility()) continue;
				const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
				sizes[area] = Math.min(sizes[area] ?? Infinity, px);
			}
		}
		return sizes;
	});
	expect(Object.keys(smallest).sort()).toEqual(['charts', 'features', 'psi', 'stats']);
	for (const [area, px] of Object.entries(smallest))
		expect(px, `smallest text in ${area}`).toBeGreaterThanOrEqual(16);
	// Out of presentation mode the circle panels are back to the normal column (< 400 px).
	await page.getByRole('checkbox', { name: 'Presentation mode' }).uncheck();
	await expect.poll(async () => (await circle.first().boundingBox())!.width).toBeLessThan(400);
	expect(watch.errors).toEqual([]);
});
