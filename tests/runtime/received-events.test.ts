import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadJourney } from '../journeys/journey-files.ts';
import { counterWorkflow } from './test-workflows.ts';
import { erpMapping, postShopify } from '../platforms/platform-fixtures.ts';
import { signedHeaders } from '@xiaoer/server';
import { eventJson, inboxEntryOf, type EventRecord } from '@xiaoer/server/internal';
import { cloudEvent, startHarness, type Harness } from '@xiaoer/server/testing';

const SHOPIFY = {
  id: 'events-shopify',
  kind: 'shopify' as const,
  secret: 'shpss_events_0123456789',
};
/** A mapped source whose messages become an event type no journey listens to. */
const STOCK = {
  id: 'stock-erp',
  kind: 'mapped' as const,
  secret: 'stock-secret-0123456789',
  mapping: { type: { pointer: '/event', values: { STOCK: 'stock.changed' } }, data: {} },
};
/** An ERP's own JSON, mapped to order events (platform-fixtures.ts). */
const ERP = {
  id: 'events-erp',
  kind: 'mapped' as const,
  secret: 'events-erp-secret-0123456789',
  mapping: erpMapping,
};
const SETTLED = { timeout: 10_000, interval: 50 };

interface Entry {
  id: string;
  at: string;
  source: string;
  type: string;
  key?: string;
  outcome: string;
  refs: string[];
  instances: string[];
  waiting: { instanceId: string; node: string }[];
  reasons: string[];
  reasonTexts?: { zh: string; en: string }[];
  problems: { pointer: string; message: string; text?: { zh: string; en: string } }[];
  recovered?: boolean;
}
interface Page {
  events: Entry[];
  next: string | null;
  unheard: { id: string; kind: string; message: { zh: string; en: string } }[];
}

let h: Harness;
const fixture = (name: string) =>
  readFile(new URL(`../fixtures/platforms/${name}`, import.meta.url), 'utf8');

function shopify(topic: string, body: string, webhookId: string) {
  return postShopify(h.url, SHOPIFY, { topic, body, webhookId });
}

async function events(query = ''): Promise<Page> {
  const response = await h.request('GET', `/api/events${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
}

/** The entries of one source once `count` of them are there (they are written after routing). */
async function entriesOf(source: string, count: number): Promise<Entry[]> {
  let found: Entry[] = [];
  await vi.waitFor(async () => {
    found = (await events(`?source=${source}`)).events;
    expect(found.length).toBeGreaterThanOrEqual(count);
  }, SETTLED);
  return found;
}

beforeAll(async () => {
  h = await startHarness({ config: { sources: [SHOPIFY, STOCK, ERP] } });
  await h.publish(loadJourney('order-lifecycle'), counterWorkflow, bigCounter);
});
afterAll(async () => h?.close());

/** The counter journey for counts over 100 only: its trigger's filter refuses the others. */
const bigCounter = {
  ...counterWorkflow,
  id: 'big-counter',
  nodes: counterWorkflow.nodes.map((node) =>
    node.type === 'trigger'
      ? { ...node, config: { ...node.config, filter: { '>': [{ var: 'count' }, 100] } } }
      : node,
  ),
};

/** An order's event as a process that died after acknowledging it had taken it, a minute ago. */
function crashedOrder(eventId: string, orderId: string): EventRecord {
  const receivedAt = new Date(Date.now() - 60_000);
  return {
    _id: `demo-shop/${eventId}`,
    source: 'demo-shop',
    eventId,
    type: 'order.created',
    time: receivedAt.toISOString(),
    data: { orderId, customer: { name: 'Li Lei', phone: '+8613800138000' } },
    receivedAt,
  };
}

describe('GET /api/events', () => {
  it('should show a webhook that started a journey, with a link to its instance and the order id', async () => {
    const body = await fixture('shopify-orders-create.json');
    expect((await shopify('orders/create', body, 'wh-events-1')).status).toBe(202);
    const [entry] = await entriesOf(SHOPIFY.id, 1);
    expect(entry).toMatchObject({
      source: SHOPIFY.id,
      type: 'order.created',
      outcome: 'started',
      instances: ['order-lifecycle:820982911946154508:1'],
    });
    expect(entry?.refs).toEqual(expect.arrayContaining(['820982911946154508', '#9999']));
  });

  it('should show a redelivery as a duplicate beside the first delivery', async () => {
    const body = await fixture('shopify-orders-create.json');
    expect((await shopify('orders/create', body, 'wh-events-1')).status).toBe(200);
    const entries = await entriesOf(SHOPIFY.id, 2);
    expect(entries.map((e) => e.outcome)).toEqual(['duplicate', 'started']);
    expect(entries[0]?.key).toBe(entries[1]?.key);
  });

  it('should answer a topic Xiaoer does not use with 200 and the reason, and show it as ignored', async () => {
    const response = await shopify('app/uninstalled', '{"id":1,"name":"Shop"}', 'wh-events-2');
    expect(response.status).toBe(200);
    const { ignored } = (await response.json()) as { ignored: string };
    expect(ignored).toContain('app/uninstalled');
    const [entry] = await entriesOf(SHOPIFY.id, 3);
    expect(entry).toMatchObject({
      type: 'app/uninstalled',
      outcome: 'topic-ignored',
      reasons: [ignored],
    });
  });

  it('should answer a malformed body of a known topic with 400 and pointers, and show them', async () => {
    const response = await shopify('orders/create', '{"name":"#1"}', 'wh-events-3');
    expect(response.status).toBe(400);
    const answer = (await response.json()) as {
      error: { details: { problems: { pointer: string }[] } };
    };
    const pointers = answer.error.details.problems.map((p) => p.pointer);
    expect(pointers.length).toBeGreaterThan(0);
    const [entry] = await entriesOf(SHOPIFY.id, 4);
    expect(entry).toMatchObject({ type: 'orders/create', outcome: 'invalid' });
    expect(entry?.problems.map((p) => p.pointer)).toEqual(pointers);
  });

  it('should refuse order data that fits no trigger of the journeys its type starts with 422, pointers in zh and en, and record nothing', async () => {
    const bad = cloudEvent('order.created', { orderId: 'EV-BAD', customer: { phone: '1' } });
    const response = await h.sendEvents(bad);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      error: {
        code: 'event-data-invalid',
        details: {
          problems: [
            {
              pointer: '/data/customer/name',
              message: 'missing required property "name"',
              text: { zh: '缺少必填属性 "name"', en: 'missing required property "name"' },
            },
          ],
        },
      },
    });
    // A batch is refused whole, its pointers into the batch; its valid event is not taken either.
    const good = cloudEvent('order.created', {
      orderId: 'EV-BAD-2',
      customer: { name: 'Li Lei', phone: '+8613800138000' },
    });
    const batch = await h.sendEvents([good, { ...bad, id: `${bad.id}-again` }]);
    expect(batch.status).toBe(422);
    const { error } = (await batch.json()) as {
      error: { details: { problems: Entry['problems'] } };
    };
    expect(error.details.problems.map((p) => p.pointer)).toEqual(['/1/data/customer/name']);
    const keys = [bad.id, `${bad.id}-again`, good.id].map((id) => `demo-shop/${id}`);
    const { Events, Inbox, EventOutcomes } = h.xiaoer.models;
    expect(await Events.countDocuments({ _id: { $in: keys } })).toBe(0);
    expect(await Inbox.countDocuments({ _id: { $in: keys } })).toBe(0);
    expect(await EventOutcomes.countDocuments({ _id: { $in: keys } })).toBe(0);
  });

  it('should show data of a platform webhook that breaks the journey trigger as invalid, with its pointers in zh and en', async () => {
    const body = JSON.stringify({ msgId: 'EV-M-1', event: 'ORDER_NEW', order: { code: 'EV-M' } });
    const response = await fetch(`${h.url}/api/webhooks/mapped/${ERP.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signedHeaders(ERP.id, ERP.secret, body) },
      body,
    });
    expect(response.status).toBe(202);
    const [entry] = await entriesOf(ERP.id, 1);
    expect(entry).toMatchObject({ type: 'order.created', outcome: 'invalid', refs: ['EV-M'] });
    expect(entry?.problems).toEqual([
      {
        pointer: '/data/customer',
        message: 'missing required property "customer"',
        text: { zh: '缺少必填属性 "customer"', en: 'missing required property "customer"' },
      },
    ]);
  });

  it('should show an event the journey is not waiting for as parked, naming the node it waits at', async () => {
    const created = cloudEvent('order.created', {
      orderId: 'EV-PARK',
      customer: { name: 'Li Lei', phone: '+8613800138000' },
      paid: false,
    });
    expect((await h.sendEvents(created)).status).toBe(202);
    await h.xiaoer.intake.idle();
    const delivered = cloudEvent('order.delivered', { orderId: 'EV-PARK' });
    expect((await h.sendEvents(delivered)).status).toBe(202);
    await vi.waitFor(async () => {
      const [entry] = (await events('?order=EV-PARK&type=order.delivered')).events;
      expect(entry).toMatchObject({
        outcome: 'parked',
        waiting: [{ instanceId: 'order-lifecycle:EV-PARK:1', node: 'waitPayment' }],
      });
    }, SETTLED);
  });

  it('should filter by outcome and page with a cursor, newest first', async () => {
    const all = (await events('?source=demo-shop')).events;
    // The refused deliveries (422) left no entry: only EV-PARK's two.
    expect(all.map((e) => e.refs[0])).toEqual(['EV-PARK', 'EV-PARK']);
    const first = await events('?source=demo-shop&limit=1');
    expect(first.events.map((e) => e.id)).toEqual([all[0]?.id]);
    expect(first.next).toBe(all[0]?.id);
    const second = await events(
      `?source=demo-shop&limit=1&cursor=${encodeURIComponent(first.next ?? '')}`,
    );
    expect(second.events.map((e) => e.id)).toEqual([all[1]?.id]);
    expect(second.next).toBeNull();
    const started = await events('?outcome=started');
    expect(started.events.map((e) => e.refs[0])).toEqual(['EV-PARK', '820982911946154508']);
  });

  it('should filter by time', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await events(`?from=${encodeURIComponent(future)}`)).events).toEqual([]);
    expect((await events(`?to=${encodeURIComponent(future)}`)).events.length).toBeGreaterThan(0);
  });

  it('should refuse a bad filter with 400', async () => {
    const response = await h.request('GET', '/api/events?outcome=lost');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'invalid-query',
    );
  });

  it('should record the outcome of an event that recovery processed after a crash, once', async () => {
    // What a process that died after acknowledging the event (202) leaves: its record and its
    // inbox entry, claimed by a process that no longer beats.
    const record = crashedOrder('evt-crashed-1', 'EV-CRASH');
    const key = record._id;
    const { receivedAt } = record;
    const { Events, Inbox } = h.xiaoer.models;
    await Events.collection.insertOne(eventJson.encode(record) as never);
    await Inbox.collection.insertOne({ _id: key as never, receivedAt, process: 'gone-process' });
    expect((await events('?order=EV-CRASH')).events).toEqual([]);
    // This sweep processes it, or the server's own sweep already took it: either way, once.
    await h.xiaoer.intake.recover(30_000);
    await vi.waitFor(async () => {
      const found = (await events('?order=EV-CRASH')).events;
      expect(found).toEqual([
        expect.objectContaining({
          key,
          at: receivedAt.toISOString(),
          outcome: 'started',
          instances: ['order-lifecycle:EV-CRASH:1'],
          recovered: true,
        }),
      ]);
    }, SETTLED);
    // Processed and noted: a later sweep finds nothing, the page keeps one entry.
    expect(await h.xiaoer.intake.recover(0)).toBe(0);
    await h.xiaoer.intake.idle();
    expect((await events('?order=EV-CRASH')).events).toHaveLength(1);
    // The record was written without its outcome (as older versions did): the outcome is
    // appended beside it, and the record stays as it was.
    const { EventOutcomes } = h.xiaoer.models;
    expect(await EventOutcomes.findById(key).lean()).toMatchObject({
      started: ['order-lifecycle:EV-CRASH:1'],
    });
    expect((await Events.findById(key).lean())?.outcome).toBeUndefined();
  });

  it('should recover an event whose process died before writing its record: the inbox entry carries it', async () => {
    // The intake answers 202 once the inbox entry is stored; the event's record is written
    // behind. A process killed in between leaves only the entry, which carries the event.
    const record = crashedOrder('evt-crashed-2', 'EV-CRASH-2');
    const { _id: key, data } = record;
    const { Events, Inbox } = h.xiaoer.models;
    await Inbox.collection.insertOne(inboxEntryOf(record, 'gone-process') as never);
    expect(await Events.countDocuments({ _id: key as never })).toBe(0);
    await h.xiaoer.intake.recover(30_000);
    await vi.waitFor(async () => {
      expect((await events('?order=EV-CRASH-2')).events).toEqual([
        expect.objectContaining({
          key,
          outcome: 'started',
          instances: ['order-lifecycle:EV-CRASH-2:1'],
          recovered: true,
        }),
      ]);
    }, SETTLED);
    await h.xiaoer.intake.idle();
    // Its record is written with its outcome (a later delivery of the id is a duplicate), its
    // entry gone.
    const stored = (await Events.findById(key).lean()) as {
      type: string;
      data: string;
      outcome?: { started: string[] };
    } | null;
    expect(stored?.type).toBe('order.created');
    expect(JSON.parse(stored?.data ?? '{}')).toEqual(data);
    expect(stored?.outcome?.started).toEqual(['order-lifecycle:EV-CRASH-2:1']);
    expect(await Inbox.countDocuments({ _id: key as never })).toBe(0);
    const again = await h.sendEvents({
      specversion: '1.0',
      id: 'evt-crashed-2',
      source: 'demo-shop',
      type: 'order.created',
      data,
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ events: [{ id: 'evt-crashed-2', status: 'duplicate' }] });
  });

  it('should write the record of an event once it was processed, with its outcome, in one document', async () => {
    const created = cloudEvent('order.created', {
      orderId: 'EV-ONE-DOC',
      customer: { name: 'Li Lei', phone: '+8613800138000' },
    });
    const key = `demo-shop/${created.id}`;
    expect((await h.sendEvents(created)).status).toBe(202);
    await h.xiaoer.intake.idle();
    const { Events, Inbox, EventOutcomes } = h.xiaoer.models;
    const stored = await Events.findById(key).lean();
    expect(stored?.outcome).toMatchObject({
      started: ['order-lifecycle:EV-ONE-DOC:1'],
      unmatched: false,
    });
    expect(stored?.outcome?.processedAt).toBeInstanceOf(Date);
    // Nothing beside it: no outcome appended apart, no inbox entry left.
    expect(await EventOutcomes.countDocuments({ _id: key as never })).toBe(0);
    expect(await Inbox.countDocuments({ _id: key as never })).toBe(0);
    // A redelivery finds the record and its outcome.
    const again = await h.sendEvents(created);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ events: [{ id: created.id, status: 'duplicate' }] });
  });

  it('should not park an event that no node of any version waits for: it is unmatched (issue 17)', async () => {
    // EV-PARK's journey waits at waitPayment; order.note-added is neither its trigger nor
    // awaited by any of its nodes, so it is not offered to the journey at all.
    const noted = cloudEvent('order.note-added', { orderId: 'EV-PARK', note: 'gift wrap' });
    expect((await h.sendEvents(noted)).status).toBe(202);
    await vi.waitFor(async () => {
      const [entry] = (await events('?order=EV-PARK&type=order.note-added')).events;
      expect(entry).toMatchObject({ outcome: 'unmatched', instances: [], waiting: [] });
    }, SETTLED);
    const detail = await h.request('GET', '/api/instances/order-lifecycle:EV-PARK:1');
    const instance = (await detail.json()) as {
      node: string;
      timeline: { event: { type: string } }[];
    };
    expect(instance.node).toBe('waitPayment');
    expect(instance.timeline.map((step) => step.event.type)).not.toContain('order.note-added');
  });

  it('should name the sources no published journey listens to', async () => {
    const { unheard } = await events();
    expect(unheard.map((s) => s.id)).toEqual([STOCK.id]);
    expect(unheard[0]?.message.zh).toContain(STOCK.id);
  });

  it('should need a login', async () => {
    expect((await h.request('GET', '/api/events', undefined, '')).status).toBe(401);
  });

  it('should delete entries older than the history retention, and only those', async () => {
    const total = (await events()).events.length;
    expect(await h.xiaoer.receivedEvents.prune(new Date(Date.now() - 3_600_000))).toBe(0);
    expect((await events()).events.length).toBe(total);
    expect(await h.xiaoer.receivedEvents.prune(new Date(Date.now() + 3_600_000))).toBe(total);
    expect((await events()).events).toEqual([]);
  });

  it('should say in Chinese and English why the other journeys did not take an event one journey took', async () => {
    const opened = cloudEvent('counter.opened', { counterId: 'EV-SMALL', count: 1 });
    expect((await h.sendEvents(opened)).status).toBe(202);
    await vi.waitFor(async () => {
      const [entry] = (await events('?order=EV-SMALL')).events;
      expect(entry).toMatchObject({
        outcome: 'started',
        instances: ['counter:EV-SMALL:1'],
        reasons: ["big-counter: The trigger's filter of journey big-counter rejects this event"],
        reasonTexts: [
          {
            zh: 'big-counter：旅程触发器的筛选条件不接收这个事件。',
            en: "big-counter: The journey's trigger filter rejects this event.",
          },
        ],
      });
    }, SETTLED);
  });
});
