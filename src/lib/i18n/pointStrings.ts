/**
 * Strings of the arithmetic of one point (the point card and its gradient arrow), in English and Korean. Merged into `STRINGS` by strings.ts.
 */
export const POINT_EN = {} as const;

export const POINT_KO: Record<keyof typeof POINT_EN, string> = {};
