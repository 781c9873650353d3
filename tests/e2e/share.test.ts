/**
 * "Share with the class" (issue 16): the dialog's QR code, rendered by the browser and read
 * back by a QR decoder (jsQR), is the page's own link; the link is also written out in large
 * type; Esc closes the dialog. On the explorer, the comparison page and a lesson.
 */
import { expect, test, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { seriousViolations } from './a11y';
import { mountDeferred, watchPage } from './helpers';

/** Rasterises the dialog's QR SVG at `px` pixels and decodes it; null when it does not read. */
async function decodeQr(page: Page, px = 400): Promise<string | null> {
	const pixels = await page.evaluate(async (size) => {
		const svg = document.querySelector('dialog[open] svg[data-qr]') as SVGSVGElement;
		const text = new XMLSerializer().serializeToString(svg);
		const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
		const img = new Image(size, size);
		img.src = url;
		await img.decode();
		const canvas = document.createElement('canvas');
		canvas.width = canvas.height = size;
		const ctx = canvas.getContext('2d')!;
		ctx.drawImage(img, 0, 0, size, size);
		URL.revokeObjectURL(url);
		return Array.from(ctx.getImageData(0, 0, size, size).data);
	}, px);
	return jsQR(Uint8ClampedArray.from(pixels), px, px)?.data ?? null;
}

async function checkShare(page: Page, path: string): Promise<void> {
	await page.getByRole('button', { name: 'Share with the class' }).first().click();
	const dialog = page.getByRole('dialog', { name: 'Scan to open this view' });
	await expect(dialog).toBeVisible();
	const href = await page.evaluate(() => location.href);
	expect(href).toContain(path);
	expect(await decodeQr(page)).toBe(href);
	await expect(dialog.locator('.link')).toHaveText(href);
	// The tests serve the site from 127.0.0.1: phones in a class could not open this link.
	await expect(dialog.getByRole('alert')).toHaveText(/points at this computer \(localhost\)/);
	// Large enough to scan from the back of a room: most of a 900 px high window.
	const box = await dialog.locator('svg').boundingBox();
	expect(box!.height).toBeGreaterThan(450);
	expect(await seriousViolations(page)).toEqual([]);
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
}

test('the QR code of the explorer decodes to its link, settings and seed included', async ({
	page
}) => {
	const watch = await watchPage(page);
	await page.goto('/?loss=asoftmax&m=3');
	await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 20_000 });
	await mountDeferred(page);
	await checkShare(page, '/?loss=asoftmax&m=3');
	expect(watch.errors).toEqual([]);
});

test('the comparison page and a lesson share their own links', async ({ page }) => {
	const watch = await watchPage(page);
	await page.goto('/compare?panels=triplet:1,asoftmax:4');
	await expect(page.locator('.panel')).toHaveCount(2);
	await checkShare(page, '/compare?panels=triplet:1,asoftmax:4');
	await page.goto('/lessons/en/euclidean-margins');
	await checkShare(page, '/lessons/en/euclidean-margins');
	expect(watch.errors).toEqual([]);
});

test.describe('on a 1280 × 720 projector and a phone on its side', () => {
	for (const viewport of [
		{ width: 1280, height: 720 },
		{ width: 844, height: 390 }
	])
		test(`${viewport.width} × ${viewport.height}: the dialog fits the screen and the page keeps its place`, async ({
			page
		}) => {
			const watch = await watchPage(page);
			await page.setViewportSize(viewport);
			await page.goto('/?seed=3');
			await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 20_000 });
			// Every later-mounted part in place first: their mounting moves the page by itself.
			await mountDeferred(page);
			const open = page.getByRole('button', { name: 'Share with the class' });
			await open.scrollIntoViewIfNeeded();
			// Where the page is, read from what is on screen: a panel above that catches up on its
			// data may grow, and scroll anchoring then moves scrollY while the view stays put.
			const place = async () => (await open.boundingBox())!.y;
			const before = await place();
			await open.click();
			const dialog = page.getByRole('dialog', { name: 'Scan to open this view' });
			await expect(dialog).toBeVisible();
			const box = (await dialog.boundingBox())!;
			expect(box.y).toBeGreaterThanOrEqual(0);
			expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
			// Every part of it on screen: the warning, the code, the link and Close.
			for (const part of [
				dialog.getByRole('alert'),
				dialog.locator('svg'),
				dialog.locator('.link'),
				dialog.getByRole('button', { name: 'Close' })
			]) {
				const b = (await part.boundingBox())!;
				expect(b.y + b.height).toBeLessThanOrEqual(viewport.height);
			}
			expect(await decodeQr(page)).toBe(await page.evaluate(() => location.href));
			// The wheel over the dialog does not scroll the page behind it.
			await page.mouse.move(viewport.width / 2, viewport.height / 2);
			await page.mouse.wheel(0, 600);
			await page.keyboard.press('Escape');
			await expect(dialog).toBeHidden();
			expect(Math.abs((await place()) - before)).toBeLessThanOrEqual(1);
			expect(watch.errors).toEqual([]);
		});
});
