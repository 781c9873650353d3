/**
 * One way to mount an imperative view (a class in src/lib/viz with mount, update, resize
 * and dispose) on the element it owns: `<div {@attach mountView(view, (v) => v.update(x))}>`.
 *
 * The view is mounted once when the element enters the DOM and disposed when it leaves.
 * Each `sync` callback then runs in its own effect, after the mount: it re-runs whenever the
 * state it reads changes (the snapshot, a setting), and only it re-runs, so a new snapshot
 * never remounts the view. The mount itself is untracked: state a view happens to read while
 * mounting cannot tear it down. (Svelte runs attachments in an effect; see the {@attach}
 * docs: state read by the attachment function itself would re-create it.)
 */
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';

/** What mountView needs of a view: take over an element, and give everything back. */
export interface MountableView<E extends Element> {
	mount(element: E): void;
	dispose(): void;
}

/**
 * An attachment that mounts `view` on its element, keeps it in step through `sync`
 * callbacks (one effect each) and disposes it on removal.
 */
export function mountView<E extends Element, V extends MountableView<E>>(
	view: V,
	...sync: ((view: V) => void)[]
): Attachment<E> {
	return (element) => {
		untrack(() => view.mount(element));
		for (const fn of sync) $effect(() => fn(view));
		return () => view.dispose();
	};
}
