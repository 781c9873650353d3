// Initial JavaScript of the built pages (run after `npm run build`): for each prerendered
// page, the scripts its HTML loads up front (modulepreload links and the entry imports),
// with raw and gzip sizes, and whether tfjs or three.js is among them (they must not be:
// lesson pages load them only when a widget scrolls into view).
//   node tests/bench/size.mjs [page-path-regex]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = 'build';
const filter = new RegExp(process.argv[2] ?? '.');

function htmlFiles(dir) {
	return readdirSync(dir).flatMap((name) => {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) return name === '_app' ? [] : htmlFiles(p);
		return name.endsWith('.html') ? [p] : [];
	});
}

/** Markers of the heavy libraries in minified output. */
const MARKERS = { tfjs: /registerKernel|registerBackend/, three: /WebGLRenderer/ };

const rows = [];
for (const file of htmlFiles(root)) {
	const page = '/' + relative(root, file).replace(/(index)?\.html$/, '');
	if (!filter.test(page)) continue;
	const html = readFileSync(file, 'utf8');
	const refs = new Set();
	for (const m of html.matchAll(/(?:href|import\()\s*=?\s*"([^"]+\.js)"/g)) refs.add(m[1]);
	for (const m of html.matchAll(/import\("([^"]+\.js)"\)/g)) refs.add(m[1]);
	let raw = 0;
	let gz = 0;
	const heavy = new Set();
	for (const ref of refs) {
		const path = resolve(dirname(file), ref);
		const code = readFileSync(path);
		raw += code.length;
		gz += gzipSync(code, { level: 9 }).length;
		for (const [name, re] of Object.entries(MARKERS)) if (re.test(code.toString())) heavy.add(name);
	}
	rows.push({
		page,
		scripts: refs.size,
		kB: +(raw / 1024).toFixed(1),
		gzipKB: +(gz / 1024).toFixed(1),
		heavy: [...heavy].join(',') || '—'
	});
}
rows.sort((a, b) => a.page.localeCompare(b.page));
console.table(rows);
