/**
 * Which Chromium or Chrome the browser tests drive: CHROMIUM_PATH when it is set, else the
 * first browser installed at a usual place on Linux or macOS. Playwright's own browser
 * downloads are never used. When there is none, one line says how to get one.
 */
import { accessSync, constants, statSync } from 'node:fs';

/** Where Chromium or Chrome usually lives, in the order they are tried. */
export const BROWSER_LOCATIONS: readonly string[] = Object.freeze([
	// Linux: Debian's and Fedora's Chromium, Ubuntu's (a snap behind /usr/bin), Google Chrome.
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome',
	'/usr/bin/google-chrome-stable',
	'/snap/bin/chromium',
	'/usr/local/bin/chromium',
	'/opt/google/chrome/chrome',
	// macOS
	'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
	'/Applications/Chromium.app/Contents/MacOS/Chromium'
]);

const HOW_TO_INSTALL =
	'Debian: sudo apt-get install chromium; Ubuntu: sudo snap install chromium; macOS: brew install --cask google-chrome';

/** The one line shown when no browser is installed at any of the usual places. */
export const NO_BROWSER = `No Chromium or Chrome found. Install one (${HOW_TO_INSTALL}) or set CHROMIUM_PATH=/path/to/chrome.`;

/** The one line shown when CHROMIUM_PATH names no browser. */
export function missingBrowser(path: string): string {
	return `CHROMIUM_PATH=${path} is not an executable file. Point it at Chromium or Chrome, or unset it to use an installed one (${HOW_TO_INSTALL}).`;
}

export type BrowserLookup = { ok: true; path: string } | { ok: false; message: string };

/**
 * The browser to use: `env.CHROMIUM_PATH` if set (an error when nothing runnable is there),
 * else the first of `locations` that `exists`. An empty CHROMIUM_PATH counts as unset.
 */
export function findBrowser(
	env: Record<string, string | undefined>,
	exists: (path: string) => boolean,
	locations: readonly string[] = BROWSER_LOCATIONS
): BrowserLookup {
	const given = env.CHROMIUM_PATH;
	if (given)
		return exists(given)
			? { ok: true, path: given }
			: { ok: false, message: missingBrowser(given) };
	const path = locations.find((p) => exists(p));
	return path ? { ok: true, path } : { ok: false, message: NO_BROWSER };
}

/** Whether `path` is a file this process may run (symbolic links followed). */
export function isExecutableFile(path: string): boolean {
	try {
		if (!statSync(path).isFile()) return false;
		accessSync(path, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}
