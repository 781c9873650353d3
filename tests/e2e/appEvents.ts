/**
 * Waiting on the app's own events instead of wall time, so no browser test depends on the
 * machine's speed: animation frames of the page, and a fresh snapshot from every training
 * worker (asked for through the worker's own protocol, `{ type: 'snapshot' }`). A test that
 * checks that something does NOT change waits for one of these: they prove the page and
 * its workers had their turn to change it.
 */
import { expect, type Page } from '@playwright/test';

/** What the init script puts on `window` (test-only). */
interface TrainerProbe {
	/** Asks every live training worker for a snapshot; resolves with how many answered. */
	fresh(): Promise<number>;
}

/**
 * Keeps a handle on every training worker the page starts (`new Worker(…, { name:
 * 'spherelab-trainer' })`), so `freshSnapshots` can talk to them. Call before the first
 * navigation; it applies to reloads too.
 */
export async function trackTrainingWorkers(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const Native = globalThis.Worker;
		if (!Native) return;
		const live = new Set<Worker>();
		class Tracked extends Native {
			constructor(url: string | URL, options?: WorkerOptions) {
				super(url, options);
				if (options?.name === 'spherelab-trainer') live.add(this);
			}
			override terminate(): void {
				live.delete(this);
				super.terminate();
			}
		}
		globalThis.Worker = Tracked;
		const probe: TrainerProbe = {
			fresh: () =>
				Promise.all(
					[...live].map(
						(w) =>
							new Promise<void>((resolve) => {
								// Registered after the page's own handler, so it runs after the page took
								// the snapshot; the macrotask lets the page's rendering microtasks finish.
								const answered = (e: MessageEvent) => {
									if ((e.data as { type?: string } | null)?.type !== 'snapshot') return;
									w.removeEventListener('message', answered);
									setTimeout(resolve, 0);
								};
								w.addEventListener('message', answered);
								w.postMessage({ type: 'snapshot' });
							})
					)
				).then((all) => all.length)
		};
		(globalThis as unknown as { __trainerProbe: TrainerProbe }).__trainerProbe = probe;
	});
}

/**
 * Asks every training worker for a snapshot and waits until each has answered and the page
 * has shown the answer. A worker handles messages in order, so everything it was asked
 * before (a pause, a data set) has been done and has reached the page, and the page shows
 * the worker's state as it is now: a paused trainer answers with the step it stopped at
 * (and `running: false`); one that kept training would show a later step. Needs
 * `trackTrainingWorkers` before navigation.
 */
export async function freshSnapshots(page: Page): Promise<void> {
	const answered = await page.evaluate(() =>
		(globalThis as unknown as { __trainerProbe?: TrainerProbe }).__trainerProbe?.fresh()
	);
	expect(answered, 'training workers that answered (trackTrainingWorkers first?)').toBeGreaterThan(
		0
	);
}

/**
 * Resolves after `n` animation frames of the page: every frame is a rendering opportunity,
 * in which intersection observers report and views that asked for a frame draw.
 */
export async function animationFrames(page: Page, n: number): Promise<void> {
	await page.evaluate(
		(n) =>
			new Promise<void>((resolve) => {
				let left = n;
				const next = () => (--left <= 0 ? resolve() : requestAnimationFrame(next));
				requestAnimationFrame(next);
			}),
		n
	);
}
