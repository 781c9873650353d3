/**
 * A Vitest environment for rune tests that need effects: Node globals (no DOM), but modules
 * are transformed for the client, so Svelte compiles `.svelte.ts` files to client code where
 * `$effect` runs (the default `node` environment compiles them for the server, where effects
 * never run). Use with `// @vitest-environment ./tests/unit/svelteClientEnv.ts`.
 */
import type { Environment } from 'vitest/environments';

const env: Environment = {
	name: 'svelte-client',
	viteEnvironment: 'client',
	setup: () => ({ teardown() {} })
};
export default env;
