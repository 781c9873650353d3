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
