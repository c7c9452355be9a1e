import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EARLY_EVENT_RETENTION_MS } from '@xiaoer/server/internal';
import { cloudEvent, startHarness, type Harness } from '@xiaoer/server/testing';
import { postShopify } from '../platforms/platform-fixtures.ts';
import { loadJourney } from '../journeys/journey-files.ts';
import { sentTo as sentMessages } from './sent-messages.ts';
import { counterWorkflow } from './test-workflows.ts';
import { scrape } from '../metrics/exposition.ts';

/**
 * Issue 19: an order event that arrives before its order (platforms deliver webhooks out of
 * order) is kept and applied when the order's journey starts, for at most 7 days.
 */
const SHOPIFY = { id: 'early-shopify', kind: 'shopify' as const, secret: 'shpss_early_0123456789' };
const ORDER_ID = '820982911946154508';
const SETTLED = { timeout: 10_000, interval: 50 };
const METRICS_TOKEN = 'metrics-token-early-events-0123';
let h: Harness;

const fixture = (name: string) =>
  readFile(new URL(`../fixtures/platforms/${name}`, import.meta.url), 'utf8');

const instance = async (id: string) =>
  (await (await h.request('GET', `/api/instances/${encodeURIComponent(id)}`)).json()) as {
    node: string;
    status: string;
  };

const sentTo = (instanceId: string) => sentMessages(h.connection, instanceId);

async function outcomeOf(type: string, order: string): Promise<string | undefined> {
  const response = await h.request('GET', `/api/events?type=${type}&order=${order}`);
  const { events } = (await response.json()) as { events: { outcome: string }[] };
  return events[0]?.outcome;
}

beforeAll(async () => {
  h = await startHarness({
    config: { sources: [SHOPIFY], metrics: { token: METRICS_TOKEN, cacheMs: 0 } },
    // As the server connects: commands feed the store metrics, which count the hint's reads.
    monitorCommands: true,
  });
  await h.publish(loadJourney('order-lifecycle'));
});
afterAll(async () => h?.close());

describe('an event before its order', () => {
  it('should keep a Shopify fulfilment that came before orders/create and tell the customer its tracking when the order starts', async () => {
    const fulfilment = await postShopify(h.url, SHOPIFY, {
      topic: 'fulfillments/create',
      body: await fixture('shopify-fulfillments-create.json'),
      webhookId: 'early-f-1',
    });
    expect(fulfilment.status).toBe(202);
    await vi.waitFor(
      async () => expect(await outcomeOf('order.shipped', ORDER_ID)).toBe('early'),
      SETTLED,
    );
    expect(await h.connection.collection('earlyEvents').countDocuments()).toBe(1);

    const paidOrder = (await fixture('shopify-orders-create.json')).replace(
      '"financial_status": "voided"',
      '"financial_status": "paid"',
    );
    const created = await postShopify(h.url, SHOPIFY, {
      topic: 'orders/create',
      body: paidOrder,
      webhookId: 'early-o-1',
    });
    expect(created.status).toBe(202);
    const id = `order-lifecycle:${ORDER_ID}:1`;
    await vi.waitFor(async () => expect((await instance(id)).node).toBe('waitDelivery'), SETTLED);
    // An effect's record follows its delivery by a moment (bookkeeping shares a write).
    await vi.waitFor(async () => expect(await sentTo(id)).toHaveLength(2), SETTLED);
    const sent = await sentTo(id);
    expect(sent[0]).toContain('your order #9999 is confirmed');
    expect(sent[1]).toContain('has shipped with UPS. Tracking number 1z827wk74630');
    expect(await h.connection.collection('earlyEvents').countDocuments()).toBe(0);
    // The events page: the fulfilment's delivery kept, then applied to the new instance.
    const page = await h.request('GET', `/api/events?type=order.shipped&order=${ORDER_ID}`);
    const { events } = (await page.json()) as {
      events: { outcome: string; late?: boolean; instances: string[]; key: string }[];
    };
    expect(events.map((e) => [e.outcome, e.late ?? false, e.instances])).toEqual([
      ['routed', true, [id]],
      ['early', false, []],
    ]);
    expect(events[0]?.key).toBe(events[1]?.key);
  });

  it('should park an early event with the journey until it waits for it (unpaid order)', async () => {
    const customer = { name: 'Wang Fang', phone: '+8613800138001' };
    await h.sendEvents(cloudEvent('order.shipped', { orderId: 'EARLY-2', trackingNumber: 'SF1' }));
    await vi.waitFor(
      async () => expect(await outcomeOf('order.shipped', 'EARLY-2')).toBe('early'),
      SETTLED,
    );
    await h.sendEvents(cloudEvent('order.created', { orderId: 'EARLY-2', customer, paid: false }));
    const id = 'order-lifecycle:EARLY-2:1';
    await vi.waitFor(async () => expect((await instance(id)).node).toBe('waitPayment'), SETTLED);
    await h.sendEvents(cloudEvent('order.paid', { orderId: 'EARLY-2' }));
    await vi.waitFor(async () => expect((await instance(id)).node).toBe('waitDelivery'), SETTLED);
    await vi.waitFor(async () => expect((await sentTo(id)).at(-1)).toContain('SF1'), SETTLED);
  });

  it('should not keep events no journey waits for, nor chat replies', async () => {
    await h.sendEvents(cloudEvent('order.archived', { orderId: 'EARLY-3' }));
    await h.sendEvents(cloudEvent('customer.replied', { orderId: 'EARLY-3', text: '好' }));
    await h.xiaoer.intake.idle();
    await h.xiaoer.runtime.idle();
    expect(await outcomeOf('order.archived', 'EARLY-3')).toBe('unmatched');
    expect(await outcomeOf('customer.replied', 'EARLY-3')).toBe('unmatched');
    expect(await h.connection.collection('earlyEvents').countDocuments()).toBe(0);
  });

  it('should read the correlation hint only when starting a journey that waits for order events', async () => {
    await h.publish({ ...counterWorkflow, id: 'early-counter' });
    const hintReads = async () =>
      (await scrape(h, METRICS_TOKEN)).value('xiaoer_store_commands_total', {
        command: 'find',
        collection: 'correlations',
      });
    const settled = async () => {
      await h.xiaoer.intake.idle();
      await h.xiaoer.runtime.idle();
    };
    // A journey that waits for no order event never has early events kept: no read.
    let before = await hintReads();
    for (const n of [1, 2, 3])
      await h.sendEvents({
        id: `evt-early-counter-${n}`,
        type: 'counter.opened',
        source: '/tests',
        data: { counterId: `EC-${n}`, count: 0 },
      });
    await settled();
    for (const n of [1, 2, 3])
      expect((await instance(`early-counter:EC-${n}:1`)).node).toBe('waitBump');
    expect((await hintReads()) - before).toBe(0);
    // The order journey's start reads it (it is what finds a fulfilment that came first).
    before = await hintReads();
    await h.sendEvents({
      id: 'evt-early-hint-order',
      type: 'order.created',
      source: '/tests',
      data: {
        orderId: 'EH-1',
        customer: { name: 'Hint', phone: '13900000000', language: 'zh', tier: 'regular' },
        total: 99,
      },
    });
    await settled();
    expect((await instance('order-lifecycle:EH-1:1')).status).toBe('active');
    expect((await hintReads()) - before).toBeGreaterThanOrEqual(1);
  });

  it('should drop kept events after 7 days: neither applied nor stored', async () => {
    await h.sendEvents(cloudEvent('order.shipped', { orderId: 'EARLY-4', trackingNumber: 'SF4' }));
    await vi.waitFor(
      async () => expect(await outcomeOf('order.shipped', 'EARLY-4')).toBe('early'),
      SETTLED,
    );
    const later = new Date(Date.now() + EARLY_EVENT_RETENTION_MS + 60_000);
    const { events } = await h.xiaoer.runtime.early.take('order-lifecycle:EARLY-4', later);
    expect(events).toEqual([]);
    expect(await h.xiaoer.runtime.early.prune(new Date(Date.now() + 60_000))).toBe(0);
    expect(await h.xiaoer.runtime.early.prune(later)).toBe(1);
    expect(await h.connection.collection('earlyEvents').countDocuments()).toBe(0);
  });
});
