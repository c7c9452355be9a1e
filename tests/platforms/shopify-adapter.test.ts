import { describe, expect, it } from 'vitest';
import { translateShopify } from '@xiaoer/server/internal';
import { eventsOf, platformPayload, problem } from './platform-fixtures.ts';

const ORDER_ID = '820982911946154508';
const at = new Date('2026-03-02T01:00:00Z');
const translate = (topic: string, payload: unknown, webhookId = 'w-1') =>
  translateShopify(topic, webhookId, 'example.myshopify.com', payload, at);

/** Shopify's sample order with the given changes (a variant of the real payload). */
const order = (changes: Record<string, unknown> = {}) => ({
  ...platformPayload('shopify-orders-create.json'),
  ...changes,
});
const ups = () => platformPayload('shopify-fulfillments-create.json');
const tnt = () => ({ ...platformPayload('shopify-fulfillment-tnt.json'), order_id: ORDER_ID });

describe('Shopify adapter on Shopify sample payloads', () => {
  it('should read the order number as the shop shows it, contact data normalised, money and payment', () => {
    const [event] = eventsOf(translate('orders/create', order()));
    // The id says what happened to which order (a replay under a new webhook id is the same event).
    expect(event).toMatchObject({
      id: `shopify-order-${ORDER_ID}-order.created`,
      type: 'order.created',
    });
    expect(eventsOf(translate('orders/create', order(), 'w-other'))[0]?.id).toBe(event?.id);
    expect(event?.data).toEqual({
      orderId: ORDER_ID,
      orderNumber: '#9999',
      // 555-555-SHIP is no phone number: no SMS to it; the email is there instead.
      customer: { name: 'John Smith', email: 'jon@example.com', language: 'en', country: 'US' },
      total: 398,
      currency: 'USD',
      paymentStatus: 'voided',
      paid: false,
      test: false,
    });
  });

  it('should flag paid and test orders and pick the language from the locale, else the country', () => {
    const paid = eventsOf(
      translate('orders/paid', order({ financial_status: 'paid', test: true })),
    );
    expect(paid[0]?.data).toMatchObject({ paid: true, test: true, paymentStatus: 'paid' });

    const chinese = eventsOf(
      translate(
        'orders/create',
        order({
          customer_locale: null,
          phone: '138 0013 8000',
          shipping_address: { name: '韩梅梅', country_code: 'CN', phone: null },
        }),
      ),
    );
    expect(chinese[0]?.data['customer']).toMatchObject({
      language: 'zh',
      phone: '+8613800138000',
      country: 'CN',
    });
    // Given name 三, family name 张, as Shopify's checkout for China stores them: 张三.
    const zhang = order({
      customer: { first_name: '三', last_name: '张', email: 'zhangsan@example.cn' },
    });
    expect(eventsOf(translate('orders/create', zhang))[0]?.data['customer']).toMatchObject({
      name: '张三',
    });
    const locale = eventsOf(translate('orders/create', order({ customer_locale: 'zh-CN' })));
    expect(locale[0]?.data['customer']).toMatchObject({ language: 'zh' });
  });

  it('should tell the total in the currency the customer paid in, not the shop currency', () => {
    // A USD shop selling to China through Shopify Markets: the customer paid CNY.
    const markets = order({
      presentment_currency: 'CNY',
      total_price_set: {
        shop_money: { amount: '398.00', currency_code: 'USD' },
        presentment_money: { amount: '2865.60', currency_code: 'CNY' },
      },
    });
    expect(eventsOf(translate('orders/create', markets))[0]?.data).toMatchObject({
      total: 2865.6,
      currency: 'CNY',
    });
  });

  it('should make one event of an order paid once, however Shopify words its deliveries', () => {
    const paid = order({ financial_status: 'paid', updated_at: '2021-12-31T19:00:05-05:00' });
    // A second subscription's delivery, sent a minute later with the order as it is then.
    const later = { ...paid, updated_at: '2021-12-31T19:01:12-05:00', tags: 'tag1, tag2, vip' };
    const [first] = eventsOf(translate('orders/paid', paid, 'w-10'));
    const [second] = eventsOf(translate('orders/paid', later, 'w-11'));
    expect(second?.id).toBe(first?.id);
    const refund = platformPayload('shopify-refunds-create.json');
    expect(eventsOf(translate('refunds/create', refund))[0]?.id).toBe(
      'shopify-refund-890088186047892319',
    );
  });

  it('should read the tracking of the newest parcel from orders/fulfilled, keyed like fulfillments/create', () => {
    const fulfilled = order({ fulfillments: [ups()], fulfillment_status: 'fulfilled' });
    const [fromOrder] = eventsOf(translate('orders/fulfilled', fulfilled, 'w-2'));
    const [fromFulfillment] = eventsOf(translate('fulfillments/create', ups(), 'w-3'));
    expect(fromOrder?.type).toBe('order.shipped');
    expect(fromOrder?.data).toMatchObject({
      orderId: ORDER_ID,
      orderNumber: '#9999',
      carrier: 'UPS',
      trackingNumber: '1z827wk74630',
      trackingUrl: 'https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=1z827wk74630',
    });
    // The same parcel with the same tracking announced twice makes one event id: the second is
    // a duplicate. The id names the fulfillment and its tracking number.
    expect(fromOrder?.id).toBe('shopify-fulfillment-123456-shipped-1z827wk74630');
    expect(fromFulfillment?.id).toBe(fromOrder?.id);

    const split = order({ fulfillments: [ups(), tnt()], fulfillment_status: 'fulfilled' });
    const [second] = eventsOf(translate('orders/fulfilled', split, 'w-4'));
    expect(second?.data).toMatchObject({ carrier: 'TNT', trackingNumber: '123456789' });
    expect(second?.id).toBe('shopify-fulfillment-1069019905-shipped-123456789');
  });

  /**
   * A fulfillment made without tracking, the tracking added afterwards. Shopify sends
   * `fulfillments/update` with the Fulfillment resource as it is then (REST Admin API,
   * "Fulfillment": `status` pending/open/success/cancelled/error/failure, `tracking_company`,
   * `tracking_number`, `tracking_numbers`, `tracking_url`, `tracking_urls`, `shipment_status`;
   * shopify.dev/docs/api/admin-rest/2023-07/resources/fulfillment). The tracking below is the
   * example of Shopify's `fulfillmentTrackingInfoUpdateV2` mutation, which sets tracking on an
   * existing fulfillment (UPS `1Z001985YW99744790`; shopify.dev/docs/api/admin-graphql/2024-01/
   * mutations/fulfillmentTrackingInfoUpdateV2).
   */
  const untracked = () => ({
    ...ups(),
    tracking_company: null,
    tracking_number: null,
    tracking_numbers: [],
    tracking_url: null,
    tracking_urls: [],
  });
  const tracked = (changes: Record<string, unknown> = {}) => ({
    ...ups(),
    status: 'success',
    updated_at: '2022-01-01T09:30:00-05:00',
    tracking_company: 'UPS',
    tracking_number: '1Z001985YW99744790',
    tracking_numbers: ['1Z001985YW99744790'],
    tracking_url:
      'https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=1Z001985YW99744790',
    tracking_urls: [
      'https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=1Z001985YW99744790',
    ],
    ...changes,
  });

  it('should tell tracking added later by fulfillments/update as order.shipped, once per tracking', () => {
    const [shipped] = eventsOf(translate('fulfillments/create', untracked(), 'w-20'));
    expect(shipped?.id).toBe('shopify-fulfillment-123456-shipped');

    const [added] = eventsOf(translate('fulfillments/update', tracked(), 'w-21'));
    expect(added).toMatchObject({
      id: 'shopify-fulfillment-123456-shipped-1Z001985YW99744790',
      type: 'order.shipped',
      data: {
        orderId: ORDER_ID,
        parcelId: '123456',
        carrier: 'UPS',
        trackingNumber: '1Z001985YW99744790',
        trackingNumbers: ['1Z001985YW99744790'],
        trackingUrl:
          'https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=1Z001985YW99744790',
      },
    });
    // The carrier's status updates carry the same tracking: the same event, a duplicate.
    const inTransit = tracked({
      shipment_status: 'in_transit',
      updated_at: '2022-01-02T08:00:00Z',
    });
    expect(eventsOf(translate('fulfillments/update', inTransit, 'w-22'))[0]?.id).toBe(added?.id);
    // A corrected tracking number is news to the customer.
    const corrected = tracked({ tracking_number: '1Z001985YW99744791', tracking_numbers: [] });
    expect(eventsOf(translate('fulfillments/update', corrected, 'w-23'))[0]?.id).toBe(
      'shopify-fulfillment-123456-shipped-1Z001985YW99744791',
    );
    // Tracking numbers beyond what an event id holds are named by their hash.
    const many = Array.from({ length: 12 }, (_, i) => `1Z001985YW9974479${String(i)}`);
    const [bulky] = eventsOf(translate('fulfillments/update', tracked({ tracking_numbers: many })));
    expect(bulky?.id).toMatch(/^shopify-fulfillment-123456-shipped-[0-9a-f]{32}$/);
  });

  it('should not tell a fulfillment update without tracking, nor a cancelled one, and tell delivery', () => {
    expect(
      translate('fulfillments/update', { ...untracked(), shipment_status: 'in_transit' }),
    ).toEqual({
      ignored: 'fulfillment update with shipment_status in_transit and no tracking number',
    });
    expect(translate('fulfillments/update', tracked({ status: 'cancelled' }))).toEqual({
      ignored: 'fulfillment update with status cancelled',
    });
    const delivered = tracked({ shipment_status: 'delivered' });
    expect(eventsOf(translate('fulfillments/update', delivered))).toMatchObject([
      { id: 'shopify-fulfillment-123456-delivered', type: 'order.delivered' },
    ]);
  });

  it('should say so when a parcel has no tracking number', () => {
    const bare = { ...ups(), tracking_number: null, tracking_numbers: [], tracking_url: null };
    const [event] = eventsOf(translate('fulfillments/create', { ...bare, tracking_urls: [] }));
    expect(event?.data).not.toHaveProperty('trackingNumber');
    expect(event?.data).toMatchObject({ carrier: 'UPS', trackingNumbers: [] });
  });

  it('should map orders/cancelled and refunds/create, with the refund currency', () => {
    const cancelled = order({
      cancelled_at: '2021-12-31T19:00:00-05:00',
      cancel_reason: 'customer',
    });
    expect(eventsOf(translate('orders/cancelled', cancelled))[0]).toMatchObject({
      type: 'order.cancelled',
      data: { orderId: ORDER_ID, orderNumber: '#9999', cancelReason: 'customer' },
    });
    const [refund] = eventsOf(
      translate('refunds/create', platformPayload('shopify-refunds-create.json')),
    );
    expect(refund).toMatchObject({
      type: 'order.refunded',
      data: { orderId: ORDER_ID, amount: 20, currency: 'USD', note: 'Things were damaged' },
    });
  });

  it('should count only the refund money that moved: not a failed attempt, nothing for a restock', () => {
    const sample = platformPayload('shopify-refunds-create.json');
    const transactions = sample['transactions'] as Record<string, unknown>[];
    // The gateway declined the first attempt; the shop refunded again, and that succeeded.
    const declined = {
      ...sample,
      transactions: [{ ...transactions[0], status: 'failure' }, transactions[1]],
    };
    expect(eventsOf(translate('refunds/create', declined))[0]?.data).toMatchObject({
      amount: 7.5,
      currency: 'USD',
    });
    const restockOnly = { ...sample, transactions: [] };
    expect(translate('refunds/create', restockOnly)).toEqual({
      ignored: 'the refund gave no money back (restock only, or it failed)',
    });
  });

  it('should ignore topics it does not use and locate what is wrong in a malformed body', () => {
    expect(translate('app/uninstalled', { id: 1 })).toEqual({
      ignored: 'topic app/uninstalled is not used by Xiaoer',
    });
    expect(translate('orders/create', { name: 42, fulfillments: {} })).toEqual({
      invalid: [
        problem('/id', 'missing required property "id"'),
        problem('/name', 'must be string'),
        problem('/fulfillments', 'must be array'),
      ],
    });
    expect(translate('fulfillments/create', [])).toMatchObject({
      invalid: [problem('', 'must be object')],
    });
  });
});
