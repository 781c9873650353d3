import { expect, test, type Page } from '@playwright/test';
import { animationFrames, freshSnapshots, trackTrainingWorkers } from './appEvents';
import { artifacts, watchPage } from './helpers';
import { laterPicture, renders, rendersOver, sampleSphere } from './sphereCanvas';

/** The sphere's canvas, scaled to 200 × 200 (see sphereCanvas.ts). */
const sample = (page: Page) => sampleSphere(page);

/**
 * Animation frames without a render that mean the view is still: a moving camera draws in
 * every frame, a new snapshot in the next one.
 */
const STILL = 10;

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
	// Play comes back with the snapshot of the step where training stopped; once that is
	// drawn the view is still, and the picture is the paused one.
	await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
	await expect.poll(() => rendersOver(page, STILL), { timeout: 20_000 }).toBe(0);

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

test('20 sphere mounts and unmounts leave one WebGL canvas and no lost contexts; a lost context is explained and recovers', async ({
	page
}) => {
	test.setTimeout(300_000); // 40 remounts, each rebuilding the model in the worker
	const watch = await watchPage(page);
	const warnings: string[] = [];
	page.on('console', (msg) => {
		if (msg.type() === 'warning') warnings.push(msg.text());
	});
	await page.goto('/?dim=3&classes=4&seed=2');
	await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 20_000 });
	const sphere = page.getByRole('radio', { name: '3D (sphere)' });
	const circle = page.getByRole('radio', { name: '2D features (circle)' });
	// Chromium keeps at most 16 WebGL contexts: 20 mounts that leaked their renderers would
	// make it drop the oldest and warn, so 20 prove what 50 did at 40 % of the time.
	for (let i = 0; i < 20; i++) {
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

test('the sphere renders on demand: nothing while paused and still; a drag, an m change and auto-rotate render', async ({
	page
}) => {
	test.setTimeout(180_000);
	const watch = await watchPage(page);
	await trackTrainingWorkers(page);
	await page.goto('/?dim=3&classes=4&loss=asoftmax&m=1&seed=3');
	await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 20_000 });
	await expect.poll(() => renders(page)).toBeGreaterThan(0);
	// Paused and still: once the worker's snapshots are drawn (a fresh one answered last, so
	// none is still on its way), no frame is rendered at all, however many frames go by.
	await freshSnapshots(page);
	await expect.poll(() => rendersOver(page, STILL), { timeout: 20_000 }).toBe(0);
	const still = await renders(page);
	await animationFrames(page, 60);
	expect(await renders(page)).toBe(still);

	// A drag orbits the camera: frames while dragging and while damping settles, then none.
	const box = (await page.locator('.sphere canvas').boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width / 2 + 100, box.y + box.height / 2 + 20, { steps: 6 });
	await page.mouse.up();
	await expect.poll(() => renders(page)).toBeGreaterThan(still);
	// Damping settles after about a hundred frames, which software GL can take long to draw.
	await expect.poll(() => rendersOver(page, STILL), { timeout: 60_000 }).toBe(0);
	const dragged = await renders(page);

	// A new m repaints the regions (a new snapshot, no training step), then the view is still.
	const slider = page.getByRole('slider', { name: 'Margin m' });
	await slider.focus();
	await page.keyboard.press('ArrowRight');
	await expect(slider).toHaveValue('2');
	await expect.poll(() => renders(page)).toBeGreaterThan(dragged);
	await expect.poll(() => rendersOver(page, STILL), { timeout: 20_000 }).toBe(0);

	// Auto-rotate keeps frames coming until it is turned off.
	const autoRotate = page.getByRole('checkbox', { name: 'Auto-rotate' });
	await autoRotate.check();
	await expect.poll(() => rendersOver(page, STILL)).toBeGreaterThan(0);
	expect(await rendersOver(page, 60)).toBeGreaterThan(0);
	await autoRotate.uncheck();
	await expect.poll(() => rendersOver(page, STILL), { timeout: 20_000 }).toBe(0);
	expect(watch.errors).toEqual([]);
});

test('the whole sphere and its W arrows stay inside the canvas at 1280×800, 1920×1080 and 390×844', async ({
	page
}) => {
	const watch = await watchPage(page);
	for (const [width, height] of [
		[1280, 800],
		[1920, 1080],
		[390, 844]
	]) {
		await page.setViewportSize({ width, height });
		await page.goto('/?dim=3&classes=6&loss=asoftmax&m=2&seed=4');
		await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 20_000 });
		await expect.poll(() => renders(page)).toBeGreaterThan(0);
		await expect.poll(() => rendersOver(page, STILL), { timeout: 20_000 }).toBe(0);
		const framed = await sampleSphere(page);
		// The sphere is drawn, large, and nothing touches the canvas's outer 2.5 %.
		expect(framed.painted).toBeGreaterThan(200 * 200 * 0.2);
		expect(framed.atEdge).toBe(0);
		await page.screenshot({ path: `${artifacts}/sphere-frame-${width}x${height}.png` });
		await page
			.locator('.sphere-wrap')
			.screenshot({ path: `${artifacts}/sphere-panel-${width}x${height}.png` });

		// Orbiting keeps the camera's distance, so every side of the scene stays framed.
		const box = (await page.locator('.sphere canvas').boundingBox())!;
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		await page.mouse.down();
		await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.25, { steps: 8 });
		await page.mouse.up();
		// Sampled while damping still turns it, and again a few frames later (or where it came
		// to rest, if that is sooner): any orientation fits.
		const turned = await renders(page);
		await expect.poll(() => renders(page)).toBeGreaterThan(turned);
		expect((await sampleSphere(page)).atEdge).toBe(0);
		await laterPicture(page, 3, STILL);
		expect((await sampleSphere(page)).atEdge).toBe(0);
	}
	expect(watch.errors).toEqual([]);
});
