/**
 * The site as a whole: a crawl from / finds no broken internal link (pages and #anchors),
 * and axe-core reports no serious or critical accessibility violation on any page that is
 * not a lesson (lessons are checked with their widgets running in lessons.test.ts).
 */
import { expect, test } from '@playwright/test';
import { seriousViolations } from './a11y';
import { watchPage } from './helpers';

/** Same-origin links of an HTML page: hrefs of <a> elements, resolved against the page URL. */
function linksOf(html: string, pageUrl: URL): URL[] {
	const out: URL[] = [];
	for (const m of html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)) {
		const href = m[1].replace(/&amp;/g, '&');
		if (/^(mailto|javascript):/.test(href)) continue;
		const url = new URL(href, pageUrl);
		if (url.origin === pageUrl.origin) out.push(url);
	}
	return out;
}

test('a crawl from / finds every page and no broken internal link', async ({
	request,
	baseURL
}) => {
	test.setTimeout(120_000);
	const start = new URL('/', baseURL);
	const seen = new Map<string, string>(); // path → html
	const queue: URL[] = [start];
	const broken: string[] = [];
	const anchors: { from: string; url: URL }[] = [];
	while (queue.length) {
		const url = queue.shift()!;
		if (seen.has(url.pathname)) continue;
		const response = await request.get(url.pathname);
		if (!response.ok()) {
			broken.push(`${url.pathname} → ${response.status()}`);
			seen.set(url.pathname, '');
			continue;
		}
		const html = await response.text();
		seen.set(url.pathname, html);
		for (const link of linksOf(html, url)) {
			if (link.hash) anchors.push({ from: url.pathname, url: link });
			if (!seen.has(link.pathname)) queue.push(link);
		}
	}
	for (const { from, url } of anchors) {
		const html = seen.get(url.pathname) ?? '';
		const id = decodeURIComponent(url.hash.slice(1));
		if (!html.includes(`id="${id}"`)) broken.push(`${from} → ${url.pathname}${url.hash}`);
	}
	expect(broken).toEqual([]);
	const paths = [...seen.keys()];
	// The crawl reaches the explorer, both lesson indexes, all 14 lessons, the embed pages and
	// the tour's 8 steps.
	expect(paths).toEqual(
		expect.arrayContaining(['/', '/lessons/en', '/lessons/ko', '/embed', '/tour'])
	);
	expect(paths.filter((p) => /^\/lessons\/(en|ko)\/[a-z0-9-]+$/.test(p)).length).toBe(14);
	expect(paths.filter((p) => /^\/tour\/[1-8]$/.test(p)).length).toBe(8);
	expect(paths.filter((p) => p.startsWith('/embed/')).length).toBeGreaterThanOrEqual(5);
});

const PAGES = [
	'/',
	'/?lang=ko',
	'/lessons',
	'/lessons/ko',
	'/embed',
	'/embed/circle?loss=asoftmax&m=4',
	'/embed/sphere',
	'/embed/input',
	'/embed/stats',
	'/embed/psi?curves=cosface,arcface&controls=m,loss',
	'/embed/compare'
];

for (const path of PAGES) {
	test(`axe: no serious or critical violations on ${path}`, async ({ page }) => {
		const watch = await watchPage(page);
		await page.goto(path);
		await page.waitForLoadState('networkidle');
		// Embedded widgets load their live part when visible; wait for it before checking.
		if (path.startsWith('/embed/compare')) {
			await expect(page.locator('.panel')).not.toHaveCount(0);
		} else if (path.startsWith('/embed/')) {
			await expect(page.locator('figure.widget')).toHaveAttribute('data-live', 'yes', {
				timeout: 20_000
			});
		}
		expect(await seriousViolations(page)).toEqual([]);
		expect(watch.errors).toEqual([]);
	});
}
