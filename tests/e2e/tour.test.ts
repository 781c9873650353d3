/**
 * The projector tour (issue 16): /tour and PageDown through every step, each with its own URL
 * (/tour/N), a live view, a formula and large type (≥ 28 px at 1920 × 1080); no console
 * errors, and axe finds no serious violation. PageUp goes back; Korean with ?lang=ko.
 * One screen per step (issue 26, item 5): at 1920 × 1080 and 1280 × 720, in English and (at
 * 1280 × 720, the tighter) in Korean, the step's words, its figure and chart and every control
 * of its widget lie inside the viewport, and the page does not scroll.
 */
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './a11y';
import { watchPage } from './helpers';

test.use({ viewport: { width: 1920, height: 1080 } });

const STEPS = 8;

/**
 * Waits until step n's view has drawn: a training widget's first snapshot (its status line and
 * the readout under the circle, or the sphere's canvas) and the pair losses' chart of what
 * still teaches; on the last step, the verdict chart's legend.
 */
async function viewDrawn(page: Page, n: number) {
	if (n === STEPS) {
		await expect(page.locator('figure.claim-chart .legend li').first()).toBeVisible();
		return;
	}
	const widget = page.locator('figure.widget');
	await expect(widget.locator('.status')).toHaveText(/^(step|단계) \d+/, { timeout: 60_000 });
	const view = await widget.getAttribute('data-view');
	if (view === 'sphere') await expect(widget.locator('.sphere canvas')).toBeVisible();
	else if (view === 'verify')
		await expect(widget.getByTestId('recog-roc-point')).toBeVisible({ timeout: 30_000 });
	else await expect(widget.locator('.feature-circle .readout')).toBeVisible();
	if ((await widget.locator('.activity').count()) > 0)
		await expect(widget.locator('.activity svg[data-chart="activity"]')).toBeVisible();
}

/**
 * What a lecturer shows on a step, measured against the viewport: the words, the navigation,
 * the figure (the circle's panels, the sphere or the verdict chart and its legend), the chart of
 * what still teaches, and every visible button and input of the widget (Play, Step, Reset, m,
 * mining…). Returns those outside it (or missing), the number of figure elements and the
 * page's overflow.
 */
async function offScreen(page: Page) {
	return page.evaluate(() => {
		const figures = [
			'.feature-circle .stack',
			'.sphere',
			'[data-testid="recog-circle"]',
			'[data-testid="recog-roc"]',
			'[data-testid="recog-counts"]',
			'.activity svg',
			'figure.claim-chart svg',
			'figure.claim-chart .legend'
		];
		const shown = (e: Element) => {
			const r = e.getBoundingClientRect();
			return r.width > 0 && r.height > 0;
		};
		const parts = [
			...['.tour > header', '.tour > p.text', '.tour > .formula', '.tour > nav'].map((sel) => ({
				sel,
				el: document.querySelector(sel)
			})),
			...figures.flatMap((sel) =>
				[...document.querySelectorAll(`.tour ${sel}`)].map((el) => ({ sel, el }))
			),
			...[...document.querySelectorAll('figure.widget button, figure.widget input')]
				.filter(shown)
				.map((el) => ({ sel: el.textContent?.trim() || el.outerHTML.slice(0, 60), el }))
		];
		const outside = parts
			.map(({ sel, el }) => {
				if (!el || !shown(el)) return `${sel}: missing`;
				const r = el.getBoundingClientRect();
				const inside =
					r.left >= -1 && r.top >= -1 && r.right <= innerWidth + 1 && r.bottom <= innerHeight + 1;
				const box = `${Math.round(r.left)},${Math.round(r.top)} to ${Math.round(r.right)},${Math.round(r.bottom)}`;
				return inside ? null : `${sel}: ${box}`;
			})
			.filter((x) => x !== null);
		return {
			figures: figures.reduce((k, sel) => k + document.querySelectorAll(`.tour ${sel}`).length, 0),
			outside,
			scrollY: document.documentElement.scrollHeight - innerHeight,
			scrollX: document.documentElement.scrollWidth - innerWidth
		};
	});
}

/** Step n, once drawn, is one screen: its words, figure, chart and controls all in view. */
async function expectStepFits(page: Page, n: number) {
	await viewDrawn(page, n);
	const fit = await offScreen(page);
	expect(fit.figures, `step ${n}: its figure`).toBeGreaterThan(0);
	expect(fit.outside, `step ${n}`).toEqual([]);
	expect(fit.scrollY, `step ${n}: scrolls`).toBeLessThanOrEqual(1);
	expect(fit.scrollX, `step ${n}: wider than the screen`).toBeLessThanOrEqual(0);
}

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
		// sweep's verdict chart (claims with their intervals). All of it on one screen.
		await expect(page.locator(n < STEPS ? 'figure.widget' : 'figure.claim-chart')).toHaveCount(1);
		await expectStepFits(page, n);
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

for (const lang of ['en', 'ko']) {
	test(`every step fits one 1280 × 720 screen (${lang}), its words at least 16 px`, async ({
		page
	}) => {
		test.setTimeout(300_000);
		await page.setViewportSize({ width: 1280, height: 720 });
		const watch = await watchPage(page);
		const query = lang === 'ko' ? '?lang=ko' : '';
		await page.goto(`/tour${query}`);
		for (let n = 1; n <= STEPS; n++) {
			if (n > 1)
				await expect(page).toHaveURL(new RegExp(`/tour/${n}${query.replace('?', '\\?')}$`));
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			const body = await page
				.locator('.tour > p.text')
				.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
			expect(body, `step ${n}`).toBeGreaterThanOrEqual(16);
			await expect(page.locator(n < STEPS ? 'figure.widget' : 'figure.claim-chart')).toHaveCount(1);
			await expectStepFits(page, n);
			await page.locator('h1').click(); // focus off any control: keys go to the tour
			await page.keyboard.press('PageDown');
		}
		expect(watch.errors).toEqual([]);
	});
}

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
