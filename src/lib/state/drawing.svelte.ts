/**
 * Draw mode: adding and removing points of the input-space view (2D inputs only), with undo
 * and redo. Every edit makes a new custom data set (`UserData.set`) that the worker trains on
 * from fresh weights; the first edit of generated data copies it, and undoing that edit
 * goes back to the generator. A stroke (press, drag, release) is one undo step.
 */
import type { Vec2 } from '$lib/math/vec';
import { MAX_CLASSES } from '$lib/math/limits';
import {
	addPoints,
	clearPoints,
	fromDataset,
	nearestPoint,
	pointCount,
	removePoint,
	type CustomData
} from './customData';
import { UndoStack } from './undoStack';
import type { UserData } from './userData.svelte';

/** Undo steps kept (each holds one version of the data set: at most ~0.4 MB for 20,000 points). */
const UNDO_LIMIT = 50;

export class DrawState {
	/** Draw mode is on (the view then takes clicks as edits). */
	on = $state(false);
	/** The class new points get; the class count itself means "a new class". */
	cls = $state(0);
	undoDepth = $state(0);
	redoDepth = $state(0);
	private readonly stack = new UndoStack<CustomData | null>(UNDO_LIMIT);

	constructor(readonly data: UserData) {}

	/** The data set edits start from: the custom one, else a copy of the worker's (generated) set. */
	private base(): CustomData | null {
		if (this.data.current) return this.data.current;
		const d = this.data.session.dataset;
		return d ? fromDataset(d) : null;
	}

	/** Class count of the data being edited (0 before the first data set arrives). */
	get numClasses(): number {
		return this.data.current?.numClasses ?? this.data.session.dataset?.numClasses ?? 0;
	}

	/** Classes the picker offers: the existing ones plus one new class, at most MAX_CLASSES. */
	get pickable(): number {
		return Math.min(MAX_CLASSES, this.numClasses + 1);
	}

	/** Starts a stroke: everything it adds is undone together. */
	begin(): void {
		this.record();
	}

	/** Adds a point of the selected class at input coordinates `p` (2D data only). */
	add(p: Vec2): void {
		const base = this.base();
		if (!base || base.dim !== 2) return;
		const next = addPoints(base, [p], Math.min(this.cls, base.numClasses));
		if (next !== base) this.data.set(next);
	}

	/** Removes the point nearest `p` within `radius` (input units); false if there is none. */
	removeNear(p: Vec2, radius: number): boolean {
		const base = this.base();
		if (!base) return false;
		const i = nearestPoint(base.points, base.dim, p[0], p[1], radius);
		if (i < 0) return false;
		this.record();
		this.data.set(removePoint(base, i));
		return true;
	}

	/** Removes every point (one undo step); classes stay, so new points can be drawn. */
	clear(): void {
		const base = this.base();
		if (!base || pointCount(base) === 0) return;
		this.record();
		this.data.set(clearPoints(base));
	}

	undo(): void {
		const taken = this.stack.undo(this.data.current);
		if (taken) this.apply(taken.value);
	}

	redo(): void {
		const taken = this.stack.redo(this.data.current);
		if (taken) this.apply(taken.value);
	}

	/** Forgets the undo history (a new upload or going back to generated data). */
	forget(): void {
		this.stack.clear();
		this.sync();
	}

	private record(): void {
		this.stack.push(this.data.current);
		this.sync();
	}

	/** A state from the history: a data set, or null for the generated data. */
	private apply(state: CustomData | null): void {
		if (state) this.data.set(state);
		else if (this.data.current) this.data.clear();
		this.sync();
	}

	private sync(): void {
		this.undoDepth = this.stack.undoDepth;
		this.redoDepth = this.stack.redoDepth;
	}
}
