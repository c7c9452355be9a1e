import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { chmod, link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pingStore } from './store-ping.ts';
import { StoreError } from './store-error.ts';
import { runningStoreSocket } from './store-socket.ts';

/** The data folder held by this process, until {@link DataFolderLock.release}. */
export interface DataFolderLock {
  /** Lets the folder go (idempotent); a process that ends without it lets it go by ending. */
  release(): Promise<void>;
}

/** The folder of the claims, inside the data folder. */
const LOCK_FOLDER = 'lock';
/** A claim's file name: `claim-<generation>`. */
const CLAIM = /^claim-(\d+)$/;
/** What a released claim says instead of its holder. */
const RELEASED = 'released';
/** Attempts before giving up; each one fails only because another process moved meanwhile. */
const ATTEMPTS = 50;

/** The claims this process holds, by nonce: its own pid in a claim is held only with one of these. */
const held = new Set<string>();

/** Who wrote a claim: `<pid> <start time> <nonce>`. */
interface Holder {
  pid: number;
  /** The process's start time in clock ticks since boot (Linux), or `-` where unknown. */
  started: string;
  nonce: string;
}

/** A process's start time (Linux `/proc/<pid>/stat` field 22): with the pid, names one process. */
function startTime(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count after it.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '-';
  } catch {
    return '-';
  }
}

/** Whether the process that wrote the claim still runs: its pid, and its start time where known. */
function running(holder: Holder): boolean {
  if (holder.pid === process.pid) return held.has(holder.nonce);
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // A pid the system gave to another process since (a restarted container's server is pid 1
  // again): its start time differs from the one the claim recorded.
  const now = startTime(holder.pid);
  return holder.started === '-' || now === '-' || now === holder.started;
}

function parseHolder(text: string): Holder | undefined {
  const [pid, started, nonce] = text.trim().split(' ');
  if (!pid || !started || !nonce || !/^\d+$/.test(pid)) return undefined;
  return { pid: Number(pid), started, nonce };
}

/** The generations of the claims in `folder`, highest first. */
async function generations(folder: string): Promise<number[]> {
  const entries = await readdir(folder);
  return entries
    .map((entry) => CLAIM.exec(entry)?.[1])
    .filter((generation): generation is string => generation !== undefined)
    .map(Number)
    .sort((a, b) => b - a);
}

function inUse(dataDirectory: string, pid: number | string): StoreError {
  return new StoreError('store-in-use', {
    zh: `数据目录 ${dataDirectory} 正由另一个小二进程（pid ${pid}）使用。同一个内置 SQLite 数据库上只能运行一个 xiaoer serve：请先停止那个进程，或用 --data / XIAOER_DATA_DIR 指定另一个目录；要运行多个进程，请让它们共用 PostgreSQL 上的 FerretDB 或 MongoDB（MONGODB_URI，见 docs/runtime.md）。`,
    en: `The data folder ${dataDirectory} is in use by another Xiaoer process (pid ${pid}). One xiaoer serve at a time may run on an embedded SQLite store: stop that process first, or give another folder with --data / XIAOER_DATA_DIR; to run several processes, give them one FerretDB on PostgreSQL or a MongoDB (MONGODB_URI, see docs/runtime.md).`,
  });
}

/**
 * Takes the data folder of an embedded SQLite store for this process, or refuses (`store-in-use`)
 * when another live Xiaoer process holds it. Its FerretDB keeps the collections it knows in
 * memory, so two on one SQLite file do not see each other's new collections, and they take turns
 * for SQLite's one writer (the several-process setup is one FerretDB on PostgreSQL or MongoDB,
 * docs/runtime.md). Found starting `xiaoer serve` twice on one `--data`: the second started
 * silently beside the first; and later, two started at the same instant both passed a look at
 * the first one's socket, made only once its FerretDB ran.
 *
 * Race-free without a lock the system holds (Node has none): the holder is whoever made
 * `<data>/lock/claim-<n>` for the highest n, each claim made whole in one step (a link, which
 * fails when the name exists). Taking over a claim whose process is gone means making the next
 * one, which only one process can; the one that made it then looks that no higher claim was made
 * meanwhile (else it lost, and lets its own go). The highest claim is never deleted, so the
 * highest number never goes down; older ones are deleted by the holder of a newer one. A store
 * that answers on a socket in the folder (a process of a version before claims) also counts.
 */
export async function acquireDataFolder(dataDirectory: string): Promise<DataFolderLock> {
  const folder = join(dataDirectory, LOCK_FOLDER);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await chmod(folder, 0o700);
  const nonce = randomBytes(9).toString('base64url');
  const claimText = `${process.pid} ${startTime(process.pid)} ${nonce}\n`;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const [top] = await generations(folder);
    if (top !== undefined) {
      const text = await readFile(join(folder, `claim-${top}`), 'utf8').catch(() => undefined);
      // Deleted meanwhile: it was not the highest any more; look again.
      if (text === undefined) continue;
      const holder = parseHolder(text);
      if (holder && running(holder)) throw inUse(dataDirectory, holder.pid);
    }
    const generation = (top ?? 0) + 1;
    const claim = join(folder, `claim-${generation}`);
    const draft = join(folder, `draft-${nonce}`);
    await writeFile(draft, claimText, { mode: 0o600 });
    // Held from before the claim exists: another acquisition in this process that reads it
    // must never take it for one left by an earlier process with this pid.
    held.add(nonce);
    try {
      await link(draft, claim);
    } catch (error) {
      held.delete(nonce);
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    } finally {
      await rm(draft, { force: true });
    }
    const [highest] = await generations(folder);
    if (highest !== generation) {
      // Another process made a newer claim on a view older than ours: it holds the folder.
      held.delete(nonce);
      await rm(claim, { force: true });
      continue;
    }
    for (const older of (await generations(folder)).filter((n) => n < generation))
      await rm(join(folder, `claim-${older}`), { force: true });
    const lock = holding(folder, claim, nonce);
    try {
      await ensureNoStoreAnswers(dataDirectory);
    } catch (error) {
      await lock.release();
      throw error;
    }
    return lock;
  }
  throw inUse(dataDirectory, '?');
}

/** The lock on `claim`; its release says so in the claim, which stays the highest. */
function holding(folder: string, claim: string, nonce: string): DataFolderLock {
  let released: Promise<void> | undefined;
  return {
    release: () =>
      (released ??= (async () => {
        // Replaced in one step: a process looking meanwhile reads the holder or `released`.
        const draft = join(folder, `draft-${nonce}`);
        await writeFile(draft, `${RELEASED}\n`, { mode: 0o600 });
        await rename(draft, claim).catch(() => rm(draft, { force: true }));
        held.delete(nonce);
      })()),
  };
}

/**
 * Refuses when an embedded store answers on a socket in the data folder's `run/`: a server
 * that holds no claim (started by a version before them). A socket file left by a process
 * whose pid was reused does not count.
 */
async function ensureNoStoreAnswers(dataDirectory: string): Promise<void> {
  const socket = await runningStoreSocket(dataDirectory);
  if (!socket || !(await pingStore(`mongodb://${encodeURIComponent(socket)}/`, 2000))) return;
  throw inUse(dataDirectory, /^ferretdb-(\d+)\.sock$/.exec(basename(socket))?.[1] ?? '?');
}
