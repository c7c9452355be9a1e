import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });
const RULE = '@typescript-eslint/no-restricted-imports';

/** Lints a fixture as if it were the server file `path`; the layer rule's findings by line. */
async function layerFindings(fixture: string, path: string): Promise<number[]> {
  const code = await readFile(new URL(`fixtures/${fixture}`, import.meta.url), 'utf8');
  const [result] = await eslint.lintText(code, { filePath: `${root}/packages/server/src/${path}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.line);
}

describe('the server layer rule', () => {
  it('should reject a domain module importing the HTTP layer, the CLI or the wiring', async () => {
    expect(await layerFindings('upward-imports.ts.txt', 'knowledge/upward.ts')).toEqual([2, 3, 4]);
  });

  it('should reject model/ importing a domain', async () => {
    expect(await layerFindings('allowed-imports.ts.txt', 'model/upward.ts')).toEqual([2, 5]);
  });

  it('should allow a domain module its own layer, the layers below and config types', async () => {
    expect(await layerFindings('allowed-imports.ts.txt', 'knowledge/allowed.ts')).toEqual([]);
  });

  it('should hold every folder of the server below the HTTP layer to the rule', async () => {
    // A folder left out of the rule's lists (a new domain) could import the HTTP layer unseen.
    const top = ['cli', 'server', 'http'];
    const folders = (await readdir(`${root}/packages/server/src`, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory() && !top.includes(entry.name))
      .map((entry) => entry.name);
    const unheld: string[] = [];
    for (const folder of folders) {
      const findings = await layerFindings('upward-imports.ts.txt', `${folder}/upward.ts`);
      if (!findings.includes(2) || !findings.includes(3)) unheld.push(folder);
    }
    expect(folders.length).toBeGreaterThan(15);
    expect(unheld).toEqual([]);
  });

  it('should name the rule broken in its message', async () => {
    const code = "import { ApiError } from '../http/api-error.ts';\nexport { ApiError };\n";
    const [result] = await eslint.lintText(code, {
      filePath: `${root}/packages/server/src/quality/upward.ts`,
    });
    expect(result?.messages[0]?.message).toMatch(/Layers point one way/);
  });
});
