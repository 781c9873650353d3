/** Whether the user asked for reduced motion (no tweening, no auto-rotate, no damping). */
export function prefersReducedMotion(): boolean {
	return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}
