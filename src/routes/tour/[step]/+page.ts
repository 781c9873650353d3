// /tour/N: one step of the projector tour, prerendered for every step.
import { error } from '@sveltejs/kit';
import { TOUR_STEPS, tourStep } from '$lib/state/tour';
import type { EntryGenerator, PageLoad } from './$types';

export const entries: EntryGenerator = () => TOUR_STEPS.map((_, i) => ({ step: String(i + 1) }));

export const load: PageLoad = ({ params }) => {
	const step = tourStep(params.step);
	if (step === null) error(404, `No tour step ${params.step}`);
	return { step };
};
