/**
 * The projector tour (issue 16): /tour and PageDown through every step, each with its own URL
 * (/tour/N), a live view, a formula and large type (≥ 28 px at 1920 × 1080); no console
 * errors, and axe finds no serious violation; each step's view and its controls fit the screen.
 * PageUp goes back; Korean with ?lang=ko.
 */
import { expect, test } from '@playwright/test';
import { seriousViolations } from './a11y';
import { watchPage } from './helpers';

test.use({ viewport: { width: 1920, height: 1080 } });

const STEPS = 8;

test('PageDown walks the tour: every step has its URL, a live view, a formula and large type', async ({
	page
}) => {
	test.setTimeout(300_000);
	const watch = await watchPage(page);
	await page.goto('/tour');
	for (let n = 1; n <= STEPS; n++) {
		if (n > 1) await expect(page).toHaveURL(new RegExp(`/tour/${n}$`));
		await expect(page.locator('.count')).toHaveText(`Step ${n} of ${STEPS}`);
		await expect(page.locator('.tour > .formula .katex').first()).toBeVisible();
		const body = await page
			.locator('.tour > p.text')
			.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
		expect(body).toBeGreaterThanOrEqual(28);
		// The live view: a training widget gets its first snapshot; the last step shows the
		// sweep's verdict chart (claims with their intervals).
		const widget = page.locator(n < STEPS ? 'figure.widget' : 'figure.claim-chart');
		await expect(widget).toHaveCount(1);
		if (n < STEPS)
			await expect(widget.locator('.status')).toHaveText(/^step \d+/, { timeout: 60_000 });
		else await expect(widget.locator('svg').first()).toBeVisible({ timeout: 30_000 });
		// One screen: the view's own controls (Play, the m slider, mining…) without scrolling,
		// and nothing wider than the screen.
		const onScreen = await page.evaluate(() => ({
			scrollX: document.documentElement.scrollWidth - innerWidth,
			below: [...document.querySelectorAll('figure.widget button, figure.widget input')]
				.map((e) => e.getBoundingClientRect())
				.filter((r) => r.height > 0 && r.bottom > innerHeight).length
		}));
		expect(onScreen, `step ${n}`).toEqual({ scrollX: 0, below: 0 });
		expect(await seriousViolations(page), `step ${n}`).toEqual([]);
		await page.locator('h1').click(); // focus off any control: keys go to the tour
		await page.keyboard.press('PageDown');
	}
	// Past the end stays at the end; PageUp goes back one step.
	await expect(page).toHaveURL(/\/tour\/8$/);
	await page.keyboard.press('PageUp');
	await expect(page).toHaveURL(/\/tour\/7$/);
	expect(watch.errors).toEqual([]);
});

test('a step links on its own and in Korean', async ({ page }) => {
	const watch = await watchPage(page);
	await page.goto('/tour/4?lang=ko');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
	await expect(page.locator('.count')).toHaveText('4 / 8단계');
	await expect(page.locator('h1')).toContainText('A-Softmax');
	// The site's own header keeps a Korean reader in Korean.
	const menu = page.getByRole('navigation', { name: '주 메뉴' });
	await expect(menu.getByRole('link', { name: '투어' })).toHaveAttribute(
		'href',
		/\/tour\?lang=ko$/
	);
	await expect(menu.getByRole('link', { name: '탐색기' })).toHaveAttribute('href', /\/\?lang=ko$/);
	await page.keyboard.press('ArrowRight');
	await expect(page).toHaveURL(/\/tour\/5\?lang=ko$/);
	expect(watch.errors).toEqual([]);
});

test('the last step states the takeaway with its numbers and shows its chart on one 1280 × 720 screen', async ({
	page
}) => {
	await page.setViewportSize({ width: 1280, height: 720 });
	const watch = await watchPage(page);
	await page.goto('/tour/8');
	const text = page.locator('.tour > p.text');
	// Three claims printed from static/data/claims.json: a difference with its interval each.
	await expect(text.locator('[data-claim]')).toHaveCount(3);
	await expect(text).toContainText(/[+−]\d\.\d{3} \[[+−±]\d\.\d{3}, [+−±]\d\.\d{3}\]/);
	const chart = page.locator('figure.claim-chart');
	// One point per loss and identity count, each with its interval, and a legend.
	const points = chart.locator('g[data-claim]');
	expect(await points.count()).toBeGreaterThanOrEqual(5 * 4);
	await expect(chart.locator('.legend li')).toHaveCount(5);
	const verdicts = await points.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-verdict')));
	expect(verdicts.every((v) => v === 'helps' || v === 'hurts' || v === 'none')).toBe(true);
	// Everything in the viewport: the sentences, the chart, its legend, the navigation.
	const boxes = await page.evaluate(() =>
		['.tour > p.text', 'figure.claim-chart svg', 'figure.claim-chart .legend', '.tour nav'].map(
			(sel) => {
				const r = document.querySelector(sel)!.getBoundingClientRect();
				return { sel, bottom: r.bottom, right: r.right };
			}
		)
	);
	for (const b of boxes) {
		expect(b.bottom, b.sel).toBeLessThanOrEqual(720);
		expect(b.right, b.sel).toBeLessThanOrEqual(1280);
	}
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
	expect(watch.errors).toEqual([]);
});
