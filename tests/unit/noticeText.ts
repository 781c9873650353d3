/** Notices as the English page shows them, for tests that read their text. */
import { noticeText } from '../../src/lib/i18n';
import type { Notice } from '../../src/lib/math/notice';

export function en(notices: readonly Notice[]): string[] {
	return notices.map((n) => noticeText('en', n));
}
