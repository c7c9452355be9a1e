import { describe, expect, it } from 'vitest';
import { journeyTest } from '../../testing/journey-test.ts';
import { endNode, orderTrigger, workflowOf } from '../../testing/fixtures/workflow-builder.ts';

describe('setData, condition and emitEvent', () => {
  const doc = workflowOf(
    [
      orderTrigger(),
      [
        'score',
        'setData',
        {
          assignments: [
            { variable: 'isBig', value: { '>=': [{ var: 'total' }, 500] } },
            { variable: 'label', value: { if: [{ var: 'isBig' }, 'VIP', 'normal'] } },
          ],
        },
      ],
      [
        'route',
        'condition',
        {
          branches: [
            { id: 'big', when: { '==': [{ var: 'label' }, 'VIP'] } },
            { id: 'mid', when: { '>=': [{ var: 'total' }, 100] } },
          ],
        },
      ],
      [
        'alert',
        'emitEvent',
        {
          event: 'staff.alert',
          data: { orderId: '{{orderId}}', total: '{{total}}', note: '大单 {{orderId}}' },
        },
      ],
      endNode('big'),
      endNode('mid'),
      endNode('small'),
    ],
    [
      ['start', 'next', 'score'],
      ['score', 'next', 'route'],
      ['route', 'big', 'alert'],
      ['alert', 'next', 'big'],
      ['route', 'mid', 'mid'],
      ['route', 'else', 'small'],
    ],
  );

  it('should assign in order so later values see earlier ones', () => {
    const t = journeyTest(doc);
    t.trigger({ orderId: 'A1', total: 800 });
    expect(t.data).toMatchObject({ isBig: true, label: 'VIP' });
  });

  it('should take the first branch that holds, else the default', () => {
    const runs = [800, 200, 20].map((total) => {
      const t = journeyTest(doc);
      t.trigger({ orderId: 'A1', total });
      return t.node;
    });
    expect(runs).toEqual(['big', 'mid', 'small']);
  });

  it('should emit an event with typed data', () => {
    const t = journeyTest(doc);
    t.trigger({ orderId: 'A1', total: 800 });
    expect(t.emitted[0]).toEqual(
      expect.objectContaining({
        event: 'staff.alert',
        data: { orderId: 'A1', total: 800, note: '大单 A1' },
      }),
    );
  });
});
