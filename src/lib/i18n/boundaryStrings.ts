/**
 * Strings of the boundaries figure (BoundariesFigure), in English and Korean. Merged into `STRINGS` by strings.ts.
 */
export const BOUNDARY_EN = {
	'widget.viewBoundaries': 'decision boundaries of the losses for two classes'
} as const;

export const BOUNDARY_KO: Record<keyof typeof BOUNDARY_EN, string> = {
	'widget.viewBoundaries': '두 클래스에서 본 손실 함수별 결정 경계'
};
