/**
 * Reading the feature sphere's WebGL canvas in browser tests: pixels (how many are painted,
 * a cheap hash, and whether anything is painted near the edges) and the view's render count
 * (SphereView mirrors it in the canvas's data-renders attribute), per call or over frames.
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
 * Renders during the next `frames` animation frames of the page. The view draws in animation
 * frames and only on demand (a moving camera asks for the next frame, a still one does
 * not), so 0 over a few frames means the view is still, whatever the machine's speed.
 */
export function rendersOver(page: Page, frames: number): Promise<number> {
	return page.evaluate(
		(frames) =>
			new Promise<number>((resolve) => {
				const count = () =>
					Number(
						(document.querySelector('.sphere canvas') as HTMLElement | null)?.dataset.renders ?? 0
					);
				const start = count();
				let left = frames;
				const next = () => (--left <= 0 ? resolve(count() - start) : requestAnimationFrame(next));
				requestAnimationFrame(next);
			}),
		frames
	);
}

/**
 * Waits for a later picture than the one on the canvas now: until the view has drawn `more`
 * frames, or has come to rest first (`still` animation frames in a row without a render).
 */
export async function laterPicture(page: Page, more: number, still: number): Promise<void> {
	await page.evaluate(
		([more, still]) =>
			new Promise<void>((resolve) => {
				const count = () =>
					Number(
						(document.querySelector('.sphere canvas') as HTMLElement | null)?.dataset.renders ?? 0
					);
				const start = count();
				let last = start;
				let idle = 0;
				const next = () => {
					const now = count();
					idle = now === last ? idle + 1 : 0;
					last = now;
					if (now - start >= more || idle >= still) resolve();
					else requestAnimationFrame(next);
				};
				requestAnimationFrame(next);
			}),
		[more, still] as const
	);
}
