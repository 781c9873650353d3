/**
 * Fetches the identity sweep saved with the site (static/data/identity-sweep.json, written by
 * `npm run experiment -- … --save`) from the site itself, so it works offline once cached.
 */
import { notice } from '../math/notice';
import { parseSavedSweep, sweepRefused, type SavedSweepRead } from './savedSweep';

/** The words of a thrown value (the browser's or the JSON parser's reason). */
const wordsOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The saved sweep, or null and the reason (see `SavedSweepRead`): an HTTP status, a failed
 * request or body, JSON that does not parse, or the wrong shape.
 */
export async function loadSavedSweep(
	url: string,
	fetcher: typeof fetch = fetch
): Promise<SavedSweepRead> {
	try {
		const r = await fetcher(url);
		if (!r.ok) return sweepRefused(notice('sweepHttp', { status: r.status }));
		return parseSavedSweep(await r.json());
	} catch (e) {
		// r.json() throws a SyntaxError for text that is not JSON; anything else is the request.
		const key = e instanceof SyntaxError ? 'sweepNotJson' : 'sweepNotLoaded';
		return sweepRefused(notice(key, { detail: wordsOf(e) }));
	}
}
