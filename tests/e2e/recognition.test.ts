/**
 * The verification and identification views in the explorer, checked against the features
 * the explorer exports (Features (CSV)): the angle of a picked pair, the FAR and TAR at a
 * threshold, and the open-set "unknown" answer; picking by mouse and by keyboard; 3-D.
 */
import { expect, test, type Page } from '@playwright/test';
import type { Download } from '@playwright/test';
import { artifacts, trainPast, watchPage } from './helpers';
import { englishWords } from './englishWords';

/** The text of a download. */
async function read(download: Promise<Download>): Promise<string> {
	const chunks = await (await (await download).createReadStream()).toArray();
	return Buffer.concat(chunks).toString('utf8');
}

interface Row {
	f: number[];
	label: string;
	split: string;
}

/** The explorer's exported features. */
async function exportedFeatures(page: Page): Promise<Row[]> {
	const button = page.getByRole('button', { name: 'Features (CSV)' });
	await button.scrollIntoViewIfNeeded();
	const text = await read(
		Promise.all([page.waitForEvent('download'), button.click()]).then(([d]) => d)
	);
	const [head, ...lines] = text.trim().split('\n');
	const cols = head.split(',');
	const dims = cols.filter((c) => /^f\d+$/.test(c)).length;
	return lines.map((line) => {
		const v = line.split(',');
		return {
			f: v.slice(0, dims).map(Number),
			label: v[cols.indexOf('label')],
			split: v[cols.indexOf('split')]
		};
	});
}

const cosOf = (a: number[], b: number[]) => {
	const dot = a.reduce((s, x, i) => s + x * b[i], 0);
	return Math.min(1, Math.max(-1, dot / (Math.hypot(...a) * Math.hypot(...b))));
};

test('verification: pick two points, the angle matches the exported features; τ moves the ROC point to that threshold’s FAR and TAR', async ({
	page
}) => {
	const watch = await watchPage(page);
	await page.setViewportSize({ width: 1280, height: 720 });
	await page.goto('/?held=4,5&classes=6&seed=3&noise=0.6');
	await trainPast(page, 200);
	const panel = page.getByTestId('recognition');
	await panel.scrollIntoViewIfNeeded();
	await expect(panel.getByTestId('recog-roc-point')).toBeVisible({ timeout: 20_000 });
	const rows = await exportedFeatures(page);
	const held = rows.map((r, i) => ({ ...r, i })).filter((r) => r.split === 'heldout');
	expect(held.length).toBeGreaterThan(10);

	// A by mouse: click where a held-out point is drawn on the circle.
	await panel.scrollIntoViewIfNeeded();
	const svg = panel.getByTestId('recog-circle');
	const box = (await svg.boundingBox())!;
	const target = held[7];
	const n = Math.hypot(...target.f);
	const k = box.width / 400;
	// The figure's panel space is 400 × 400 with the unit circle at radius 150 (featurePlot.ts).
	await svg.click({
		position: { x: (200 + (target.f[0] / n) * 150) * k, y: (200 - (target.f[1] / n) * 150) * k }
	});
	const pickedA = Number(await panel.getByTestId('recog-pair').getAttribute('data-a'));
	expect(cosOf(rows[pickedA].f, target.f)).toBeGreaterThan(Math.cos((3 * Math.PI) / 180));
	// B by keyboard: the cursor moves along the circle, Enter picks.
	await svg.focus();
	for (let j = 0; j < 5; j++) await page.keyboard.press('ArrowRight');
	await page.keyboard.press('Enter');
	const pickedB = Number(await panel.getByTestId('recog-pair').getAttribute('data-b'));
	expect(pickedB).not.toBe(pickedA);
	expect(await panel.getByTestId('recog-b').getAttribute('data-row')).toBe(String(pickedB));
	const cos = cosOf(rows[pickedA].f, rows[pickedB].f);
	const angle = (Math.acos(cos) * 180) / Math.PI;
	await expect(panel.getByText(/Angle between A and B/)).toHaveText(
		`Angle between A and B: ${angle.toFixed(1)}°, cos θ = ${cos.toFixed(3)}`
	);

	// τ: a cone of 20°, then FAR and TAR from every pair of held-out features.
	await panel.getByRole('slider').fill('20');
	const check = async () => {
		const tau = Number(await panel.getByTestId('recog-tau').getAttribute('data-tau'));
		expect(tau).toBeCloseTo(Math.cos((20 * Math.PI) / 180), 6);
		let P = 0;
		let N = 0;
		let tp = 0;
		let fp = 0;
		for (let a = 0; a < held.length; a++) {
			for (let b = a + 1; b < held.length; b++) {
				const same = held[a].label === held[b].label;
				const accept = cosOf(held[a].f, held[b].f) >= tau;
				if (same) {
					P++;
					if (accept) tp++;
				} else {
					N++;
					if (accept) fp++;
				}
			}
		}
		const point = panel.getByTestId('recog-roc-point');
		expect(Math.round(Number(await point.getAttribute('data-far')) * N)).toBe(fp);
		expect(Math.round(Number(await point.getAttribute('data-tar')) * P)).toBe(tp);
		await expect(panel.getByTestId('recog-ia')).toHaveText(
			`${fp.toLocaleString('en-US')} / ${N.toLocaleString('en-US')}`
		);
		await expect(panel.getByTestId('recog-gr')).toHaveText(
			`${(P - tp).toLocaleString('en-US')} / ${P.toLocaleString('en-US')}`
		);
	};
	await expect(check).toPass({ timeout: 10_000 });
	// The tables' operating point: FAR ≤ 1 %.
	await panel.getByRole('button', { name: 'τ at FAR = 1e−2' }).click();
	expect(
		Number(await panel.getByTestId('recog-roc-point').getAttribute('data-far'))
	).toBeLessThanOrEqual(0.01);
	await panel.screenshot({ path: `${artifacts}/recognition-verify.png` });
	expect(watch.errors).toEqual([]);
});

test('identification: the gallery is ranked by cosine and an open-set threshold answers “unknown” for a new person', async ({
	page
}) => {
	const watch = await watchPage(page);
	await page.goto('/?held=4,5&classes=6&seed=3&noise=0.6');
	await trainPast(page, 150);
	const panel = page.getByTestId('recognition');
	await panel.scrollIntoViewIfNeeded();
	await panel.getByRole('radio', { name: 'Identification (1:N)' }).click();
	const ranking = panel.getByTestId('recog-ranking');
	await expect(ranking).toBeVisible();
	const cosines = (await ranking.locator('tbody tr td:nth-child(3)').allTextContents()).map(Number);
	expect(cosines.length).toBe(2);
	expect(cosines[0]).toBeGreaterThanOrEqual(cosines[1]);
	await expect(panel.getByTestId('recog-answer')).toHaveText(/^Answer: identity \d+\./);
	// Open set with τ = 1 (a cone of 0°): above the best cosine, so "unknown person".
	await panel.getByRole('checkbox', { name: /Open set/ }).check();
	await panel.getByRole('slider').fill('0');
	await expect(panel.getByTestId('recog-answer')).toHaveText(
		/^Answer: unknown person \(best cos θ/
	);
	// And a wide cone answers with the best match again.
	await panel.getByRole('slider').fill('170');
	await expect(panel.getByTestId('recog-answer')).toHaveText(/^Answer: identity \d+\./);
	expect(watch.errors).toEqual([]);
});

test('without held-out identities the view uses the known people; one new identity has no ROC; 3-D features pick on the sphere', async ({
	page
}) => {
	const watch = await watchPage(page);
	await page.goto('/?classes=4&seed=3');
	await trainPast(page, 20);
	const panel = page.getByTestId('recognition');
	await panel.scrollIntoViewIfNeeded();
	await expect(panel.getByText(/No identity is held out of training/)).toBeVisible();
	await expect(panel.getByRole('radio', { name: 'New people' })).toBeDisabled();
	await expect(panel.getByTestId('recog-roc')).toBeVisible();

	await page.goto('/?held=5&classes=6&seed=3');
	await trainPast(page, 20);
	await panel.scrollIntoViewIfNeeded();
	await expect(panel.getByText(/fewer than two identities/)).toBeVisible();
	await expect(panel.getByTestId('recog-roc')).toHaveCount(0);

	await page.goto('/?dim=3&held=4,5&classes=6&seed=3');
	await trainPast(page, 100);
	await panel.scrollIntoViewIfNeeded();
	const sphere = panel.getByTestId('recog-sphere');
	await expect(sphere.locator('canvas')).toBeVisible({ timeout: 20_000 });
	const before = await panel.getByTestId('recog-pair').getAttribute('data-a');
	await sphere.focus();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('Enter');
	const after = await panel.getByTestId('recog-pair').getAttribute('data-a');
	expect(after).not.toBe(before);
	await expect(panel.getByTestId('recog-roc-point')).toBeVisible();
	expect(watch.errors).toEqual([]);
});

test('the Korean recognition lesson shows the verification and identification views in Korean', async ({
	page
}) => {
	const watch = await watchPage(page);
	await page.goto('/lessons/ko/recognition');
	for (const [view, words] of [
		['verify', ['임계값 τ', '타인 쌍', '거부된 동일인 쌍']],
		['identify', ['개방 집합', '갤러리', '답: 신원']]
	] as const) {
		const widget = page.locator(`figure.widget[data-view="${view}"]`);
		await widget.scrollIntoViewIfNeeded();
		const panel = widget.getByTestId('recognition');
		await expect(
			panel.getByTestId(view === 'verify' ? 'recog-roc-point' : 'recog-answer')
		).toBeVisible({
			timeout: 60_000
		});
		const text = await panel.evaluate((el) =>
			[
				(el as HTMLElement).innerText,
				...[...el.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label'))
			].join('\n')
		);
		for (const w of words) expect(text).toContain(w);
		expect(englishWords(text), text).toEqual([]);
	}
	await page.screenshot({ path: `${artifacts}/recognition-lesson-ko.png` });
	expect(watch.errors).toEqual([]);
});
