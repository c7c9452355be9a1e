import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  announceInitialAdmin,
  forgetChangedInitialPassword,
  INITIAL_ADMIN_PASSWORD_FILE,
  keepInitialPasswordTrue,
} from './initial-admin-password.ts';
import { AuthService } from '../auth/auth-service.ts';
import { createModels } from '../model/models.ts';
import { connectStore } from '../server/store-connection.ts';
import { startTestStore } from '../test-store.ts';
import type { RunningStore } from '../store/store-launcher.ts';

const folders: string[] = [];
let store: RunningStore;
let connection: Connection;
/** Users on the test's store, hashed at a low cost (the checks below hash a few times). */
let auth: AuthService;
beforeAll(async () => {
  store = await startTestStore();
  connection = await connectStore(store);
  auth = new AuthService(createModels(connection), undefined, undefined, {
    N: 2 ** 10,
    r: 8,
    p: 1,
  });
});
afterAll(async () => {
  await connection?.close();
  await store?.stop();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

describe('the first start telling the generated admin password', () => {
  it('should show it once at a terminal, writing no file', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'xiaoer-admin-line-'));
    folders.push(folder);
    const line = await announceInitialAdmin(
      'admin',
      'Pw-at-a-terminal-1',
      join(folder, 'data'),
      true,
    );
    expect(line).toContain('admin / Pw-at-a-terminal-1');
    expect(line).toContain('shown once');
    expect(existsSync(join(folder, 'data'))).toBe(false);
  });

  it('should say how to recover when the file cannot be written, without the password', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'xiaoer-admin-line-'));
    folders.push(folder);
    // A file where the data folder should be: nothing can be written under it.
    await writeFile(join(folder, 'not-a-folder'), '');
    const line = await announceInitialAdmin(
      'admin',
      'Pw-nowhere-to-go-1',
      join(folder, 'not-a-folder', 'data'),
      false,
    );
    expect(line).not.toContain('Pw-nowhere-to-go-1');
    expect(line).toContain('npx xiaoer users reset-password admin');
    expect(line).toContain('请在本机运行');
  });
});

describe("the first password's file once the admin's password changed", () => {
  it('should be deleted when the password changes while the server runs, and kept before', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'xiaoer-admin-line-'));
    folders.push(folder);
    await auth.createUser('admin', 'Pw-first-of-all-1', 'admin');
    await announceInitialAdmin('admin', 'Pw-first-of-all-1', folder, false);
    const file = join(folder, INITIAL_ADMIN_PASSWORD_FILE);
    const lines: string[] = [];
    await keepInitialPasswordTrue(folder, auth, (line) => lines.push(line));
    // Still the password: kept.
    expect(await readFile(file, 'utf8')).toBe('Pw-first-of-all-1\n');
    // Another user's new password leaves it alone.
    await auth.createUser('vera', 'Pw-of-vera-0001', 'viewer');
    await auth.updateUser('vera', { password: 'Pw-of-vera-0002' });
    expect(existsSync(file)).toBe(true);
    await auth.updateUser('admin', { password: 'Pw-the-admins-own-1' });
    await expect.poll(() => existsSync(file)).toBe(false);
    expect(lines).toEqual([
      `已删除 ${file}：admin 的密码已修改，文件里的不再是密码 / deleted ${file}: the password of admin was changed, the file no longer holds it`,
    ]);
  });

  it('should be deleted at the next look when it changed elsewhere, and replaced owner-only on a new first start', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'xiaoer-admin-line-'));
    folders.push(folder);
    const file = join(folder, INITIAL_ADMIN_PASSWORD_FILE);
    // No file: nothing to say.
    expect(await forgetChangedInitialPassword(folder, auth)).toBeUndefined();
    // A file left from an earlier store, readable by others: written over owner-only.
    await writeFile(file, 'old\n', { mode: 0o644 });
    await announceInitialAdmin('admin', 'Pw-second-store-1', folder, false);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    // Not the admin's password (changed by another process, or the store started over).
    const line = await forgetChangedInitialPassword(folder, auth);
    expect(line).toContain(`deleted ${file}`);
    expect(existsSync(file)).toBe(false);
  });
});
