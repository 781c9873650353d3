/**
 * `<div {@attach inView((seen) => …)}>`: tells whether any of the element is inside the
 * viewport grown by `margin` (a CSS margin; IntersectionObserver), at once and whenever that
 * changes. Where there is no IntersectionObserver it always says seen. Panels use it to skip
 * work while scrolled away (see Deferred's `hold`).
 */
import type { Attachment } from 'svelte/attachments';

export function inView(onChange: (seen: boolean) => void, margin = '0px'): Attachment<HTMLElement> {
	return (element) => {
		if (typeof IntersectionObserver !== 'function') {
			onChange(true);
			return;
		}
		const observer = new IntersectionObserver(
			(entries) => onChange(entries.some((e) => e.isIntersecting)),
			{ rootMargin: margin }
		);
		observer.observe(element);
		return () => observer.disconnect();
	};
}
