// Runs a TypeScript entry (its exported `main()`, which resolves to an exit code) under Node
// through Vite's module runner: tfjs-core's ESM build uses extension-less imports that Node
// alone cannot resolve, and the runners must use the very same tfjs modules (and resolution)
// as the app. Used by `npm run bench` and `npm run experiment` (and by their worker threads,
// through `createRunner`).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createServer, createServerModuleRunner } from 'vite';

/** A Vite module runner for TypeScript entries; `close()` when done. */
export async function createRunner() {
	// tfjs's Node platform code calls require() (for util, fs); give inlined modules one.
	globalThis.require = createRequire(import.meta.url);
	const server = await createServer({
		configFile: false,
		logLevel: 'error',
		appType: 'custom',
		// SvelteKit's `$lib` alias, for entries that import the state layer (lessons:runs).
		resolve: { alias: { $lib: fileURLToPath(new URL('../src/lib', import.meta.url)) } },
		// No file watcher: a run never reloads, and watching a busy tree costs CPU.
		server: { middlewareMode: true, hmr: false, ws: false, watch: null },
		ssr: { noExternal: ['@tensorflow/tfjs-core'] }
	});
	const runner = createServerModuleRunner(server.environments.ssr, { hmr: false });
	return {
		runner,
		close: async () => {
			await runner.close();
			await server.close();
		}
	};
}

/** Imports `entry` (a path from the repository root) and exits with what its main() returns. */
export async function runMain(entry) {
	const { runner, close } = await createRunner();
	let code;
	try {
		const mod = await runner.import(entry);
		code = await mod.main();
	} catch (e) {
		console.error(e);
		code = 1;
	} finally {
		await close();
	}
	process.exit(code ?? 0);
}
