/**
 * Strings of the verification and identification views (RecognitionPanel and its parts), in English and Korean. Merged into `STRINGS` by strings.ts.
 */
export const RECOGNITION_EN = {} as const;

export const RECOGNITION_KO: Record<keyof typeof RECOGNITION_EN, string> = {};
