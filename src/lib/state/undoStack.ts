/**
 * Undo and redo over immutable states: `push` the state before an edit; `undo(current)` hands
 * back the previous state and remembers `current` for `redo`. A plain class (no runes): the
 * draw mode mirrors its depths into reactive state for the buttons.
 */

/** A state taken from the stack (wrapped, because a state may itself be null). */
export interface Taken<T> {
	value: T;
}

export class UndoStack<T> {
	private past: T[] = [];
	private future: T[] = [];

	/** @param limit the most undo steps kept (older ones are dropped; at least 1) */
	constructor(private readonly limit = 100) {
		this.limit = Math.max(1, Math.floor(Number.isFinite(limit) ? limit : 100));
	}

	/** Steps that can be undone. */
	get undoDepth(): number {
		return this.past.length;
	}

	/** Steps that can be redone. */
	get redoDepth(): number {
		return this.future.length;
	}

	/** Records `before`, the state an edit is about to replace; a new edit forgets the redo steps. */
	push(before: T): void {
		this.past.push(before);
		if (this.past.length > this.limit) this.past.shift();
		this.future = [];
	}

	/** The state before the last edit (null if none); `current` becomes redoable. */
	undo(current: T): Taken<T> | null {
		if (this.past.length === 0) return null;
		this.future.push(current);
		return { value: this.past.pop() as T };
	}

	/** The state the last undo left (null if none); `current` becomes undoable again. */
	redo(current: T): Taken<T> | null {
		if (this.future.length === 0) return null;
		this.past.push(current);
		return { value: this.future.pop() as T };
	}

	/** Forgets every step (a new data set starts a new history). */
	clear(): void {
		this.past = [];
		this.future = [];
	}
}
