import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { announceInitialAdmin } from './initial-admin-password.ts';

const folders: string[] = [];
afterAll(async () => {
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
