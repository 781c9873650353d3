/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The offline service worker: on install it caches every file of this build (the app's
 * bundles and workers, the .wasm files, fonts, the files in static/ including the digits, and
 * every prerendered page and lesson) under a cache named by the build's version; it answers
 * this site's own GET requests from that cache, falling back to the network. A new build
 * installs beside the running one and waits: the page shows "updated, reload" and the new
 * worker takes over only when the reader asks (or every tab of the old one is closed), so an
 * update never lands mid-lesson. Only this site's own files are cached: no third-party
 * responses, nothing the reader uploads or types.
 */
import { build, files, prerendered, version } from '$service-worker';
import { OFFLINE_CACHE_PREFIX, SKIP_WAITING } from './lib/io/offline';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `${OFFLINE_CACHE_PREFIX}${version}`;
/**
 * The web workers' own chunks and .wasm files, which `$service-worker` does not list:
 * `npm run build` writes them, comma-separated, in place of this marker
 * (scripts/offline-files.mjs); a bare `vite build` leaves the marker, which the filter drops,
 * and the workers then load from the network.
 */
const WORKER_FILES = '__SPHERELAB_WORKER_FILES__'.split(',').filter((f) => f.startsWith('/'));
/** The site root, as `$service-worker`'s own paths start with it. */
const root = sw.location.pathname.split('/').slice(0, -1).join('/');

/** The build's files, the workers' files and static/ (paths from the site root). */
const ASSETS = [...new Set([...build, ...WORKER_FILES.map((f) => root + f), ...files])];

/**
 * A prerendered page under its own path: static hosts serve `/compare` from `compare.html`,
 * some only under the file's name, so both are tried (the cache key is the path either way).
 */
async function cachePage(cache: Cache, path: string): Promise<void> {
	for (const url of path.endsWith('/') ? [path] : [path, `${path}.html`]) {
		const response = await fetch(url);
		if (response.ok) return cache.put(path, response);
	}
	throw new Error(`offline cache: ${path} could not be fetched`);
}

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches.open(CACHE).then(async (cache) => {
			await cache.addAll(ASSETS);
			await Promise.all(prerendered.map((path) => cachePage(cache, path)));
		})
	);
});

sw.addEventListener('activate', (event) => {
	// Drop the caches of older builds; take over pages that have no worker yet (a first visit).
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(
					keys
						.filter((k) => k.startsWith(OFFLINE_CACHE_PREFIX) && k !== CACHE)
						.map((k) => caches.delete(k))
				)
			)
			.then(() => sw.clients.claim())
	);
});

sw.addEventListener('message', (event) => {
	if (event.data === SKIP_WAITING) void sw.skipWaiting();
});

/** A cached page for a navigation: the path without its query (settings live in the query). */
async function cachedPage(cache: Cache, url: URL): Promise<Response | undefined> {
	const path = url.pathname;
	return (await cache.match(path)) ?? (await cache.match(path.replace(/\.html$|\/$/, '')));
}

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	// Only this site's own files; everything else goes to the network untouched.
	if (url.origin !== sw.location.origin) return;
	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			const hit =
				request.mode === 'navigate'
					? await cachedPage(cache, url)
					: await cache.match(request, { ignoreSearch: true });
			if (hit) return hit;
			return fetch(request);
		})()
	);
});
