import { describe, expect, test } from 'vitest';
import { UndoStack } from '../../src/lib/state/undoStack';

describe('UndoStack', () => {
	test('undo hands back earlier states, redo replays them, a new edit forgets redo', () => {
		const s = new UndoStack<string>();
		let current = 'a';
		const edit = (next: string) => {
			s.push(current);
			current = next;
		};
		edit('b');
		edit('c');
		expect([s.undoDepth, s.redoDepth]).toEqual([2, 0]);
		current = s.undo(current)!.value;
		expect(current).toBe('b');
		current = s.undo(current)!.value;
		expect(current).toBe('a');
		expect(s.undo(current)).toBeNull();
		current = s.redo(current)!.value;
		expect(current).toBe('b');
		expect([s.undoDepth, s.redoDepth]).toEqual([1, 1]);
		edit('d');
		expect(s.redo(current)).toBeNull();
		expect(s.undo(current)!.value).toBe('b');
	});

	test('null is a state like any other (wrapped, so it is not "nothing to undo")', () => {
		const s = new UndoStack<string | null>();
		s.push(null);
		expect(s.undo('x')).toEqual({ value: null });
		expect(s.redo(null)).toEqual({ value: 'x' });
	});

	test('keeps at most `limit` undo steps, dropping the oldest', () => {
		const s = new UndoStack<number>(3);
		for (let i = 0; i < 5; i++) s.push(i);
		expect(s.undoDepth).toBe(3);
		const seen = [s.undo(5)!.value, s.undo(4)!.value, s.undo(3)!.value];
		expect(seen).toEqual([4, 3, 2]);
		expect(s.undo(2)).toBeNull();
	});

	test('clear forgets everything; a bad limit falls back to a sane one', () => {
		const s = new UndoStack<number>(Number.NaN);
		s.push(1);
		s.undo(2);
		s.clear();
		expect([s.undoDepth, s.redoDepth]).toEqual([0, 0]);
		const one = new UndoStack<number>(0);
		one.push(1);
		one.push(2);
		expect(one.undoDepth).toBe(1);
	});
});
