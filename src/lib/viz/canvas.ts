/**
 * Small canvas helpers shared by views. High-DPI sizing: the backing store is CSS size ×
 * devicePixelRatio, and it is only touched when that really changed (assigning width/height
 * clears the canvas and its context state, so doing it every frame wastes work and flickers).
 * Plus a plain plot frame with ticks.
 */

/** The backing-store size for a CSS length at a pixel ratio (at least 1 device pixel). */
export function backingSize(cssLength: number, dpr: number): number {
	const ratio = Number.isFinite(dpr) && dpr > 0 ? dpr : 1;
	const css = Number.isFinite(cssLength) && cssLength > 0 ? cssLength : 0;
	return Math.max(1, Math.round(css * ratio));
}

/**
 * Sizes `canvas` to `cssWidth` × `cssHeight` CSS pixels with a backing store of that times
 * `dpr`. Returns true only when the backing store or the CSS size changed (the caller then
 * redraws, because a resized canvas is blank).
 */
export function fitCanvas(
	canvas: HTMLCanvasElement,
	cssWidth: number,
	cssHeight: number,
	dpr: number = globalThis.devicePixelRatio ?? 1
): boolean {
	const w = backingSize(cssWidth, dpr);
	const h = backingSize(cssHeight, dpr);
	const styleW = `${Math.max(0, cssWidth)}px`;
	const styleH = `${Math.max(0, cssHeight)}px`;
	let changed = false;
	if (canvas.width !== w || canvas.height !== h) {
		canvas.width = w;
		canvas.height = h;
		changed = true;
	}
	if (canvas.style.width !== styleW || canvas.style.height !== styleH) {
		canvas.style.width = styleW;
		canvas.style.height = styleH;
		changed = true;
	}
	return changed;
}

/**
 * The canvas's 2D context with its transform set so that drawing is in CSS pixels.
 * `willReadFrequently` asks for a software (CPU) canvas: STACK.md measured ~55 fps for
 * 2000 points that way against ~8 fps on headless Chromium's accelerated canvas, and a
 * panel-sized plot is cheap on the CPU on real machines too. Null if 2D is unavailable.
 */
export function getContext2d(
	canvas: HTMLCanvasElement,
	dpr: number = globalThis.devicePixelRatio ?? 1
): CanvasRenderingContext2D | null {
	const ctx = canvas.getContext('2d', { willReadFrequently: true });
	if (!ctx) return null;
	const ratio = Number.isFinite(dpr) && dpr > 0 ? dpr : 1;
	ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
	return ctx;
}

/** A tick on a square plot: its [x, y] pixel offset inside the plot and its label. */
export interface Tick {
	at: [number, number];
	label: string;
}

/**
 * A thin frame around the square plot at (ox, oy) of side `size` (CSS px), with short tick
 * marks and labels outside its bottom (at tick x) and left (at tick y) edges.
 */
export function drawFrame(
	ctx: CanvasRenderingContext2D,
	box: { ox: number; oy: number; size: number },
	ticks: Tick[],
	fontPx: number,
	color = '#1b1f24'
): void {
	const { ox, oy, size } = box;
	ctx.strokeStyle = ctx.fillStyle = color;
	ctx.lineWidth = 1;
	ctx.strokeRect(ox + 0.5, oy + 0.5, size - 1, size - 1);
	ctx.font = `${fontPx}px system-ui, sans-serif`;
	ctx.beginPath();
	for (const { at, label } of ticks) {
		const [x, y] = [ox + at[0], oy + at[1]];
		ctx.moveTo(x, oy + size);
		ctx.lineTo(x, oy + size + 4);
		ctx.moveTo(ox, y);
		ctx.lineTo(ox - 4, y);
		ctx.textAlign = 'center';
		ctx.textBaseline = 'top';
		ctx.fillText(label, x, oy + size + 5);
		ctx.textAlign = 'right';
		ctx.textBaseline = 'middle';
		ctx.fillText(label, ox - 5, y);
	}
	ctx.stroke();
}
