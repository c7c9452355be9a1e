import type { WorkflowDocument } from '../workflow/workflow.types.ts';
import type { AnyNodeType } from '../nodes/node-type.ts';
import { getNodeType } from '../nodes/registry.ts';
import { pointer, problem, type Problem } from './problem.ts';
import { localizedSchemaError, schemaErrorPointer, validatorFor } from './schema-validator.ts';

/** Nodes whose type is known and whose config passed its schema: safe for graph checks. */
export type CheckedNodes = Map<string, { index: number; type: AnyNodeType }>;

/** Unknown types, duplicate ids, config schema violations and each type's own checks. */
export function checkNodes(doc: WorkflowDocument): { problems: Problem[]; checked: CheckedNodes } {
  const problems: Problem[] = [];
  const checked: CheckedNodes = new Map();
  const seen = new Set<string>();
  doc.nodes.forEach((node, index) => {
    const nodeId = node.id;
    if (seen.has(nodeId)) {
      problems.push(
        problem('node.duplicateId', pointer('nodes', index, 'id'), { nodeId }, { nodeId }),
      );
      return;
    }
    seen.add(nodeId);
    const type = getNodeType(node.type);
    if (!type) {
      problems.push(
        problem(
          'node.unknownType',
          pointer('nodes', index, 'type'),
          { nodeId, type: node.type },
          { nodeId },
        ),
      );
      return;
    }
    const validateConfig = validatorFor(type.configSchema);
    if (!validateConfig(node.config)) {
      for (const error of validateConfig.errors ?? []) {
        if (error.keyword === 'if') continue;
        problems.push(
          problem(
            'config.invalid',
            pointer('nodes', index, 'config') + schemaErrorPointer(error),
            { nodeId, reason: localizedSchemaError(error) },
            { nodeId },
          ),
        );
      }
      return;
    }
    const own = type.check?.(node.config) ?? [];
    for (const p of own) {
      const at = pointer('nodes', index, 'config') + p.pointer;
      if (p.code === 'duration.invalid')
        problems.push(problem(p.code, at, { value: p.value }, { nodeId }));
      else if (p.code === 'timezone.invalid')
        problems.push(problem(p.code, at, { value: p.value }, { nodeId }));
      else if (p.code === 'option.duplicateId')
        problems.push(problem(p.code, at, { nodeId, option: p.value }, { nodeId }));
      else problems.push(problem(p.code, at, { reason: p.value }, { nodeId }));
    }
    if (own.length === 0) checked.set(nodeId, { index, type });
  });
  return { problems, checked };
}
