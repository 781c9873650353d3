/**
 * Embedded pages tell their host how tall their content is, so the host can size the iframe:
 * `{ type: 'spherelab:height', view, height }` to the parent on every size change. Nothing is
 * ever read from the parent. Returns the cleanup (a no-op when the page is not framed).
 */
export function postHeightToParent(content: HTMLElement, view: string): () => void {
	if (window.parent === window) return () => {};
	let last = 0;
	const post = () => {
		const height = Math.ceil(content.getBoundingClientRect().height);
		if (height === last) return;
		last = height;
		window.parent.postMessage({ type: 'spherelab:height', view, height }, '*');
	};
	const observer = new ResizeObserver(post);
	observer.observe(content);
	post();
	return () => observer.disconnect();
}
