/**
 * The page's side of the offline service worker (src/service-worker.ts): registration, and
 * whether a new build has been installed and waits. The worker never replaces a running one
 * by itself, so a lesson in progress keeps its version; the page says "updated, reload" and,
 * when the reader agrees, asks the waiting worker to take over and reloads once it controls
 * the page. Where service workers are unavailable (an insecure origin, a browser setting) or
 * registration fails, nothing happens: the site works online as before.
 */
import { SKIP_WAITING } from '$lib/io/offline';
import { markLeaving, pageSettled } from '$lib/state/settled';

export class OfflineState {
	/** A newer build is installed and waits for the reader to reload. */
	updated = $state(false);
	#registration: ServiceWorkerRegistration | null = null;

	/**
	 * Registers the worker at `url` (the site root's service-worker.js) once the page has
	 * settled: its install caches the whole site, which would compete with the page's load.
	 */
	async start(url: string): Promise<void> {
		if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
		const container = navigator.serviceWorker;
		await pageSettled();
		try {
			this.#registration = await container.register(url);
		} catch {
			return;
		}
		const registration = this.#registration;
		// Some browsers (and test harnesses that block workers) resolve without a registration.
		if (!registration) return;
		// Waiting while an older build controls the page (a first visit has no controller).
		const check = () => {
			if (registration.waiting && container.controller) this.updated = true;
		};
		check();
		const watch = (next: ServiceWorker | null) =>
			next?.addEventListener('statechange', () => {
				if (next.state === 'installed') check();
			});
		// A new build may already be installing (the browser checks on every navigation),
		// its `updatefound` fired before this page listened.
		watch(registration.installing);
		registration.addEventListener('updatefound', () => watch(registration.installing));
	}

	/** Lets the waiting build take over, then reloads the page on it. */
	applyUpdate(): void {
		markLeaving();
		const next = this.#registration?.waiting;
		if (!next) return location.reload();
		// Reload once the new build controls the page, or once it is active (a busy page, say
		// one mounting its deferred panels on this very click, can miss controllerchange), or
		// if it was replaced meanwhile (a plain reload then finds whatever is current).
		let done = false;
		const reload = () => {
			if (done) return;
			done = true;
			location.reload();
		};
		navigator.serviceWorker.addEventListener('controllerchange', reload, { once: true });
		next.addEventListener('statechange', () => {
			if (next.state === 'activated' || next.state === 'redundant') reload();
		});
		next.postMessage(SKIP_WAITING);
	}

	dismiss(): void {
		this.updated = false;
	}
}
