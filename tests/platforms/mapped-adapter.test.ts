import { describe, expect, it } from 'vitest';
import { translateMapped } from '@xiaoer/server/internal';
import { erpMapping, eventsOf, problem } from './platform-fixtures.ts';

const at = new Date('2026-03-02T01:00:00Z');
const notice = {
  msgId: 'M-77',
  event: 'DELIVERY_SENT',
  order: { code: 'SO-88', receiver: { mobile: '13800138000' } },
  logistics: { company: '顺丰速运', no: 'SF100200300' },
};
const translate = (payload: unknown) =>
  translateMapped('my-erp', erpMapping, Buffer.from(JSON.stringify(payload)), payload, at);

describe('mapped source', () => {
  it('should make an event from the configured JSON pointers', () => {
    expect(eventsOf(translate(notice))).toEqual([
      {
        id: 'order.shipped-M-77',
        type: 'order.shipped',
        source: 'my-erp',
        time: '2026-03-02T01:00:00.000Z',
        data: {
          orderId: 'SO-88',
          orderNumber: 'SO-88',
          carrier: '顺丰速运',
          trackingNumber: 'SF100200300',
          customer: { phone: '13800138000' },
        },
      },
    ]);
  });

  it('should ignore unmapped values and locate a missing type or id', () => {
    expect(translate({ ...notice, event: 'STOCK_LOW' })).toEqual({
      ignored: 'STOCK_LOW at /event is not mapped to an event',
    });
    expect(translate({ order: notice.order })).toEqual({
      invalid: [problem('/event', 'must be present (the event type)')],
    });
    expect(translate({ ...notice, msgId: undefined })).toEqual({
      invalid: [problem('/msgId', 'must be present (the message id)')],
    });
  });
});
