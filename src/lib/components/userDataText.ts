/**
 * The sentences about the user's own data shown by several components (the data controls,
 * the input-space view), in the page language. Plain text: components render it as text.
 */
import type { I18n } from '$lib/i18n/context.svelte';
import { pointCount, type CustomData } from '$lib/state/customData';
import { shortName, type UploadFailure } from '$lib/state/userData.svelte';

/** Why an upload was refused, naming the file ("Could not use “a.csv”: Line 3: …"). */
export function failureText(i18n: I18n, f: UploadFailure): string {
	const error =
		f.kind === 'tooLarge'
			? i18n.t('controls.fileTooLarge', { size: f.size, limit: f.limit })
			: i18n.notice(f.message);
	return i18n.t('controls.uploadFailed', { name: f.name, error });
}

/** "Using your uploaded data (N points, from …); Reset data to go back to the generator." */
export function usingText(i18n: I18n, c: CustomData): string {
	const n = pointCount(c);
	return c.source === 'upload'
		? i18n.t('controls.usingUpload', { n, name: shortName(c.name) })
		: i18n.t('controls.usingDrawing', { n });
}
