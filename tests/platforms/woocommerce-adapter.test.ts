import { describe, expect, it } from 'vitest';
import { translateWooCommerce, WOOCOMMERCE_STATUSES } from '@xiaoer/server/internal';
import { customCourierParcel, eventsOf, platformPayload, problem } from './platform-fixtures.ts';

const at = new Date('2026-03-02T01:00:00Z');
const translate = (topic: string, payload: unknown) =>
  translateWooCommerce(topic, 'https://shop.example.com/', payload, at);

/** WooCommerce's documented order with the given changes (a variant of the real payload). */
const order = (changes: Record<string, unknown> = {}) => ({
  ...platformPayload('woocommerce-order.json'),
  ...changes,
});

/** Two parcels as the Shipment Tracking extension stores them in the order's meta data. */
const tracked = {
  meta_data: [
    {
      id: 1201,
      key: '_wc_shipment_tracking_items',
      value: [
        {
          tracking_provider: 'usps',
          custom_tracking_provider: '',
          custom_tracking_link: '',
          tracking_number: '9400111899560000000000',
          date_shipped: '1783641600',
          tracking_id: '7f4978c390ee633c6294ae0f258656f9',
        },
        customCourierParcel,
      ],
    },
  ],
};

describe('WooCommerce adapter on the WooCommerce docs order', () => {
  it('should read the order number, an unpaid status, money and an English-speaking US customer', () => {
    const [event] = eventsOf(translate('order.created', order()));
    expect(event?.data).toEqual({
      orderId: '727',
      orderNumber: '727',
      customer: {
        name: 'John Doe',
        phone: '+15555555555',
        email: 'john.doe@example.com',
        language: 'en',
        country: 'US',
      },
      total: 29.35,
      currency: 'USD',
      paymentStatus: 'pending',
      paid: false,
      test: false,
    });
  });

  it('should write to a customer in China in Chinese', () => {
    const billing = {
      ...(order()['billing'] as object),
      first_name: '梅梅',
      last_name: '韩',
      country: 'CN',
      phone: '13800138000',
    };
    const [event] = eventsOf(translate('order.created', order({ billing })));
    // A Chinese name is written family name first, without a space.
    expect(event?.data['customer']).toMatchObject({
      name: '韩梅梅',
      language: 'zh',
      phone: '+8613800138000',
    });
  });

  it('should announce each tracked parcel of a completed order once, with carrier and link', () => {
    const completed = order({ status: 'completed', ...tracked });
    const events = eventsOf(translate('order.updated', completed));
    expect(events.map((e) => [e.type, e.data['carrier'], e.data['trackingNumber']])).toEqual([
      ['order.paid', undefined, undefined],
      ['order.shipped', 'usps', '9400111899560000000000'],
      ['order.shipped', 'Example Courier', '12345678'],
    ]);
    expect(events[2]?.data['trackingUrl']).toBe('https://example.com/track/12345678');
    // Saved again later: the same parcels make the same event ids (duplicates, not new notices).
    const later = order({
      status: 'completed',
      ...tracked,
      date_modified_gmt: '2017-03-25T10:00:00',
    });
    expect(eventsOf(translate('order.updated', later)).map((e) => e.id)).toEqual(
      events.map((e) => e.id),
    );
  });

  it('should ship without tracking when no parcel is recorded, and map cancelled and refunded', () => {
    const [, shipped] = eventsOf(translate('order.updated', order({ status: 'completed' })));
    expect(shipped?.type).toBe('order.shipped');
    expect(shipped?.data).not.toHaveProperty('trackingNumber');
    expect(eventsOf(translate('order.updated', order({ status: 'cancelled' })))[0]?.type).toBe(
      'order.cancelled',
    );
    const refunds = [{ id: 730, reason: 'damaged', total: '-10.00' }];
    const [refunded] = eventsOf(translate('order.updated', order({ status: 'refunded', refunds })));
    expect(refunded).toMatchObject({
      type: 'order.refunded',
      data: { amount: 10, currency: 'USD' },
    });
  });

  it('should make the same status event when the order is saved again (a note, an address edit)', () => {
    for (const status of ['processing', 'completed', 'cancelled', 'refunded']) {
      const first = eventsOf(translate('order.updated', order({ status })));
      const resaved = eventsOf(
        translate('order.updated', order({ status, date_modified_gmt: '2017-03-30T09:15:00' })),
      );
      expect(resaved.map((e) => e.id)).toEqual(first.map((e) => e.id));
      expect(first.at(-1)?.id).toBe(`woo-727-${WOOCOMMERCE_STATUSES[status] as string}`);
    }
  });

  it('should tell the payment of an order completed without passing processing, before it ships', () => {
    // WooCommerce's WC_Order::payment_complete() sets `needs_processing() ? processing :
    // completed` (woocommerce/woocommerce plugins/woocommerce/includes/class-wc-order.php):
    // an order of virtual, downloadable goods goes from pending straight to completed, with
    // date_paid set; so does an on-hold bank transfer the shop completes by hand.
    const completed = order({
      status: 'completed',
      date_paid_gmt: '2017-03-22T20:00:00',
      date_completed_gmt: '2017-03-22T20:00:00',
    });
    const events = eventsOf(translate('order.updated', completed));
    expect(events.map((e) => [e.id, e.type, e.data['paid']])).toEqual([
      ['woo-727-order.paid', 'order.paid', true],
      ['woo-727-order.shipped', 'order.shipped', true],
    ]);
    // Paid through processing first: the same payment id, a duplicate, not a second notice.
    const processing = eventsOf(translate('order.updated', order({ status: 'processing' })));
    expect(processing[0]?.id).toBe(events[0]?.id);
  });

  it('should tell each refund once by its id, a partial one on a processing order included', () => {
    const partial = [{ id: 730, reason: 'damaged', total: '-10.00' }];
    const events = eventsOf(
      translate('order.updated', order({ status: 'processing', refunds: partial })),
    );
    expect(events.map((e) => [e.id, e.type])).toEqual([
      ['woo-727-order.paid', 'order.paid'],
      ['woo-727-refund-730', 'order.refunded'],
    ]);
    expect(events[1]?.data).toMatchObject({
      refundId: '730',
      amount: 10,
      reason: 'damaged',
      currency: 'USD',
    });
    // The rest refunded later: the order is refunded, the first refund is the same event again.
    const full = [{ id: 731, reason: '', total: '-19.35' }, ...partial];
    const refunded = eventsOf(
      translate('order.updated', order({ status: 'refunded', refunds: full })),
    );
    expect(refunded.map((e) => [e.id, e.data['amount']])).toEqual([
      ['woo-727-refund-731', 19.35],
      ['woo-727-refund-730', 10],
    ]);
    // Set to refunded by hand, no refund recorded: the whole order, once.
    expect(eventsOf(translate('order.updated', order({ status: 'refunded' })))).toMatchObject([
      { id: 'woo-727-order.refunded', data: { amount: 29.35 } },
    ]);
  });

  it('should ignore other topics and statuses and locate what is wrong in a malformed order', () => {
    expect(translate('product.updated', { id: 1 })).toEqual({
      ignored: 'topic product.updated is not used by Xiaoer',
    });
    expect(translate('order.updated', order({ status: 'on-hold' }))).toEqual({
      ignored: 'order.updated with status on-hold',
    });
    expect(translate('order.created', { id: 727, meta_data: [{ value: 1 }] })).toEqual({
      invalid: [
        problem('/status', 'missing required property "status"'),
        problem('/meta_data/0/key', 'missing required property "key"'),
      ],
    });
  });
});
