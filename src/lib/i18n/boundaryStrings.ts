/**
 * Strings of the boundaries figure (BoundariesFigure), in English and Korean. Merged into `STRINGS` by strings.ts.
 */
export const BOUNDARY_EN = {} as const;

export const BOUNDARY_KO: Record<keyof typeof BOUNDARY_EN, string> = {};
