// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

declare module '*.md' {
	import type { Component } from 'svelte';
	/** A lesson: the compiled markdown and its frontmatter. */
	const component: Component;
	export default component;
	export const metadata: Record<string, unknown>;
}

export {};
