/**
 * How the recognition views name a point: its identity (digits by their digit, other data
 * from 1) and what kind of photo it is, training, test or a held-out identity.
 */
import type { I18n } from '$lib/i18n/context.svelte';
import type { StringKey } from '$lib/i18n/strings';
import { SPLIT } from '$lib/math/split';
import type { Recognition } from '$lib/state/recognition.svelte';
import { classNumber } from '$lib/viz/palette';

const KIND: Record<number, StringKey> = {
	[SPLIT.train]: 'recog.kindTrain',
	[SPLIT.test]: 'recog.kindTest',
	[SPLIT.heldOut]: 'recog.kindHeldOut'
};

/** The identity number a view writes for data class `label`. */
export function identityName(rec: Recognition, label: number): number {
	return classNumber(label, rec.snapshot?.inputDim ?? 0);
}

/** "identity 5, held out (a new person)". */
export function pointName(i18n: I18n, rec: Recognition, row: number): string {
	const label = rec.labels?.[row] ?? -1;
	const kind = KIND[rec.split?.[row] ?? SPLIT.train] ?? KIND[SPLIT.train];
	return i18n.t('recog.point', { id: identityName(rec, label), kind: i18n.t(kind) });
}
