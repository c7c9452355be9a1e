import { Worker } from 'node:worker_threads';
import { IntentClassifier, type IntentClassifierOptions } from './intent-classifier.ts';
import { decodeIntentModel, encodeIntentModel } from './intent-model-cache.ts';
import type { IntentExample } from './intent-files.ts';

/** Trains a classifier and returns its learned part, encoded (what the worker sends back). */
export function trainSnapshot(
  examples: readonly IntentExample[],
  options: IntentClassifierOptions,
): Uint8Array {
  return encodeIntentModel(IntentClassifier.train(examples, options).snapshot());
}

/**
 * Trains the intent model in a worker thread: its four models take a few seconds of CPU, which on
 * the server's own thread would stall every request, chat stream and timer while an operator's
 * new intent is learned. The worker's answer is the encoded model, restored here; where a
 * worker cannot start, the model is trained on this thread as before.
 */
export async function trainOffThread(
  examples: readonly IntentExample[],
  options: IntentClassifierOptions = {},
): Promise<IntentClassifier> {
  let encoded: Uint8Array;
  try {
    encoded = await new Promise<Uint8Array>((resolve, reject) => {
      const worker = new Worker(new URL('./intent-training-worker.mjs', import.meta.url), {
        workerData: { examples, options },
      });
      worker.once('message', (message: Uint8Array) => resolve(message));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`intent training worker exited (${code})`)));
    });
  } catch {
    return IntentClassifier.train(examples, options);
  }
  return IntentClassifier.restore(decodeIntentModel(Buffer.from(encoded)), options);
}
