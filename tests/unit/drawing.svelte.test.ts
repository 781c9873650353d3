/**
 * Draw mode and the user's data on the page side (rune classes), with a fake training
 * session: edits become data sets sent to the worker one request at a time, a stroke is one
 * undo step, undoing the first edit goes back to the generator, and a set with no training
 * point is not sent (training pauses until there is one). Uploads: the size limit is checked
 * before reading, a refused file leaves the data in use as it was.
 */
import { describe, expect, test } from 'vitest';
import { flushSync } from 'svelte';
import type { CustomDataMessage, DatasetMessage, LoadResult } from '../../src/lib/model/protocol';
import type { TrainingSession } from '../../src/lib/state/session.svelte';
import { UserData } from '../../src/lib/state/userData.svelte';
import { DrawState } from '../../src/lib/state/drawing.svelte';
import { notice } from '../../src/lib/math/notice';

/** A session that records load requests and answers them when told. */
function fakeSession(dataset: DatasetMessage) {
	const requests: { data: CustomDataMessage; answer: (r: LoadResult) => void }[] = [];
	const calls: string[] = [];
	const session = {
		dataset,
		running: true,
		loadData: (data: CustomDataMessage) =>
			new Promise<LoadResult>((answer) => requests.push({ data, answer })),
		pause: () => {
			calls.push('pause');
			session.running = false;
		},
		play: () => {
			calls.push('play');
			session.running = true;
		}
	};
	return { session: session as unknown as TrainingSession, requests, calls };
}

const generated: DatasetMessage = {
	dataVersion: 1,
	dim: 2,
	numClasses: 2,
	points: Float32Array.from([0.5, 0.5, -0.5, -0.5]),
	labels: Int32Array.from([0, 1]),
	split: Uint8Array.from([0, 1])
};

/** Waits for promise callbacks (the answers) to run. */
const settle = () => new Promise((r) => setTimeout(r, 0));
const ok: LoadResult = { ok: true, dataVersion: 2, warnings: [], data: null };

function setup() {
	const fake = fakeSession(generated);
	let backToGenerated = 0;
	const data = new UserData(fake.session, () => backToGenerated++);
	const draw = new DrawState(data);
	return { ...fake, data, draw, generated: () => backToGenerated };
}

describe('DrawState with UserData', () => {
	test('a click on generated data copies it, adds the point and sends the new set', async () => {
		const { data, draw, requests } = setup();
		draw.cls = 1;
		draw.begin();
		draw.add([0.25, -0.75]);
		flushSync();
		expect(data.current?.labels.length).toBe(3);
		expect(Array.from(data.current!.labels)).toEqual([0, 1, 1]);
		expect(data.current?.source).toBe('drawing');
		// Shown at once, before the worker confirms it.
		expect(data.pendingView?.labels.length).toBe(3);
		expect(requests.length).toBe(1);
		expect(Array.from(requests[0].data.points)).toEqual([0.5, 0.5, -0.5, -0.5, 0.25, -0.75]);
		requests[0].answer(ok);
		await settle();
		expect(data.pendingView).toBeNull();
		expect(draw.undoDepth).toBe(1);
	});

	test('edits made while a request is in flight are sent together, latest only', async () => {
		const { draw, requests } = setup();
		draw.begin();
		draw.add([0, 0]);
		draw.add([0.1, 0]);
		draw.add([0.2, 0]);
		expect(requests.length).toBe(1);
		requests[0].answer(ok);
		await settle();
		expect(requests.length).toBe(2);
		expect(requests[1].data.labels.length).toBe(5);
		// One stroke, one undo step.
		expect(draw.undoDepth).toBe(1);
	});

	test('undo removes the stroke; undoing the first edit goes back to the generator; redo returns', async () => {
		const { data, draw, requests, generated } = setup();
		draw.begin();
		draw.add([0, 0]);
		requests[0].answer(ok);
		await settle();
		draw.begin();
		draw.add([0.3, 0.3]);
		requests[1].answer(ok);
		await settle();
		expect(data.current?.labels.length).toBe(4);
		draw.undo();
		expect(data.current?.labels.length).toBe(3);
		expect(draw.redoDepth).toBe(1);
		draw.undo();
		expect(data.current).toBeNull();
		expect(generated()).toBe(1);
		expect(draw.undoDepth).toBe(0);
		draw.redo();
		expect(data.current?.labels.length).toBe(3);
		draw.redo();
		expect(data.current?.labels.length).toBe(4);
		expect(draw.redoDepth).toBe(0);
	});

	test('removeNear removes the nearest point within the radius, as one undo step', () => {
		const { data, draw } = setup();
		expect(draw.removeNear([0.49, 0.52], 0.05)).toBe(true);
		expect(Array.from(data.current!.points)).toEqual([-0.5, -0.5]);
		expect(draw.removeNear([0.9, 0.9], 0.05)).toBe(false);
		expect(draw.undoDepth).toBe(1);
	});

	test('clearing leaves nothing to train: not sent, training pauses, and plays again after a point', async () => {
		const { data, draw, requests, calls } = setup();
		draw.clear();
		expect(data.current?.labels.length).toBe(0);
		expect(data.stalled).toBe(true);
		expect(requests.length).toBe(0);
		expect(calls).toEqual(['pause']);
		draw.begin();
		draw.add([0, 0]);
		expect(data.stalled).toBe(false);
		expect(requests.length).toBe(1);
		requests[0].answer(ok);
		await settle();
		expect(calls).toEqual(['pause', 'play']);
	});

	test('a refused edit is reported as text', async () => {
		const { data, draw, requests } = setup();
		draw.begin();
		draw.add([0, 0]);
		const error = notice('dataCannotTrain', { problem: 'x' });
		requests[0].answer({ ok: false, error });
		await settle();
		expect(data.editError).toEqual(error);
	});

	test('the class picker offers the classes plus one new class, at most 10', () => {
		const { draw } = setup();
		expect(draw.numClasses).toBe(2);
		expect(draw.pickable).toBe(3);
		draw.cls = 2;
		draw.begin();
		draw.add([0, 0]);
		expect(draw.numClasses).toBe(3);
		expect(draw.pickable).toBe(4);
	});
});

describe('UserData.upload', () => {
	/** A session whose worker answers every file with `result`, recording what it was sent. */
	function fileSession(result: LoadResult) {
		const sent: ArrayBuffer[] = [];
		const session = {
			running: false,
			loadFile: async (bytes: ArrayBuffer) => {
				sent.push(bytes);
				return result;
			}
		} as unknown as TrainingSession;
		return { session, sent };
	}
	const read: CustomDataMessage = {
		dim: 2,
		numClasses: 2,
		points: Float64Array.from([0, 0, 1, 1]),
		labels: Int32Array.from([0, 1]),
		split: Uint8Array.from([0, 0]),
		classNames: ['cat', 'dog']
	};

	test('a file over the limit is refused before it is read', async () => {
		const { session, sent } = fileSession({ ok: true, dataVersion: 2, warnings: [], data: read });
		const data = new UserData(session, () => {});
		const big = new File([new Uint8Array(2 * 1024 * 1024 + 1)], 'big.csv');
		expect(await data.upload(big, 'input')).toBe(false);
		expect(sent.length).toBe(0);
		expect(data.failure).toEqual({
			kind: 'tooLarge',
			name: 'big.csv',
			size: '2.1 MB',
			limit: '2 MB'
		});
		expect(data.origin).toBe('input');
		expect(data.current).toBeNull();
	});

	test('the reader’s message comes back as the failure; the data in use stays', async () => {
		const error = notice('fileNotNumber', { line: 3, axis: 'y', value: '"four"' });
		const { session } = fileSession({ ok: false, error });
		const data = new UserData(session, () => {});
		expect(await data.upload(new File(['x'], 'bad.csv'), 'controls')).toBe(false);
		expect(data.failure).toEqual({ kind: 'unreadable', name: 'bad.csv', message: error });
		expect(data.current).toBeNull();
		expect(data.busy).toBe(false);
	});

	test('a good file becomes the data in use, with the reader’s notes', async () => {
		const warnings = [notice('fileRenumbered', { labels: '1, 2', last: 1 })];
		const { session, sent } = fileSession({ ok: true, dataVersion: 2, warnings, data: read });
		const data = new UserData(session, () => {});
		expect(await data.upload(new File(['x,y,label'], 'pets.csv'), 'controls')).toBe(true);
		expect(sent[0].byteLength).toBe(9);
		expect(data.current).toMatchObject({ source: 'upload', name: 'pets.csv', numClasses: 2 });
		expect(data.warnings).toEqual(warnings);
		expect(data.failure).toBeNull();
		// Confirmed by the worker: nothing pending to show.
		expect(data.pendingView).toBeNull();
	});
});
