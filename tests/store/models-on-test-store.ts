import { afterAll, beforeAll } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { createModels, type Models } from '@xiaoer/server/internal';
import { startTestStore, type RunningStore } from '@xiaoer/server/testing';

/**
 * A real embedded store for a test file, started before its tests and stopped after them,
 * with the product's models on a connection of its own: `store.models` and `store.uri` in a test.
 */
export function modelsOnTestStore(): { readonly models: Models; readonly uri: string } {
  let store: RunningStore | undefined;
  let connection: Connection | undefined;
  let models: Models | undefined;
  beforeAll(async () => {
    store = await startTestStore();
    connection = await mongoose.createConnection(store.uri).asPromise();
    models = createModels(connection);
  });
  afterAll(async () => {
    await connection?.close();
    await store?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the test store starts before the tests');
    return value;
  };
  return {
    get models() {
      return started(models);
    },
    get uri() {
      return started(store).uri;
    },
  };
}
