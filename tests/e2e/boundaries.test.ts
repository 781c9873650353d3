/**
 * The boundaries figure in the after-SphereFace lesson: five rings (one per loss) and five
 * pairs of boundary curves, the A-Softmax wedge label follows the widget's m slider and the
 * Δ slider, a margin too large for Δ says "no boundary", and the Korean lesson's labels are
 * Korean. No console errors, no request leaving the site, no serious axe violation.
 */
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './a11y';
import { englishWords } from './englishWords';
import { artifacts, watchPage } from './helpers';

const KINDS = ['softmax', 'modified', 'asoftmax', 'cosface', 'arcface'];

/** The lesson's boundaries widget, scrolled into view and drawn. */
async function openWidget(page: Page, lang: 'en' | 'ko') {
	await page.goto(`/lessons/${lang}/after-sphereface`);
	const widget = page.locator('figure.widget[data-view="boundaries"]');
	await expect(widget).toHaveCount(1);
	await widget.scrollIntoViewIfNeeded();
	await expect(widget.locator('.boundaries')).toBeVisible({ timeout: 15_000 });
	return widget;
}

test('the boundaries widget draws five rings and five curve pairs; m and Δ move the A-Softmax wedge', async ({
	page
}) => {
	const watch = await watchPage(page);
	await page.setViewportSize({ width: 1280, height: 720 });
	const widget = await openWidget(page, 'en');

	// Five rings and five ring labels, in the losses' order.
	const rings = widget.locator('g.ring');
	await expect(rings).toHaveCount(5);
	expect(await rings.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-kind')))).toEqual(
		KINDS
	);
	await expect(widget.locator('text.ring-label')).toHaveCount(5);
	// Five curve groups, each with a class-1 and a class-2 boundary (at least two paths).
	const curves = widget.locator('g.curves');
	await expect(curves).toHaveCount(5);
	for (const kind of KINDS) {
		const paths = widget.locator(`g.curves[data-kind="${kind}"] path`);
		expect(await paths.count(), kind).toBeGreaterThanOrEqual(2);
		for (const d of await paths.evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? '')))
			expect(d, kind).toMatch(/^M[\d.]+,[\d.]+L/);
	}
	// The tag's loss (A-Softmax, m = 4) is highlighted: its band is shaded.
	await expect(widget.locator('path.band[data-band="asoftmax"]')).toHaveCount(1);

	const asoftmax = widget.locator('text.ring-label[data-kind="asoftmax"]');
	// m = 4, Δ = 90°: (m − 1)Δ/(m + 1) = 54°.
	await expect(asoftmax).toHaveText('A-Softmax: 54°');
	const figure = widget.locator('.boundaries [role="img"]');
	await expect(figure).toHaveAttribute(
		'aria-label',
		/90° apart.*A-Softmax, m = 4 leaves a 54° wedge/
	);

	// The widget's m slider (loss A-Softmax, integer stops 1–4): m = 2 gives 30°.
	const m = widget.getByRole('slider', { name: /margin m/i });
	await m.fill('2');
	await expect(asoftmax).toHaveText('A-Softmax: 30°');
	await expect(figure).toHaveAttribute('aria-label', /A-Softmax, m = 2 leaves a 30° wedge/);

	// Δ = 30°: A-Softmax's wedge shrinks with Δ (10°); CosFace 0.35 and ArcFace 0.5 lose their
	// boundary (1 − cos 30° < 0.35, and 30° is barely above 0.5 rad = 28.6°, so ArcFace keeps one).
	const delta = widget.getByRole('slider', { name: /angle Δ/i });
	await delta.fill('30');
	await expect(asoftmax).toHaveText('A-Softmax: 10°');
	await expect(widget.locator('text.ring-label[data-kind="cosface"]')).toHaveText(
		'CosFace: no boundary'
	);
	await expect(widget.locator('g.ring[data-kind="cosface"]')).toHaveAttribute('data-none', 'yes');
	await expect(widget.locator('text.ring-label[data-kind="arcface"]')).toHaveText('ArcFace: 29°');
	await delta.fill('25');
	await expect(widget.locator('text.ring-label[data-kind="arcface"]')).toHaveText(
		'ArcFace: no boundary'
	);
	await expect(widget.locator('.none-note')).toBeVisible();

	// No two ring labels overlap, and none crosses the W1 arrow's vertical line.
	const boxes = await widget.locator('text.ring-label').evaluateAll((ts) =>
		ts.map((t) => {
			const r = t.getBoundingClientRect();
			return [r.left, r.top, r.right, r.bottom];
		})
	);
	for (let i = 0; i < boxes.length; i++)
		for (let j = i + 1; j < boxes.length; j++) {
			const [a, b] = [boxes[i], boxes[j]];
			const overlap = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
			expect(overlap, `labels ${i} and ${j}`).toBe(false);
		}
	const arrow = await widget
		.locator('line.weight')
		.first()
		.evaluate((l) => l.getBoundingClientRect().left);
	for (const b of boxes) expect(b[2]).toBeLessThan(arrow);

	// Text on screen is at least 14 px.
	const sizes = await widget
		.locator('.boundaries svg text')
		.evaluateAll((ts) => ts.map((t) => parseFloat(getComputedStyle(t).fontSize)));
	expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14);

	await widget.screenshot({ path: `${artifacts}/boundaries-en-1280.png` });
	expect(await seriousViolations(page)).toEqual([]);
	expect(watch.errors).toEqual([]);
	expect(watch.external).toEqual([]);
});

test('the Korean lesson labels the boundaries figure in Korean', async ({ page }) => {
	const watch = await watchPage(page);
	await page.setViewportSize({ width: 390, height: 844 });
	const widget = await openWidget(page, 'ko');
	await expect(widget.locator('g.ring')).toHaveCount(5);
	await expect(widget.locator('text.ring-label[data-kind="modified"]')).toHaveText(
		'수정 Softmax: 0°'
	);
	await expect(widget.locator('.boundaries .panel-title').first()).toContainText('각');
	await expect(widget.locator('.boundaries [role="img"]')).toHaveAttribute(
		'aria-label',
		/가중치가 90° 떨어진 두 클래스의 결정 경계/
	);
	await expect(widget.getByRole('slider', { name: '두 가중치 사이의 각 Δ' })).toBeVisible();
	await expect(widget.locator('.boundaries .legend')).toContainText('클래스 1이 이김');
	// No English UI word in the widget's text (SVG labels included) or its description.
	const text = await widget.evaluate((w) => {
		const svgText = [...w.querySelectorAll('svg text')].map((t) => t.textContent).join(' ');
		const labels = [...w.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label'));
		return [(w as HTMLElement).innerText, svgText, ...labels].join(' ');
	});
	expect(englishWords(text)).toEqual([]);
	// On a phone the panels stack and the figure fits the screen's width.
	const width = await widget.locator('.boundaries').evaluate((e) => e.scrollWidth);
	expect(width).toBeLessThanOrEqual(390);
	await widget.screenshot({ path: `${artifacts}/boundaries-ko-390.png` });
	expect(watch.errors).toEqual([]);
	expect(watch.external).toEqual([]);
});
