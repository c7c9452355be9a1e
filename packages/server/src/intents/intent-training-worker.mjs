// A worker thread that trains the intent model (intent-training.ts): the packages ship
// TypeScript sources, so tsx is registered in this thread before the trainer is loaded.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { trainSnapshot } = await import('./intent-training.ts');
parentPort?.postMessage(trainSnapshot(workerData.examples, workerData.options));
