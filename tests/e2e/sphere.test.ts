import { expect, test, type Page } from '@playwright/test';
import { artifacts, watchPage } from './helpers';

/** Samples the sphere's WebGL canvas: how many pixels are not background, and a cheap hash. */
function sample(page: Page) {
	return page.evaluate(() => {
		const gl = document.querySelector('.sphere canvas') as HTMLCanvasElement | null;
		if (!gl) return { painted: 0, hash: 0, width: 0 };
		const c = document.createElement('canvas');
		c.width = 200;
		c.height = 200;
		const ctx = c.getContext('2d', { willReadFrequently: true })!;
		ctx.drawImage(gl, 0, 0, 200, 200);
		const px = ctx.getImageData(0, 0, 200, 200).data;
		let painted = 0;
		let hash = 0;
		for (let i = 0; i < px.length; i += 4) {
			if (px[i + 3] > 0 && (px[i] < 245 || px[i + 1] < 245 || px[i + 2] < 245)) painted++;
			hash = (hash * 31 + px[i] + 7 * px[i + 1] + 13 * px[i + 2]) >>> 0;
		}
		return { painted, hash, width: gl.width };
	});
}

test('a 3D run paints the sphere; m repaints it; dragging rotates it', async ({ page }) => {
	const watch = await watchPage(page);
	await page.goto('/?dim=3&classes=6&loss=asoftmax&m=1&noise=0.3&seed=4');
	await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 20_000 });
	await expect(page.getByRole('heading', { name: 'Feature sphere' })).toBeVisible();
	await page.getByRole('button', { name: 'Play' }).click();
	await expect
		.poll(
			async () =>
				Number(/step (\d+)/.exec((await page.getByRole('status').textContent()) ?? '')?.[1]),
			{ timeout: 20_000 }
		)
		.toBeGreaterThan(400);
	await page.getByRole('button', { name: 'Pause' }).click();
	await page.waitForTimeout(500);

	const m1 = await sample(page);
	expect(m1.width).toBeGreaterThan(0);
	// The sphere covers a good part of the square view.
	expect(m1.painted).toBeGreaterThan(200 * 200 * 0.2);
	await page.screenshot({ path: `${artifacts}/sphere-m1.png` });

	// m = 4: the shader repaints the regions (margin bands appear) without any training step.
	const slider = page.getByRole('slider', { name: 'Margin m' });
	await slider.focus();
	for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
	await expect(slider).toHaveValue('4');
	await expect.poll(async () => (await sample(page)).hash, { timeout: 10_000 }).not.toBe(m1.hash);
	const m4 = await sample(page);
	await page.screenshot({ path: `${artifacts}/sphere-m4.png` });

	// Dragging orbits the camera.
	const box = (await page.locator('.sphere canvas').boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 30, { steps: 8 });
	await page.mouse.up();
	await expect.poll(async () => (await sample(page)).hash, { timeout: 10_000 }).not.toBe(m4.hash);
	expect(watch.errors).toEqual([]);
	expect(watch.external).toEqual([]);
});

test('50 sphere mounts and unmounts leave one WebGL canvas and no lost contexts; a lost context is explained and recovers', async ({
	page
}) => {
	test.setTimeout(300_000); // 100 remounts, each rebuilding the model in the worker
	const watch = await watchPage(page);
	const warnings: string[] = [];
	page.on('console', (msg) => {
		if (msg.type() === 'warning') warnings.push(msg.text());
	});
	await page.goto('/?dim=3&classes=4&seed=2');
	await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 20_000 });
	const sphere = page.getByRole('radio', { name: '3D (sphere)' });
	const circle = page.getByRole('radio', { name: '2D features (circle)' });
	for (let i = 0; i < 50; i++) {
		await circle.click();
		await expect(page.getByRole('heading', { name: 'Feature circle' })).toBeVisible();
		await sphere.click();
		await expect(page.getByRole('heading', { name: 'Feature sphere' })).toBeVisible();
	}
	// Undisposed renderers would pile up WebGL contexts until Chromium drops the oldest.
	expect(
		await page.locator('canvas').evaluateAll((cs) => cs.filter((c) => c.closest('.sphere')).length)
	).toBe(1);
	expect(warnings.filter((w) => /too many active webgl contexts|context lost/i.test(w))).toEqual(
		[]
	);

	// Lose the context on purpose: the view says so; restoring brings the picture back.
	await page.evaluate(() => {
		const c = document.querySelector('.sphere canvas') as HTMLCanvasElement;
		const gl = (c.getContext('webgl2') ?? c.getContext('webgl')) as WebGLRenderingContext;
		const ext = gl.getExtension('WEBGL_lose_context')!;
		(window as unknown as { __ext: WEBGL_lose_context }).__ext = ext;
		ext.loseContext();
	});
	await expect(page.getByRole('alert')).toContainText('graphics context was lost');
	await page.evaluate(() =>
		(window as unknown as { __ext: WEBGL_lose_context }).__ext.restoreContext()
	);
	await expect(page.getByRole('alert')).toHaveCount(0);
	await page.getByRole('button', { name: 'Step' }).click();
	await expect
		.poll(async () => (await sample(page)).painted, { timeout: 10_000 })
		.toBeGreaterThan(200 * 200 * 0.2);
	expect(watch.errors).toEqual([]);
});
