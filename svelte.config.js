import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import remarkMath from 'remark-math';
import rehypeKatexSvelte from 'rehype-katex-svelte';
import { lessonComponents, rehypeSectionIds } from './src/lib/lessons/markdown.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	extensions: ['.svelte', '.md'],
	preprocess: [
		vitePreprocess(),
		// Lessons (lessons/**.md): markdown with KaTeX rendered at build time and live widgets.
		lessonComponents(),
		mdsvex({
			extensions: ['.md'],
			remarkPlugins: [remarkMath],
			rehypePlugins: [rehypeKatexSvelte, rehypeSectionIds]
		})
	],
	kit: {
		// Every page is prerendered; the built site runs from any static host and offline.
		adapter: adapter({ strict: true }),
		// Relative asset paths let the build be served from a sub-folder or opened from disk.
		paths: { relative: true },
		// src/service-worker.ts caches the site for offline use; the layout registers it itself
		// (src/lib/io/offline.ts) so that it can offer a new build with an "updated, reload" notice.
		serviceWorker: { register: false }
	}
};

export default config;
