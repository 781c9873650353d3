import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 5173 },
	preview: { port: 4173, strictPort: true },
	// The training worker is a module worker (it code-splits tfjs and imports wasm URLs).
	worker: { format: 'es' },
	test: {
		// tfjs on the cpu backend is slow to warm up; keep room for the reference sweep.
		testTimeout: 30_000,
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					exclude: ['tests/unit/**/*.svelte.test.ts'],
					environment: 'node'
				}
			},
			{
				// Rune tests: compiled for the client so that $effect runs (see the environment file).
				extends: true,
				resolve: { conditions: ['browser'] },
				test: {
					name: 'runes',
					include: ['tests/unit/**/*.svelte.test.ts'],
					environment: './tests/unit/svelteClientEnv.ts'
				}
			}
		]
	}
});
