// One worker thread of the experiment's pool (tests/experiment/threads.ts): loads the task
// runner through Vite's module runner and serves the parent's tasks until it is told to stop.
import { parentPort, workerData } from 'node:worker_threads';
import { createRunner } from '../nodeRunner.mjs';

const { runner, close } = await createRunner();
const mod = await runner.import('/tests/experiment/taskThread.ts');
await mod.serve(parentPort, workerData);
await close();
