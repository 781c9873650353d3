import { chromium } from '@playwright/test';
const url = process.argv[2] ?? '/compare';
const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu']
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto('http://127.0.0.1:4199' + url);
await page.waitForTimeout(4000);
const btn = page.getByRole('button', { name: /play all/i }).first();
if (process.argv[3] !== 'paused') await btn.click();
await page.waitForTimeout(2000);
await browser.startTracing(page, {
	categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline']
});
await page.waitForTimeout(5000);
const buf = await browser.stopTracing();
const ev = JSON.parse(buf.toString()).traceEvents;
// find renderer main thread
const names = ev.filter((e) => e.name === 'thread_name');
const main = names.find((e) => e.args.name === 'CrRendererMain');
const tot = new Map();
for (const e of ev) {
	if (e.ph !== 'X' || e.tid !== main.tid || e.pid !== main.pid) continue;
	tot.set(e.name, (tot.get(e.name) ?? 0) + e.dur / 1000);
}
const paints = ev.filter((e) => e.name === 'Paint' && e.tid === main.tid && e.ph === 'X');
const m2 = new Map();
for (const p of paints) {
	const k = JSON.stringify(p.args.data.clip?.map(Math.round)) + ' ' + p.args.data.nodeId;
	const o = m2.get(k) ?? [0, 0];
	o[0]++;
	o[1] += p.dur / 1000;
	m2.set(k, o);
}
console.log([...m2].sort((a, b) => b[1][1] - a[1][1]).slice(0, 15));
const commits = ev.filter((e) => e.name === 'Commit' && e.tid === main.tid && e.ph === 'X');
console.log(
	'commits',
	commits.length,
	commits
		.map((c) => Math.round(c.dur / 1000))
		.sort((a, b) => b - a)
		.slice(0, 15)
);
const mainEv = ev
	.filter((e) => e.tid === main.tid && e.pid === main.pid && e.ph === 'X')
	.sort((a, b) => a.ts - b.ts);
const tasks = mainEv
	.filter((e) => e.name === 'RunTask')
	.sort((a, b) => b.dur - a.dur)
	.slice(0, 6);
for (const t of tasks) {
	const inner = mainEv.filter(
		(e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t && e.dur > 1000
	);
	console.log(
		'TASK',
		Math.round(t.dur / 1000),
		inner
			.map(
				(e) =>
					e.name +
					':' +
					Math.round(e.dur / 1000) +
					(e.args?.data?.url ? '@' + e.args.data.url.split('/').pop() : '')
			)
			.join(' ')
	);
}
console.log(
	[...tot]
		.sort((a, b) => b[1] - a[1])
		.slice(0, 25)
		.map(([k, t]) => `${t.toFixed(0)}ms ${k}`)
		.join('\n')
);
await browser.close();
