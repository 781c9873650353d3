/**
 * fileDrop: a Svelte attachment that makes an element a drop target for files, e.g.
 * `<div {@attach fileDrop({ ondrop: (file) => upload(file), onactive: (a) => (over = a) })}>`.
 * Only drags that carry files are taken (text or a link dragged from the page is left to
 * the browser); the first dropped file goes to `ondrop`, and `onactive` hears true when
 * files are dragged over the element and false when they leave it, are dropped, or the
 * element goes away, once per change.
 */
import type { Attachment } from 'svelte/attachments';

/** What `fileDrop` reports. */
export interface FileDropOptions {
	/** The first file of a drop on the element. */
	ondrop: (file: File) => void;
	/** Whether files are being dragged over the element (called only when this changes). */
	onactive?: (active: boolean) => void;
}

/** Whether a drag carries files (types holds 'Files' for files from the desktop). */
export function carriesFiles(e: DragEvent): boolean {
	return e.dataTransfer?.types.includes('Files') ?? false;
}

/** The attachment (see the module comment); its listeners are removed with the element. */
export function fileDrop({ ondrop, onactive }: FileDropOptions): Attachment<HTMLElement> {
	return (el) => {
		let active = false;
		const setActive = (next: boolean) => {
			if (next === active) return;
			active = next;
			onactive?.(next);
		};
		const dragover = (e: DragEvent) => {
			if (!carriesFiles(e)) return;
			// Cancelling dragover is what makes the element a drop target.
			e.preventDefault();
			setActive(true);
		};
		const dragleave = (e: DragEvent) => {
			// Moving onto a child element is not leaving.
			if (!el.contains(e.relatedTarget as Node | null)) setActive(false);
		};
		const drop = (e: DragEvent) => {
			if (!carriesFiles(e)) return;
			// Without this the browser would open the file in place of the page.
			e.preventDefault();
			setActive(false);
			const file = e.dataTransfer?.files[0];
			if (file) ondrop(file);
		};
		el.addEventListener('dragover', dragover);
		el.addEventListener('dragleave', dragleave);
		el.addEventListener('drop', drop);
		return () => {
			el.removeEventListener('dragover', dragover);
			el.removeEventListener('dragleave', dragleave);
			el.removeEventListener('drop', drop);
			setActive(false);
		};
	};
}
