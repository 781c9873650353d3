import { chromium } from '@playwright/test';
const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu']
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto('http://127.0.0.1:4199/compare');
await page.waitForTimeout(4000);
const btn = page.getByRole('button', { name: /play all|train all|play/i }).first();
console.log(await btn.textContent());
await btn.click();
await page.waitForTimeout(2000);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const longs = await page.evaluate(
	() =>
		new Promise((res) => {
			const out = [];
			const obs = new PerformanceObserver((l) => {
				for (const e of l.getEntries()) out.push(Math.round(e.duration));
			});
			obs.observe({ type: 'long-animation-frame', buffered: false });
			setTimeout(() => res(out), 6000);
		})
);
const { profile } = await cdp.send('Profiler.stop');
console.log('LoAF', longs.length, longs.sort((a, b) => b - a).slice(0, 20));
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas;
const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
for (const [id, t] of counts) {
	const n = byId.get(id);
	const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
	self.set(k, (self.get(k) ?? 0) + t);
}
console.log(
	[...self]
		.sort((a, b) => b[1] - a[1])
		.slice(0, 30)
		.map(([k, t]) => `${(t / 1000).toFixed(0)}ms ${k}`)
		.join('\n')
);
await browser.close();
