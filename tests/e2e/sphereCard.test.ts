/**
 * The arithmetic of one point on the feature sphere: a click on a point (not a drag) opens
 * its card, with probabilities that sum to 100 % and the point's loss; × closes it. The
 * Euclidean losses say their pairs are drawn on the circle.
 */
import { expect, test, type Page } from '@playwright/test';
import { artifacts, trainPast, watchPage } from './helpers';

/** Clicks a grid of places on the sphere until a point's card (or note) opens. */
async function clickAPoint(page: Page, opened: () => Promise<boolean>) {
	const canvas = page.locator('.sphere canvas');
	const box = (await canvas.boundingBox())!;
	for (let gy = 1; gy < 16; gy++) {
		for (let gx = 1; gx < 16; gx++) {
			await canvas.click({ position: { x: (box.width * gx) / 16, y: (box.height * gy) / 16 } });
			if (await opened()) return;
		}
	}
	throw new Error('no point found on the sphere');
}

test('a click on a point of the sphere shows its arithmetic; × closes it', async ({ page }) => {
	const watch = await watchPage(page);
	await page.goto('/?dim=3&loss=cosface&classes=4&seed=2');
	await trainPast(page, 150);
	const card = page.getByTestId('sphere-card');
	await clickAPoint(page, async () => (await card.count()) > 0);
	const probs = (await card.getByTestId('sphere-prob').allTextContents()).map((t) => parseFloat(t));
	expect(probs.length).toBe(4);
	expect(Math.abs(probs.reduce((a, b) => a + b, 0) - 100)).toBeLessThan(0.3);
	await expect(card.getByTestId('sphere-loss')).toHaveText(/^\d+\.\d{3}$/);
	await page.locator('.sphere-wrap').screenshot({ path: `${artifacts}/sphere-card.png` });
	await card.getByRole('button', { name: 'Close the point’s card' }).click();
	await expect(card).toHaveCount(0);

	// Triplet loss on its own default data (spirals): features spread over the sphere.
	await page.goto('/?dim=3&loss=triplet&seed=2');
	await trainPast(page, 150);
	const note = page.getByText('The Euclidean losses have no class weights: their pairs');
	await clickAPoint(page, async () => (await note.count()) > 0);
	await expect(note).toBeVisible();
	expect(watch.errors).toEqual([]);
});
