import { chromium } from 'playwright';
const url = process.argv[2];
const out = process.argv[3];
const wait = Number(process.argv[4] ?? 8000);
const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox']
});
const page = await browser.newPage({ viewport: { width: 1400, height: 1800 } });
const errors = [];
page.on('console', (m) => {
	if (m.type() === 'error') errors.push(m.text());
});
page.on('pageerror', (e) => errors.push(String(e)));
await page.goto(url);
await page.waitForTimeout(3000);
const play = page.getByRole('button', { name: /^Play$/ }).first();
if (await play.count()) await play.click();
await page.waitForTimeout(wait);
console.log(
	await page
		.locator('[role=status], .status')
		.first()
		.textContent()
		.catch(() => 'no status')
);
await page.screenshot({ path: out, fullPage: true });
console.log('errors', errors);
await browser.close();
