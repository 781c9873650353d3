/**
 * "Copy as PyTorch" (issue 28, item 6): on the explorer with the combined head, the button
 * (pressed from the keyboard) puts the loss's PyTorch module on the clipboard with the
 * link's constants as its keyword defaults, says so in a live region, and the code under the
 * button is the same text. Without a clipboard the code opens, focused and selected, and the
 * message says to copy it by hand; in Korean the button and the message are Korean.
 */
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './a11y';
import { watchPage } from './helpers';

const LINK = '/?loss=combined&m1=1.5&m2=0.2&m3=0.1&s=24';

/** Opens `path` and waits until the run is ready (the classifier's rows are known then). */
async function open(page: Page, path: string, play = 'Play'): Promise<void> {
	await page.goto(path);
	await expect(page.getByRole('button', { name: play, exact: true })).toBeEnabled({
		timeout: 20_000
	});
}

test('copies the combined head as PyTorch with the link’s m1, m2, m3 and s', async ({
	page,
	context
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	const watch = await watchPage(page);
	await open(page, LINK);
	const button = page.getByRole('button', { name: 'Copy as PyTorch' });
	await button.focus();
	await page.keyboard.press('Enter');
	await expect(
		page.getByText('Copied: the PyTorch code of this loss is on the clipboard.')
	).toBeVisible();

	const copied = await page.evaluate(() => navigator.clipboard.readText());
	expect(copied).toContain('class CombinedMarginLoss(nn.Module):');
	expect(copied).toContain('s=24.0, m1=1.5, m2=0.2, m3=0.1, sub_centers=1):');
	expect(copied).toContain('?loss=combined&m1=1.5&m2=0.2&m3=0.1&s=24&sub=1');
	// The explorer's default run: 2-D features; a row per class of the data.
	expect(copied).toMatch(/def __init__\(self, in_features=2, num_classes=\d+, /);

	// The code under the button, opened from the keyboard, is the copied text.
	const summary = page.getByText('This loss in PyTorch', { exact: true });
	await summary.focus();
	await page.keyboard.press('Enter');
	const code = page.locator('.pytorch pre');
	await expect(code).toBeVisible();
	expect(await code.textContent()).toBe(copied);
	expect(await seriousViolations(page)).toEqual([]);
	expect(watch.errors).toEqual([]);
});

test('without a clipboard the code opens selected, and the page says to copy it by hand', async ({
	page
}) => {
	await page.addInitScript(() => {
		Object.defineProperty(navigator, 'clipboard', {
			value: { writeText: () => Promise.reject(new Error('denied')) }
		});
	});
	const watch = await watchPage(page);
	await open(page, `${LINK}&lang=ko`, '재생');
	await page.getByRole('button', { name: '파이토치 코드로 복사' }).click();
	await expect(
		page.getByText('여기서는 클립보드를 쓸 수 없습니다', { exact: false })
	).toBeVisible();
	const code = page.locator('.pytorch pre');
	await expect(code).toBeVisible();
	await expect(code).toBeFocused();
	const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
	expect(selected).toContain('m1=1.5, m2=0.2, m3=0.1');
	expect(selected.trim()).toBe(((await code.textContent()) ?? '').trim());
	expect(watch.errors).toEqual([]);
});
