import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { WorkflowDocument } from '../workflow/workflow.types.ts';
import { variablesByNode } from './variables-by-node.ts';

describe('variablesByNode', () => {
  it('should give each node the trigger data and what earlier nodes assign, not later ones', async () => {
    const refund = JSON.parse(
      await readFile(new URL('../../../../workflows/refund.json', import.meta.url), 'utf8'),
    ) as WorkflowDocument;
    const variables = variablesByNode(refund);
    const trigger = refund.nodes.find((n) => n.type === 'trigger');
    const setData = refund.nodes.find((n) => n.type === 'setData');
    expect(variables.get(trigger!.id)).toEqual([]);
    const next = refund.edges.find((e) => e.source === trigger!.id)!.target;
    expect(variables.get(next)).toEqual(expect.arrayContaining(['orderId', 'refundId', 'amount']));
    if (setData) {
      const assigned = (setData.config['assignments'] as { variable: string }[])[0]!.variable;
      const after = refund.edges.find((e) => e.source === setData.id)!.target;
      expect(variables.get(after)).toContain(assigned);
    }
  });
});
