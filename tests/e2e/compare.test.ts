/**
 * The comparison page: four panels train side by side with no console errors, the open-set
 * test scores every panel on the held-out classes, and the m sweep and the identity sweep run
 * in the browser on task workers (one per core but one, as the page reads its cores), with a
 * progress bar, cancel, and tables whose Δ columns (mean, 95 % interval, seeds ahead) come
 * first and fit a 1920 × 1080 screen; the comparison also embeds.
 */
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './a11y';
import { artifacts, panelSteps as steps, watchPage } from './helpers';

/** Task workers the page should start: its logical cores less one, at least 1, at most 8. */
async function expectedWorkers(page: Page): Promise<number> {
	const cores = await page.evaluate(() => navigator.hardwareConcurrency);
	return Math.max(1, Math.min(8, cores - 1));
}

/** Counts the sweep's task workers as they start and end (nested in the open-set worker). */
function watchTaskWorkers(page: Page): { started: number; closed: number } {
	const count = { started: 0, closed: 0 };
	page.on('worker', (w) => {
		if (!/taskWorker/.test(w.url())) return;
		count.started++;
		w.on('close', () => count.closed++);
	});
	return count;
}

/** A signed difference: +0.012, −0.034, 0.000. */
const SIGNED = /^(?:[+−]\d\.\d{3}|0\.000)/;
/** A 95 % interval as the tables write it: [−0.017, +0.014]. */
const INTERVAL = /\[(?:[+−]\d\.\d{3}|0\.000), (?:[+−]\d\.\d{3}|0\.000)\]/;

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
	// The reading says in words what the table shows: the best panel on new people by TAR,
	// the one-seed hedge, and the sweep's verdict (10 paired seeds) for the panels' losses.
	const reading = page.getByTestId('openset-reading');
	await expect(reading).toContainText('verifies best');
	await expect
		.poll(async () => {
			const tars = await Promise.all(
				[0, 1, 2, 3].map(async (i) => Number(await rows.nth(i).locator('td').nth(3).innerText()))
			);
			const labels = await rows.locator('th').allInnerTexts();
			const best = labels[tars.indexOf(Math.max(...tars))];
			return (await reading.innerText()).includes(`${best} verifies best`);
		})
		.toBe(true);
	await expect(reading).toContainText('This is one model per loss on one seed');
	await expect(reading).toContainText(
		/The sweep's verdict at 6 identities: A-Softmax m = 2 (helps|hurts|makes no measurable difference for) new people/
	);
	await expect(reading).toContainText(
		/95 % CI [+−±]\d\.\d{3} to [+−±]\d\.\d{3}; ahead on \d+ of 10 seeds/
	);
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
		const taskWorkers = watchTaskWorkers(page);
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
		// The runs were spread over one task worker per core but one (11 runs: never fewer tasks).
		const workers = await expectedWorkers(page);
		expect(taskWorkers.started).toBe(workers);
		await expect(table.locator('caption')).toContainText(
			workers === 1 ? 'on 1 worker' : `on ${workers} workers`
		);
		// The sweep's task workers end with it.
		await expect.poll(() => taskWorkers.closed).toBe(workers);
		// 11 losses (softmax, contrastive, triplet, center, modified, A-Softmax m = 1–4, CosFace,
		// ArcFace) + raw inputs; the Δ columns first (one seed: a mean, no interval), then the
		// closed-set accuracy and AUC.
		await expect(table.locator('tbody tr')).toHaveCount(12);
		const m4 = table.locator('tbody tr').nth(8);
		await expect(m4.locator('th')).toHaveText('A-Softmax m = 4');
		await expect(m4.locator('td').nth(0)).toHaveText(SIGNED);
		await expect(m4.locator('td').nth(3)).toHaveText(/^0\.\d{3}$|^1\.000$/);
		await expect(table.locator('tbody tr').nth(4).locator('td').nth(0)).toHaveText('—');
		await expect(page.locator('.sweep svg circle')).toHaveCount(4); // AUC at m = 1…4
		expect(watch.errors).toEqual([]);
		expect(watch.external).toEqual([]);
	});

test('the identity sweep: the saved measurement first, then a run on 2 task workers with intervals that fit a 1080p screen', async ({
	page
}) => {
	test.setTimeout(480_000);
	await page.setViewportSize({ width: 1920, height: 1080 });
	// Three cores as the page reads them, whatever this machine has: 2 task workers.
	await page.addInitScript(() =>
		Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 3 })
	);
	const watch = await watchPage(page);
	const taskWorkers = watchTaskWorkers(page);
	await page.goto('/compare');
	const panel = page.locator('.idsweep');
	// The measurement shipped with the site, with how it was made.
	await expect(panel.locator('.source')).toContainText('npm run experiment');
	await expect(panel.locator('figure svg')).toHaveCount(3);
	await expect.poll(async () => Math.min(...(await steps(page)))).toBeGreaterThanOrEqual(0);
	const workers = await expectedWorkers(page);
	expect(workers).toBe(2);
	await expect(panel.locator('.workers')).toContainText('Runs on 2 workers in this browser');
	// A short run is cheap by default, and says it is not the shipped sweep.
	await expect(panel.getByLabel('Validation seeds')).toHaveValue('1');
	await expect(panel.locator('.hint')).toContainText('1 validation seed by default');
	// A small run: 6 identities, 3-D features, two seeds (for intervals), 200 steps.
	await panel.getByRole('checkbox', { name: '25' }).uncheck();
	await panel.getByRole('checkbox', { name: '100' }).uncheck();
	await panel.getByLabel('Feature dimensions').selectOption('3');
	await panel.getByLabel(/^Seeds/).selectOption('2');
	await panel.getByLabel('Steps per model').selectOption('200');
	const started = Date.now();
	await panel.getByRole('button', { name: 'Run the identity sweep' }).click();
	const bar = panel.getByRole('progressbar', { name: 'Identity sweep progress' });
	await expect(bar).toBeVisible();
	await expect(panel.locator('.progress')).toContainText('on 2 workers', { timeout: 120_000 });
	await expect(panel.locator('.source')).toContainText('Measured in this browser', {
		timeout: 420_000
	});
	console.log(
		`identity sweep, 10 validation + 20 test runs × 200 steps on 2 workers: ${((Date.now() - started) / 1000).toFixed(0)} s`
	);
	expect(taskWorkers.started).toBe(2);
	await expect(panel.locator('.source')).toContainText('on 2 workers');
	await expect.poll(() => taskWorkers.closed).toBe(2);
	await expect(panel.locator('.warning')).toContainText('not the shipped sweep');
	// 10 rows (A-Softmax m = 4 with λ → 0 its own), each with a training accuracy; the tuned
	// margins name what was tried; every Δ has its mean, 95 % interval and seeds ahead.
	const table = panel.locator('table');
	const rows = table.locator('tbody tr');
	await expect(rows).toHaveCount(10);
	await expect(rows.locator('th')).toContainText(['A-Softmax m = 4, λ → 0']);
	await expect(rows.filter({ hasText: 'CosFace' }).locator('th .tried')).toContainText(
		/chosen of 0\.1 \((?:\d\.\d{3}|—)\) · 0\.2 \((?:\d\.\d{3}|—)\) · 0\.35 \((?:\d\.\d{3}|—)\)/
	);
	const columns = table.locator('thead th');
	await expect(columns.nth(2)).toContainText('Δ AUC, new people');
	await expect(columns.nth(3)).toContainText('Δ TAR, new people');
	await expect(columns.nth(4)).toContainText('Δ TAR, known people');
	for (let i = 0; i < 10; i++) {
		const row = rows.nth(i);
		if ((await row.locator('th').textContent())?.startsWith('Modified')) continue;
		for (const k of [0, 1, 2]) {
			const cell = row.locator('td.delta').nth(k);
			await expect(cell).toHaveText(SIGNED);
			await expect(cell).toContainText(INTERVAL);
			await expect(cell).toContainText(/ahead [0-2] of 2/);
		}
	}
	// The Δ columns are on a 1920 × 1080 screen with the table scrolled to its start.
	await table.scrollIntoViewIfNeeded();
	expect(await panel.locator('.tablewrap').evaluate((e) => e.scrollLeft)).toBe(0);
	for (const k of [2, 3, 4]) {
		const box = (await columns.nth(k).boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(1920);
	}
	for (const k of [0, 1, 2]) {
		const box = (await rows.nth(0).locator('td.delta').nth(k).boundingBox())!;
		expect(box.x + box.width).toBeLessThanOrEqual(1920);
		expect(box.y).toBeGreaterThanOrEqual(0);
		expect(box.y + box.height).toBeLessThanOrEqual(1080);
	}
	await page.screenshot({ path: `${artifacts}/identity-sweep-table-1920.png` });
	// The charts draw a 95 % interval per point: 9 series (modified is the zero line) × 1 count.
	await expect(panel.locator('.note').first()).toContainText('95 % bootstrap interval');
	await expect(panel.locator('figure').first().locator('circle')).toHaveCount(9);
	await expect(panel.locator('figure').first().locator('g.bar')).toHaveCount(9);
	await panel.screenshot({ path: `${artifacts}/identity-sweep.png` });
	// Back to the shipped measurement.
	await panel.getByRole('button', { name: 'Show the shipped sweep' }).click();
	await expect(panel.locator('.source')).toContainText('npm run experiment');
	expect(watch.errors).toEqual([]);
});

test('cancelling the identity sweep stops every task worker', async ({ page }) => {
	test.setTimeout(240_000);
	const watch = await watchPage(page);
	const taskWorkers = watchTaskWorkers(page);
	await page.goto('/compare');
	await expect.poll(async () => Math.min(...(await steps(page)))).toBeGreaterThanOrEqual(0);
	const panel = page.locator('.idsweep');
	const workers = await expectedWorkers(page);
	await panel.getByRole('button', { name: 'Run the identity sweep' }).click();
	// Progress moves (a step report from a worker), then the reader cancels.
	const bar = panel.getByRole('progressbar', { name: 'Identity sweep progress' });
	await expect
		.poll(() => bar.evaluate((e) => (e as HTMLProgressElement).value), { timeout: 180_000 })
		.toBeGreaterThan(0);
	await expect.poll(() => taskWorkers.started).toBe(workers);
	await panel.getByRole('button', { name: 'Cancel' }).click();
	await expect(panel.getByRole('alert')).toHaveText('Sweep cancelled.');
	await expect.poll(() => taskWorkers.closed).toBe(workers);
	await expect(panel.getByRole('button', { name: 'Run the identity sweep' })).toBeEnabled();
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
