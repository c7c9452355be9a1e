import { hostname } from 'node:os';
import mongoose, { type Connection } from 'mongoose';
import { ConnectionString } from 'mongodb-connection-string-url';
import { StoreError } from '../store/store-error.ts';
import type { StoreProbe } from '../http/health.route.ts';
import type { RunningStore } from '../store/store-launcher.ts';

/**
 * Opens the server's Mongoose connection to a running store, giving up after `timeoutMs` when
 * the store does not answer — or after the `serverSelectionTimeoutMS` that `MONGODB_URI`
 * names, which wins (an operator who wrote it meant it). The job scheduler's client takes the
 * same bound from it (`createXiaoer`): one setting for both.
 */
export async function connectStore(store: RunningStore, timeoutMs = 10_000): Promise<Connection> {
  const bound = namesSelectionTimeout(store.uri) ? {} : { serverSelectionTimeoutMS: timeoutMs };
  try {
    return await mongoose
      // Command monitoring feeds `xiaoer_store_commands_total` (round trips per event).
      .createConnection(store.uri, { ...bound, monitorCommands: true })
      .asPromise();
  } catch (error) {
    throw new StoreError(
      'store-unreachable',
      {
        zh: `连接不上数据库 ${store.location}：${(error as Error).message}`,
        en: `Cannot reach the store at ${store.location}: ${(error as Error).message}`,
      },
      { cause: error },
    );
  }
}

/**
 * Whether a connection string sets `serverSelectionTimeoutMS`, read as the driver reads it
 * (its own parser: options ignore case). A string it cannot parse names nothing; connecting
 * then says why.
 */
function namesSelectionTimeout(uri: string): boolean {
  try {
    return new ConnectionString(uri).searchParams.has('serverSelectionTimeoutMS');
  } catch {
    return false;
  }
}

/** The collection the health check writes to: one small document per process. */
export const HEALTH_PROBE_COLLECTION = 'healthProbes';

/**
 * The health check's view of a connection: a MongoDB ping, and an upsert of this process's
 * probe document (the check sets the deadlines).
 */
export function probeOf(store: RunningStore, connection: Connection): StoreProbe {
  const db = () => {
    if (!connection.db) throw new Error('not connected');
    return connection.db;
  };
  const probeId = `${hostname()}:${process.pid}`;
  return {
    kind: store.kind,
    ping: async () => {
      await db().admin().ping();
    },
    write: async () => {
      await db()
        .collection<{ _id: string; at: Date }>(HEALTH_PROBE_COLLECTION)
        .updateOne({ _id: probeId }, { $set: { at: new Date() } }, { upsert: true });
    },
  };
}
