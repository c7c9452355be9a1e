import mongoose, { type Connection } from 'mongoose';
import { StoreError } from '../store/store-error.ts';
import type { StoreProbe } from '../http/health.route.ts';
import type { RunningStore } from '../store/store-launcher.ts';

/** Opens the server's Mongoose connection to a running store. */
export async function connectStore(store: RunningStore, timeoutMs = 10_000): Promise<Connection> {
  try {
    return await mongoose
      .createConnection(store.uri, { serverSelectionTimeoutMS: timeoutMs })
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

/** The health check's view of a connection: ping with a deadline. */
export function probeOf(store: RunningStore, connection: Connection): StoreProbe {
  return {
    kind: store.kind,
    ping: async (timeoutMs) => {
      const db = connection.db;
      if (!db) return false;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      try {
        return await Promise.race([
          db
            .admin()
            .ping()
            .then(() => true),
          timeout,
        ]);
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
