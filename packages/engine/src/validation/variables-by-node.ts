import type { WorkflowDocument } from '../workflow/workflow.types.ts';
import { checkNodes } from './node.checks.ts';
import { knownVariables } from './variable.checks.ts';

/**
 * The variables each node may read when it runs: the trigger's declared data plus what nodes
 * on some path before it assign. The editor lists them beside templates and conditions.
 * Expects a structurally valid document (nodes with unknown types or bad configs add nothing).
 */
export function variablesByNode(workflow: WorkflowDocument): Map<string, string[]> {
  const { checked } = checkNodes(workflow);
  return new Map(
    [...knownVariables(workflow, checked)].map(([id, names]) => [id, [...names].sort()]),
  );
}
