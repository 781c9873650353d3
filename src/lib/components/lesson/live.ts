// The props every lazily loaded widget body takes (LiveWidget, PsiWidget).
import type { WidgetConfig } from '$lib/state/widget';
import type { WidgetState } from '$lib/state/widgetState.svelte';

export interface LiveProps {
	config: WidgetConfig;
	/** Visible and the tab is shown: train (if autoplay or the reader pressed play). */
	active: boolean;
	embed: boolean;
	/** The widget's settings, owned by the frame: read them, change them through its methods. */
	widget: WidgetState;
}
