import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 5173 },
	preview: { port: 4173, strictPort: true },
	// The training worker is a module worker (it code-splits tfjs and imports wasm URLs).
	worker: { format: 'es' },
	test: {
		// A generous budget, not a speed goal: tfjs on the cpu backend is slow to warm up and CI
		// machines are slow and busy (a unit test that takes 3 s idle took 38 s beside a build).
		// Tests that train for thousands of steps set their own, larger budgets.
		testTimeout: 120_000,
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
