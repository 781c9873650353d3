import { error } from '@sveltejs/kit';
import { isLang, LANGS } from '$lib/math/settingTypes';
import type { EntryGenerator, PageLoad } from './$types';

export const entries: EntryGenerator = () => LANGS.map((lang) => ({ lang }));

export const load: PageLoad = ({ params }) => {
	if (!isLang(params.lang)) error(404, 'No lessons in this language');
	return { lang: params.lang };
};
