/** The media query of reduced motion, made once: matchMedia parses and evaluates each call. */
let query: MediaQueryList | null | undefined;

/** Whether the user asked for reduced motion (no tweening, no auto-rotate, no damping). */
export function prefersReducedMotion(): boolean {
	query ??= globalThis.matchMedia?.('(prefers-reduced-motion: reduce)') ?? null;
	return query?.matches ?? false;
}
