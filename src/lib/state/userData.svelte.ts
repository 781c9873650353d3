/**
 * The user's own data on the page: the current custom data set (an upload or a drawing),
 * sending it to the training worker (which reads files off the main thread), keeping it in
 * IndexedDB across reloads, and what to tell the user (a failed upload, the reader's
 * warnings, a restored data set). Going back to generated data is the explorer's call (it
 * owns the settings), passed in as `backToGenerated`.
 */
import { DATA_FILE_LIMITS } from '$lib/io/dataReader';
import type { DatasetMessage } from '$lib/model/protocol';
import { notice, type Notice } from '$lib/math/notice';
import { formatBytes, toDatasetMessage, toMessage, trainable, type CustomData } from './customData';
import { clearCustomData, loadCustomData, saveCustomData } from './dataStore';
import type { TrainingSession } from './session.svelte';

/** Where a file was given: the upload control or a drop on the input-space view. */
export type UploadOrigin = 'controls' | 'input';

/** Why an upload was refused (shown in the page's language, with the file's name). */
export type UploadFailure =
	| { kind: 'tooLarge'; name: string; size: string; limit: string }
	| { kind: 'unreadable'; name: string; message: Notice };

/** Longest file name shown in messages (names come from the user's disk). */
const MAX_NAME = 80;

/** `name` cut to `MAX_NAME` characters. */
export function shortName(name: string): string {
	return name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name;
}

export class UserData {
	/** The custom data set in use (or being sent to the worker); null = generated data. */
	current = $state.raw<CustomData | null>(null);
	/** The last upload's failure; the data in use did not change. */
	failure = $state.raw<UploadFailure | null>(null);
	/** Where the last upload came from (its messages are shown there). */
	origin = $state<UploadOrigin>('controls');
	/** The file reader's notes on the data in use. */
	warnings = $state.raw<Notice[]>([]);
	/** The worker's reason for refusing an edited data set, or null. */
	editError = $state.raw<Notice | null>(null);
	/** A file is being read. */
	busy = $state(false);
	/** The data in use came back from storage after a reload. */
	restored = $state(false);
	/** The data set the worker trains on, when it is `current`. */
	private confirmed = $state.raw<CustomData | null>(null);
	private inFlight = false;
	private dirty = false;
	private restoring = false;
	/** Training was paused because an edit left no training point; play again once there is one. */
	private resume = false;

	/**
	 * @param session the training session to send data to
	 * @param backToGenerated makes the worker train on generated data again
	 * @param onRestored told when a stored data set was restored (for a notice)
	 */
	constructor(
		readonly session: TrainingSession,
		private readonly backToGenerated: () => void,
		private readonly onRestored: (c: CustomData) => void = () => {}
	) {}

	/**
	 * The data set to draw while the worker has not confirmed `current` yet (an edit in
	 * flight, or one that cannot be trained), else null: then the worker's own echo is shown.
	 */
	readonly pendingView: DatasetMessage | null = $derived.by(() => {
		const c = this.current;
		return c && c !== this.confirmed ? toDatasetMessage(c) : null;
	});

	/** Whether the current data set has no training point (so it is not being trained). */
	get stalled(): boolean {
		return this.current !== null && !trainable(this.current);
	}

	/**
	 * Reads `file` in the worker and trains on it. The size is checked before reading; on any
	 * problem `failure` says why and the data in use stays as it was. True on success.
	 */
	async upload(file: File, origin: UploadOrigin): Promise<boolean> {
		// One file at a time (the picker is disabled meanwhile; a drop is not).
		if (this.busy) return false;
		const name = shortName(file.name);
		this.origin = origin;
		this.failure = null;
		const limit = DATA_FILE_LIMITS.maxBytes;
		if (file.size > limit) {
			const [size, max] = [formatBytes(file.size), formatBytes(limit)];
			this.failure = { kind: 'tooLarge', name, size, limit: max };
			return false;
		}
		this.busy = true;
		try {
			const result = await this.session.loadFile(await file.arrayBuffer());
			if (!result.ok || !result.data) {
				const message = result.ok ? notice('fileNoData') : result.error;
				this.failure = { kind: 'unreadable', name, message };
				return false;
			}
			const c: CustomData = { ...result.data, source: 'upload', name: file.name };
			this.current = this.confirmed = c;
			this.warnings = result.warnings;
			this.editError = null;
			this.restored = false;
			void saveCustomData(c);
			return true;
		} catch (e) {
			// file.arrayBuffer() fails when the file vanished or cannot be read.
			const detail = e instanceof Error && e.message ? ` (${e.message})` : '';
			this.failure = { kind: 'unreadable', name, message: notice('fileNotRead', { detail }) };
			return false;
		} finally {
			this.busy = false;
		}
	}

	/** Uses `c` (an edit) from now on: shown at once, sent to the worker, stored once trained. */
	set(c: CustomData): void {
		this.current = c;
		this.editError = null;
		this.warnings = [];
		this.send();
	}

	/** Goes back to the generator: forgets the custom data here, in the worker and in storage. */
	clear(): void {
		this.current = this.confirmed = null;
		this.restored = false;
		this.warnings = [];
		this.editError = null;
		this.failure = null;
		void clearCustomData();
		this.backToGenerated();
	}

	/** Trains on the stored data set, if there is one and nothing else was chosen meanwhile. */
	async restore(): Promise<void> {
		if (this.restoring) return;
		this.restoring = true;
		const c = await loadCustomData();
		if (!c || this.current) return;
		this.current = c;
		this.restored = true;
		this.send();
		this.onRestored(c);
	}

	/**
	 * Sends `current` to the worker, one request at a time: edits made meanwhile are sent
	 * (only the latest) when the answer comes. A set with no training point is not sent;
	 * training pauses until there is one.
	 */
	private send(): void {
		if (this.inFlight) {
			this.dirty = true;
			return;
		}
		const c = this.current;
		if (!c) return;
		if (!trainable(c)) {
			if (this.session.running) {
				this.resume = true;
				this.session.pause();
			}
			return;
		}
		this.inFlight = true;
		void this.session.loadData(toMessage(c)).then((result) => {
			this.inFlight = false;
			if (this.current === c) {
				if (result.ok) {
					this.confirmed = c;
					if (this.resume) this.session.play();
					this.resume = false;
					void saveCustomData(c);
				} else this.editError = result.error;
			}
			if (this.dirty) {
				this.dirty = false;
				this.send();
			}
		});
	}
}
