import { expect, test } from '@playwright/test';
import { artifacts, watchPage } from './helpers';

test('the home page renders the product, the explorer shell and no console errors', async ({
	page
}) => {
	const watch = await watchPage(page);
	await page.goto('/');
	await expect(page).toHaveTitle(/SphereLab/);
	await expect(page.getByRole('heading', { level: 1, name: 'SphereLab' })).toBeVisible();
	await expect(page.getByText(/watch softmax, modified softmax and A-Softmax/)).toBeVisible();
	for (const name of ['Controls', 'Feature circle', 'Input space', 'ψ(θ)', 'Training']) {
		await expect(page.getByRole('region', { name })).toBeVisible();
	}
	await expect(page.getByRole('status')).toBeVisible();
	await page.screenshot({ path: `${artifacts}/home.png`, fullPage: true });
	expect(watch.errors).toEqual([]);
	expect(watch.external).toEqual([]);
});

test('the margin preview follows the slider with the math core (A-Softmax margin (m−1)Δ/(m+1))', async ({
	page
}) => {
	const watch = await watchPage(page);
	await page.goto('/');
	const slider = page.getByRole('slider', { name: 'Margin m' });
	await expect(slider).toHaveValue('4');
	// Δ = 90°, m = 4: margin (4 − 1)·90/(4 + 1) = 54.0°.
	const caption = page.locator('figcaption');
	await expect(caption).toContainText('54.0°');
	await slider.focus();
	for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft'); // m = 2
	await expect(slider).toHaveValue('2');
	// m = 2: boundary at 90/3 = 30.0°, margin 30.0°.
	await expect(caption).toContainText('30.0°');
	await page.getByRole('radio', { name: 'Modified' }).click();
	await expect(caption).toContainText('no margin');
	await page.screenshot({ path: `${artifacts}/margin-preview-modified.png` });
	expect(watch.errors).toEqual([]);
});
