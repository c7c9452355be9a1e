import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cloudEvent, startHarness, TestClock, type Harness } from '@xiaoer/server/testing';
import { ProcessLiveness } from '@xiaoer/server/internal';
import {
  counterWorkflow,
  pingOnEmail,
  pingWorkflow,
  quickRefundWorkflow,
} from '../runtime/test-workflows.ts';
import { setupGroup, customer } from '../routing/routing-fixture.ts';
import { scrape, type Exposition } from './exposition.ts';

const TOKEN = 'metrics-token-for-prometheus-only';
const SOURCE = { source: 'demo-shop' };

/** The ping journey, its message sent on the working default channel instead of `sms`. */
const pingOk = pingOnEmail('100ms', 'ping-ok');

let h: Harness;
/** An SMS gateway that is down: it answers every delivery 503, and counts them. */
let smsGateway: Server;
let smsDeliveries = 0;
beforeAll(async () => {
  smsGateway = createServer((_request, response) => {
    smsDeliveries++;
    response.writeHead(503).end();
  });
  await new Promise<void>((resolve) => smsGateway.listen(0, '127.0.0.1', resolve));
  const { port } = smsGateway.address() as AddressInfo;
  h = await startHarness({
    config: {
      metrics: { token: TOKEN, cacheMs: 0 },
      channels: {
        sms: { kind: 'webhook', preset: 'generic', url: `http://127.0.0.1:${port}/sms` },
      },
    },
  });
  await h.publish(counterWorkflow, pingWorkflow('100ms'), pingOk, quickRefundWorkflow);
});
afterAll(async () => {
  await h?.close();
  smsGateway?.close();
});

/** What changed between two scrapes. */
const delta =
  (before: Exposition, after: Exposition) =>
  (name: string, labels = {}) =>
    after.value(name, labels) - before.value(name, labels);

describe('the runtime metrics at /metrics', () => {
  it('should count each received event once by its outcome, and each step by workflow', async () => {
    const before = await scrape(h, TOKEN);
    const opened = cloudEvent('counter.opened', { counterId: 'M-1', count: 0 });
    expect((await h.sendEvents(opened)).status).toBe(202);
    await h.xiaoer.intake.idle();
    const bumps = [1, 2, 3].map(() => cloudEvent('counter.bump', { counterId: 'M-1' }));
    expect((await h.sendEvents(bumps)).status).toBe(202);
    await h.sendEvents(cloudEvent('nobody.waits', { counterId: 'M-2' }));
    await h.xiaoer.intake.idle();
    // The shop delivers the opening event again: acknowledged, not processed again.
    await h.sendEvents(opened);
    await h.xiaoer.intake.idle();
    await h.xiaoer.runtime.idle();

    const changed = delta(before, await scrape(h, TOKEN));
    const events = (outcome: string) =>
      changed('xiaoer_events_received_total', { ...SOURCE, outcome });
    expect(['started', 'routed', 'unmatched', 'duplicate', 'failed'].map(events)).toEqual([
      1, 3, 1, 1, 0,
    ]);
    // Starting is one step, each bump one more.
    expect(changed('xiaoer_journey_steps_total', { workflow: 'counter' })).toBe(4);
  });

  it('should count effect attempts by kind and outcome, dead letters and timer lateness', async () => {
    const before = await scrape(h, TOKEN);
    await h.shop.createOrder({ orderId: 'M-REFUND' });
    const refundsBefore = h.shop.requests.get('refund') ?? 0;
    const smsBefore = smsDeliveries;
    h.shop.injectFault({ operation: 'refund', count: 3, status: 503 });
    await h.sendEvents([
      cloudEvent('quickRefund.requested', { orderId: 'M-REFUND', amount: 30 }),
      cloudEvent('ping.started', { orderId: 'M-SMS', phone: '13800000000' }),
      cloudEvent('ping-ok.started', { orderId: 'M-OK', phone: '13800000001' }),
    ]);
    // Three refund calls (the journey retries twice, after its timers), three SMS deliveries
    // with back-off; a delivery job that ran twice waits for the effect lock (30 s) first.
    let changed = delta(before, before);
    await vi.waitFor(
      async () => {
        changed = delta(before, await scrape(h, TOKEN));
        expect(changed('xiaoer_effect_attempts_total', { kind: 'call', outcome: 'dead' })).toBe(1);
        expect(changed('xiaoer_effect_attempts_total', { kind: 'send', outcome: 'dead' })).toBe(1);
        expect(changed('xiaoer_effect_attempts_total', { kind: 'send', outcome: 'done' })).toBe(1);
      },
      { timeout: 50_000, interval: 250 },
    );
    const attempts = (kind: string, outcome: string) =>
      changed('xiaoer_effect_attempts_total', { kind, outcome });
    // Every attempt ends in exactly one outcome: as many as the order system and the SMS
    // gateway were asked.
    expect(attempts('call', 'failed') + attempts('call', 'dead')).toBe(
      (h.shop.requests.get('refund') ?? 0) - refundsBefore,
    );
    expect(attempts('call', 'failed')).toBeGreaterThanOrEqual(2);
    expect(attempts('send', 'retried') + attempts('send', 'dead')).toBe(smsDeliveries - smsBefore);
    expect(attempts('send', 'retried')).toBeGreaterThanOrEqual(2);
    expect([
      attempts('call', 'done'),
      attempts('call', 'retried'),
      attempts('send', 'failed'),
    ]).toEqual([0, 0, 0]);
    expect(changed('xiaoer_dead_letters')).toBe(2);
    // Two pings waited 100 ms; the refund waited twice before retrying.
    expect(changed('xiaoer_timer_lateness_seconds_count')).toBe(4);
    expect(changed('xiaoer_timer_lateness_seconds_sum')).toBeGreaterThanOrEqual(0);
  }, 60_000);

  it('should read handoffs waiting per skill group and available agents when scraped', async () => {
    await setupGroup(h, 'g-metrics', [{ id: 'metrics-agent', maxConcurrent: 1 }]);
    for (const id of ['m-1', 'm-2'])
      await h.xiaoer.routing.enqueue({
        id,
        conversationId: `conv-${id}`,
        customer: customer(`cust-${id}`),
        group: 'g-metrics',
        context: { transcript: [['customer', '我要退款']], intents: ['refund'] },
      });
    const scraped = await scrape(h, TOKEN);
    const group = { group: 'g-metrics' };
    expect(scraped.value('xiaoer_handoffs_waiting', group)).toBe(2);
    expect(scraped.value('xiaoer_agents_available', group)).toBe(0);
    expect(scraped.has('xiaoer_handoff_oldest_wait_seconds')).toBe(true);

    await h.request('POST', '/api/handoffs/m-1/abandon');
    expect((await scrape(h, TOKEN)).value('xiaoer_handoffs_waiting', group)).toBe(1);
  });

  it('should show the inbox and outbox drained once the runtime is idle', async () => {
    await h.xiaoer.intake.idle();
    await h.xiaoer.runtime.idle();
    const scraped = await scrape(h, TOKEN);
    expect(scraped.value('xiaoer_inbox_events')).toBe(0);
    expect(scraped.value('xiaoer_outbox_steps')).toBe(0);
    expect(scraped.has('xiaoer_inbox_events')).toBe(true);
  });

  it('should show how old the oldest waiting work is, also work a live process holds and never finishes', async () => {
    await h.xiaoer.intake.idle();
    await h.xiaoer.runtime.idle();
    let scraped = await scrape(h, TOKEN);
    expect(scraped.value('xiaoer_inbox_oldest_seconds')).toBe(0);
    expect(scraped.value('xiaoer_outbox_oldest_seconds')).toBe(0);

    // Another process, still beating, took an event and a step ten minutes ago and lost them:
    // no sweep takes a live process's claims, so only their age can tell.
    const { Heartbeats, Inbox, Outbox } = h.xiaoer.models;
    const holder = new ProcessLiveness(Heartbeats, {}, new TestClock());
    await holder.start(() => undefined);
    const tenMinutesAgo = new Date(Date.now() - 600_000);
    await Inbox.create({
      _id: 'demo-shop/lost-1',
      receivedAt: tenMinutesAgo,
      process: holder.id,
      source: 'demo-shop',
      eventId: 'lost-1',
      type: 'order.created',
      time: tenMinutesAgo.toISOString(),
      data: '{}',
    });
    await Outbox.create({
      _id: 'lost-note',
      steps: ['lost-instance#1'],
      claimedAt: tenMinutesAgo,
      process: holder.id,
    });
    try {
      scraped = await scrape(h, TOKEN);
      expect(scraped.value('xiaoer_inbox_events')).toBe(1);
      expect(scraped.value('xiaoer_inbox_oldest_seconds')).toBeGreaterThanOrEqual(600);
      expect(scraped.value('xiaoer_outbox_oldest_seconds')).toBeGreaterThanOrEqual(600);
      expect(scraped.value('xiaoer_outbox_oldest_seconds')).toBeLessThan(3600);
    } finally {
      await Inbox.deleteOne({ _id: 'demo-shop/lost-1' });
      await Outbox.deleteOne({ _id: 'lost-note' });
      await holder.stop();
    }
  });
});
