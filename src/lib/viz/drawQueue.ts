/**
 * One animation-frame loop shared by the canvas views of a page. A view asks for a draw;
 * each frame runs the waiting draws in the order they were asked for until `budgetMs` is
 * spent (always at least one), and the rest wait for the next frame. Four comparison panels
 * whose snapshots arrive together then draw in two or three frames instead of one long one,
 * and a view asked twice before its frame draws once.
 */
export class DrawQueue {
	private readonly waiting = new Set<() => void>();
	private frame = 0;

	/** `budgetMs`: drawing time per frame after which the remaining draws wait a frame. */
	constructor(
		private readonly budgetMs = 6,
		private readonly now: () => number = () => performance.now(),
		private readonly raf: (cb: () => void) => number = (cb) => requestAnimationFrame(cb),
		private readonly caf: (id: number) => void = (id) => cancelAnimationFrame(id)
	) {}

	/** Draws with `draw` on a coming frame (once, however often it is asked before then). */
	request(draw: () => void): void {
		this.waiting.add(draw);
		if (!this.frame) this.frame = this.raf(() => this.run());
	}

	/** Forgets a waiting draw (a disposed view). */
	cancel(draw: () => void): void {
		this.waiting.delete(draw);
		if (this.waiting.size === 0 && this.frame) {
			this.caf(this.frame);
			this.frame = 0;
		}
	}

	/** Draws waiting now (for tests and for a view that must be current at once). */
	get size(): number {
		return this.waiting.size;
	}

	private run(): void {
		this.frame = 0;
		const start = this.now();
		// Draws asked for during this frame (a tween's next step) go to the next one.
		const now = [...this.waiting];
		for (let i = 0; i < now.length; i++) {
			if (i > 0 && this.now() - start >= this.budgetMs) break;
			this.waiting.delete(now[i]);
			now[i]();
		}
		if (this.waiting.size > 0 && !this.frame) this.frame = this.raf(() => this.run());
	}
}

/** The page's shared queue. */
export const drawQueue = new DrawQueue();
