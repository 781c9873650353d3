import { error } from '@sveltejs/kit';
import { isWidgetView, WIDGET_VIEWS } from '$lib/state/widget';
import type { EntryGenerator, PageLoad } from './$types';

export const entries: EntryGenerator = () => WIDGET_VIEWS.map((widget) => ({ widget }));

export const load: PageLoad = ({ params }) => {
	if (!isWidgetView(params.widget)) error(404, 'No such widget');
	return { view: params.widget };
};
