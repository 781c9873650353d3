/**
 * The gate in front of the training loop while the digits file loads: the first message that
 * asks for the digits (before they are in `sources`) starts the fetch, and it and every
 * message after it are held, in order, until the file is in; then they replay. When the file
 * cannot be had (offline, truncated, not a digits file), they replay without the digits:
 * `fallback` turns each request for them into one for the data set of before, with the
 * reason to tell the page.
 */
import type { Trainer } from './trainer';
import type { DataSources } from './dataSources';
import type { ToWorker } from './protocol';
import { fetchDigits } from '../io/digits';
import { notice, noticeOf, type Notice } from '../math/notice';
import { DEFAULTS } from '../math/settingsEngine';

type OptionsMessage = Extract<ToWorker, { type: 'init' | 'setOptions' }>;

/** Messages that ask for the digits: the page says so in `data` (no clamp needed to tell). */
export function wantsDigits(msg: ToWorker): boolean {
	return (msg.type === 'init' || msg.type === 'setOptions') && msg.data?.kind === 'digits';
}

/**
 * The message without its request for digits: the data set of before (the trainer's, or the
 * default one for a first model), and the custom data set if one is in use.
 */
export function withoutDigits(msg: OptionsMessage, current: Trainer | null): OptionsMessage {
	const data = current?.options.data ?? DEFAULTS.options.data;
	const kind = current?.hasCustomData ? 'custom' : 'generated';
	return { ...msg, options: { ...msg.options, data }, data: { kind } };
}

export class DigitsGate {
	private url: string | null = null;
	/** Messages held while the digits load (in order), or null when none are loading. */
	private held: ToWorker[] | null = null;
	/** Why the digits could not be loaded, while the held messages replay without them. */
	private problem: Notice | null = null;

	/**
	 * `sources`: where the digits go once loaded (shared with every trainer); `host.fetchBytes`:
	 * how to fetch a URL (read when the fetch starts); `replay`: handles a held message again.
	 */
	constructor(
		private readonly sources: DataSources,
		private readonly host: { fetchBytes?(url: string): Promise<ArrayBuffer> },
		private readonly replay: (msg: ToWorker) => void
	) {}

	/**
	 * Whether the gate takes `msg` (to replay later): while the digits load, every message;
	 * otherwise a message that asks for digits not yet loaded, which starts loading them.
	 * An init's digits URL is noted on the way.
	 */
	hold(msg: ToWorker): boolean {
		if (this.held) {
			this.held.push(msg);
			return true;
		}
		if (msg.type === 'init' && msg.assets?.digits) this.url = msg.assets.digits;
		if (this.sources.digits || this.problem || !wantsDigits(msg)) return false;
		this.held = [msg];
		void this.load();
		return true;
	}

	/**
	 * The message to dispatch and, while held messages replay after a failed load, why a
	 * request for digits became one for the data set of before (else null).
	 */
	fallback(msg: ToWorker, current: Trainer | null): { msg: ToWorker; problem: Notice | null } {
		if (!this.problem || !wantsDigits(msg)) return { msg, problem: null };
		// Only init and setOptions ask for digits.
		return { msg: withoutDigits(msg as OptionsMessage, current), problem: this.problem };
	}

	/**
	 * Fetches and checks the digits file, then replays the held messages: with the digits,
	 * or, when the file cannot be had, without them and with a notice saying why, so the
	 * previous data (or the default one) stays.
	 */
	private async load(): Promise<void> {
		let problem: Notice | null = null;
		try {
			this.sources.digits = await fetchDigits(this.url, this.host.fetchBytes);
		} catch (e) {
			problem = noticeOf(e, (detail) => notice('digitsNotLoaded', { detail }));
		}
		const held = this.held ?? [];
		this.held = null;
		// The page adds that the data of before is kept (notice 'digitsRefused').
		this.problem = problem;
		for (const m of held) this.replay(m);
		this.problem = null;
	}
}
