import { expect, test, type Page } from '@playwright/test';
import { artifacts, watchPage } from './helpers';
import { freshSnapshots, trackTrainingWorkers } from './appEvents';

/** Waits until the worker has answered (the Play button is enabled). */
async function ready(page: Page) {
	await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 20_000 });
}

/** The step and loss shown in the status line. */
async function status(page: Page) {
	const text = (await page.getByRole('status').textContent()) ?? '';
	return {
		step: Number(/step (\d+)/.exec(text)?.[1]),
		loss: Number(/loss ([\d.e+-]+)/.exec(text)?.[1]),
		text
	};
}

test('the margin slider moved by keyboard updates the URL and the wedges follow (m−1)Δ/(m+1)', async ({
	page
}) => {
	const watch = await watchPage(page);
	await page.goto('/?loss=asoftmax&m=2&lambda=off&classes=4&seed=3');
	await ready(page);
	await page.getByRole('button', { name: 'Play' }).click();
	await expect
		.poll(async () => (await status(page)).step, { timeout: 20_000 })
		.toBeGreaterThan(300);
	await page.getByRole('button', { name: 'Pause' }).click();

	const slider = page.getByRole('slider', { name: 'Margin m' });
	await slider.focus();
	await page.keyboard.press('ArrowRight');
	await expect(slider).toHaveValue('3');
	await expect(page).toHaveURL(/[?&]m=3(&|$)/);

	// Every wedge between neighbouring weights Δ ≤ 180° apart measures (m − 1)Δ/(m + 1).
	const check = async (m: number) => {
		await expect(async () => {
			const wedges = await page.locator('[data-wedge-deg]').evaluateAll((els) =>
				els.map((e) => ({
					wedge: Number(e.getAttribute('data-wedge-deg')),
					delta: Number(e.getAttribute('data-delta-deg')),
					pairwise: e.getAttribute('data-pairwise') === 'true'
				}))
			);
			// Two-class geometry: wedges whose sides are set by the two neighbours themselves.
			const near = wedges.filter((w) => w.delta <= 180 && w.pairwise);
			expect(near.length).toBeGreaterThan(0);
			for (const w of near)
				expect(Math.abs(w.wedge - ((m - 1) * w.delta) / (m + 1))).toBeLessThan(0.05);
		}).toPass({ timeout: 10_000 });
	};
	await check(3);
	await page.keyboard.press('ArrowRight');
	await expect(page).toHaveURL(/[?&]m=4(&|$)/);
	await check(4);
	await page.screenshot({ path: `${artifacts}/explorer-m4.png`, fullPage: true });
	expect(watch.errors).toEqual([]);
	expect(watch.external).toEqual([]);
});

test('Play makes the step rise and the loss fall; a reload restores the settings', async ({
	page
}) => {
	const watch = await watchPage(page);
	await page.goto('/?loss=modified&classes=3&seed=5');
	await ready(page);
	await page.getByRole('button', { name: 'Step' }).click();
	await expect(page.getByRole('status')).toHaveText(/^step 1 · loss \d/);
	const early = await status(page);
	await page.getByRole('button', { name: 'Play' }).click();
	await expect
		.poll(async () => (await status(page)).step, { timeout: 20_000 })
		.toBeGreaterThan(300);
	const later = await status(page);
	expect(later.loss).toBeLessThan(early.loss);
	await page.getByRole('button', { name: 'Pause' }).click();

	await page.getByRole('radio', { name: 'CosFace' }).click();
	await page.getByRole('slider', { name: 'Classes' }).fill('6');
	await expect(page).toHaveURL(/loss=cosface/);
	await expect(page).toHaveURL(/classes=6/);
	await page.reload();
	await ready(page);
	await expect(page.getByRole('radio', { name: 'CosFace' })).toHaveAttribute(
		'aria-checked',
		'true'
	);
	await expect(page.getByRole('slider', { name: 'Classes' })).toHaveValue('6');
	await expect(page).toHaveURL(/loss=cosface/);
	expect(watch.errors).toEqual([]);
});

test('a new loss is a fresh run from the same seed; "Keep the weights" fine-tunes instead', async ({
	page
}) => {
	const watch = await watchPage(page);
	await trackTrainingWorkers(page);
	await page.goto('/?loss=asoftmax&m=2&classes=3&seed=4');
	await ready(page);
	const step = page.getByRole('button', { name: 'Step' });
	await step.click();
	await expect(page.getByRole('status')).toHaveText(/^step 1 · /);
	await step.click();
	await expect(page.getByRole('status')).toHaveText(/^step 2 · /);
	// A new loss: the model is rebuilt from the seed, the step counter starts over.
	await expect(page.locator('[data-area="charts"] svg').first()).toBeVisible();
	await page.getByRole('radio', { name: 'CosFace' }).click();
	await expect(page).toHaveURL(/loss=cosface/);
	await expect(page.getByRole('status')).toHaveText(/^step 0 · /);
	// …and the training charts start over (one point: nothing to draw yet).
	await expect(page.locator('[data-area="charts"] svg')).toHaveCount(0);
	// With the weights kept, a new loss fine-tunes the model it had: the step carries on.
	await page.getByRole('checkbox', { name: /Keep the weights/ }).check();
	await expect(page).toHaveURL(/keep=1/);
	await step.click();
	await expect(page.getByRole('status')).toHaveText(/^step 1 · /);
	await page.getByRole('radio', { name: 'ArcFace' }).click();
	await expect(page).toHaveURL(/loss=arcface/);
	await freshSnapshots(page);
	await expect(page.getByRole('status')).toHaveText(/^step 1 · /);
	expect(watch.errors).toEqual([]);
});

test('a live change (m) is marked on the training charts at its step, with the new value', async ({
	page
}) => {
	const watch = await watchPage(page);
	await page.goto('/?loss=asoftmax&m=4&classes=3&seed=4');
	await ready(page);
	const step = page.getByRole('button', { name: 'Step' });
	for (const n of [1, 2, 3]) {
		await step.click();
		await expect(page.getByRole('status')).toHaveText(new RegExp(`^step ${n} · `));
	}
	await expect(page.locator('[data-mark]')).toHaveCount(0);
	await page.locator('body').press('ArrowLeft');
	await expect(page).toHaveURL(/m=3/);
	await step.click();
	await expect(page.getByRole('status')).toHaveText(/^step 4 · /);
	// One rule on the loss chart and one on the accuracy chart.
	const marks = page.locator('[data-area="charts"] [data-mark="m 3"]');
	await expect(marks.first()).toBeVisible();
	expect(await marks.count()).toBeGreaterThanOrEqual(2);
	// A reset is a new model: its charts have no marks.
	await page.locator('body').press('r');
	await expect(page.getByRole('status')).toHaveText(/^step 0 · /);
	await expect(page.locator('[data-mark]')).toHaveCount(0);
	expect(watch.errors).toEqual([]);
});

const hostile = [
	'?loss=<script>window.__pwned=1</script>&m=NaN',
	'?m=1e308&classes=-5&points=1e999',
	'?loss=banana&data=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E',
	'?m=2&m=3&m=%E0%A4%A&seed=%%',
	'?classes=4&held=0,1,2,3,99,a&noise=-1&lr=Infinity',
	'?dim=7&input=0&batch=0&units=1e9&lambda=<b>x</b>',
	'?' + 'x'.repeat(5000) + '=1&seed=' + '9'.repeat(400)
];

test('hostile query strings never throw, never inject markup, and say what they changed', async ({
	page
}) => {
	const watch = await watchPage(page);
	for (const q of hostile) {
		await page.goto('/' + q);
		await ready(page);
		await expect(page.getByRole('alert')).toBeVisible();
		expect(
			await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)
		).toBeUndefined();
		expect(await page.locator('main img, main b, main script').count()).toBe(0);
		// The URL is rewritten to valid settings.
		await expect(page).toHaveURL(
			/loss=(softmax|modified|asoftmax|cosface|arcface)&m=[\d.]+&dim=[23]&data=\w+&classes=\d+&seed=\d+/
		);
	}
	await page.screenshot({ path: `${artifacts}/hostile-notices.png` });
	await page.getByRole('button', { name: 'Dismiss notices' }).click();
	await expect(page.getByRole('alert')).toHaveCount(0);
	expect(watch.errors).toEqual([]);
});

test('hovering a point shows its angles and logits; the figure exports as SVG and PNG; the share link is the URL', async ({
	page,
	context
}) => {
	const watch = await watchPage(page);
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('/?loss=asoftmax&m=3&lambda=off&classes=3&seed=2');
	await ready(page);
	await page.getByRole('button', { name: 'Play' }).click();
	await expect
		.poll(async () => (await status(page)).step, { timeout: 20_000 })
		.toBeGreaterThan(200);
	await page.getByRole('button', { name: 'Pause' }).click();

	// Hover the projected panel along the circle until a point is under the pointer.
	const panel = page.getByRole('img', { name: /projected on the unit circle/ });
	const box = (await panel.boundingBox())!;
	let found = false;
	for (let a = 0; a < 360 && !found; a += 3) {
		const r = (box.width / 400) * 150 * 0.96;
		await page.mouse.move(
			box.x + box.width / 2 + r * Math.cos((a * Math.PI) / 180),
			box.y + box.height / 2 - r * Math.sin((a * Math.PI) / 180)
		);
		found = await page.getByRole('tooltip').isVisible();
	}
	expect(found).toBe(true);
	await expect(page.getByRole('tooltip')).toContainText(/class \d, predicted \d/);
	await expect(page.getByRole('tooltip')).toContainText('logit');
	await page.screenshot({ path: `${artifacts}/hover.png` });

	const svgDownload = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export SVG' }).click();
	const svg = await svgDownload;
	expect(svg.suggestedFilename()).toMatch(/^spherelab-asoftmax-m3-step\d+\.svg$/);
	const text = await (
		await svg.createReadStream()
	)
		.toArray()
		.then((c) => Buffer.concat(c).toString());
	expect(text).toContain('<svg');
	expect(text).toContain('data:image/png;base64');
	expect(text).toMatch(/data-wedge-deg/);
	const pngDownload = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export PNG' }).click();
	const png = await (
		await (await pngDownload).createReadStream()
	)
		.toArray()
		.then((c) => Buffer.concat(c));
	expect(png.subarray(1, 4).toString()).toBe('PNG');
	expect(png.length).toBeGreaterThan(5000);

	await page.getByRole('button', { name: 'Copy share link' }).click();
	await expect(page.getByText('Link copied.')).toBeVisible();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
	expect(watch.errors).toEqual([]);
});
