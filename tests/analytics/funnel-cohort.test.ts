import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eventJson, inboxEntryOf, localTime, type EventRecord } from '@xiaoer/server/internal';
import { ADMIN_PASSWORD, cloudEvent, startHarness, type Harness } from '@xiaoer/server/testing';
import { moveToLocalHour } from '../runtime/timer-moves.ts';
import {
  fetchFunnel,
  funnelCounts,
  instanceNode,
  surveyWorkflow as survey,
} from './analytics-fixture.ts';

/**
 * Surveys asked one evening and answered the next morning: the funnel of the evening's day
 * follows those customers to their answers, and the morning's day has no journeys of its own.
 */
let h: Harness;
const ZONE = 'Asia/Shanghai';
let asked = '';
/** The admin's session, logged in again after the clock moved past the harness's one. */
let token = '';
const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const node = (id: string) => instanceNode(h, id, token);
const funnel = (from: string, to = from) => fetchFunnel(h, 'survey', from, to, token);

beforeAll(async () => {
  h = await startHarness({ movesDate: true, config: { analytics: { rollupEveryMs: 3_600_000 } } });
  await h.publish(survey);
  // To 21:01 in Shanghai (UTC+8, no daylight saving): the surveys go out in the evening.
  await moveToLocalHour(h, 21, ZONE);
  token = (await h.xiaoer.auth.login('admin', ADMIN_PASSWORD))?.token ?? '';
  asked = localTime(new Date(), ZONE).date;
  expect(localTime(new Date(), ZONE).hour).toBe(21);
  for (const orderId of ['EV1', 'EV2', 'EV3']) {
    const sent = await h.sendEvents(
      cloudEvent('survey.requested', { orderId, phone: '13800000000' }),
    );
    expect(sent.status, await sent.clone().text()).toBe(202);
    await vi.waitFor(async () => expect(await node(`survey:${orderId}:1`)).toBe('rate'), {
      timeout: 10_000,
    });
  }
  // The next morning, two answer; the third never does.
  await h.clock.advance(12 * 3_600_000);
  token = (await h.xiaoer.auth.login('admin', ADMIN_PASSWORD))?.token ?? '';
  for (const [orderId, option] of [
    ['EV1', 's5'],
    ['EV2', 's3'],
  ] as const) {
    await h.sendEvents(cloudEvent('customer.replied', { orderId, option }));
    await vi.waitFor(async () => expect(await node(`survey:${orderId}:1`)).toBe('thanks'), {
      timeout: 10_000,
    });
  }
  await h.xiaoer.runtime.idle();
  expect((await h.request('POST', '/api/analytics/rollup', {}, token)).status).toBe(200);
}, 120_000);
afterAll(async () => h?.close());

describe('a journey funnel across midnight', () => {
  it("should follow the day's instances to answers given the next day, none dropped or over 100 %", async () => {
    const evening = await funnel(asked);
    expect(evening).toMatchObject({ started: 3, completed: 2, cancelled: 0 });
    expect(funnelCounts(evening)).toEqual([
      { nodeId: 'asked', entered: 3, left: 3, waiting: 0, dropped: 0, reachedRate: 1 },
      { nodeId: 'rate', entered: 3, left: 2, waiting: 1, dropped: 0, reachedRate: 1 },
      { nodeId: 'thanks', entered: 2, left: 0, waiting: 0, dropped: 0, reachedRate: 0.6667 },
    ]);
    // Each answer waited about 12 hours at the question, counted with the evening.
    expect(evening.nodes[1]?.time.count).toBe(2);
    expect(evening.nodes[1]?.time.averageMs).toBeGreaterThanOrEqual(12 * 3_600_000);

    const morning = await funnel(nextDay(asked));
    expect(morning).toMatchObject({ started: 0, completed: 0, cancelled: 0 });
    expect(morning.nodes.every((n) => n.entered === 0 && n.left === 0)).toBe(true);

    expect(funnelCounts(await funnel(asked, nextDay(asked)))).toEqual(funnelCounts(evening));
  });

  it("should count as waiting the period's instances resting now, not those started since", async () => {
    // The evening's third customer is given up on at the question; a morning customer waits there.
    const cancelled = await h.request('POST', '/api/instances/survey:EV3:1/cancel', {}, token);
    expect(cancelled.status, await cancelled.clone().text()).toBe(200);
    const sent = await h.sendEvents(
      cloudEvent('survey.requested', { orderId: 'MO1', phone: '13800000000' }),
    );
    expect(sent.status, await sent.clone().text()).toBe(202);
    await vi.waitFor(async () => expect(await node('survey:MO1:1')).toBe('rate'), {
      timeout: 10_000,
    });
    await h.xiaoer.runtime.idle();
    expect((await h.request('POST', '/api/analytics/rollup', {}, token)).status).toBe(200);
    // Before, the morning's customer was counted as the evening's waiting, hiding its drop-off.
    expect(funnelCounts(await funnel(asked))[1]).toMatchObject({ waiting: 0, dropped: 1 });
    expect(funnelCounts(await funnel(nextDay(asked)))[1]).toMatchObject({
      entered: 1,
      waiting: 1,
      dropped: 0,
    });
  });

  it('should count a trigger of 23:59 taken in after midnight in its own day, waiting there', async () => {
    const evening = nextDay(asked);
    const late = nextDay(evening);
    // To 00:00:30 in Shanghai. A survey asked for at 23:59:30 was received by a process that
    // died before routing it; recovery starts its journey now, after midnight, while its
    // trigger (the event's time, `context.startedAt`) is the evening's.
    const midnight = Date.parse(`${late}T00:00:00+08:00`);
    await h.clock.advance(midnight + 30_000 - Date.now());
    token = (await h.xiaoer.auth.login('admin', ADMIN_PASSWORD))?.token ?? '';
    expect(localTime(new Date(), ZONE).date).toBe(late);
    const receivedAt = new Date(midnight - 30_000);
    const record: EventRecord = {
      _id: 'tests/evt-late-1',
      source: 'tests',
      eventId: 'evt-late-1',
      type: 'survey.requested',
      time: receivedAt.toISOString(),
      data: { orderId: 'LATE1', phone: '13800000000' },
      receivedAt,
    };
    const { Events, Inbox } = h.xiaoer.models;
    await Events.collection.insertOne(eventJson.encode(record) as never);
    await Inbox.collection.insertOne(inboxEntryOf(record, 'gone-process') as never);
    await h.xiaoer.intake.recover(30_000);
    await vi.waitFor(async () => expect(await node('survey:LATE1:1')).toBe('rate'), {
      timeout: 10_000,
    });
    const instance = await h.request('GET', '/api/instances/survey:LATE1:1', undefined, token);
    // The instance started at its trigger's time, the evening's (it was the runtime's clock:
    // the next day's).
    const { startedAt } = (await instance.json()) as { startedAt: string };
    expect(startedAt).toBe(receivedAt.toISOString());
    expect(localTime(new Date(startedAt), ZONE).date).toBe(evening);
    await h.xiaoer.runtime.idle();
    expect((await h.request('POST', '/api/analytics/rollup', {}, token)).status).toBe(200);
    // Before, its day counted it (the trigger's time) and the waiting filter did not (the
    // instance's start): a customer still at the question was a drop-off of the evening.
    expect(funnelCounts(await funnel(evening))[1]).toMatchObject({
      entered: 2,
      left: 0,
      waiting: 2,
      dropped: 0,
    });
    const after = await funnel(late);
    expect(after.started).toBe(0);
    expect(funnelCounts(after)[1]).toMatchObject({ entered: 0, waiting: 0, dropped: 0 });
  });
});
