// Prerendering: the lesson pages in Korean get <html lang="ko"> (screen readers, fonts).
import type { Handle } from '@sveltejs/kit';

export const handle: Handle = ({ event, resolve }) => {
	const lang = /^\/lessons\/ko(\/|$)/.test(event.url.pathname) ? 'ko' : 'en';
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('<html lang="en">', `<html lang="${lang}">`)
	});
};
