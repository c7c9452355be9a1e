import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, cloudEvent, startHarness, type Harness } from '@xiaoer/server/testing';
import { loadJourney } from '../journeys/journey-files.ts';
import { sentTo } from './sent-messages.ts';
import { moveToLocalHour } from './timer-moves.ts';

/**
 * The order lifecycle asks for a score again a day after a partial refund that came while the
 * survey was open. A reply the customer sent during that day is parked with the instance (the
 * wait does not take replies) and offered to the survey once it is asked again: it must not be
 * taken as the answer to a question asked after it, or the customer is asked and thanked at once.
 */
let h: Harness;
/** The harness's session lasts 12 hours and the test moves the clock days: a login of its own. */
let token = '';
const ORDER_ID = 'SURVEY-EARLY-1';
const ID = `order-lifecycle:${ORDER_ID}:1`;
const SCORE_QUESTION = '请为本次购物体验打分';
const THANKS = '感谢您的评价';

interface Detail {
  node: string;
  status: string;
  parked: { type: string }[];
  timeline: { event: { type: string } }[];
  timers: { dueAt: string }[];
}

async function detail(): Promise<Detail> {
  const path = `/api/instances/${encodeURIComponent(ID)}`;
  let response = await h.request('GET', path, undefined, token || h.token);
  if (response.status === 401) {
    token = (await h.xiaoer.auth.login('admin', ADMIN_PASSWORD))?.token ?? '';
    response = await h.request('GET', path, undefined, token);
  }
  expect(response.status).toBe(200);
  return (await response.json()) as Detail;
}

async function settledAt(node: string, check: (d: Detail) => boolean = () => true) {
  let seen: Detail | undefined;
  await expect
    .poll(async () => ((seen = await detail()).node === node && check(seen) ? node : seen.node), {
      timeout: 15_000,
    })
    .toBe(node);
  return seen as Detail;
}

/**
 * Moves the clock to the due time of the instance's `count`th timer by due time (as
 * timer-moves.ts's moveToTimer does, with this test's login: the harness's ends after a day).
 */
async function moveToTimer(count: number): Promise<void> {
  let dueAt = 0;
  await expect
    .poll(async () => (await detail()).timers.length, { timeout: 15_000 })
    .toBeGreaterThanOrEqual(count);
  const due = (await detail()).timers.map((timer) => Date.parse(timer.dueAt)).sort((a, b) => a - b);
  dueAt = due[count - 1] ?? 0;
  await h.clock.advance(Math.max(0, dueAt - Date.now()));
}

const order = (type: string, data: Record<string, unknown> = {}) =>
  h.sendEvents(cloudEvent(type, { orderId: ORDER_ID, ...data }));

beforeAll(async () => {
  h = await startHarness({ movesDate: true });
  await h.publish(loadJourney('order-lifecycle'));
  // The survey's wait keeps shop hours (09:00–21:00 in Shanghai): started at 10:01 there, each
  // wait is one timer a day later, whatever the hour the suite runs.
  await moveToLocalHour(h, 10, 'Asia/Shanghai');
});
afterAll(async () => h?.close());

describe('a survey reply that came before the survey was asked again', () => {
  it('should not answer the question asked after it: the customer is asked, and their next reply answers', async () => {
    await order('order.created', {
      customer: { name: '李雷', phone: '13900000042' },
      total: 268,
    });
    await settledAt('waitShipment');
    await order('order.shipped', { carrier: '顺丰速运', trackingNumber: 'SF42' });
    await settledAt('waitDelivery');
    await order('order.delivered');
    await settledAt('waitBeforeSurvey');
    await moveToTimer(1);
    await settledAt('satisfactionSurvey');

    // A partial refund while the survey is open: told, and the survey comes again a day later.
    await order('order.refunded', { amount: 30, currency: 'CNY' });
    await settledAt('waitBeforeSurvey');
    // The customer writes during that day; the wait takes no reply, so it is parked.
    await order('customer.replied', { text: '5' });
    await settledAt('waitBeforeSurvey', (d) =>
      d.parked.some((event) => event.type === 'customer.replied'),
    );

    await moveToTimer(2);
    const asked = await settledAt('satisfactionSurvey', (d) => d.parked.length === 0);
    expect(asked.status).toBe('active');
    // Each message's record is written once its first attempt ended: wait for the second ask.
    await expect
      .poll(async () => (await sentTo(h.connection, ID)).filter((t) => t.includes(SCORE_QUESTION)))
      .toHaveLength(2);
    expect((await sentTo(h.connection, ID)).filter((t) => t.includes(THANKS))).toEqual([]);

    // The reply to the question asked again is its answer.
    await order('customer.replied', { text: '4' });
    const done = await settledAt('completed');
    expect(done.status).toBe('done');
    await expect
      .poll(async () => (await sentTo(h.connection, ID)).filter((t) => t.includes(THANKS)))
      .toHaveLength(1);
  });
});
