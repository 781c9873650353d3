import { describe, expect, it } from 'vitest';
import { carriesFiles, fileDrop } from '../../src/lib/components/attachments/fileDrop';

type Listener = (e: DragEvent) => void;

/** A stand-in element: records listeners; `inside` is the set of nodes it contains. */
function fakeElement(inside: unknown[] = []) {
	const listeners = new Map<string, Listener>();
	const el = {
		addEventListener: (type: string, fn: Listener) => listeners.set(type, fn),
		removeEventListener: (type: string, fn: Listener) => {
			if (listeners.get(type) === fn) listeners.delete(type);
		},
		contains: (node: unknown) => node === el || inside.includes(node)
	};
	const fire = (type: string, e: DragEvent) => listeners.get(type)?.(e);
	return { el: el as unknown as HTMLElement, listeners, fire };
}

/** A drag event carrying `types` (and `files`); records whether it was cancelled. */
function drag(types: string[], files: unknown[] = [], relatedTarget: unknown = null) {
	const e = {
		dataTransfer: { types, files },
		relatedTarget,
		cancelled: false,
		preventDefault() {
			e.cancelled = true;
		}
	};
	return e as typeof e & DragEvent;
}

/** Attaches fileDrop to a fake element and records what it reports. */
function setup(inside: unknown[] = []) {
	const dropped: unknown[] = [];
	const active: boolean[] = [];
	const target = fakeElement(inside);
	const detach = fileDrop({
		ondrop: (file) => dropped.push(file),
		onactive: (a) => active.push(a)
	})(target.el);
	return { ...target, dropped, active, detach: detach as () => void };
}

describe('fileDrop', () => {
	it.each([
		[['Files'], true],
		[['text/plain', 'Files'], true],
		[['text/plain'], false],
		[['text/uri-list', 'text/html'], false],
		[[], false]
	])('a drag of %j carries files: %s', (types, want) => {
		expect(carriesFiles(drag(types))).toBe(want);
		expect(carriesFiles({ dataTransfer: null } as DragEvent)).toBe(false);
	});

	it('takes file drags: cancels dragover and drop, reports the first file once', () => {
		const t = setup();
		const over = drag(['Files']);
		t.fire('dragover', over);
		t.fire('dragover', drag(['Files']));
		expect(over.cancelled).toBe(true);
		expect(t.active).toEqual([true]); // once per change, not once per dragover
		const drop = drag(['Files'], ['a.csv', 'b.csv']);
		t.fire('drop', drop);
		expect(drop.cancelled).toBe(true);
		expect(t.dropped).toEqual(['a.csv']);
		expect(t.active).toEqual([true, false]);
	});

	it('leaves drags without files to the browser', () => {
		const t = setup();
		const over = drag(['text/plain']);
		const drop = drag(['text/plain'], ['not-a-file']);
		t.fire('dragover', over);
		t.fire('drop', drop);
		expect([over.cancelled, drop.cancelled]).toEqual([false, false]);
		expect(t.dropped).toEqual([]);
		expect(t.active).toEqual([]);
	});

	it('a drop of no file reports nothing but ends the hover', () => {
		const t = setup();
		t.fire('dragover', drag(['Files']));
		t.fire('drop', drag(['Files'], []));
		expect(t.dropped).toEqual([]);
		expect(t.active).toEqual([true, false]);
	});

	it('moving onto a child is not leaving; moving out is', () => {
		const child = {};
		const t = setup([child]);
		t.fire('dragover', drag(['Files']));
		t.fire('dragleave', drag(['Files'], [], child));
		expect(t.active).toEqual([true]);
		t.fire('dragleave', drag(['Files'], [], {}));
		expect(t.active).toEqual([true, false]);
		t.fire('dragover', drag(['Files']));
		t.fire('dragleave', drag(['Files'], [], null)); // out of the window
		expect(t.active).toEqual([true, false, true, false]);
	});

	it('removes its listeners on detach and ends a hover in progress', () => {
		const t = setup();
		t.fire('dragover', drag(['Files']));
		expect([...t.listeners.keys()].sort()).toEqual(['dragleave', 'dragover', 'drop']);
		t.detach();
		expect(t.listeners.size).toBe(0);
		expect(t.active).toEqual([true, false]);
	});
});
