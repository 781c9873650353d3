/**
 * Where the site's data files live, as absolute URLs for the training workers (a worker has
 * no page to resolve a relative path against). The root layout sets them once from SvelteKit's
 * `asset()`, so this module needs no `$app` import and state classes stay testable in Node;
 * until then (tests, Node) there are none, and a worker asked for digits says it cannot get them.
 */

/** The site's digits file (static/data, made by `npm run digits`). */
export const DIGITS_FILE = '/data/digits-14.bin';

/** The data files' absolute URLs. */
export interface AssetUrls {
	digits?: string;
}

let urls: AssetUrls = {};

/** Sets the data files' URLs (the root layout, in the browser). */
export function setAssetUrls(next: AssetUrls): void {
	urls = { ...next };
}

/** The data files' URLs known so far. */
export function assetUrls(): AssetUrls {
	return { ...urls };
}
