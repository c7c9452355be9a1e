import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStore, type RunningStore } from '@xiaoer/server/testing';
import { deadline } from '../deadline.ts';
import { untilServing } from './serve-process.ts';

/**
 * `xiaoer serve` on an external store (MONGODB_URI), its output not a terminal. Found: with no
 * data folder given, the generated admin password still went to the embedded store's default
 * folder, data/ferretdb, which nothing else uses then and nobody looks in.
 */
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'packages/server/bin/xiaoer.mjs');

let folder: string;
const stores: RunningStore[] = [];
const children: ChildProcess[] = [];
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'xiaoer-serve-external-'));
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const store of stores) await store.stop();
  await rm(folder, { recursive: true, force: true });
});

/** Runs `xiaoer serve` in `folder` on a new database until it is ready, then stops it. */
async function serveOnce(env: NodeJS.ProcessEnv): Promise<string> {
  const store = await startTestStore();
  stores.push(store);
  const { XIAOER_DATA_DIR: _data, XIAOER_ADMIN_PASSWORD: _password, ...inherited } = process.env;
  const child = spawn(process.execPath, [bin, 'serve', '--no-shipped'], {
    cwd: folder,
    env: { ...inherited, PORT: '0', LOG_LEVEL: 'warn', MONGODB_URI: store.uri, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const { output, exited } = await untilServing(child);
  child.kill('SIGTERM');
  expect(await Promise.race([exited, deadline(60_000, 'still running')])).toBe(0);
  return output();
}

describe('xiaoer serve with MONGODB_URI, its output not a terminal', () => {
  it("should neither write nor print the admin's first password without a data folder, and say how to set it", async () => {
    const output = await serveOnce({});
    expect(existsSync(path.join(folder, 'data/ferretdb/initial-admin-password'))).toBe(false);
    expect(existsSync(path.join(folder, 'data'))).toBe(false);
    expect(output).toContain('初始密码不打印（输出不是终端）也不写入文件');
    expect(output).toContain(
      'its first password is not printed (the output is not a terminal) nor written to a file',
    );
    expect(output).toContain('npx xiaoer users reset-password admin');
    expect(output).toContain('XIAOER_ADMIN_PASSWORD');
    expect(output).not.toContain('admin account: admin /');
  }, 120_000);

  it('should write it into a data folder given with XIAOER_DATA_DIR', async () => {
    const data = path.join(folder, 'given');
    const output = await serveOnce({ XIAOER_DATA_DIR: data });
    const file = path.join(data, 'initial-admin-password');
    expect(output).toContain(`its first password is in ${file}`);
    const password = (await readFile(file, 'utf8')).trim();
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(output).not.toContain(password);
  }, 120_000);
});
