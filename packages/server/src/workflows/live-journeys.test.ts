import { describe, expect, it } from 'vitest';
import type { WorkflowDocument } from '@xiaoer/engine';
import { eventsOf } from './live-journeys.ts';

const node = (id: string, type: string, config: object) => ({
  id,
  type,
  position: { x: 0, y: 0 },
  config,
});

describe('eventsOf', () => {
  it('should list the trigger, each wait for an event and the events that end a wait or a question early', () => {
    const document = {
      id: 'pause',
      name: 'Pause',
      version: 1,
      nodes: [
        node('start', 'trigger', { event: 'order.created', correlationKey: 'orderId' }),
        node('shipped', 'waitForEvent', {
          event: 'order.shipped',
          alternatives: [{ id: 'cancelled', event: 'order.cancelled' }],
        }),
        node('dayLater', 'wait', {
          duration: '1d',
          alternatives: [{ id: 'refunded', event: 'order.refunded' }],
        }),
        node('survey', 'askCustomer', {
          channel: 'sms',
          to: '{{customer.phone}}',
          question: { zh: '请打分', en: 'Rate us' },
          alternatives: [{ id: 'returned', event: 'order.returned' }],
        }),
      ],
      edges: [],
    } as unknown as WorkflowDocument;
    expect(eventsOf(document)).toEqual([
      'order.created',
      'order.shipped',
      'order.cancelled',
      'order.refunded',
      'order.returned',
    ]);
  });
});
