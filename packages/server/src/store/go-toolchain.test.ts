import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findGo, isAtLeast, parseGoVersion } from './go-toolchain.ts';

async function fakeGo(prints: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'xiaoer-fake-go-'));
  const path = join(dir, 'go');
  await writeFile(path, `#!/bin/sh\necho '${prints}'\n`);
  await chmod(path, 0o755);
  return path;
}

describe('Go toolchain detection', () => {
  it('should read the version from `go version` output', () => {
    expect(parseGoVersion('go version go1.26.8 linux/amd64')).toBe('1.26.8');
    expect(parseGoVersion('go version go1.24 darwin/arm64')).toBe('1.24');
    expect(parseGoVersion('bash: go: command not found')).toBeUndefined();
  });

  it('should compare dotted versions numerically', () => {
    expect(isAtLeast('1.24.3', '1.24')).toBe(true);
    expect(isAtLeast('1.100', '1.24')).toBe(true);
    expect(isAtLeast('1.9.9', '1.24')).toBe(false);
    expect(isAtLeast('1.23.12', '1.24')).toBe(false);
  });

  it('should pick the first toolchain new enough', async () => {
    const old = await fakeGo('go version go1.22.1 linux/amd64');
    const recent = await fakeGo('go version go1.25.0 linux/amd64');
    await expect(findGo('1.24', [old, recent])).resolves.toEqual({
      command: recent,
      version: '1.25.0',
    });
  });

  it('should say which Go is too old and what to do', async () => {
    const old = await fakeGo('go version go1.22.1 linux/amd64');
    await expect(findGo('1.24', [old])).rejects.toMatchObject({
      code: 'go-too-old',
      en: expect.stringContaining('found Go 1.22.1'),
      zh: expect.stringContaining('MONGODB_URI'),
    });
  });

  it('should explain a missing Go in Chinese and English', async () => {
    await expect(findGo('1.24', ['/nonexistent/go'])).rejects.toMatchObject({
      code: 'go-missing',
      en: expect.stringContaining('Install Go 1.24 or newer'),
      zh: expect.stringContaining('找不到 Go'),
    });
  });
});
