import { readFile } from 'node:fs/promises';
import type { WorkflowDocument } from '@xiaoer/engine';

/** A journey shipped in `workflows/`, by file name (for the console's unit tests). */
export const shipped = async (name: string): Promise<WorkflowDocument> =>
  JSON.parse(
    await readFile(new URL(`../../../../workflows/${name}.json`, import.meta.url), 'utf8'),
  ) as WorkflowDocument;
