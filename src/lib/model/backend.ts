/**
 * Picks the tfjs backend in the browser: wasm with SIMD (fastest here for this small
 * model), then webgl, then cpu. The wasm binaries are bundled by Vite (`?url`), never
 * fetched from a CDN.
 */
import { tf } from './tf';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendName } from './protocol';

const ORDER: BackendName[] = ['wasm', 'webgl', 'cpu'];

/**
 * Activates the first backend that initialises, starting from `preferred`; resolves to its
 * name. Never rejects: cpu always works.
 */
export async function selectBackend(preferred: BackendName = 'wasm'): Promise<string> {
	setWasmPaths({
		'tfjs-backend-wasm.wasm': wasmPlain,
		'tfjs-backend-wasm-simd.wasm': wasmSimd,
		'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded
	});
	const order = [preferred, ...ORDER.filter((b) => b !== preferred)];
	for (const name of order) {
		try {
			// webgl is only a fallback: load its ~600 kB only when it is needed.
			if (name === 'webgl') await import('@tensorflow/tfjs-backend-webgl');
			if (await tf.setBackend(name)) {
				await tf.ready();
				return tf.getBackend();
			}
		} catch (e) {
			// This backend cannot start here (no WebGL, no WebAssembly); try the next.
			console.warn(`tfjs backend ${name} unavailable:`, e);
		}
	}
	await tf.setBackend('cpu');
	return tf.getBackend();
}
