import mongoose, { type Connection } from 'mongoose';
import { StoreError } from '../store/store-error.ts';
import type { StoreProbe } from '../http/health.route.ts';
import type { RunningStore } from '../store/store-launcher.ts';

/** Opens the server's Mongoose connection to a running store. */
export async function connectStore(store: RunningStore, timeoutMs = 10_000): Promise<Connection> {
  try {
    return await mongoose
      // Command monitoring feeds `xiaoer_store_commands_total` (round trips per event).
      .createConnection(store.uri, { serverSelectionTimeoutMS: timeoutMs, monitorCommands: true })
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

/** The health check's view of a connection: a MongoDB ping (the check sets the deadline). */
export function probeOf(store: RunningStore, connection: Connection): StoreProbe {
  return {
    kind: store.kind,
    ping: async () => {
      if (!connection.db) throw new Error('not connected');
      await connection.db.admin().ping();
    },
  };
}
