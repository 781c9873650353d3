// After `vite build`: writes the web workers' chunks and .wasm files (build/_app/immutable/
// workers/**, which SvelteKit's `$service-worker` does not list) into the offline service
// worker, in place of its marker, so that the first visit caches what training needs. Both
// copies: the site in build/ and the one `vite preview` serves (.svelte-kit/output/client).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const BUILD = 'build';
const MARKER = '__SPHERELAB_WORKER_FILES__';
const dir = join(BUILD, '_app', 'immutable', 'workers');

/** Every file under `d`, as paths from the site root ("/_app/immutable/workers/…"). */
function walk(d) {
	return readdirSync(d).flatMap((name) => {
		const p = join(d, name);
		return statSync(p).isDirectory() ? walk(p) : [`/${relative(BUILD, p).split('\\').join('/')}`];
	});
}

const workerFiles = walk(dir).sort();
if (workerFiles.some((f) => /[,'"`\\]/.test(f))) {
	console.error('offline-files: a worker file name has a comma, quote or backslash');
	process.exit(1);
}
for (const sw of [
	join(BUILD, 'service-worker.js'),
	'.svelte-kit/output/client/service-worker.js'
]) {
	const source = readFileSync(sw, 'utf8');
	// The marker sits inside a string literal that the worker splits on commas.
	if (source.split(MARKER).length !== 2) {
		console.error(`offline-files: expected one ${MARKER} in ${sw}: was it already written?`);
		process.exit(1);
	}
	writeFileSync(sw, source.replace(MARKER, workerFiles.join(',')));
	console.log(`offline-files: ${workerFiles.length} worker files added to ${sw}`);
}
