/**
 * What the offline service worker (src/service-worker.ts) and the page
 * (src/lib/state/offline.svelte.ts) agree on: the cache names and the take-over message.
 */

/** Every offline cache's name starts with this; the build's version follows. */
export const OFFLINE_CACHE_PREFIX = 'spherelab-offline-';
/** The message that lets a waiting worker take over. */
export const SKIP_WAITING = 'spherelab:skip-waiting';
