import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FERRETDB_PATCHES,
  ferretdbBinaryPath,
  ferretdbBuildName,
  patchFerretdbSources,
  StoreError,
} from '@xiaoer/server';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A source tree holding each patched file with its original line inside other text. */
async function sources(lines: (patch: (typeof FERRETDB_PATCHES)[number]) => string) {
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-patch-'));
  for (const patch of FERRETDB_PATCHES) {
    const file = join(dir, patch.file);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, `package x\n\n\t${lines(patch)}\n\t// rest\n`);
  }
  return dir;
}

describe('the FerretDB patches', () => {
  it('should replace each exact line and leave the rest of the file alone', async () => {
    const root = await sources((patch) => patch.find);
    await patchFerretdbSources(root);
    for (const patch of FERRETDB_PATCHES) {
      const text = await readFile(join(root, patch.file), 'utf8');
      expect(text).toBe(`package x\n\n\t${patch.replace}\n\t// rest\n`);
    }
  });

  it('should refuse to build when a line is missing instead of building unpatched', async () => {
    const root = await sources(() => 'something else');
    const error = await patchFerretdbSources(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).en).toMatch(/the line to replace is not there/);
  });

  it('should cache the patched build under a name with its patch level', () => {
    expect(ferretdbBuildName()).toMatch(/^ferretdb-1\.24\.2-xiaoer\d+$/);
    expect(ferretdbBinaryPath('/cache')).toBe(`/cache/${ferretdbBuildName()}/ferretdb`);
  });
});
