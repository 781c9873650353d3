/**
 * Issue 26, item 4: the Euclidean losses get data where they have something to learn.
 * `/?loss=triplet` trains on the Euclidean losses' own default spirals (EUCLIDEAN_DATA), says
 * so in the data controls, and starts far below the 82–100 % that four separated blobs give
 * before training; an explicit data set in the URL wins.
 */
import { expect, test } from '@playwright/test';
import { artifacts, watchPage } from './helpers';

/**
 * The untrained network's test accuracy on the default spirals: 25–45 % over seeds 1–10 in
 * Node (33 % for seed 1; chance is 33 %; `npm run experiment:euclidean-data`), against 82–100 %
 * on four blobs (100 % for seed 1). 60 % leaves room for another backend's rounding and still fails on blobs.
 */
const BEFORE_TRAINING_MAX = 60;

test('triplet loss: its own spirals, said in words, well below 90 % before training', async ({
	page
}) => {
	const watch = await watchPage(page);
	await page.goto('/?loss=triplet');
	await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 20_000 });
	// The URL names the data the page chose: a shared link gives the same run.
	await expect(page).toHaveURL(/[?&]data=spirals&classes=3(&|$)/);
	const status = page.getByRole('status');
	await expect(status).toHaveText(/^step 0 · .* test \d+\.\d%/);
	const before = Number(/test (\d+\.\d)%/.exec((await status.textContent()) ?? '')![1]);
	expect(before).toBeLessThan(BEFORE_TRAINING_MAX);

	// The data controls say why the data is not the blobs.
	const note = page.locator('[data-note="euclidean-data"]');
	await note.scrollIntoViewIfNeeded();
	await expect(note).toContainText('3 interleaved spirals');
	await page.screenshot({ path: `${artifacts}/euclidean-triplet.png`, fullPage: true });
	expect(watch.errors).toEqual([]);
});

test('an explicit data set wins over the loss’s own, with no note', async ({ page }) => {
	const watch = await watchPage(page);
	await page.goto('/?loss=center&data=blobs');
	await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 20_000 });
	await expect(page).toHaveURL(/[?&]data=blobs&classes=4(&|$)/);
	// The data controls are there (they mount when idle), without the note.
	const classes = page.getByLabel('Classes', { exact: true });
	await classes.scrollIntoViewIfNeeded();
	await expect(classes).toHaveValue('4');
	await expect(page.locator('[data-note="euclidean-data"]')).toHaveCount(0);
	expect(watch.errors).toEqual([]);
});

test('the margin in feature space: the triplet ring with its anchor, positive and negative; center loss’s class rings', async ({
	page
}) => {
	const watch = await watchPage(page);
	await page.goto('/?loss=triplet');
	await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 20_000 });
	const ring = page.locator('.feature-circle g.pair-margin[data-ring="triplet"]');
	await expect(ring).toHaveCount(1);
	const r = Number(await ring.locator('circle.ring').getAttribute('r'));
	expect(r).toBeGreaterThan(0);
	await expect(ring.locator('circle.mark')).toHaveCount(3);
	await expect(ring.getByText('anchor')).toHaveCount(1);
	// Before training, triplets still teach: the anchor's nearest negative is inside its ring.
	await expect(ring).toHaveAttribute('data-teaching', '1');
	await page.goto('/?loss=center');
	const spreads = page.locator('.feature-circle g.pair-margin[data-ring="center"] circle.spread');
	await expect(spreads).toHaveCount(3);
	expect(watch.errors).toEqual([]);
});
