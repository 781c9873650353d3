/**
 * The comparison page: four panels train side by side with no console errors, the open-set
 * test scores every panel on the held-out classes, and the m sweep runs in the browser with a
 * progress bar and a table; the comparison also embeds.
 */
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './a11y';
import { artifacts, watchPage } from './helpers';

async function steps(page: Page): Promise<number[]> {
	const texts = await page.locator('.panel .status').allTextContents();
	return texts.map((t) => Number(/step (\d+)/.exec(t)?.[1] ?? -1));
}

test('four panels train together and are scored on the unseen classes', async ({ page }) => {
	test.setTimeout(150_000);
	const watch = await watchPage(page);
	await page.goto('/compare');
	await expect(page.locator('.panel')).toHaveCount(4);
	await expect(page.locator('.panel h3')).toHaveText([
		'1. Softmax',
		'2. Modified softmax',
		'3. A-Softmax m = 2',
		'4. A-Softmax m = 4'
	]);
	await expect.poll(async () => Math.min(...(await steps(page)))).toBeGreaterThanOrEqual(0);
	await page.getByRole('button', { name: 'Play all' }).click();
	await expect
		.poll(async () => Math.min(...(await steps(page))), { timeout: 90_000 })
		.toBeGreaterThan(200);
	await page.getByRole('button', { name: 'Pause all' }).click();
	// Every model gets a verification AUC and a rank-1 on the unseen classes.
	const rows = page.locator('.openset tbody tr');
	await expect(rows).toHaveCount(4);
	for (let i = 0; i < 4; i++) {
		await expect(rows.nth(i).locator('td').nth(1)).toHaveText(/^0\.\d{3}$|^1\.000$/);
		await expect(rows.nth(i).locator('td').nth(4)).toHaveText(/^0\.\d{3}$|^1\.000$/);
	}
	expect(await page.locator('.openset svg path[fill="none"]').count()).toBe(4);
	await expect(page).toHaveURL(/panels=softmax,modified,asoftmax:2,asoftmax:4/);
	await page.screenshot({ path: `${artifacts}/compare.png`, fullPage: true });
	expect(await seriousViolations(page)).toEqual([]);
	expect(watch.errors).toEqual([]);
	expect(watch.external).toEqual([]);
});

test('the m sweep runs in the browser with progress and a table', async ({ page }) => {
	test.setTimeout(240_000);
	const watch = await watchPage(page);
	await page.goto('/compare');
	const [seeds, stepsPerModel] = [0, 1].map((i) => page.locator('.sweep select').nth(i));
	await seeds.selectOption('1');
	await stepsPerModel.selectOption('400');
	const started = Date.now();
	await page.getByRole('button', { name: 'Run the sweep' }).click();
	await expect(page.getByRole('progressbar', { name: 'Sweep progress' })).toBeVisible();
	const table = page.locator('.sweep table');
	await expect(table).toBeVisible({ timeout: 200_000 });
	console.log(`sweep of 8 models × 400 steps: ${((Date.now() - started) / 1000).toFixed(0)} s`);
	await expect(table.locator('tbody tr')).toHaveCount(9); // 8 losses + raw inputs
	await expect(table.locator('tbody tr').nth(5).locator('th')).toHaveText('A-Softmax m = 4');
	await expect(table.locator('tbody tr').nth(5).locator('td').nth(1)).toHaveText(
		/^0\.\d{3}$|^1\.000$/
	);
	await expect(page.locator('.sweep svg circle')).toHaveCount(4); // AUC at m = 1…4
	expect(watch.errors).toEqual([]);
});

test('the comparison embeds with minimal chrome', async ({ page }) => {
	const watch = await watchPage(page);
	await page.goto('/embed/compare?panels=modified,asoftmax:4&lang=ko');
	await expect(page.locator('a.brand')).toHaveCount(0); // no site header
	await expect(page.locator('.panel')).toHaveCount(2);
	await expect(page.getByRole('button', { name: '모두 재생' })).toBeVisible();
	await expect(page.locator('.sweep')).toHaveCount(0);
	expect(watch.errors).toEqual([]);
});
