/**
 * Messages between the open-set worker (which plans the sweep) and one of its task workers
 * (which trains one `RunTask` at a time): a task worker starts its tfjs backend and, for a
 * sweep on digits, fetches the digits itself, says it is ready, then answers every task with
 * step reports and its result. Cancelling is terminating: a task worker keeps no state that
 * outlives a sweep.
 */
import type { RunTask } from './experimentRun';
import type { RunResult } from '../math/experimentTable';

/** What a task worker is told when it starts (the digits' address, for sweeps on digits). */
export interface TaskWorkerInit {
	digitsUrl?: string;
	/** Steps per `trainer.step` call between step reports. */
	chunk: number;
}

export type ToTaskWorker = ({ type: 'init' } & TaskWorkerInit) | { type: 'task'; task: RunTask };

export type FromTaskWorker =
	| { type: 'ready'; backend: string }
	| { type: 'initFailed'; message: string }
	| { type: 'step'; index: number; step: number }
	| { type: 'done'; index: number; result: RunResult }
	| { type: 'failed'; index: number; message: string };
