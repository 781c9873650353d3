/**
 * The arithmetic of one point in the explorer's feature circle: after some CosFace steps,
 * hovering a point shows its probabilities (summing to 100 % up to rounding), its loss and
 * the arrow of the push −∂loss/∂x; with triplet loss the card shows the distances to the
 * hardest positive and negative and the margin. On a phone a tap pins the card and a tap
 * elsewhere lets it go; the keyboard steps between points and Escape lets go. Screenshots at
 * 1280×720 and 390×844.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { artifacts, watchPage } from './helpers';

/** Waits for the worker, trains until the status line passes `steps`, and pauses. */
async function train(page: Page, steps: number) {
	const play = page.getByRole('button', { name: 'Play' });
	await expect(play).toBeEnabled({ timeout: 20_000 });
	await play.click();
	await expect
		.poll(
			async () =>
				Number(/step (\d+)/.exec((await page.getByRole('status').textContent()) ?? '')?.[1]),
			{ timeout: 30_000 }
		)
		.toBeGreaterThan(steps);
	await page.getByRole('button', { name: 'Pause' }).click();
}

/** The unit-circle panel, scrolled into view. */
async function circlePanel(page: Page): Promise<Locator> {
	const panel = page.getByRole('img', { name: /projected on the unit circle/ });
	await panel.scrollIntoViewIfNeeded();
	return panel;
}

/**
 * Walks the unit circle (radius 150 of the 400-unit panel, where the points sit) with the
 * mouse, or by taps, until a point's card shows; with `prefer`, until a card whose text
 * matches it shows (else back to the first point found).
 */
async function findPoint(
	page: Page,
	panel: Locator,
	how: 'hover' | 'tap',
	prefer: RegExp | null = null
): Promise<void> {
	const card = page.getByRole('tooltip');
	let first: [number, number] | null = null;
	for (let deg = 0; deg < 360; deg += 3) {
		const box = (await panel.boundingBox())!;
		const r = (box.width / 400) * 150 * 0.96;
		const a = (deg * Math.PI) / 180;
		const x = box.x + box.width / 2 + r * Math.cos(a);
		const y = box.y + box.height / 2 - r * Math.sin(a);
		if (how === 'hover') await page.mouse.move(x, y);
		else await page.touchscreen.tap(x, y);
		if (!(await card.isVisible())) continue;
		if (!prefer || prefer.test((await card.textContent()) ?? '')) return;
		first ??= [x, y];
	}
	if (!first) throw new Error('no point found on the unit circle');
	if (how === 'hover') await page.mouse.move(...first);
	else await page.touchscreen.tap(...first);
	await expect(card).toBeVisible();
}

/** The card's numbers in the probability row (percent). */
async function probabilities(card: Locator): Promise<number[]> {
	const cells = await card.locator('tr.probs td').allTextContents();
	return cells.map((t) => Number.parseFloat(t));
}

test('CosFace: a hovered point shows its probabilities, its loss and the arrow of its push', async ({
	page
}) => {
	await page.setViewportSize({ width: 1280, height: 720 });
	const watch = await watchPage(page);
	await page.goto('/?loss=cosface&classes=4&seed=3');
	await train(page, 150);
	const panel = await circlePanel(page);
	// A point with a visible arrow, if one is on the circle.
	await findPoint(page, panel, 'hover', /violet arrow/);
	const card = page.getByRole('tooltip');
	await expect(card).toContainText(/class \d, predicted \d/);
	await expect(card).toContainText('θ_y to its own W');
	await expect(card).toContainText('cos θ_y − m');
	const probs = await probabilities(card);
	expect(probs).toHaveLength(4);
	for (const p of probs) expect(p).toBeGreaterThanOrEqual(0);
	// Each shown to 0.1 %: the sum is 100 within half a unit of the last place per class.
	expect(Math.abs(probs.reduce((a, b) => a + b, 0) - 100)).toBeLessThanOrEqual(0.05 * 4 + 1e-9);
	const loss = Number.parseFloat((await card.locator('[data-point-loss]').textContent()) ?? '');
	expect(Number.isFinite(loss) && loss >= 0).toBe(true);
	expect(
		Number.isFinite(
			Number.parseFloat((await card.locator('[data-point-push]').textContent()) ?? '')
		)
	).toBe(true);
	await expect(card).toContainText(/violet arrow|too small to draw/);
	// The arrow on the raw panel, and its part across the direction on the unit circle.
	await expect(page.locator('.feature-circle line.push')).toHaveCount(2);
	await expect(page.locator('.feature-circle .point-overlay')).toHaveCount(2);
	await page.screenshot({ path: `${artifacts}/point-card-cosface-1280.png` });
	// Leaving the panel hides the card (hover is not pinned).
	await page.mouse.move(5, 5);
	await expect(card).toBeHidden();

	// The keyboard: the focused panel's arrow keys step to a point; Escape lets go.
	await panel.focus();
	await page.keyboard.press('ArrowRight');
	await expect(card).toBeVisible();
	await expect(card).toContainText('pinned');
	await page.keyboard.press('Escape');
	await expect(card).toBeHidden();
	expect(watch.errors).toEqual([]);
});

test('triplet loss: the card shows the hardest positive and negative and the margin', async ({
	page
}) => {
	await page.setViewportSize({ width: 1280, height: 720 });
	const watch = await watchPage(page);
	await page.goto('/?loss=triplet&classes=4&seed=3');
	await train(page, 100);
	const panel = await circlePanel(page);
	await findPoint(page, panel, 'hover');
	const card = page.getByRole('tooltip');
	await expect(card.locator('[data-pair="positive"]')).toContainText(
		/hardest positive: d\(a, p\) = [\d.e+-]+/
	);
	await expect(card.locator('[data-pair="negative"]')).toContainText(
		/hardest negative: d\(a, n\) = [\d.e+-]+/
	);
	await expect(card.locator('[data-pair="margin"]')).toContainText(/margin m = [\d.]+/);
	await expect(card).toContainText(/d\(a, p\)² − d\(a, n\)² \+ m = /);
	await expect(card.locator('[data-pair="hinge"]')).toContainText(/hinge (active|inactive)/);
	// The point joined to its positive and negative, the margin ring, and the push.
	const overlay = page.locator('.feature-circle .point-overlay');
	await expect(overlay.locator('line.to-positive')).toHaveCount(1);
	await expect(overlay.locator('line.to-negative')).toHaveCount(1);
	await expect(overlay.locator('circle.margin-ring')).toHaveCount(1);
	await expect(overlay.locator('line.push').first()).toBeAttached();
	await page.screenshot({ path: `${artifacts}/point-card-triplet-1280.png` });
	expect(watch.errors).toEqual([]);
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

	test('a tap pins the card, a tap elsewhere lets it go', async ({ page }) => {
		const watch = await watchPage(page);
		await page.goto('/?loss=cosface&classes=4&seed=3');
		await train(page, 150);
		const panel = await circlePanel(page);
		await findPoint(page, panel, 'tap', /violet arrow/);
		const card = page.getByRole('tooltip');
		await expect(card).toContainText('pinned');
		const probs = await probabilities(card);
		expect(Math.abs(probs.reduce((a, b) => a + b, 0) - 100)).toBeLessThanOrEqual(0.2 + 1e-9);
		// The card stays inside the screen.
		const box = (await card.boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(390);
		await page.screenshot({ path: `${artifacts}/point-card-cosface-390.png` });
		// Still there after the finger lifts; a tap outside the figure lets it go.
		await expect(card).toBeVisible();
		await page.getByRole('status').first().tap();
		await expect(card).toBeHidden();
		expect(watch.errors).toEqual([]);
	});
});
