import { defineConfig } from '@playwright/test';
import { findBrowser, isExecutableFile } from './tests/e2e/browserPath';

/**
 * Browser tests run against the built static site (`vite preview`) in the system's Chromium
 * or Chrome, headless. Playwright's own browser downloads are never used: CHROMIUM_PATH
 * points at the browser, else the first one installed at a usual place is used (see
 * tests/e2e/browserPath.ts). With none, the run stops here with one line saying how to
 * install one, before the site is built.
 */
const browser = findBrowser(process.env, isExecutableFile);
if (!browser.ok) {
	console.error(browser.message);
	process.exit(1);
}

/** SPHERELAB_E2E_PORT lets two checkouts run their browser tests side by side. */
const port = Number(process.env.SPHERELAB_E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	forbidOnly: true,
	reporter: [['list']],
	timeout: 60_000,
	// Software GL on a shared 2-core VM: frames (and so intersection and paint updates) can be slow.
	expect: { timeout: 15_000 },
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		viewport: { width: 1280, height: 900 },
		// The offline worker would cache the whole site (~12 MB) behind every test; only the
		// offline tests (tests/e2e/offline.test.ts) allow it.
		serviceWorkers: 'block',
		launchOptions: {
			executablePath: browser.path,
			args: [
				'--no-sandbox',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--use-angle=swiftshader',
				'--enable-unsafe-swiftshader'
			]
		}
	},
	webServer: {
		command: `npm run build && npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
		url: `http://127.0.0.1:${port}`,
		timeout: 240_000,
		reuseExistingServer: !process.env.CI
	}
});
