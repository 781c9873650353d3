/**
 * The user's own data in the explorer: upload a CSV through the file input and train on it,
 * a broken file answered with a message that names the line while the old data stays, the
 * uploaded data surviving a reload until Reset data, drawing points with undo/redo, and the
 * downloads (data, features, settings).
 */
import { expect, test, type Download, type Page } from '@playwright/test';
import { seriousViolations } from './a11y';
import { freshSnapshots, trackTrainingWorkers } from './appEvents';
import { artifacts, mountDeferred, watchPage } from './helpers';

/** Waits until the worker has answered (the Play button is enabled). */
async function ready(page: Page) {
	await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 20_000 });
}

/** The point count under the input-space view ("300 points · 3 classes"). */
async function points(page: Page): Promise<number> {
	const text = (await page.getByTestId('input-count').textContent()) ?? '';
	return Number(/^(\d+) points/.exec(text)?.[1]);
}

/** The step in the status line. */
async function step(page: Page): Promise<number> {
	return Number(
		/step (\d+)/.exec((await page.getByRole('status').first().textContent()) ?? '')?.[1]
	);
}

/**
 * Waits until the page has looked for stored data and acted on what it found. The page
 * reads its record (idb-keyval's default store) as it starts; a read-write transaction on
 * that store begins only after every earlier transaction on it has finished, so once ours
 * completes the page has its answer, and once the worker has answered a snapshot request
 * anything the page sent it with that answer (a restored data set) is done too.
 */
async function storedDataChecked(page: Page): Promise<void> {
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('keyval-store');
				// As idb-keyval creates it, should the page not have opened it yet.
				open.onupgradeneeded = () => open.result.createObjectStore('keyval');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction('keyval', 'readwrite');
					tx.oncomplete = () => {
						db.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			})
	);
	await freshSnapshots(page);
}

/** The text of a download. */
async function read(download: Promise<Download>): Promise<string> {
	const chunks = await (await (await download).createReadStream()).toArray();
	return Buffer.concat(chunks).toString('utf8');
}

/** Two classes, cat and dog, `n` rows each, in a CSV with a header. */
function petsCsv(n = 30): string {
	const rows = ['x,y,label'];
	for (let i = 0; i < n; i++) {
		rows.push(`${(i % 6) * 0.1 + 2},${Math.floor(i / 6) * 0.1},cat`);
		rows.push(`${(i % 6) * 0.1 - 2},${Math.floor(i / 6) * 0.1 + 1},dog`);
	}
	return `${rows.join('\n')}\n`;
}

const upload = (page: Page) => page.getByLabel(/Upload CSV\/TSV/);
const file = (name: string, text: string | Buffer) => ({
	name,
	mimeType: 'text/csv',
	buffer: typeof text === 'string' ? Buffer.from(text) : text
});

/** Generated data: 3 classes of 100 points. */
const START = '/?classes=3&seed=4';

test('an uploaded CSV replaces the data, trains, and can be downloaded again with its features', async ({
	page
}) => {
	const watch = await watchPage(page);
	await page.goto(START);
	await ready(page);
	await mountDeferred(page);
	await expect.poll(() => points(page)).toBe(300);

	await upload(page).setInputFiles(file('pets.csv', petsCsv()));
	await expect(page.getByTestId('input-count')).toHaveText('60 points · 2 classes');
	await expect(page.getByTestId('data-status')).toHaveText(
		'Using your uploaded data (60 points, from “pets.csv”); Reset data to go back to the generator.'
	);
	// The generator is off; the share link says it cannot carry the data.
	await expect(page.getByRole('combobox', { name: 'Generator' })).toBeDisabled();
	await expect(page.getByText('A link cannot carry your own data')).toBeVisible();

	await page.getByRole('button', { name: 'Play' }).click();
	await expect.poll(() => step(page), { timeout: 20_000 }).toBeGreaterThan(150);
	await page.getByRole('button', { name: 'Pause' }).click();
	await expect(page.getByRole('status').first()).toHaveText(/train \d+\.\d% · test \d+\.\d%/);

	const data = await read(
		Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Data (CSV)', exact: true }).click()
		]).then(([d]) => d)
	);
	const rows = data.trim().split('\n');
	expect(rows[0]).toBe('x,y,label');
	expect(rows.length).toBe(61);
	expect(rows.filter((r) => r.endsWith(',dog')).length).toBe(30);

	const features = await read(
		Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Features (CSV)' }).click()
		]).then(([d]) => d)
	);
	const frows = features.trim().split('\n');
	expect(frows[0]).toBe('f1,f2,norm,label,predicted,split');
	expect(frows.length).toBe(61);
	expect(frows[1]).toMatch(/^-?[\d.e-]+,-?[\d.e-]+,[\d.e-]+,cat,(cat|dog),(train|test)$/);

	const settings = JSON.parse(
		await read(
			Promise.all([
				page.waitForEvent('download'),
				page.getByRole('button', { name: 'Settings (JSON)' }).click()
			]).then(([d]) => d)
		)
	);
	expect(settings.query).toMatch(/classes=3&seed=4/);
	expect(settings.data).toMatchObject({ source: 'upload', name: 'pets.csv', points: 60 });

	const shared = await read(
		Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Download data (CSV)' }).click()
		]).then(([d]) => d)
	);
	expect(shared).toBe(data);
	expect(watch.errors).toEqual([]);
	expect(watch.external).toEqual([]);
});

test('a broken file is answered with the line and the problem; the old data stays', async ({
	page
}) => {
	const watch = await watchPage(page);
	await page.goto(START);
	await ready(page);
	await mountDeferred(page);
	await expect.poll(() => points(page)).toBe(300);

	const cases: [string, string | Buffer, RegExp][] = [
		[
			'bad.csv',
			'x,y,label\n1,2,a\n3,four,b\n',
			/^Could not use “bad\.csv”: Line 3: "four" in column y is not a number\. Your data did not change\.$/
		],
		['short.csv', 'x,y,label\n1,2,a\n3,4\n', /Line 3: expected 3 columns/],
		['<img src=x onerror=alert(1)>.csv', '1,2,<b>a</b>\n3,4\n', /Line 2: expected 3 columns/],
		['image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2]), /binary file/],
		[
			'huge.csv',
			Buffer.alloc(2 * 1024 * 1024 + 10, 0x31),
			/This file is 2.1 MB; the limit is 2 MB\./
		]
	];
	for (const [name, text, message] of cases) {
		await upload(page).setInputFiles(file(name, text));
		await expect(page.getByRole('alert')).toHaveText(message);
		expect(await points(page)).toBe(300);
	}
	// Nothing from a file is ever markup.
	expect(await page.locator('main img, main b').count()).toBe(0);
	await expect(page.getByTestId('data-status')).toHaveCount(0);
	await page.getByRole('alert').scrollIntoViewIfNeeded();
	await upload(page).setInputFiles(file('bad.csv', 'x,y,label\n1,2,a\n3,four,b\n'));
	await page.screenshot({ path: `${artifacts}/data-upload-error.png`, fullPage: true });
	expect(await seriousViolations(page)).toEqual([]);

	// A file dropped on the input-space view: read the same way, the message shown there.
	await page.evaluate(() => {
		const dt = new DataTransfer();
		dt.items.add(new File(['x;y;label\n1;2;a\n3,4,b\n'], 'mixed.csv', { type: 'text/csv' }));
		const target = document.querySelector('.input-space')!;
		target.dispatchEvent(
			new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true })
		);
		target.dispatchEvent(
			new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true })
		);
	});
	await expect(page.getByRole('group', { name: 'Input space' }).getByRole('alert')).toContainText(
		'Line 3 uses commas but line 1 uses semicolons'
	);
	expect(await points(page)).toBe(300);

	// A good file after the bad ones works.
	await upload(page).setInputFiles(file('pets.csv', petsCsv(10)));
	await expect(page.getByTestId('input-count')).toHaveText('20 points · 2 classes');
	await expect(page.getByRole('alert')).toHaveCount(0);
	expect(watch.errors).toEqual([]);
});

test('a reload keeps the uploaded data; Reset data goes back to the generator for good', async ({
	page
}) => {
	const watch = await watchPage(page);
	await trackTrainingWorkers(page);
	await page.goto(START);
	await ready(page);
	await mountDeferred(page);
	await upload(page).setInputFiles(file('pets.csv', petsCsv()));
	await expect(page.getByTestId('input-count')).toHaveText('60 points · 2 classes');

	await page.reload();
	await ready(page);
	await mountDeferred(page);
	await expect(page.getByTestId('input-count')).toHaveText('60 points · 2 classes');
	await expect(page.getByRole('alert')).toContainText(
		'Using your uploaded data (60 points) from your last visit; Reset data to go back to the generator.'
	);
	await expect(page.getByTestId('data-status')).toContainText('pets.csv');
	// Settings changes keep the data (the model is rebuilt on it).
	await page.getByRole('radio', { name: 'CosFace' }).click();
	await expect(page.getByTestId('input-count')).toHaveText('60 points · 2 classes');

	await page.getByRole('button', { name: 'Reset data' }).click();
	await expect(page.getByTestId('input-count')).toHaveText('300 points · 3 classes');
	await expect(page.getByTestId('data-status')).toHaveCount(0);
	await expect(page.getByRole('combobox', { name: 'Generator' })).toBeEnabled();
	await page.reload();
	await ready(page);
	await mountDeferred(page);
	await expect.poll(() => points(page)).toBe(300);
	// The page had its chance to bring the old data back: it looked in storage and found nothing.
	await storedDataChecked(page);
	expect(await points(page)).toBe(300);
	expect(watch.errors).toEqual([]);
});

test('draw mode: clicks add points of the chosen class, undo and redo, right-click removes', async ({
	page
}) => {
	test.setTimeout(90_000);
	const watch = await watchPage(page);
	await page.goto(START);
	await ready(page);
	await mountDeferred(page);
	await expect.poll(() => points(page)).toBe(300);
	await page.getByRole('button', { name: 'Play' }).click();
	await expect.poll(() => step(page), { timeout: 20_000 }).toBeGreaterThan(20);

	await page.getByRole('button', { name: /Draw points/ }).click();
	await expect(page.getByRole('button', { name: /Draw points/ })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await page.getByRole('radio', { name: 'Class 2' }).click();
	const plot = page.getByRole('img', { name: /Training data and the model/ });
	/** Clicks the plot at a fraction of its box (measured now: buttons may scroll the page). */
	const clickAt = async (fx: number, fy: number, button: 'left' | 'right' = 'left') => {
		await plot.scrollIntoViewIfNeeded();
		const box = (await plot.boundingBox())!;
		await page.mouse.click(box.x + fx * box.width, box.y + fy * box.height, { button });
	};
	await clickAt(0.3, 0.3);
	await clickAt(0.5, 0.15);
	await clickAt(0.75, 0.6);
	await expect(page.getByTestId('input-count')).toHaveText('303 points · 3 classes');
	await expect(page.getByTestId('data-status')).toHaveText(
		'Using your drawn data (303 points); Reset data to go back to the generator.'
	);
	// Training goes on, restarted on the new points.
	await expect.poll(() => step(page), { timeout: 20_000 }).toBeGreaterThan(20);
	await page.screenshot({ path: `${artifacts}/data-draw.png`, fullPage: true });
	expect(await seriousViolations(page)).toEqual([]);

	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByTestId('input-count')).toHaveText('302 points · 3 classes');
	await page.keyboard.press('Control+z');
	await expect(page.getByTestId('input-count')).toHaveText('301 points · 3 classes');
	await page.keyboard.press('Control+Shift+z');
	await expect(page.getByTestId('input-count')).toHaveText('302 points · 3 classes');

	// Right-click on the second point removes it.
	await clickAt(0.5, 0.15, 'right');
	await expect(page.getByTestId('input-count')).toHaveText('301 points · 3 classes');

	// A new class, then everything undone: back to the generated data.
	await page.getByRole('radio', { name: 'New class 3' }).click();
	await clickAt(0.6, 0.8);
	await expect(page.getByTestId('input-count')).toHaveText('302 points · 4 classes');
	for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByTestId('input-count')).toHaveText('300 points · 3 classes');
	await expect(page.getByTestId('data-status')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
	expect(watch.errors).toEqual([]);
});
