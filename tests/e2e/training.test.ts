import { expect, test } from '@playwright/test';
import { freshSnapshots, trackTrainingWorkers } from './appEvents';
import { artifacts, watchPage } from './helpers';

test('Play trains in a worker on wasm: the status line counts steps, Pause stops, the main thread never loads tfjs', async ({
	page
}) => {
	const watch = await watchPage(page);
	await trackTrainingWorkers(page);
	await page.goto('/');
	const status = page.getByRole('status');
	const play = page.getByRole('button', { name: 'Play' });
	await expect(play).toBeEnabled({ timeout: 20_000 });
	await expect(page.getByText(/Training in a worker on tfjs/)).toContainText('wasm');
	await expect(status).toHaveText(/^step 0 · loss — · train \d+\.\d% · test \d+\.\d% · λ 0\.0$/);

	await play.click();
	await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
	await expect(status).toHaveText(
		/^step [1-9]\d* · loss [\d.e+-]+ · train \d+\.\d% · test \d+\.\d% · λ \d+(\.\d)?$/,
		{ timeout: 20_000 }
	);
	// Keep training until the first blob classes are learned.
	await expect(async () => {
		const text = (await status.textContent()) ?? '';
		expect(Number(/train (\d+\.\d)%/.exec(text)?.[1])).toBeGreaterThan(90);
	}).toPass({ timeout: 30_000 });

	await page.getByRole('button', { name: 'Pause' }).click();
	await expect(play).toBeVisible();
	const paused = await status.textContent();
	// The worker answers a snapshot request sent after the pause: still the same step (a
	// trainer that kept going would answer with a later one, and bring Pause back).
	await freshSnapshots(page);
	expect(await status.textContent()).toBe(paused);
	expect(await play.isVisible()).toBe(true);

	// Space toggles training; Step advances by one.
	await page.keyboard.press('Space');
	await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
	await page.keyboard.press('Space');
	await expect(play).toBeVisible();
	// Paused: the status settles on the step where training stopped. Once the worker has
	// answered a snapshot request, nothing it sent before is on its way; a second answer
	// says the same step.
	await freshSnapshots(page);
	const a = await status.textContent();
	await freshSnapshots(page);
	expect(await status.textContent()).toBe(a);
	const before = Number(/step (\d+)/.exec(a ?? '')?.[1]);
	await page.getByRole('button', { name: 'Step' }).click();
	await expect(status).toHaveText(new RegExp(`^step ${before + 1} `));
	await page.getByRole('button', { name: 'Reset' }).click();
	await expect(status).toHaveText(/^step 0 /);

	// tfjs lives only in the worker: its global engine never appears on the page.
	expect(await page.evaluate(() => '_tfengine' in globalThis)).toBe(false);
	await page.screenshot({ path: `${artifacts}/training.png`, fullPage: true });
	expect(watch.errors).toEqual([]);
	expect(watch.external).toEqual([]);
});
