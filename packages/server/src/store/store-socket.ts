import { chmod, mkdir, mkdtemp, readdir, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The longest unix socket path the kernel takes (`sun_path` is 108 bytes on Linux). */
const MAX_SOCKET_PATH = 100;

/** True when a process with this pid runs (ours or another user's). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Sockets of Xiaoer processes that are gone (killed before they could clean up). */
async function removeStaleSockets(folder: string): Promise<void> {
  for (const entry of await readdir(folder).catch(() => [])) {
    const pid = /^ferretdb-(\d+)\.sock$/.exec(entry)?.[1];
    if (pid && !alive(Number(pid))) await unlink(join(folder, entry)).catch(() => {});
  }
}

/**
 * The socket of an embedded store a live Xiaoer process runs on `dataDirectory`, if any: a
 * second FerretDB on the same SQLite files would compete with it, so tools use this one.
 */
export async function runningStoreSocket(dataDirectory: string): Promise<string | null> {
  const folder = join(dataDirectory, 'run');
  for (const entry of await readdir(folder).catch(() => [])) {
    const pid = /^ferretdb-(\d+)\.sock$/.exec(entry)?.[1];
    if (pid && Number(pid) !== process.pid && alive(Number(pid))) return join(folder, entry);
  }
  return null;
}

/** Where the embedded store listens, and how to lock it down. */
export interface StoreSocket {
  path: string;
  /** `mongodb://%2F…sock/`: the MongoDB driver's form of a unix socket. */
  uri: string;
  /** Removes a socket file a killed FerretDB left behind (it would block the next one). */
  clear(): Promise<void>;
  /** Makes the socket file owner-only once FerretDB created it. */
  secure(): Promise<void>;
  remove(): Promise<void>;
}

/**
 * A unix socket for the embedded store in `<dataDirectory>/run/`, a folder only this user may
 * enter (0700): another local user cannot connect, so cannot plant a session or read orders.
 * One socket per Xiaoer process, named by its pid (`xiaoer users` finds a running one by it). When the data folder's path is
 * too long for a socket, a fresh 0700 folder in the system's temporary folder is used instead.
 */
export async function storeSocket(dataDirectory: string): Promise<StoreSocket> {
  const name = `ferretdb-${process.pid}.sock`;
  let folder = join(dataDirectory, 'run');
  let temporary = false;
  if (join(folder, name).length > MAX_SOCKET_PATH) {
    folder = await mkdtemp(join(tmpdir(), 'xiaoer-'));
    temporary = true;
  }
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await chmod(folder, 0o700);
  await removeStaleSockets(folder);
  const path = join(folder, name);
  const clear = () => unlink(path).catch(() => {});
  return {
    path,
    clear,
    uri: `mongodb://${encodeURIComponent(path)}/`,
    secure: () => chmod(path, 0o600),
    remove: async () => {
      await clear();
      if (temporary) await rm(folder, { recursive: true, force: true });
    },
  };
}
