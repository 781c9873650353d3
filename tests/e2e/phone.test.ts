/**
 * The explorer on a phone, upright (390×844) and on its side (844×390): Play, Step and the
 * margin slider are on the first screen without scrolling (docked at the bottom, in view and
 * not covered by anything), tapping Play trains, Step takes one step, the slider changes m,
 * and the last panel scrolls clear of the dock. On a desktop (1280×900) the same controls stay
 * in the Controls panel.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { artifacts, watchPage } from './helpers';

/** The step shown in the status line. */
async function step(page: Page): Promise<number> {
	return Number(/step (\d+)/.exec((await page.getByRole('status').textContent()) ?? '')?.[1]);
}

/** Fails unless `target` lies inside the viewport and is the topmost element at its centre. */
async function inFirstScreen(page: Page, target: Locator) {
	await expect(target).toBeVisible();
	const box = (await target.boundingBox())!;
	const { width, height } = page.viewportSize()!;
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.y).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(width);
	expect(box.y + box.height).toBeLessThanOrEqual(height);
	const hit = await target.evaluate((el) => {
		const r = el.getBoundingClientRect();
		const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
		return top !== null && (top === el || el.contains(top));
	});
	expect(hit).toBe(true);
}

for (const [name, viewport] of [
	['portrait', { width: 390, height: 844 }],
	['landscape', { width: 844, height: 390 }]
] as const) {
	test.describe(`a phone held ${name === 'portrait' ? 'upright' : 'on its side'}`, () => {
		test.use({ viewport, isMobile: true, hasTouch: true });

		test(`${name}: Play, Step and the margin slider are on the first screen and work by touch`, async ({
			page
		}) => {
			const watch = await watchPage(page);
			await page.goto('/?loss=asoftmax&m=3&lambda=off&classes=4&seed=3');
			const play = page.getByRole('button', { name: 'Play' });
			await expect(play).toBeEnabled({ timeout: 20_000 });
			const stepButton = page.getByRole('button', { name: 'Step' });
			const slider = page.getByRole('slider', { name: 'Margin m' });
			for (const target of [play, stepButton, page.getByRole('button', { name: 'Reset' }), slider])
				await inFirstScreen(page, target);
			expect(await page.evaluate(() => scrollY)).toBe(0);
			await page.screenshot({ path: `${artifacts}/phone-${name}.png` });

			// Step takes one step; Play trains until Pause.
			const before = await step(page);
			await stepButton.tap();
			await expect.poll(() => step(page), { timeout: 20_000 }).toBe(before + 1);
			await play.tap();
			await expect.poll(() => step(page), { timeout: 20_000 }).toBeGreaterThan(before + 50);
			await page.getByRole('button', { name: 'Pause' }).tap();
			await expect(play).toBeVisible();

			// A tap near the slider's left end moves m to 1 (integers 1–4 by default).
			const box = (await slider.boundingBox())!;
			await page.touchscreen.tap(box.x + box.width * 0.05, box.y + box.height / 2);
			await expect(slider).toHaveValue('1');
			await expect(page).toHaveURL(/[?&]m=1(&|$)/);

			// The dock covers no content for good: the last panel scrolls clear above it. Parts
			// mount later and catch up on their data as they come into view (and grow), so the
			// end of the page is where scrolling to the end leaves it once that has settled.
			await expect(page.locator('.deferred')).toHaveCount(0, { timeout: 20_000 });
			const dockTop = Math.min(
				(await page.locator('[data-dock="train"]').boundingBox())!.y,
				(await slider.locator('xpath=ancestor::label[1]').boundingBox())!.y
			);
			await expect
				.poll(async () => {
					await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
					const last = (await page.locator('[data-area="psi"]').boundingBox())!;
					return last.y + last.height - dockTop;
				})
				.toBeLessThanOrEqual(0);
			await inFirstScreen(page, slider);
			await page.screenshot({ path: `${artifacts}/phone-${name}-end.png` });

			// Scrolled to, the unit circle shows whole between the top of the screen and the dock.
			const features = page.locator('[data-area="features"]');
			await features.evaluate((el) => el.scrollIntoView({ block: 'start' }));
			const unit = (await page.getByRole('img', { name: /unit circle/i }).boundingBox())!;
			expect(unit.y).toBeGreaterThanOrEqual(0);
			expect(unit.y + unit.height).toBeLessThanOrEqual(dockTop);
			expect(watch.errors).toEqual([]);
		});
	});
}

test('on a desktop Play and the margin slider stay in the Controls panel', async ({ page }) => {
	await page.goto('/');
	const play = page.getByRole('button', { name: 'Play' });
	await expect(play).toBeEnabled({ timeout: 20_000 });
	const panel = (await page.locator('[data-area="controls"]').boundingBox())!;
	for (const target of [play, page.getByRole('slider', { name: 'Margin m' })]) {
		const box = (await target.boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(panel.x);
		expect(box.y).toBeGreaterThanOrEqual(panel.y);
		expect(box.x + box.width).toBeLessThanOrEqual(panel.x + panel.width);
		expect(box.y + box.height).toBeLessThanOrEqual(panel.y + panel.height);
	}
});
