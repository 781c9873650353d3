// The props every lazily loaded widget body takes (LiveWidget, PsiWidget).
import type { WidgetConfig } from '$lib/state/widget';

export interface LiveProps {
	config: WidgetConfig;
	/** Visible and the tab is shown: train (if autoplay or the reader pressed play). */
	active: boolean;
	embed: boolean;
	/** Called with the widget's settings whenever the reader changes them. */
	onchange: (config: WidgetConfig) => void;
}
