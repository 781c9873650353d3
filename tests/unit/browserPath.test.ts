import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
	BROWSER_LOCATIONS,
	NO_BROWSER,
	findBrowser,
	isExecutableFile,
	missingBrowser
} from '../e2e/browserPath';

/** An `exists` that knows only these paths (the machine's own files never matter). */
const only =
	(...paths: string[]) =>
	(p: string) =>
		paths.includes(p);

describe('findBrowser', () => {
	it('uses CHROMIUM_PATH when it names a browser, before any usual place', () => {
		const exists = only('/opt/mine/chrome', '/usr/bin/chromium');
		expect(findBrowser({ CHROMIUM_PATH: '/opt/mine/chrome' }, exists)).toEqual({
			ok: true,
			path: '/opt/mine/chrome'
		});
	});

	it('refuses a CHROMIUM_PATH with nothing there, naming it, even when a browser is installed', () => {
		const found = findBrowser({ CHROMIUM_PATH: '/nonexistent' }, only('/usr/bin/chromium'));
		expect(found).toEqual({ ok: false, message: missingBrowser('/nonexistent') });
		if (!found.ok) {
			expect(found.message).toContain('CHROMIUM_PATH=/nonexistent');
			expect(found.message).not.toContain('\n');
		}
	});

	it('treats an empty CHROMIUM_PATH as unset', () => {
		expect(findBrowser({ CHROMIUM_PATH: '' }, only('/usr/bin/chromium'))).toEqual({
			ok: true,
			path: '/usr/bin/chromium'
		});
	});

	it('takes the first usual place that exists, in order', () => {
		expect(findBrowser({}, only(...BROWSER_LOCATIONS))).toEqual({
			ok: true,
			path: '/usr/bin/chromium'
		});
		expect(findBrowser({}, only('/snap/bin/chromium', '/usr/bin/google-chrome-stable'))).toEqual({
			ok: true,
			path: '/usr/bin/google-chrome-stable'
		});
		expect(findBrowser({}, only('/usr/bin/chromium-browser'))).toEqual({
			ok: true,
			path: '/usr/bin/chromium-browser'
		});
	});

	it('finds Chrome or Chromium in macOS applications', () => {
		const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
		const chromium = '/Applications/Chromium.app/Contents/MacOS/Chromium';
		expect(findBrowser({}, only(chrome, chromium))).toEqual({ ok: true, path: chrome });
		expect(findBrowser({}, only(chromium))).toEqual({ ok: true, path: chromium });
	});

	it('says in one line how to install one when none is found', () => {
		expect(findBrowser({}, () => false)).toEqual({ ok: false, message: NO_BROWSER });
		expect(NO_BROWSER).not.toContain('\n');
		expect(NO_BROWSER).toMatch(/^No Chromium or Chrome found\. Install one \(.*apt-get install/);
		expect(NO_BROWSER).toContain('brew install');
		expect(NO_BROWSER).toContain('CHROMIUM_PATH=');
	});

	it('tries only the locations it is given', () => {
		expect(findBrowser({}, only('/usr/bin/chromium'), ['/elsewhere/chrome'])).toEqual({
			ok: false,
			message: NO_BROWSER
		});
	});
});

describe('isExecutableFile', () => {
	it('accepts a runnable file, not a directory, a plain file or a missing path', () => {
		expect(isExecutableFile(process.execPath)).toBe(true);
		expect(isExecutableFile('/')).toBe(false);
		expect(isExecutableFile(fileURLToPath(import.meta.url))).toBe(false);
		expect(isExecutableFile('/nonexistent/chrome')).toBe(false);
	});
});
