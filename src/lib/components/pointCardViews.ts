/**
 * The feature circle's point card components (PointDetails, PointArrow), imported on demand:
 * FeatureCircle's pick (state/pointPick) loads them on the figure's first pointer, focus or
 * key, so they and the card's arithmetic are not part of the page's first load.
 */
export async function loadCardViews() {
	const [details, arrow] = await Promise.all([
		import('./PointDetails.svelte'),
		import('./PointArrow.svelte')
	]);
	return { PointDetails: details.default, PointArrow: arrow.default };
}
