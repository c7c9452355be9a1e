import { spawn } from 'node:child_process';
import path from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createXiaoer, type Xiaoer } from '@xiaoer/server';
import { startTestStore, type RunningStore } from '@xiaoer/server/testing';
import { ferretdbPid, stopProcess } from '../security/store-process.ts';
import { deadline } from '../deadline.ts';

/**
 * `Xiaoer.stop()` lets go of what it opened and does not wait forever. Found: an Agenda built
 * and never started (a start that failed half-way) kept its MongoDB client open, which kept the
 * process running; and a stop waiting on a store that stopped answering waited until a second
 * signal killed the process.
 */
const root = path.resolve(import.meta.dirname, '../..');

describe('stopping the runtime', () => {
  let store: RunningStore;
  beforeAll(async () => {
    store = await startTestStore();
  });
  afterAll(async () => {
    await store?.stop();
  });

  it("should close the scheduler's client when it was never started, so the process can end", async () => {
    const script = `
      import mongoose from 'mongoose';
      import { pino } from 'pino';
      const { createXiaoer } = await import(${JSON.stringify(path.join(root, 'packages/server/src/server/xiaoer.ts'))});
      const uri = ${JSON.stringify(store.uri)};
      const connection = await mongoose.createConnection(uri).asPromise();
      const xiaoer = createXiaoer({ connection, storeUri: uri, config: { sources: [] }, log: pino({ level: 'silent' }) });
      // As a start that failed before xiaoer.start(): only the stop and the connection's close.
      await xiaoer.stop();
      await connection.close();
      process.stdout.write('stopped\\n');`;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    // Nothing left open: the process ends by itself (before, it ran on until killed).
    const ended = await Promise.race([exited, deadline(25_000, 'still running')]);
    if (ended === 'still running') child.kill('SIGKILL');
    expect(output).toContain('stopped');
    expect(ended).toBe(0);
  }, 60_000);
});

describe('stopping the runtime on a store that stopped answering', () => {
  let store: RunningStore;
  let connection: Connection;
  let xiaoer: Xiaoer;
  let frozen: number | undefined;
  const logged: string[] = [];
  beforeAll(async () => {
    store = await startTestStore({ own: true });
    connection = await mongoose.createConnection(store.uri).asPromise();
    xiaoer = createXiaoer({
      connection,
      storeUri: store.uri,
      config: { sources: [] },
      log: pino({ level: 'warn' }, { write: (line: string) => void logged.push(line) }),
      stopBoundMs: 500,
    });
    await xiaoer.start();
  });
  afterAll(async () => {
    if (frozen) process.kill(frozen, 'SIGCONT');
    await connection?.close().catch(() => undefined);
    await store?.stop();
  });

  it('should end at its bound, saying so in Chinese and English', async () => {
    frozen = await ferretdbPid(store.socketPath ?? '');
    await stopProcess(frozen);
    const stopped = await Promise.race([
      xiaoer.stop().then(() => 'stopped'),
      deadline(15_000, 'still stopping'),
    ]);
    expect(stopped).toBe('stopped');
    const cut = logged.map((line) => JSON.parse(line) as { msg: string; boundMs: number });
    expect(cut).toContainEqual(
      expect.objectContaining({
        boundMs: 500,
        msg: expect.stringContaining('停止运行时超过 500 ms') as string,
      }),
    );
    expect(cut.map((line) => line.msg).join('\n')).toContain(
      'stopping the runtime took over 500 ms; unfinished steps and jobs are left to recovery',
    );
  }, 30_000);
});
