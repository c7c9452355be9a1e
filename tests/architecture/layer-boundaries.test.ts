import { readFile } from 'node:fs/promises';
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

  it('should name the rule broken in its message', async () => {
    const code = "import { ApiError } from '../http/api-error.ts';\nexport { ApiError };\n";
    const [result] = await eslint.lintText(code, {
      filePath: `${root}/packages/server/src/quality/upward.ts`,
    });
    expect(result?.messages[0]?.message).toMatch(/Layers point one way/);
  });
});
