/**
 * Starts the verification views' worker (model/verificationWorker.ts; Vite bundles it as its
 * own chunk from this literal URL). Plain TypeScript, so the rune class that owns it
 * (Recognition) stays free of module URLs.
 */
export function startVerificationWorker(): Worker {
	return new Worker(new URL('../model/verificationWorker.ts', import.meta.url), {
		type: 'module',
		name: 'spherelab-verification'
	});
}
