// Page JavaScript as Chromium loads it (run after `npm run build`): for each page, every
// JS response the page loads until the network is idle, gzipped here with node:zlib at the
// default level (vite preview does not compress), worker scripts excluded (they are listed
// apart), and whether three.js or tfjs is among the page's own chunks. tests/bench/size.mjs
// reads the HTML instead; this one also counts chunks loaded by dynamic import().
//   node tests/bench/pageWeight.mjs [--json] [--chunks] [page ...]
//   SPHERELAB_BENCH_PORT (default 4178) is the port vite preview serves on.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const json = args.includes('--json');
const chunks = args.includes('--chunks');
const given = args.filter((a) => !a.startsWith('--'));
const pages = given.length
	? given
	: ['/?dim=2', '/?dim=3', '/compare', '/lessons', '/lessons/en/hypersphere', '/embed/circle'];
const port = Number(process.env.SPHERELAB_BENCH_PORT ?? 4178);
const base = `http://127.0.0.1:${port}`;

/** Markers of the heavy libraries in minified output (as in size.mjs). */
const MARKERS = { tfjs: /registerKernel|registerBackend/, three: /WebGLRenderer/ };
/** Scripts that run in a worker, not on the page: the built workers and their chunks. */
const isWorkerScript = (url, workers) =>
	workers.has(url) || /\/_app\/immutable\/workers\//.test(url);

const server = spawn(
	'npx',
	['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
	{ stdio: 'ignore', detached: true }
);
const stop = () => {
	try {
		process.kill(-server.pid);
	} catch {
		/* already gone */
	}
};

/** Waits until `url` answers (vite preview takes a moment to start). */
async function waitForServer(url) {
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			/* not yet */
		}
		await sleep(200);
	}
	throw new Error(`no server at ${url}`);
}

/** Loads `path` in a fresh page and sums the JS it loads until no request is new for 1.5 s. */
async function measure(browser, path) {
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	const workers = new Set();
	page.on('worker', (w) => workers.add(w.url()));
	const bodies = [];
	let last = Date.now();
	page.on('request', () => (last = Date.now()));
	page.on('response', (res) => {
		last = Date.now();
		const url = res.url();
		const type = res.headers()['content-type'] ?? '';
		if (!/javascript/.test(type) && !url.endsWith('.js')) return;
		bodies.push(
			res
				.body()
				.then((body) => ({ url, body }))
				.catch(() => null)
		);
	});
	await page.goto(base + path, { waitUntil: 'networkidle' });
	while (Date.now() - last < 1500) await sleep(250);
	const loaded = (await Promise.all(bodies)).filter(Boolean);
	await page.close();
	const own = loaded.filter((r) => !isWorkerScript(r.url, workers));
	const rows = own.map(({ url, body }) => ({
		chunk: new URL(url).pathname.replace(/^\/_app\/immutable\//, ''),
		kB: body.length / 1024,
		gzipKB: gzipSync(body).length / 1024,
		heavy: Object.entries(MARKERS)
			.filter(([, re]) => re.test(body.toString()))
			.map(([name]) => name)
	}));
	const sum = (xs, key) => +xs.reduce((s, r) => s + r[key], 0).toFixed(1);
	const workerRows = loaded.filter((r) => isWorkerScript(r.url, workers));
	return {
		page: path,
		scripts: rows.length,
		kB: sum(rows, 'kB'),
		gzipKB: sum(rows, 'gzipKB'),
		heavy: [...new Set(rows.flatMap((r) => r.heavy))].join(',') || '—',
		workerGzipKB: +workerRows.reduce((s, r) => s + gzipSync(r.body).length / 1024, 0).toFixed(1),
		chunks: rows
			.sort((a, b) => b.gzipKB - a.gzipKB)
			.map((r) => ({ ...r, kB: +r.kB.toFixed(1), gzipKB: +r.gzipKB.toFixed(1) }))
	};
}

try {
	await waitForServer(base + '/');
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--use-angle=swiftshader',
			'--enable-unsafe-swiftshader'
		]
	});
	const results = [];
	try {
		for (const path of pages) results.push(await measure(browser, path));
	} finally {
		await browser.close();
	}
	if (json) console.log(JSON.stringify(results.map(({ chunks: _, ...r }) => r)));
	else {
		console.log('Page JavaScript loaded in Chromium (gzip, default level; workers excluded)');
		console.table(results.map(({ chunks: _, ...r }) => r));
		if (chunks)
			for (const r of results) {
				console.log(r.page);
				console.table(r.chunks.map((c) => ({ ...c, heavy: c.heavy.join(',') || '—' })));
			}
	}
} finally {
	stop();
}
