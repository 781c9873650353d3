/**
 * Presentation (figure) mode on a projector (issues 16 and 26): at 1280 × 720 and
 * 1920 × 1080 the feature view is the largest thing on the screen (at least 60 % of the
 * viewport's height), with Play, the loss and m in reach and none of the site's chrome;
 * pressing F scrolls to it; every chart text is at least 16 px at 1920 × 1080. And the marks
 * never hide the points: a class's points drawn over its own arrow stay visible.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { artifacts, watchPage } from './helpers';

const step = async (page: Page) =>
	Number(/step (\d+)/.exec((await page.getByRole('status').first().textContent()) ?? '')?.[1]);

/** Whether a locator's box lies wholly inside the viewport. */
async function inView(page: Page, l: Locator) {
	const box = (await l.boundingBox())!;
	const vp = page.viewportSize()!;
	return (
		box.x >= 0 && box.y >= 0 && box.x + box.width <= vp.width && box.y + box.height <= vp.height
	);
}

for (const [width, height] of [
	[1280, 720],
	[1920, 1080]
]) {
	test.describe(`${width} × ${height}`, () => {
		test.use({ viewport: { width, height } });

		test('F shows the figure: the feature view fills the screen, Play, the loss and m in reach', async ({
			page
		}) => {
			const watch = await watchPage(page);
			await page.goto('/?seed=1');
			const play = page.getByRole('button', { name: 'Play' });
			await expect(play).toBeEnabled({ timeout: 20_000 });
			// From the bottom of the page: F brings the figure back into view.
			await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
			await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
			await page.locator('body').press('f');
			await expect(page.locator('header.site')).toBeHidden();
			await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
			const unitCircle = page.getByRole('img', { name: /unit circle/i });
			await expect.poll(() => inView(page, unitCircle)).toBe(true);
			const box = (await unitCircle.boundingBox())!;
			expect(box.height, 'the unit circle’s height').toBeGreaterThanOrEqual(0.6 * height);
			for (const control of [
				play,
				page.getByRole('button', { name: 'Step' }),
				page.getByRole('radio', { name: 'CosFace' }),
				page.getByRole('slider', { name: /Margin m/ })
			])
				expect(await inView(page, control), (await control.textContent()) ?? '').toBe(true);
			await page.screenshot({ path: `${artifacts}/present-${width}.png` });
			// The other settings wait below the figure; Escape leaves presentation mode.
			await expect(page.getByRole('heading', { name: 'More settings' })).toBeAttached();
			await page.locator('body').press('Escape');
			await expect(page.locator('header.site')).toBeVisible();
			await expect(page.getByRole('heading', { name: 'More settings' })).toHaveCount(0);
			expect(watch.errors).toEqual([]);
		});
	});
}

test.describe('1920 × 1080, after training', () => {
	test.use({ viewport: { width: 1920, height: 1080 } });

	test('every chart text at least 16 px; the sphere fills its panel', async ({ page }) => {
		const watch = await watchPage(page);
		await page.goto('/?present=1&seed=1');
		const play = page.getByRole('button', { name: 'Play' });
		await expect(play).toBeEnabled({ timeout: 20_000 });
		await play.click();
		await expect(page.locator('[data-area="stats"] svg').first()).toBeVisible({ timeout: 30_000 });
		// The training charts draw from their second point on: wait for a snapshot of training.
		await expect(page.locator('[data-area="charts"] svg').first()).toBeVisible({ timeout: 30_000 });
		await page.getByRole('button', { name: 'Pause' }).click();
		// Every panel below the figure mounted (after the reader's first input, in idle time).
		await expect(page.locator('.deferred')).toHaveCount(0, { timeout: 30_000 });
		await expect(page.locator('[data-area="boundaries"] svg').first()).toBeVisible();
		await expect(page.getByTestId('recog-roc')).toBeVisible();
		const smallest = await page.evaluate(() => {
			const sizes: Record<string, number> = {};
			for (const svg of document.querySelectorAll('[data-area] svg')) {
				const area = svg.closest('[data-area]')!.getAttribute('data-area')!;
				for (const t of svg.querySelectorAll('text')) {
					const m = t.getScreenCTM();
					if (!m || !t.textContent?.trim() || !t.checkVisibility()) continue;
					const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
					sizes[area] = Math.min(sizes[area] ?? Infinity, px);
				}
			}
			return sizes;
		});
		expect(Object.keys(smallest).sort()).toEqual([
			'boundaries',
			'charts',
			'features',
			'psi',
			'recognition',
			'stats'
		]);
		for (const [area, px] of Object.entries(smallest))
			expect(px, `smallest text in ${area}`).toBeGreaterThanOrEqual(16);
		// 3-D features: the sphere's panel is at least 60 % of the viewport's height, labelled.
		await page.goto('/?present=1&dim=3&seed=1');
		const sphere = page.getByRole('img', { name: /sphere/i });
		await expect(page.locator('.sphere-label').first()).toBeVisible({ timeout: 30_000 });
		expect((await sphere.boundingBox())!.height).toBeGreaterThanOrEqual(0.6 * 1080);
		await expect(page.locator('.sphere-label')).toHaveText(['W1', 'W2', 'W3', 'W4']);
		expect(watch.errors).toEqual([]);
	});

	// A-Softmax with m = 4 packs each class into a narrow petal around its W, so the clusters
	// lie on the arrows (with CosFace on this data, seed 1, they settle 5–10° beside them).
	test('points drawn over their class arrows stay visible (A-Softmax, m = 4)', async ({ page }) => {
		const watch = await watchPage(page);
		await page.goto('/?present=1&loss=asoftmax&m=4&seed=1');
		const play = page.getByRole('button', { name: 'Play' });
		await expect(play).toBeEnabled({ timeout: 20_000 });
		await play.click();
		await expect.poll(() => step(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(600);
		await page.getByRole('button', { name: 'Pause' }).click();
		let onArrows = 0;
		let visible = 0;
		for (const stack of await page.locator('.feature-circle .stack').all()) {
			// The picture without labels (A), and without labels and points (B): where a point
			// covers an arrow, A shows the point, so it differs from B.
			const layers = stack.locator(':scope > canvas, :scope > svg');
			const labels = layers.last();
			const points = layers.nth((await layers.count()) - 2);
			await labels.evaluate((el) => ((el as SVGElement).style.visibility = 'hidden'));
			const a = (await stack.screenshot()).toString('base64');
			await points.evaluate((el) => ((el as HTMLElement).style.visibility = 'hidden'));
			const b = (await stack.screenshot()).toString('base64');
			await stack.evaluate((el) => {
				for (const c of el.children) (c as HTMLElement).style.visibility = '';
			});
			const counts = await stack.evaluate(
				async (el, [a, b]) => {
					const decode = async (b64: string) => {
						const img = new Image();
						img.src = `data:image/png;base64,${b64}`;
						await img.decode();
						const c = document.createElement('canvas');
						c.width = img.width;
						c.height = img.height;
						const ctx = c.getContext('2d')!;
						ctx.drawImage(img, 0, 0);
						return ctx.getImageData(0, 0, c.width, c.height);
					};
					const [pa, pb] = [await decode(a), await decode(b)];
					const layers = [...el.querySelectorAll(':scope > canvas, :scope > svg')];
					const pointsCanvas = layers[layers.length - 2] as HTMLCanvasElement;
					// The points canvas, at the screenshot's size (backing store = CSS × dpr).
					const scaled = document.createElement('canvas');
					scaled.width = pa.width;
					scaled.height = pa.height;
					const sctx = scaled.getContext('2d')!;
					sctx.drawImage(pointsCanvas, 0, 0, pa.width, pa.height);
					const pts = sctx.getImageData(0, 0, pa.width, pa.height).data;
					const k = pa.width / 400;
					const shafts = [...el.querySelectorAll('line[marker-end]')].map((l) =>
						['x1', 'y1', 'x2', 'y2'].map((n) => Number(l.getAttribute(n)) * k)
					);
					let onArrows = 0;
					let visible = 0;
					for (let y = 0; y < pa.height; y++)
						for (let x = 0; x < pa.width; x++) {
							const i = 4 * (y * pa.width + x);
							if (pts[i + 3] < 200) continue;
							// Within a pixel of a shaft's centre line?
							const near = shafts.some(([x1, y1, x2, y2]) => {
								const dx = x2 - x1;
								const dy = y2 - y1;
								const t = Math.max(
									0,
									Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy))
								);
								return Math.hypot(x - x1 - t * dx, y - y1 - t * dy) <= 1;
							});
							if (!near) continue;
							onArrows++;
							const diff =
								Math.abs(pa.data[i] - pb.data[i]) +
								Math.abs(pa.data[i + 1] - pb.data[i + 1]) +
								Math.abs(pa.data[i + 2] - pb.data[i + 2]);
							if (diff > 30) visible++;
						}
					return { onArrows, visible };
				},
				[a, b]
			);
			onArrows += counts.onArrows;
			visible += counts.visible;
		}
		// Enough points lie on the arrows to tell, and nearly all of them show.
		expect(onArrows).toBeGreaterThanOrEqual(20);
		expect(visible / onArrows).toBeGreaterThanOrEqual(0.8);
		expect(watch.errors).toEqual([]);
	});
});
