/**
 * The comparison page: four panels train side by side with no console errors, the open-set
 * test scores every panel on the held-out classes, and the m sweep runs in the browser with a
 * progress bar and a table; the comparison also embeds.
 */
import { expect, test } from '@playwright/test';
import { seriousViolations } from './a11y';
import { artifacts, panelSteps as steps, watchPage } from './helpers';

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
	// Every model gets training and closed-set accuracy, then AUC, TAR and rank-1 on both test
	// sets: new people (held out) and new photos of the known people.
	const rows = page.locator('.openset tbody tr');
	await expect(rows).toHaveCount(4);
	const metric = /^0\.\d{3}$|^1\.000$/;
	for (let i = 0; i < 4; i++) {
		for (const k of [0, 1, 2, 4, 5, 7])
			await expect(rows.nth(i).locator('td').nth(k)).toHaveText(metric);
	}
	await expect(page.locator('.openset thead')).toContainText('New people (held out)');
	await expect(page.locator('.openset thead')).toContainText('New photos of known people');
	// The strict protocol: a class weight (arrow) for each of the 6 seen identities, none for
	// the 4 held out (identities 7–10 have no W).
	for (const panel of await page.locator('.panel').all()) {
		const labels = await panel.locator('text.wlabel').allTextContents();
		expect([...new Set(labels)].sort()).toEqual(['W1', 'W2', 'W3', 'W4', 'W5', 'W6']);
	}
	expect(await page.locator('.openset svg path[fill="none"]').count()).toBe(4);
	await expect(page).toHaveURL(/panels=softmax,modified,asoftmax:2,asoftmax:4/);
	await page.screenshot({ path: `${artifacts}/compare.png`, fullPage: true });
	expect(await seriousViolations(page)).toEqual([]);
	expect(watch.errors).toEqual([]);
	expect(watch.external).toEqual([]);
});

for (const data of ['identities', 'digits'] as const)
	test(`the m sweep runs in the browser on ${data} with progress and a table`, async ({ page }) => {
		test.setTimeout(480_000);
		const watch = await watchPage(page);
		await page.goto('/compare');
		// Wait for the page to be live (panels have their first snapshot) before choosing options,
		// so hydration cannot reset them.
		await expect.poll(async () => Math.min(...(await steps(page)))).toBeGreaterThanOrEqual(0);
		const sweep = page.locator('.sweep');
		await sweep.getByLabel('Data').selectOption(data);
		await expect(sweep.locator('p').first()).toContainText(
			data === 'digits' ? 'real handwritten digits' : '6 seen identities'
		);
		const [seeds, stepsPerModel] = [sweep.getByLabel('Seeds'), sweep.getByLabel('Steps per model')];
		await seeds.selectOption('1');
		await stepsPerModel.selectOption('400');
		await expect(seeds).toHaveValue('1');
		await expect(stepsPerModel).toHaveValue('400');
		const started = Date.now();
		await page.getByRole('button', { name: 'Run the sweep' }).click();
		await expect(page.getByRole('progressbar', { name: 'Sweep progress' })).toBeVisible();
		const table = page.locator('.sweep table');
		await expect(table).toBeVisible({ timeout: 400_000 });
		console.log(
			`sweep of 11 models × 400 steps on ${data}: ${((Date.now() - started) / 1000).toFixed(0)} s`
		);
		// 11 losses (softmax, contrastive, triplet, center, modified, A-Softmax m = 1–4, CosFace,
		// ArcFace) + raw inputs.
		await expect(table.locator('tbody tr')).toHaveCount(12);
		await expect(table.locator('tbody tr').nth(8).locator('th')).toHaveText('A-Softmax m = 4');
		await expect(table.locator('tbody tr').nth(8).locator('td').nth(1)).toHaveText(
			/^0\.\d{3}$|^1\.000$/
		);
		await expect(page.locator('.sweep svg circle')).toHaveCount(4); // AUC at m = 1…4
		expect(watch.errors).toEqual([]);
		expect(watch.external).toEqual([]);
	});

test('the identity sweep: the saved measurement first, then a small run in the browser draws its plot', async ({
	page
}) => {
	test.setTimeout(480_000);
	const watch = await watchPage(page);
	await page.goto('/compare');
	const panel = page.locator('.idsweep');
	// The measurement shipped with the site, with how it was made.
	await expect(panel.locator('.source')).toContainText('npm run experiment');
	await expect(panel.locator('figure svg')).toHaveCount(3);
	await expect.poll(async () => Math.min(...(await steps(page)))).toBeGreaterThanOrEqual(0);
	// A small run: 6 and 25 identities, 3-D features, one seed, 200 steps.
	await panel.getByRole('checkbox', { name: '100' }).uncheck();
	await panel.locator('select').nth(0).selectOption('3');
	await panel.locator('select').nth(1).selectOption('1');
	await panel.locator('select').nth(2).selectOption('200');
	const started = Date.now();
	await panel.getByRole('button', { name: 'Run the identity sweep' }).click();
	await expect(panel.getByRole('progressbar', { name: 'Identity sweep progress' })).toBeVisible();
	await expect(panel.locator('.source')).toContainText('Measured in this browser', {
		timeout: 420_000
	});
	console.log(
		`identity sweep, 2 counts × 9 losses × 200 steps: ${((Date.now() - started) / 1000).toFixed(0)} s`
	);
	// 18 rows (2 counts × 9 losses), each with a training accuracy; 8 series of 2 points per chart
	// (modified softmax is the zero line).
	const rows = panel.locator('tbody tr');
	await expect(rows).toHaveCount(18);
	for (let i = 0; i < 18; i++)
		await expect(rows.nth(i).locator('td').nth(1)).toHaveText(/^0\.\d{3}$|^1\.000$/);
	await expect(panel.locator('figure').first().locator('circle')).toHaveCount(16);
	// In 3-D, 25 identities are too crowded for CosFace's 0.35 and ArcFace's 0.5: lowered, and said so.
	await expect(panel.locator('.note')).toContainText('CosFace');
	await panel.screenshot({ path: `${artifacts}/identity-sweep.png` });
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
