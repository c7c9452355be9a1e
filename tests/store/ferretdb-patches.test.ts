import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '@xiaoer/server';
import {
  FERRETDB_PATCHES,
  ferretdbBinaryPath,
  ferretdbBuildName,
  patchFerretdbSources,
} from '@xiaoer/server/internal';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

type Patch = (typeof FERRETDB_PATCHES)[number];
const files = [...new Set(FERRETDB_PATCHES.map((p) => p.file))];
/** A file's text with `line(patch)` for each of its patches, between other lines. */
const fileText = (file: string, line: (patch: Patch) => string) =>
  `package x\n${FERRETDB_PATCHES.filter((p) => p.file === file)
    .map((p) => `\n\t${line(p)}\n\t// rest\n`)
    .join('')}`;

/** A source tree holding each patched file with its original lines inside other text. */
async function sources(line: (patch: Patch) => string) {
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-patch-'));
  for (const file of files) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), fileText(file, line));
  }
  return dir;
}

describe('the FerretDB patches', () => {
  it('should replace each exact line and leave the rest of the file alone', async () => {
    const root = await sources((patch) => patch.find);
    await patchFerretdbSources(root);
    for (const file of files)
      expect(await readFile(join(root, file), 'utf8')).toBe(fileText(file, (p) => p.replace));
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

  it('should be found by the docs where the build of this patch level is cached', async () => {
    // A developer runs the cached binary by hand (docs/runtime.md, Several processes) and
    // looks for it after the first build (docs/store.md): the path must be today's.
    for (const doc of ['docs/store.md', 'docs/runtime.md', 'docs/architecture.md']) {
      const text = await readFile(new URL(`../../${doc}`, import.meta.url), 'utf8');
      const named = [...text.matchAll(/ferretdb-1\.24\.2[\w-]*\/ferretdb/g)].map((m) => m[0]);
      expect(named.length, doc).toBeGreaterThan(0);
      expect(new Set(named), doc).toEqual(new Set([`${ferretdbBuildName()}/ferretdb`]));
    }
  });
});
