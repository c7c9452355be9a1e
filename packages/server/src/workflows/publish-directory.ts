import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { WorkflowDocument } from '@xiaoer/engine';
import type { WorkflowService } from './workflow-service.ts';
import { DomainError } from '../errors/domain-error.ts';

/** The journeys that ship with Xiaoer (order lifecycle, address change, refund, invoice). */
export const SHIPPED_WORKFLOWS = path.resolve(import.meta.dirname, '../../../../workflows');

/** A journey file left unpublished, and why (e.g. its channel is not configured). */
export interface SkippedWorkflow {
  id: string;
  reason: string;
}

/**
 * Creates and publishes every workflow file of a folder that the store does not have yet.
 * Workflows already there are left alone: an operator's edits win over the files. With
 * `unfit`, a file it gives a reason for is left out and listed in `skipped`. Several processes
 * starting at once on an empty store each publish what they create first: one that finds a
 * workflow created meanwhile leaves it to the process that created it.
 */
export async function publishDirectory(
  workflows: WorkflowService,
  directory: string,
  actor: string,
  unfit?: (document: WorkflowDocument) => string | undefined,
  skipped: SkippedWorkflow[] = [],
): Promise<string[]> {
  const published: string[] = [];
  const files = (await readdir(directory)).filter((name) => name.endsWith('.json')).sort();
  const existing = new Set((await workflows.list()).map((draft) => draft.id));
  for (const file of files) {
    const document: unknown = JSON.parse(await readFile(path.join(directory, file), 'utf8'));
    const id = (document as { id?: unknown }).id;
    if (typeof id !== 'string' || existing.has(id)) continue;
    const reason = unfit?.(document as WorkflowDocument);
    if (reason) {
      skipped.push({ id, reason });
      continue;
    }
    try {
      await workflows.create(document, actor);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'workflow-exists') continue;
      throw error;
    }
    await workflows.publish(id, `${file}`, actor);
    published.push(id);
  }
  return published;
}
