/**
 * Shared browser-test helpers: collect console errors and page errors, and block (and
 * record) any request that leaves the local server, so tests prove the site works offline.
 */
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export interface PageWatch {
	errors: string[];
	external: string[];
}

/** Starts watching `page`; call before the first navigation. */
export async function watchPage(page: Page): Promise<PageWatch> {
	const watch: PageWatch = { errors: [], external: [] };
	page.on('console', (msg) => {
		if (msg.type() === 'error') watch.errors.push(msg.text());
	});
	page.on('pageerror', (err) => watch.errors.push(err.message));
	await page.route(
		(url) => !['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol.startsWith('http'),
		(route) => {
			watch.external.push(route.request().url());
			return route.abort();
		}
	);
	return watch;
}

/** The training step of every /compare panel (−1 before its first snapshot). */
export async function panelSteps(page: Page): Promise<number[]> {
	const texts = await page.locator('.panel .status').allTextContents();
	return texts.map((t) => Number(/step (\d+)/.exec(t)?.[1] ?? -1));
}

/** Directory for screenshots that people look at (kept out of git). */
export const artifacts = 'tests/e2e/artifacts';
mkdirSync(artifacts, { recursive: true });

/**
 * A reader's first input (a key press): the explorer then mounts, in idle time, the panels it
 * deferred until someone touches the page or scrolls to them (whenNeeded.ts). Waits until no
 * placeholder is left.
 */
export async function mountDeferred(page: Page): Promise<void> {
	await page.keyboard.press('Shift');
	await expect(page.locator('.deferred')).toHaveCount(0, { timeout: 30_000 });
}

/** Trains the explorer past `steps` steps (read from its status line), then pauses. */
export async function trainPast(page: Page, steps: number): Promise<void> {
	await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 20_000 });
	await page.getByRole('button', { name: 'Play' }).click();
	await expect
		.poll(
			async () =>
				Number(
					/step (\d+)/.exec((await page.getByRole('status').first().textContent()) ?? '')?.[1]
				),
			{ timeout: 30_000 }
		)
		.toBeGreaterThan(steps);
	await page.getByRole('button', { name: 'Pause' }).click();
}
