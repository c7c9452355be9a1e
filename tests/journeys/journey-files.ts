import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { parseWorkflow, type EmitEffect, type WorkflowDocument } from '@xiaoer/engine';
import {
  PathCoverage,
  pathKey,
  walkPath,
  type JourneyPath,
  type JourneyTest,
  type WalkFixtures,
} from '@xiaoer/engine/testing';

export const workflowsDir = path.resolve(import.meta.dirname, '../../workflows');
export const scenariosDir = path.join(workflowsDir, 'scenarios');

/** A shipped journey from workflows/, parsed and validated. */
export function loadJourney(name: string): WorkflowDocument {
  return parseWorkflow(JSON.parse(readFileSync(path.join(workflowsDir, `${name}.json`), 'utf8')));
}

/**
 * Walks every path from the trigger to an end with {@link walkPath}, using the fixtures the
 * path needs, and asserts that each walk followed its path and none is left uncovered.
 * Returns the number of paths.
 */
export function expectEveryPathWalked(
  workflow: WorkflowDocument,
  fixturesFor: (path: JourneyPath) => WalkFixtures,
): number {
  const coverage = new PathCoverage(workflow);
  for (const path of coverage.paths) {
    const test = walkPath(workflow, path, fixturesFor(path));
    expect(pathKey(test.path)).toBe(pathKey(path));
    expect(test.status).toBe('done');
    coverage.record(test.path);
  }
  expect(coverage.uncovered().map(pathKey)).toEqual([]);
  return coverage.paths.length;
}

/** True when the path leaves `nodeId` by `outcome`. */
export function takes(path: JourneyPath, nodeId: string, outcome: string): boolean {
  return path.some((s) => s.nodeId === nodeId && s.outcome === outcome);
}

/** What a journey told staff: its emitted events other than its own `journey.*` lifecycle. */
export function staffEvents(test: JourneyTest): EmitEffect[] {
  return test.emitted.filter((e) => !e.event.startsWith('journey.'));
}
