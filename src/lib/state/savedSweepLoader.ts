/**
 * Fetches the identity sweep saved with the site (static/data/identity-sweep.json, written by
 * `npm run experiment -- … --save`) from the site itself, so it works offline once cached.
 */
import { parseSavedSweep, type SavedSweep } from './savedSweep';

/** The saved sweep, or null and a plain reason (HTTP status, bad JSON, wrong shape). */
export async function loadSavedSweep(
	url: string,
	fetcher: typeof fetch = fetch
): Promise<{ sweep: SavedSweep | null; problem: string | null }> {
	try {
		const r = await fetcher(url);
		if (!r.ok) return { sweep: null, problem: `HTTP ${r.status}` };
		return parseSavedSweep(await r.json());
	} catch (e) {
		return { sweep: null, problem: e instanceof Error ? e.message : String(e) };
	}
}
