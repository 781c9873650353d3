import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: [vitePreprocess()],
	kit: {
		// Every page is prerendered; the built site runs from any static host and offline.
		adapter: adapter({ strict: true }),
		// Relative asset paths let the build be served from a sub-folder or opened from disk.
		paths: { relative: true }
	}
};

export default config;
