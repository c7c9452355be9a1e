import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { GENERATED_API_TYPES, generatedApiTypes } from '../../scripts/gen-api-types.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe("the console's generated API types", () => {
  it('should be what `npm run gen:api` makes from the server today (run it and commit)', async () => {
    const committed = await readFile(GENERATED_API_TYPES, 'utf8');
    expect(committed).toBe(await generatedApiTypes(h.xiaoer));
  });
});
