/**
 * Korean everywhere (issue 26, item 6): the Korean explorer, /compare, a tour step and an
 * embedded widget show no English UI word once they have trained and drawn their charts.
 * The page's visible text (text nodes, SVG text included, with every <details> opened), the
 * visible elements' aria-labels, titles and placeholders, SVG tooltips and the document
 * title are read; code, keyboard keys and KaTeX formulas are not UI words and are skipped.
 * The word filter and its short list of names are in englishWords.ts (unit-tested).
 */
import { expect, test, type Page } from '@playwright/test';
import { englishReport, englishWords, type TextPiece } from './englishWords';
import { watchPage } from './helpers';
import { WIDGET_VIEWS } from '../../src/lib/state/widget';

/** Everything a reader of `page` sees or hears, as pieces with where they were found. */
async function visibleText(page: Page): Promise<TextPiece[]> {
	return page.evaluate(() => {
		for (const d of document.querySelectorAll('details')) d.open = true;
		const pieces: { where: string; text: string }[] = [];
		const skip = 'code, pre, kbd, samp, script, style, noscript, .katex, template';
		const shown = (el: Element) => el.checkVisibility({ visibilityProperty: true });
		const name = (el: Element) => {
			const cls = el
				.getAttribute('class')
				?.split(/\s+/)
				.find((c) => c && !c.startsWith('svelte-'));
			return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls ? `.${cls}` : ''}`;
		};
		const path = (el: Element) => {
			const names: string[] = [];
			for (
				let e: Element | null = el;
				e && e !== document.body && names.length < 4;
				e = e.parentElement
			)
				names.unshift(name(e));
			return names.join(' > ');
		};
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const el = n.parentElement;
			const text = n.textContent ?? '';
			if (!el || !text.trim() || el.closest(skip)) continue;
			// An <option> has no box of its own: its menu's visibility counts.
			const box = el.closest('select') ?? el;
			if (el.closest('title') ? shown(el.closest('title')!.parentElement!) : shown(box))
				pieces.push({ where: `text of ${path(el)}`, text });
		}
		for (const attr of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description'])
			for (const el of document.querySelectorAll(`[${attr}]`))
				if (shown(el) && !el.closest(skip))
					pieces.push({ where: `${attr} of ${path(el)}`, text: el.getAttribute(attr) ?? '' });
		pieces.push({ where: 'document title', text: document.title });
		return pieces;
	});
}

/** Fails with every English word found, each with where it is. */
async function expectKorean(page: Page) {
	await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
	const report = englishReport(await visibleText(page));
	expect(report, `English words on ${page.url()}:\n${report.join('\n')}`).toEqual([]);
}

/** The step of a status line in Korean ("단계 120 · 손실 …"), −1 before the first snapshot. */
function stepOf(status: string | null): number {
	return Number(/단계 (\d+)/.exec(status ?? '')?.[1] ?? -1);
}

test('the Korean explorer, trained, has no English UI word', async ({ page }) => {
	test.setTimeout(120_000);
	const watch = await watchPage(page);
	for (const query of ['', '&loss=triplet']) {
		await page.goto(`/?lang=ko${query}`);
		const play = page.getByRole('button', { name: '재생' });
		await expect(play).toBeEnabled({ timeout: 20_000 });
		await play.click();
		// Trained past its first snapshots: the charts have lines and the statistics are drawn.
		await expect
			.poll(async () => stepOf(await page.getByRole('status').textContent()), { timeout: 30_000 })
			.toBeGreaterThan(100);
		await expect(page.locator('[data-stat="max-intra"]')).toContainText('°');
		await page.getByRole('button', { name: '일시 정지' }).click();
		await expectKorean(page);
	}
	expect(watch.errors).toEqual([]);
});

test('/compare in Korean, with its panels and open-set results drawn, has no English UI word', async ({
	page
}) => {
	test.setTimeout(120_000);
	const watch = await watchPage(page);
	await page.goto('/compare?lang=ko');
	await page.getByRole('button', { name: '모두 재생' }).click();
	await expect
		.poll(
			async () => Math.min(...(await page.locator('.panel .status').allTextContents()).map(stepOf)),
			{ timeout: 60_000 }
		)
		.toBeGreaterThan(100);
	await page.getByRole('button', { name: '모두 일시 정지' }).click();
	await expectKorean(page);
	expect(watch.errors).toEqual([]);
});

test('a Korean tour step and a Korean embedded widget have no English UI word', async ({
	page
}) => {
	test.setTimeout(120_000);
	const watch = await watchPage(page);
	for (const url of [
		'/tour/4?lang=ko',
		'/embed/circle?lang=ko&loss=asoftmax&controls=m,loss,lambda,mining'
	]) {
		await page.goto(url);
		const widget = page.locator('figure.widget');
		await expect
			.poll(async () => stepOf(await widget.locator('.status').textContent()), { timeout: 60_000 })
			.toBeGreaterThan(0);
		await expectKorean(page);
	}
	expect(watch.errors).toEqual([]);
});

test('a refused upload and the reader’s notes are Korean on the Korean explorer', async ({
	page
}) => {
	test.setTimeout(120_000);
	const watch = await watchPage(page);
	await page.goto('/?lang=ko&classes=3&seed=4');
	await expect(page.getByRole('button', { name: '재생' })).toBeEnabled({ timeout: 20_000 });
	const upload = page.getByLabel(/CSV\/TSV 올리기/);
	const file = (name: string, text: string | Buffer) => ({
		name,
		mimeType: 'text/csv',
		buffer: Buffer.isBuffer(text) ? text : Buffer.from(text)
	});
	const alert = page.getByRole('alert');
	const refused: [string, string | Buffer, string][] = [
		['열.csv', 'x,y,label\n1,2,1\n3,4\n', '3번째 줄: 1번째 줄처럼 열이 3개(x, y, 레이블)'],
		['그림.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2]), '바이너리 파일'],
		['구분자.csv', 'x;y;label\n1;2;1\n3,4,2\n', '3번째 줄은 쉼표로 구분하는데'],
		['빈.csv', '', '빈 파일입니다.']
	];
	for (const [name, text, korean] of refused) {
		await upload.setInputFiles(file(name, text));
		await expect(alert).toContainText(korean);
		await expect(alert).toContainText(`“${name}” 파일을 쓸 수 없습니다`);
		expect(englishWords((await alert.textContent()) ?? '')).toEqual([]);
	}
	await expectKorean(page);
	// A file that is read, with the reader's notes (an odd header, a one-point class).
	await upload.setInputFiles(file('점.csv', 'p,q,r\n0,0,1\n1,1,1\n2,2,2\n3,3,1\n'));
	const notes = page.locator('.notes li');
	await expect(notes).toHaveText([
		'1번째 줄("p", "q", "r")을 머리글 x, y, 레이블로 읽습니다.',
		'레이블 1, 2을(를) 클래스 0–1로 번호를 다시 매깁니다.',
		'클래스 "2"에는 점이 하나뿐이라 테스트 점이 없습니다.'
	]);
	await expectKorean(page);
	expect(watch.errors).toEqual([]);
});

test('/embed in Korean has no English UI word, and its links keep the language', async ({
	page
}) => {
	const watch = await watchPage(page);
	await page.goto('/embed?lang=ko');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('위젯 임베드하기');
	await expectKorean(page);
	// The code it names stays as written; the embed pages it links to open in Korean too.
	await expect(page.locator('code').filter({ hasText: 'lang=ko' })).toHaveCount(1);
	const links = page.locator('table a');
	// One link per widget view, and the comparison.
	await expect(links).toHaveCount(WIDGET_VIEWS.length + 1);
	for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
		expect(href).toMatch(/^\/embed\/\w+\?lang=ko$/);
	expect(watch.errors).toEqual([]);
});
