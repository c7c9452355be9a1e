import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkflowDocument } from '@xiaoer/engine';

/**
 * A journey shipped in `workflows/`, by file name (for the console's unit tests). Read by path,
 * not by URL: under jsdom, `URL` is jsdom's, which Node's file reading does not take.
 */
export const shipped = async (name: string): Promise<WorkflowDocument> =>
  JSON.parse(
    await readFile(
      resolve(dirname(fileURLToPath(import.meta.url)), `../../../../workflows/${name}.json`),
      'utf8',
    ),
  ) as WorkflowDocument;
