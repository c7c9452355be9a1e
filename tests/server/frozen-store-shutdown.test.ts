import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { startServer } from '@xiaoer/server';
import { ensureFerretdb } from '@xiaoer/server/internal';
import { stopProcess } from '../security/store-process.ts';
import { deadline } from '../deadline.ts';
import { untilServing } from './serve-process.ts';

/**
 * SIGTERM alone ends `xiaoer serve` on a store that stopped answering. Found: the runtime's stop
 * was bounded (20 s), but then closing the store connection waited on the frozen store until
 * the driver gave up on it (another 24 s here; an orchestrator's grace period is over by then).
 */
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'packages/server/bin/xiaoer.mjs');

/** The embedded FerretDB's pid (not its watchdog's): the one listening in `dataDirectory`. */
async function ferretdbIn(dataDirectory: string): Promise<number> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const args = (await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '')).split('\0');
    const listens = args.some((a) => a.startsWith(`--listen-unix=${dataDirectory}/`));
    if (listens && !args.some((a) => a.endsWith('.mjs'))) return Number(entry);
  }
  throw new Error(`no FerretDB runs in ${dataDirectory}`);
}

/** SIGCONT to `pid`, unless it is gone (a store stopped by the server's close is killed). */
function continueIfAlive(pid: number): void {
  try {
    process.kill(pid, 'SIGCONT');
  } catch {
    // Gone already.
  }
}

let folder: string;
let child: ChildProcess | undefined;
let frozen: number | undefined;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'xiaoer-frozen-shutdown-'));
  await ensureFerretdb((line) => process.stderr.write(`${line}\n`));
});
afterAll(async () => {
  if (frozen) continueIfAlive(frozen);
  if (child?.exitCode === null) child.kill('SIGKILL');
  await rm(folder, { recursive: true, force: true });
});

describe('xiaoer serve on a frozen store', () => {
  it('should end on SIGTERM alone, in bounded time, saying in Chinese and English what it cut short', async () => {
    // The demo: its start leaves sessions in the driver's pool, which closing then ends on the
    // store (without any, closing did not wait on it).
    const data = path.join(folder, 'data');
    // The embedded store, whatever this shell's store settings.
    const { MONGODB_URI: _uri, XIAOER_STORE: _store, ...inherited } = process.env;
    const spawned = spawn(process.execPath, [bin, 'serve', '--data', data], {
      cwd: root,
      env: { ...inherited, PORT: '0', LOG_LEVEL: 'warn', XIAOER_ADMIN_PASSWORD: 'frozen-admin' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = spawned;
    const { output, exited } = await untilServing(spawned);

    frozen = await ferretdbIn(data);
    await stopProcess(frozen);
    spawned.kill('SIGTERM');
    // The runtime's 20 s, the connection's 5 s and the store's 5 s; before, 44 s here, until
    // the driver gave up on the store.
    const ended = await Promise.race([exited, deadline(60_000, 'still running')]);
    expect(ended, output()).toBe(0);
    expect(output()).toContain('已停止 / stopped');
    expect(output()).toContain('stopping the runtime took over 20000 ms');
  }, 150_000);
});

describe('closing a server whose store stopped answering', () => {
  it("should stop waiting for the store connection's close after 5 s and say so in Chinese and English", async () => {
    const logged: string[] = [];
    const running = await startServer({
      port: 0,
      dataDirectory: path.join(folder, 'in-process'),
      env: { XIAOER_ADMIN_PASSWORD: 'frozen-close-admin' },
      config: { sources: [{ id: 'shop', kind: 'xiaoer', secret: 'frozen-close-secret-0123' }] },
      publishShipped: false,
      log: pino({ level: 'warn' }, { write: (line: string) => void logged.push(line) }),
    });
    const pid = await ferretdbIn(path.join(folder, 'in-process'));
    try {
      await stopProcess(pid);
      // Work waiting on the frozen store holds every connection of the pool and the new ones
      // wait for the store's answer: closing then waited for one to end its sessions, until the
      // driver gave up on the store (30 to 40 s after it froze).
      const connection = running.xiaoer.models.Heartbeats.db;
      for (let i = 0; i < 20; i++)
        void connection.db
          ?.admin()
          .ping()
          .catch(() => undefined);
      await running.close();
    } finally {
      continueIfAlive(pid);
    }
    const messages = logged.map((line) => (JSON.parse(line) as { msg: string }).msg).join('\n');
    expect(messages).toContain('关闭数据库连接超过 5000 ms');
    expect(messages).toContain('closing the store connection took over 5000 ms');
  }, 120_000);
});
