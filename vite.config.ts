import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 5173 },
	preview: { port: 4173, strictPort: true },
	// The training worker is a module worker (it code-splits tfjs and imports wasm URLs).
	worker: { format: 'es' },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		// tfjs on the cpu backend is slow to warm up; keep room for the reference sweep.
		testTimeout: 30_000
	}
});
