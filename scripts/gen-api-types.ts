/**
 * Writes the console's API types from the server's OpenAPI document:
 * `npm run gen:api` → packages/builder-ui/src/api/generated/openapi.d.ts (committed; a test
 * fails when it differs from what this script makes, so the console follows every change of
 * a response schema). The routes need a Xiaoer on a store: the script starts a test one.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { createApp, type Xiaoer } from '@xiaoer/server';
import { openApiDocument } from '@xiaoer/server/internal';
import { startHarness } from '@xiaoer/server/testing';

export const GENERATED_API_TYPES = fileURLToPath(
  new URL('../packages/builder-ui/src/api/generated/openapi.d.ts', import.meta.url),
);

const HEADER = `/**
 * The Xiaoer API's types, generated from its OpenAPI document by \`npm run gen:api\`
 * (scripts/gen-api-types.ts with openapi-typescript). Do not edit: change the route's
 * \`responds()\` schema and regenerate.
 */
`;

/** The generated file's text for the routes of `xiaoer`, formatted as the repository does. */
export async function generatedApiTypes(xiaoer: Xiaoer): Promise<string> {
  const app = createApp({
    store: { kind: 'external', ping: async () => ({ ok: 1 }) },
    xiaoer,
    consoleDirectory: false,
  });
  // The version is left out: it would change the file on every release.
  const document = openApiDocument(app, '0.0.0');
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0]);
  const source = HEADER + astToString(ast);
  return format(source, {
    ...(await resolveConfig(GENERATED_API_TYPES)),
    filepath: GENERATED_API_TYPES,
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const harness = await startHarness();
  try {
    await writeFile(GENERATED_API_TYPES, await generatedApiTypes(harness.xiaoer));
    console.log(`wrote ${GENERATED_API_TYPES}`);
  } finally {
    await harness.close();
  }
}
