/**
 * One animation-frame loop shared by the canvas views of a page. A view asks for a draw;
 * each frame runs the waiting draws in the order they were asked for, at most `maxPerFrame`
 * of them and only while `budgetMs` is not spent (always at least one); the rest wait for
 * the next frame. Each view's canvases cost the page a copy to the compositor in every
 * frame they change (about 0.75 ms of main thread per canvas under the software compositor,
 * whatever its size), so four comparison panels whose snapshots arrive together draw in
 * turns instead of in one long frame, and a view asked twice before its frame draws once.
 */
export interface DrawQueueOptions {
	/** Drawing time per frame after which the remaining draws wait a frame. */
	budgetMs?: number;
	/** Draws per frame at most. */
	maxPerFrame?: number;
	now?: () => number;
	raf?: (cb: () => void) => number;
	caf?: (id: number) => void;
}

export class DrawQueue {
	private readonly waiting = new Set<() => void>();
	private frame = 0;
	private readonly budgetMs: number;
	private readonly maxPerFrame: number;
	private readonly now: () => number;
	private readonly raf: (cb: () => void) => number;
	private readonly caf: (id: number) => void;

	constructor(options: DrawQueueOptions = {}) {
		this.budgetMs = options.budgetMs ?? 6;
		this.maxPerFrame = options.maxPerFrame ?? 2;
		this.now = options.now ?? (() => performance.now());
		this.raf = options.raf ?? ((cb) => requestAnimationFrame(cb));
		this.caf = options.caf ?? ((id) => cancelAnimationFrame(id));
	}

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
		for (let i = 0; i < now.length && i < this.maxPerFrame; i++) {
			if (i > 0 && this.now() - start >= this.budgetMs) break;
			this.waiting.delete(now[i]);
			now[i]();
		}
		if (this.waiting.size > 0 && !this.frame) this.frame = this.raf(() => this.run());
	}
}

/** The page's shared queue. */
export const drawQueue = new DrawQueue();
