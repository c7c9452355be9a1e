import { basename } from 'node:path';
import { pingStore } from './store-ping.ts';
import { StoreError } from './store-error.ts';
import { runningStoreSocket } from './store-socket.ts';

/**
 * Refuses to start a second embedded SQLite store on a data folder another live Xiaoer process
 * serves. Its FerretDB keeps the collections it knows in memory, so two on one SQLite file do
 * not see each other's new collections, and they take turns for SQLite's one writer (the
 * several-process setup is one FerretDB on PostgreSQL or MongoDB, docs/runtime.md). Found
 * starting `xiaoer serve` twice on one `--data`: the second started silently beside the first.
 * The other store must answer on its socket: a socket file left by a process whose pid was
 * reused does not count.
 */
export async function ensureDataFolderFree(dataDirectory: string): Promise<void> {
  const socket = await runningStoreSocket(dataDirectory);
  if (!socket || !(await pingStore(`mongodb://${encodeURIComponent(socket)}/`, 2000))) return;
  const pid = /^ferretdb-(\d+)\.sock$/.exec(basename(socket))?.[1] ?? '?';
  throw new StoreError('store-in-use', {
    zh: `数据目录 ${dataDirectory} 正由另一个小二进程（pid ${pid}）使用。同一个内置 SQLite 数据库上只能运行一个 xiaoer serve：请先停止那个进程，或用 --data / XIAOER_DATA_DIR 指定另一个目录；要运行多个进程，请让它们共用 PostgreSQL 上的 FerretDB 或 MongoDB（MONGODB_URI，见 docs/runtime.md）。`,
    en: `The data folder ${dataDirectory} is in use by another Xiaoer process (pid ${pid}). One xiaoer serve at a time may run on an embedded SQLite store: stop that process first, or give another folder with --data / XIAOER_DATA_DIR; to run several processes, give them one FerretDB on PostgreSQL or a MongoDB (MONGODB_URI, see docs/runtime.md).`,
  });
}
