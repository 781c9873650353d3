/**
 * Reading the feature sphere's WebGL canvas in browser tests: pixels (how many are painted,
 * a cheap hash, and whether anything is painted near the edges) and the view's render count
 * (SphereView mirrors it in the canvas's data-renders attribute).
 */
import type { Page } from '@playwright/test';

/**
 * Samples the sphere's canvas scaled to 200 × 200: painted pixels (not background), a hash,
 * the backing-store width, and painted pixels within `edge` (a fraction of the side) of
 * any border of the canvas.
 */
export function sampleSphere(page: Page, edge = 0.025) {
	return page.evaluate((edge) => {
		const gl = document.querySelector('.sphere canvas') as HTMLCanvasElement | null;
		if (!gl) return { painted: 0, hash: 0, width: 0, atEdge: 0 };
		const n = 200;
		const c = document.createElement('canvas');
		c.width = n;
		c.height = n;
		const ctx = c.getContext('2d', { willReadFrequently: true })!;
		ctx.drawImage(gl, 0, 0, n, n);
		const px = ctx.getImageData(0, 0, n, n).data;
		const strip = Math.ceil(edge * n);
		let painted = 0;
		let atEdge = 0;
		let hash = 0;
		for (let i = 0; i < px.length; i += 4) {
			const on = px[i + 3] > 0 && (px[i] < 245 || px[i + 1] < 245 || px[i + 2] < 245);
			if (on) {
				painted++;
				const x = (i / 4) % n;
				const y = Math.floor(i / 4 / n);
				if (x < strip || y < strip || x >= n - strip || y >= n - strip) atEdge++;
			}
			hash = (hash * 31 + px[i] + 7 * px[i + 1] + 13 * px[i + 2]) >>> 0;
		}
		return { painted, hash, width: gl.width, atEdge };
	}, edge);
}

/** How many frames the sphere view has rendered (0 before the first). */
export function renders(page: Page): Promise<number> {
	return page.evaluate(() =>
		Number((document.querySelector('.sphere canvas') as HTMLElement | null)?.dataset.renders ?? 0)
	);
}

/**
 * Renders during `ms` of wall time. Used to wait until the view is still (0), never to
 * assert a speed.
 */
export async function rendersDuring(page: Page, ms: number): Promise<number> {
	const before = await renders(page);
	await page.waitForTimeout(ms);
	return (await renders(page)) - before;
}
