import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { WorkflowDocument } from '../workflow/workflow.types.ts';
import { validate } from '../validation/validate.ts';
import { runScenario } from './scenario.ts';
import { startingAt } from './start-at-node.ts';

const lifecycle = async () =>
  JSON.parse(
    await readFile(new URL('../../../../workflows/order-lifecycle.json', import.meta.url), 'utf8'),
  ) as WorkflowDocument;
const order = {
  orderId: 'A1',
  customer: { name: 'Ann', phone: '1', language: 'en' },
};

describe('starting a journey at a chosen node', () => {
  it('should keep the workflow valid and untouched for the trigger itself', async () => {
    const workflow = await lifecycle();
    expect(validate(startingAt(workflow, 'waitDelivery')).problems).toEqual([]);
    const trigger = workflow.nodes.find((n) => n.type === 'trigger')!;
    expect(startingAt(workflow, trigger.id)).toBe(workflow);
    expect(() => startingAt(workflow, 'nowhere')).toThrow(/No node nowhere/);
  });

  it('should run a scenario from that node, and from the start without it', async () => {
    const workflow = await lifecycle();
    const jumped = runScenario(workflow, {
      trigger: order,
      startNode: 'waitDelivery',
      steps: [{ event: 'order.delivered', data: { orderId: 'A1' } }],
    });
    expect(jumped.error).toBeUndefined();
    expect(jumped.test.visited).not.toContain('waitShipment');
    const whole = runScenario(workflow, { trigger: order, steps: [] });
    expect(whole.test.node).toBe('waitShipment');
  });
});
