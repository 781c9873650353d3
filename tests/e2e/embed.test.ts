/**
 * Embeds: a widget page inside an <iframe> on a host page of another origin trains, shows
 * minimal chrome, and posts its height to the host; the copy-embed-code button writes an
 * iframe snippet that points at the embed page with the widget's settings.
 */
import { expect, test } from '@playwright/test';
import { artifacts, watchPage } from './helpers';

test('an embedded widget trains inside an iframe and posts its height to the host', async ({
	page,
	baseURL
}) => {
	test.setTimeout(90_000);
	const watch = await watchPage(page);
	// A host page on another origin (about:blank), with a listener for the height messages.
	await page.setContent(`<!doctype html><html lang="en"><body>
		<h1>Host</h1>
		<script>window.heights = []; addEventListener('message', (e) => {
			if (e.data && e.data.type === 'spherelab:height') window.heights.push(e.data.height);
		});</script>
		<iframe title="widget" width="560" height="700"
			src="${baseURL}/embed/circle?loss=asoftmax&m=3&classes=4&seed=5&controls=m,loss&lang=ko"></iframe>
	</body></html>`);
	const frame = page.frameLocator('iframe');
	const widget = frame.locator('figure.widget');
	await expect(widget).toHaveAttribute('data-live', 'yes', { timeout: 20_000 });
	await expect(frame.locator('header')).toHaveCount(0); // minimal chrome
	await expect
		.poll(
			async () =>
				Number(/(\d+)/.exec((await widget.locator('.status').textContent()) ?? '')?.[1] ?? 0),
			{
				timeout: 30_000
			}
		)
		.toBeGreaterThan(0);
	await expect(widget.getByRole('button', { name: '일시 정지' })).toBeVisible(); // lang=ko
	await expect(widget.getByRole('combobox')).toHaveValue('asoftmax');
	const heights = await page.evaluate(() => (window as unknown as { heights: number[] }).heights);
	expect(heights.length).toBeGreaterThan(0);
	expect(heights.at(-1)).toBeGreaterThan(200);
	await page.screenshot({ path: `${artifacts}/embed-host.png` });
	expect(watch.errors).toEqual([]);
	expect(watch.external).toEqual([]);
});

test('copy embed code writes an iframe snippet for the widget as it is now', async ({
	page,
	context,
	baseURL
}) => {
	const watch = await watchPage(page);
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('/embed/psi?loss=cosface&m=0.3&curves=arcface&controls=m');
	const widget = page.locator('figure.widget');
	await expect(widget).toHaveAttribute('data-live', 'yes');
	await widget.getByRole('button', { name: 'Copy embed code' }).click();
	const snippet = await widget.getByRole('textbox', { name: 'Embed code' }).inputValue();
	expect(snippet).toMatch(/^<iframe src="[^"]+" title="SphereLab: [^"]+" width="\d+" height="\d+"/);
	const src = new URL(/src="([^"]+)"/.exec(snippet)![1].replace(/&amp;/g, '&'));
	expect(src.origin + src.pathname).toBe(`${baseURL}/embed/psi`);
	expect(src.searchParams.get('loss')).toBe('cosface');
	expect(src.searchParams.get('m')).toBe('0.3');
	expect(src.searchParams.get('curves')).toBe('arcface');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
	expect(watch.errors).toEqual([]);
});

test("a widget's explorer link and embed code follow its controls (the frame reads the body's settings)", async ({
	page
}) => {
	const watch = await watchPage(page);
	// The ψ chart keeps its settings in the frame; the circle in its training state.
	for (const view of ['psi', 'circle']) {
		await page.goto(`/embed/${view}?loss=asoftmax&m=2&controls=m,loss&autoplay=0`);
		const widget = page.locator('figure.widget');
		await expect(widget).toHaveAttribute('data-live', 'yes', { timeout: 20_000 });
		const link = widget.getByRole('link', { name: /SphereLab/ });
		await expect(link).toHaveAttribute('href', /[?&]m=2(&|$)/);
		await widget.getByRole('slider', { name: /margin/i }).fill('4');
		await expect(link).toHaveAttribute('href', /[?&]m=4(&|$)/);
		await widget.getByRole('combobox', { name: 'Loss' }).selectOption('cosface');
		// A new loss takes its own default margin, clamped as the explorer clamps it.
		await expect(link).toHaveAttribute('href', /loss=cosface&m=0\.35(&|$)/);
		await widget.getByRole('button', { name: 'Copy embed code' }).click();
		const snippet = await widget.getByRole('textbox', { name: 'Embed code' }).inputValue();
		const src = new URL(/src="([^"]+)"/.exec(snippet)![1].replace(/&amp;/g, '&'));
		expect(src.pathname).toBe(`/embed/${view}`);
		expect(src.searchParams.get('loss')).toBe('cosface');
		expect(src.searchParams.get('m')).toBe('0.35');
	}
	expect(watch.errors).toEqual([]);
});
