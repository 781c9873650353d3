/**
 * The geometry readouts (issue 28, item 5): after a little training the explorer shows
 * alignment, uniformity and the energy of the class weights beside the regular simplex's,
 * all finite, and draws the simplex's spokes faintly on the feature circle; /compare charts
 * the three readouts over training, one line per panel, with points.
 */
import { expect, test, type Page } from '@playwright/test';
import { artifacts, trainPast, watchPage } from './helpers';

/** The number in a data attribute of the first element matching `selector`. */
async function attr(page: Page, selector: string, name: string): Promise<number> {
	const v = await page.locator(selector).first().getAttribute(name);
	return v === null || v === '' ? NaN : Number(v);
}

test('the explorer reads out alignment, uniformity and the weight energy, and draws the simplex', async ({
	page
}) => {
	const watch = await watchPage(page);
	await page.goto('/?dim=2&classes=3&seed=5');
	await trainPast(page, 40);
	const box = page.getByRole('region', { name: 'Geometry of the unit features' });
	await expect(box.locator('p.alignment')).toContainText(/^Alignment \d\.\d{3} —/);
	await expect(box.locator('p.uniformity')).toContainText(/^Uniformity −?\d\.\d{3} —/);
	await expect(box.locator('p.energy')).toContainText(
		/^Weight energy \d\.\d{3} \(regular simplex: 0\.577\)/
	);
	const alignment = await attr(page, 'p.alignment', 'data-value');
	const uniformity = await attr(page, 'p.uniformity', 'data-value');
	const energy = await attr(page, 'p.energy', 'data-value');
	const simplex = await attr(page, 'p.energy', 'data-simplex');
	// Alignment of unit vectors lies in [0, 4], uniformity (t = 2) in [−8, 0]; three weights'
	// energy is at least the triangle's 1/√3.
	expect(alignment).toBeGreaterThanOrEqual(0);
	expect(alignment).toBeLessThanOrEqual(4);
	expect(uniformity).toBeGreaterThanOrEqual(-8);
	expect(uniformity).toBeLessThanOrEqual(0);
	expect(simplex).toBeCloseTo(1 / Math.sqrt(3), 6);
	expect(energy).toBeGreaterThanOrEqual(simplex - 1e-9);
	expect(Number.isFinite(energy)).toBe(true);
	// The faint spokes: one per class, drawn under the arrows on the projected panel.
	await expect(page.locator('g.simplex')).toHaveAttribute('data-spokes', '3');
	await expect(page.locator('g.simplex line')).toHaveCount(3);
	await page.locator('.feature-circle').screenshot({ path: `${artifacts}/geometry-circle.png` });
	await box.screenshot({ path: `${artifacts}/geometry-readout.png` });

	await page.getByRole('button', { name: '한국어' }).click();
	await expect(page.locator('p.alignment')).toContainText(/^정렬도 \d\.\d{3} —/);
	await expect(page.locator('p.energy')).toContainText('(정단체: 0.577)');
	expect(watch.errors).toEqual([]);
	expect(watch.external).toEqual([]);
});

test('a metric loss reads out the energy of its class mean directions', async ({ page }) => {
	const watch = await watchPage(page);
	await page.goto('/?loss=contrastive&dim=2&classes=4&seed=3');
	await trainPast(page, 20);
	await expect(page.locator('p.energy')).toContainText(
		/^Class-mean energy \d\.\d{3} \(evenly spaced: 0\.638\)/
	);
	expect(Number.isFinite(await attr(page, 'p.energy', 'data-value'))).toBe(true);
	expect(watch.errors).toEqual([]);
});

test('3D with four classes: the regular tetrahedron is the reference, its spokes on the sphere', async ({
	page
}) => {
	const watch = await watchPage(page);
	await page.goto('/?dim=3&classes=4&seed=5');
	await trainPast(page, 20);
	// √(3/8) = 0.612: the tetrahedron's vertices are √(8/3) apart.
	await expect(page.locator('p.energy')).toContainText(
		/^Weight energy \d\.\d{3} \(regular simplex: 0\.612\)/
	);
	await expect(page.locator('p.energy')).toContainText('spokes outside the sphere');
	await page.locator('.sphere').screenshot({ path: `${artifacts}/geometry-sphere.png` });
	expect(watch.errors).toEqual([]);
});

test('/compare charts the readouts over training, one line per panel', async ({ page }) => {
	test.setTimeout(120_000);
	const watch = await watchPage(page);
	await page.goto('/compare?panels=modified,arcface');
	const section = page.getByRole('region', { name: 'Geometry over training' });
	await expect(section).toContainText('Press Play all');
	await page.getByRole('button', { name: 'Play all' }).click();
	const alignment = section.locator('svg[data-chart="alignment"]');
	await expect
		.poll(async () => Number(await alignment.getAttribute('data-points')), { timeout: 60_000 })
		.toBeGreaterThanOrEqual(8);
	await page.getByRole('button', { name: 'Pause all' }).click();
	for (const chart of ['alignment', 'uniformity', 'energy']) {
		const paths = section.locator(`svg[data-chart="${chart}"] path[data-points]`);
		await expect(paths).toHaveCount(2);
		for (const path of await paths.all()) {
			expect(Number(await path.getAttribute('data-points'))).toBeGreaterThanOrEqual(2);
			expect(await path.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
		}
	}
	// The least possible energy of the seen identities' weights, as a dashed line.
	await expect(section.locator('svg[data-chart="energy"] line.reference')).toHaveCount(1);
	await expect(section).toContainText('Lower is tighter or more spread out');
	await section.screenshot({ path: `${artifacts}/geometry-compare.png` });
	expect(watch.errors).toEqual([]);
	expect(watch.external).toEqual([]);
});
