import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_AGENT_PASSWORD,
  localTime,
  seedDemoRouting,
  type DashboardReport,
  type StaffingPlan,
} from '@xiaoer/server/internal';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { servedChat, transfer } from './analytics-fixture.ts';

/**
 * A customer handed over to the after-sales group and transferred to pre-sales: pre-sales
 * had to take them too, so its staffing forecast counts the arrival; the shop's forecast and
 * its handoffs count the customer once.
 */
let h: Harness;
const ZONE = 'Asia/Shanghai';
let firstGroup = '';
let queuedHour = 0;
let transferHour = 0;

beforeAll(async () => {
  h = await startHarness({ config: { analytics: { rollupEveryMs: 3_600_000 } } });
  await seedDemoRouting(h.xiaoer, {});
  const wang = (await h.xiaoer.auth.login('agent-wang', DEMO_AGENT_PASSWORD))?.token ?? '';
  const { handoffId: firstId } = await servedChat(h, wang);
  await transfer(h, firstId, 'pre-sales', wang);
  // The transfer ends the first handoff before it answers.
  const first = await h.xiaoer.routing.handoff(firstId);
  expect(first.status).toBe('transferred');
  firstGroup = first.group;
  expect(firstGroup).not.toBe('pre-sales');
  queuedHour = localTime(first.enqueuedAt, ZONE).hour;
  transferHour = localTime(first.resolvedAt ?? new Date(), ZONE).hour;
  await h.xiaoer.analytics.rollup();
}, 60_000);
afterAll(async () => h?.close());

async function forecast(group?: string): Promise<number[]> {
  const today = localTime(new Date(h.clock.now()), ZONE).date;
  const nextWeek = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const response = await h.request(
    'GET',
    `/api/analytics/staffing?date=${nextWeek}&weeks=1${group ? `&group=${group}` : ''}`,
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as StaffingPlan).hours.map((hour) => hour.forecast);
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('the staffing forecast of a skill group', () => {
  it('should count a handoff transferred into the group as its arrival, the shop counting it once', async () => {
    const preSales = await forecast('pre-sales');
    expect(sum(preSales)).toBe(1);
    expect(preSales[transferHour]).toBe(1);
    const first = await forecast(firstGroup);
    expect(sum(first)).toBe(1);
    expect(first[queuedHour]).toBe(1);
    // The shop: one customer to take, not two.
    expect(sum(await forecast())).toBe(1);
    const day = localTime(new Date(h.clock.now()), ZONE).date;
    const report = (await (
      await h.request('GET', `/api/analytics/dashboard?from=${day}&to=${day}`)
    ).json()) as DashboardReport;
    expect(report.service.handoffs).toBe(1);
  });
});
