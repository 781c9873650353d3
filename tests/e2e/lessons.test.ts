/**
 * Lessons in the browser: every lesson page in both languages renders its formulas and every
 * widget (each scrolled into view trains, or draws for the ψ chart, the boundaries figure and the measured sweep) with no console errors
 * and no request leaving the site; widgets pause off-screen and when the tab is hidden; the
 * language switch keeps the reader's section.
 */
import { readdirSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { seriousViolations } from './a11y';
import { animationFrames, freshSnapshots, trackTrainingWorkers } from './appEvents';
import { artifacts, watchPage } from './helpers';

const LESSONS = ['en', 'ko'].flatMap((lang) =>
	readdirSync(`lessons/${lang}`)
		.filter((f) => f.endsWith('.md'))
		.map((f) => `/lessons/${lang}/${f.replace(/\.md$/, '')}`)
);

/** The step number in a training widget's status line (−1 before the first snapshot). */
async function stepOf(widget: Locator): Promise<number> {
	const text = (await widget.locator('.status').textContent()) ?? '';
	const m = /(?:step|단계)\s*(\d+)/.exec(text);
	return m ? Number(m[1]) : -1;
}

/**
 * The step once it stops changing (a step or two in flight may land after a pause): once
 * every worker has answered a snapshot request, nothing it sent before is on its way.
 */
async function settledStep(widget: Locator): Promise<number> {
	await freshSnapshots(widget.page());
	return stepOf(widget);
}

/**
 * The page's turn to change a paused widget, in events rather than time: ten animation
 * frames (intersection and visibility changes are acted on in them), then a fresh snapshot
 * from every worker (which answers with its step as it is now, after anything the page
 * asked of it meanwhile).
 */
async function pageTurn(page: Page): Promise<void> {
	await animationFrames(page, 10);
	await freshSnapshots(page);
}

async function trainsWhenVisible(widget: Locator): Promise<void> {
	await widget.scrollIntoViewIfNeeded();
	await expect(widget).toHaveAttribute('data-live', 'yes', { timeout: 15_000 });
	await expect.poll(() => stepOf(widget), { timeout: 30_000 }).toBeGreaterThan(0);
}

function widgetsOf(page: Page): Locator {
	return page.locator('figure.widget');
}

test('the lesson set is complete: seven lessons in each language', () => {
	expect(LESSONS.filter((l) => l.startsWith('/lessons/en/'))).toHaveLength(7);
	expect(LESSONS.filter((l) => l.startsWith('/lessons/ko/'))).toHaveLength(7);
});

for (const path of LESSONS) {
	test(`${path} renders its formulas and live widgets`, async ({ page }) => {
		test.setTimeout(150_000);
		const watch = await watchPage(page);
		await page.goto(path);
		await expect(page.locator('html')).toHaveAttribute('lang', path.split('/')[2]);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		expect(await page.locator('.katex').count()).toBeGreaterThan(0);
		await expect(page.locator('aside.try')).not.toHaveCount(0);
		const widgets = widgetsOf(page);
		const n = await widgets.count();
		expect(n).toBeGreaterThan(0);
		for (let i = 0; i < n; i++) {
			const widget = widgets.nth(i);
			const view = await widget.getAttribute('data-view');
			if (view === 'psi') {
				await widget.scrollIntoViewIfNeeded();
				// The curves: cos θ, ψ(θ) and any extra target curves.
				await expect(widget.locator('svg path[fill="none"]').first()).toBeVisible({
					timeout: 15_000
				});
				expect(await widget.locator('svg path[fill="none"]').count()).toBeGreaterThanOrEqual(2);
			} else if (view === 'boundaries') {
				// The boundaries figure (pure math): one ring and one curve pair per loss.
				await widget.scrollIntoViewIfNeeded();
				await expect(widget.locator('g.ring')).toHaveCount(5, { timeout: 15_000 });
				await expect(widget.locator('g.curves')).toHaveCount(5);
			} else if (view === 'sweep') {
				// The measured identity sweep: its source and its three charts of paired differences.
				await widget.scrollIntoViewIfNeeded();
				await expect(widget.locator('.source')).toContainText('npm run experiment', {
					timeout: 15_000
				});
				await expect(widget.locator('figure svg')).toHaveCount(3);
				expect(await widget.locator('figure svg circle').count()).toBeGreaterThan(0);
			} else {
				await trainsWhenVisible(widget);
			}
			await expect(widget.locator('.notices')).toHaveCount(0);
		}
		expect(await seriousViolations(page)).toEqual([]);
		expect(watch.errors).toEqual([]);
		expect(watch.external).toEqual([]);
	});
}

test('a widget pauses off-screen and while the tab is hidden, and resumes', async ({ page }) => {
	test.setTimeout(120_000);
	const watch = await watchPage(page);
	await trackTrainingWorkers(page);
	await page.goto('/lessons/en/a-softmax');
	const widget = page.locator('figure.widget:not([data-view="psi"])').first();
	await trainsWhenVisible(widget);

	// Off-screen: the step count stops.
	await page.locator('footer').scrollIntoViewIfNeeded();
	// Intersection updates arrive with rendering frames, which are slow on a software GPU.
	await expect(widget).toHaveAttribute('data-active', 'no', { timeout: 20_000 });
	await expect(widget.locator('.status')).toContainText('Paused while off-screen');
	await expect(widget.getByRole('button', { name: 'Play' })).toBeVisible();
	const stopped = await settledStep(widget);
	await pageTurn(page);
	expect(await stepOf(widget)).toBe(stopped);
	expect(await widget.getByRole('button', { name: 'Play' }).isVisible()).toBe(true);

	// Back on screen: it trains again.
	await widget.scrollIntoViewIfNeeded();
	await expect.poll(() => stepOf(widget), { timeout: 20_000 }).toBeGreaterThan(stopped);

	// A hidden tab pauses it too.
	const hide = (hidden: boolean) =>
		page.evaluate((h) => {
			Object.defineProperty(document, 'visibilityState', {
				configurable: true,
				get: () => (h ? 'hidden' : 'visible')
			});
			document.dispatchEvent(new Event('visibilitychange'));
		}, hidden);
	await hide(true);
	await expect(widget).toHaveAttribute('data-active', 'no', { timeout: 20_000 });
	await expect(widget.locator('.status')).toContainText('Paused');
	await expect(widget.getByRole('button', { name: 'Play' })).toBeVisible();
	const hiddenAt = await settledStep(widget);
	await pageTurn(page);
	expect(await stepOf(widget)).toBe(hiddenAt);
	expect(await widget.getByRole('button', { name: 'Play' }).isVisible()).toBe(true);
	await hide(false);
	await expect.poll(() => stepOf(widget), { timeout: 20_000 }).toBeGreaterThan(hiddenAt);

	// The reader's own pause is respected when the widget comes back into view.
	await widget.getByRole('button', { name: 'Pause' }).click();
	await page.locator('footer').scrollIntoViewIfNeeded();
	await widget.scrollIntoViewIfNeeded();
	await expect(widget.getByRole('button', { name: 'Play' })).toBeVisible();
	expect(watch.errors).toEqual([]);
});

test('the language switch keeps the reader on the same section', async ({ page }) => {
	const watch = await watchPage(page);
	await page.goto('/lessons/en/softmax');
	await page.locator('#section-3').evaluate((h) => h.scrollIntoView({ block: 'start' }));
	await page.getByRole('link', { name: '한국어' }).click();
	await expect(page).toHaveURL(/\/lessons\/ko\/softmax#section-3$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
	await expect(page.locator('#section-3')).toBeInViewport();
	await page.screenshot({ path: `${artifacts}/lesson-ko-softmax.png` });
	// And back.
	await page.getByRole('link', { name: 'English' }).click();
	await expect(page).toHaveURL(/\/lessons\/en\/softmax#section-3$/);
	expect(watch.errors).toEqual([]);
});

test('the lesson index lists the course in both languages', async ({ page }) => {
	const watch = await watchPage(page);
	await page.goto('/lessons');
	await expect(page.getByRole('heading', { level: 1, name: 'Lessons' })).toBeVisible();
	await expect(page.locator('ol li')).toHaveCount(7);
	await page.getByRole('link', { name: '한국어' }).click();
	await expect(page.getByRole('heading', { level: 1, name: '강의' })).toBeVisible();
	await expect(page.locator('ol li')).toHaveCount(7);
	expect(watch.errors).toEqual([]);
});

test('a lesson loads the trainer and three.js only when a widget that needs them comes near', async ({
	page
}) => {
	const watch = await watchPage(page);
	const workers: string[] = [];
	page.on('worker', (w) => workers.push(w.url()));
	let three = false;
	page.on('response', async (r) => {
		if (!/\.js$/.test(new URL(r.url()).pathname)) return;
		if ((await r.text().catch(() => '')).includes('WebGLRenderer')) three = true;
	});
	// The first screen of this lesson holds prose and the ψ chart (pure math, no training).
	await page.goto('/lessons/en/a-softmax');
	await page.waitForLoadState('networkidle');
	expect(workers).toEqual([]);
	expect(three).toBe(false);
	const circle = page.locator('figure.widget[data-view="circle"]').first();
	await circle.scrollIntoViewIfNeeded();
	await expect(circle).toHaveAttribute('data-live', 'yes');
	await expect.poll(() => workers.length).toBeGreaterThan(0);
	expect(three).toBe(false); // a circle widget never needs three.js
	expect(watch.errors).toEqual([]);
});
