// One lesson page: the compiled markdown, loaded as its own chunk.
import { error } from '@sveltejs/kit';
import type { Component } from 'svelte';
import { isLang } from '$lib/math/settingTypes';
import type { EntryGenerator, PageLoad } from './$types';

const lessons = import.meta.glob<{ default: Component }>('/lessons/*/*.md');

export const entries: EntryGenerator = () =>
	Object.keys(lessons).map((path) => {
		const [, , lang, file] = path.split('/');
		return { lang, slug: file.replace(/\.md$/, '') };
	});

export const load: PageLoad = async ({ params, parent }) => {
	const loader = lessons[`/lessons/${params.lang}/${params.slug}.md`];
	if (!isLang(params.lang) || !loader) error(404, 'No such lesson');
	const [{ catalog }, module] = await Promise.all([parent(), loader()]);
	const lang = params.lang;
	const course = catalog.filter((e) => e.lang === lang);
	const index = course.findIndex((e) => e.slug === params.slug);
	return {
		lang,
		lesson: course[index],
		previous: course[index - 1] ?? null,
		next: course[index + 1] ?? null,
		/** The same lesson in the other languages, for the language switch. */
		translations: catalog.filter((e) => e.slug === params.slug && e.lang !== lang),
		content: module.default
	};
};
