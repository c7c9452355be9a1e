import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { WorkflowDocument } from '@xiaoer/engine';
import {
  DEMO_AGENT_PASSWORD,
  localTime,
  seedDemoRouting,
  type DashboardReport,
  type JourneyFunnel,
  type StaffingPlan,
} from '@xiaoer/server/internal';
import { cloudEvent, responseContract, startHarness, type Harness } from '@xiaoer/server/testing';
import { funnelCounts, openChat, surveyWorkflow as survey } from './analytics-fixture.ts';

/**
 * Known traffic through the real server, store and demo shop, then every dashboard number
 * checked against it: four conversations (two on `app`), one handed to an agent and resolved,
 * one the bot did not understand, one answered by the parcel journey, one left open; three
 * surveys, two answered (4 and 5).
 */
let h: Harness;
let agentToken: string;
const ZONE = 'Asia/Shanghai';
const today = () => localTime(new Date(), ZONE).date;

const shipped = async (id: string) =>
  JSON.parse(
    await readFile(new URL(`../../workflows/${id}.json`, import.meta.url), 'utf8'),
  ) as WorkflowDocument;

async function get<T>(path: string, token?: string): Promise<T> {
  const response = await h.request('GET', path, undefined, token);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}

async function rollup(): Promise<void> {
  const response = await h.request('POST', '/api/analytics/rollup');
  expect(response.status).toBe(200);
}

async function instanceNode(id: string): Promise<string> {
  const response = await h.request('GET', `/api/instances/${id}`);
  return response.status === 200 ? ((await response.json()) as { node: string }).node : '';
}

const handoff = {
  id: '',
  enqueuedAt: 0,
  assignedAt: 0,
  resolvedAt: 0,
};
const opened: { at: Date; channel: string }[] = [];

beforeAll(async () => {
  h = await startHarness({ config: { analytics: { rollupEveryMs: 3_600_000 } } });
  await h.publish(survey, await shipped('where-is-my-parcel'));
  await seedDemoRouting(h.xiaoer, {});
  agentToken = (await h.xiaoer.auth.login('agent-wang', DEMO_AGENT_PASSWORD))?.token ?? '';
  const online = await h.request('POST', '/api/agents/me/status', { status: 'online' }, agentToken);
  expect(online.status).toBe(200);

  // 1. Web: a person is asked for, answers, resolves; the customer closes.
  const person = await openChat(h);
  await person.say('转人工');
  await person.waitFor((m) => m.from === 'system' && m.text.includes('已接入'));
  const replied = await h.request(
    'POST',
    `/api/conversations/${person.id}/messages`,
    { text: '您好，请问有什么可以帮您？' },
    agentToken,
  );
  expect(replied.status).toBe(201);
  const resolved = await h.request(
    'POST',
    `/api/conversations/${person.id}/resolve`,
    {},
    agentToken,
  );
  expect(resolved.status).toBe(200);
  const { handoffId } = (await resolved.json()) as { handoffId: string };
  const record = await h.xiaoer.routing.handoff(handoffId);
  handoff.id = handoffId;
  handoff.enqueuedAt = record.enqueuedAt.getTime();
  handoff.assignedAt = record.assignedAt?.getTime() ?? 0;
  handoff.resolvedAt = record.resolvedAt?.getTime() ?? 0;
  expect((await person.call('POST', '/close')).status).toBe(200);

  // 2. Web: the bot does not understand; closed.
  const puzzled = await openChat(h);
  await puzzled.say('zzqx kkvp wq');
  await puzzled.waitFor((m) => m.from === 'bot' && m.text.includes('没太明白'));
  expect((await puzzled.call('POST', '/close')).status).toBe(200);

  // 3. App: the parcel journey answers; closed.
  await h.shop.createOrder({ orderId: 'AN7001' });
  await h.shop.advance('AN7001', 'shipped');
  const parcel = await openChat(h, 'app', 'demo-customer');
  await parcel.say('我的快递到哪了 订单号 AN7001');
  await parcel.waitFor((m) => m.text.includes('运单号'));
  expect((await parcel.call('POST', '/close')).status).toBe(200);

  // 4. App: opened, nothing said.
  const silent = await openChat(h, 'app');

  for (const chat of [person, puzzled, parcel, silent]) {
    const { conversation } = await get<{ conversation: { createdAt: string; channel?: string } }>(
      `/api/conversations/${chat.id}`,
    );
    opened.push({ at: new Date(conversation.createdAt), channel: conversation.channel ?? 'web' });
  }

  // Surveys: three asked, two answered (4 and 5), one not.
  for (const [orderId, answer] of [
    ['SV1', 's4'],
    ['SV2', 's5'],
    ['SV3', undefined],
  ] as const) {
    expect(
      (await h.sendEvents(cloudEvent('survey.requested', { orderId, phone: '13800000000' })))
        .status,
    ).toBe(202);
    await vi.waitFor(async () => expect(await instanceNode(`survey:${orderId}:1`)).toBe('rate'), {
      timeout: 10_000,
    });
    if (answer) {
      await h.sendEvents(cloudEvent('customer.replied', { orderId, option: answer }));
      await vi.waitFor(
        async () => expect(await instanceNode(`survey:${orderId}:1`)).toBe('thanks'),
        { timeout: 10_000 },
      );
    }
  }
  // The funnel counts who waits from the instances' documents, written behind their steps
  // (docs/runtime.md): write them before reading.
  await h.xiaoer.runtime.idle();
  await rollup();
}, 120_000);
afterAll(async () => h?.close());

describe('the dashboard API against the traffic sent', () => {
  it('should count volume by channel, weekday and hour, against an empty previous period', async () => {
    const report = await get<DashboardReport>(
      `/api/analytics/dashboard?from=${today()}&to=${today()}`,
    );
    expect(report.period).toMatchObject({
      from: today(),
      to: today(),
      timeZone: ZONE,
      channel: null,
    });
    expect(report.channels).toEqual(['app', 'sms', 'web']);
    expect(report.volume).toMatchObject({
      conversations: 4,
      previousConversations: 0,
      change: null,
    });
    expect(report.volume.days).toEqual([{ date: today(), conversations: 4 }]);
    const expected = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
    for (const { at } of opened) {
      const local = localTime(at, ZONE);
      expected[local.weekday]![local.hour]! += 1;
    }
    expect(report.volume.heatmap).toEqual(expected);
    expect(report.volume.peaks[0]?.conversations).toBe(Math.max(...expected.flat()));

    const app = await get<DashboardReport>(
      `/api/analytics/dashboard?from=${today()}&to=${today()}&channel=app`,
    );
    expect(app.volume.conversations).toBe(2);
    expect(app.service).toMatchObject({ closed: 1, automated: 1, handedOff: 0, resolved: 1 });
  });

  it('should give the automation, handoff and resolution rates and the service times', async () => {
    const { service } = await get<DashboardReport>(
      `/api/analytics/dashboard?from=${today()}&to=${today()}`,
    );
    expect(service).toMatchObject({
      conversations: 4,
      closed: 3,
      automated: 2,
      // Of the closed conversations, the one handed to a person (once).
      handedOff: 1,
      handoffs: 1,
      resolved: 2,
      automationRate: 0.6667,
      handoffRate: 0.3333,
      resolutionRate: 0.6667,
      abandonedInQueue: { count: 0, rate: 0 },
    });
    expect(service.wait).toMatchObject({
      averageMs: handoff.assignedAt - handoff.enqueuedAt,
      count: 1,
      percentileCount: 1,
    });
    expect(service.handling).toMatchObject({
      averageMs: handoff.resolvedAt - handoff.assignedAt,
      count: 1,
      percentileCount: 1,
    });
    // One value: its median and 90th percentile are itself (within 2.5 %, and 1 ms rounding).
    const handled = handoff.resolvedAt - handoff.assignedAt;
    for (const p of [service.handling.p50Ms, service.handling.p90Ms])
      expect(Math.abs((p ?? -1) - handled)).toBeLessThanOrEqual(handled * 0.025 + 1);
    // Three conversations had a customer message, and each got an answer.
    expect(service.firstResponse.count).toBe(3);
    expect(service.firstResponse.averageMs).toBeGreaterThanOrEqual(0);
    expect(service.satisfaction).toEqual({ average: 4.5, count: 2, distribution: [0, 0, 0, 1, 1] });
  });

  it('should give per-agent figures and the intents asked about', async () => {
    // Quality inspection scored the resolved handoff; its score is the agent's average.
    const inspected = await vi.waitFor(
      async () => {
        const response = await h.request('GET', `/api/quality/reports/${handoff.id}`);
        expect(response.status).toBe(200);
        return ((await response.json()) as { score: number }).score;
      },
      { timeout: 10_000 },
    );
    await rollup();
    const report = await get<DashboardReport>(
      `/api/analytics/dashboard?from=${today()}&to=${today()}`,
    );
    expect(report.agents).toEqual([
      {
        agentId: 'agent-wang',
        displayName: '小王 Wang',
        conversations: 1,
        resolved: 1,
        resolvedBySupervisor: 0,
        resolutionRate: 1,
        firstResponse: { averageMs: expect.any(Number) as number, count: 1 },
        handling: { averageMs: handoff.resolvedAt - handoff.assignedAt, count: 1 },
        satisfaction: { average: null, count: 0 },
        quality: { average: inspected, count: 1 },
      },
    ]);
    const human = report.intents.find((i) => i.intent === 'human');
    expect(human).toMatchObject({ count: 1, previousCount: 0, lastDay: 1, spike: false });
    const total = report.intents.reduce((sum, i) => sum + i.count, 0);
    // One per conversation and intent: three conversations said something, one intent each.
    expect(total).toBe(3);
  });

  it('should give a journey funnel: entries, drop-off and completions per node, the waiting apart (issue 21)', async () => {
    const funnel = await get<JourneyFunnel>(
      `/api/analytics/journeys/survey/funnel?from=${today()}&to=${today()}`,
    );
    expect(funnel).toMatchObject({ workflowId: 'survey', started: 3, completed: 2, cancelled: 0 });
    expect(funnelCounts(funnel)).toEqual([
      { nodeId: 'asked', entered: 3, left: 3, waiting: 0, dropped: 0, reachedRate: 1 },
      // The third customer has not answered yet: waiting at the question, not dropped off.
      { nodeId: 'rate', entered: 3, left: 2, waiting: 1, dropped: 0, reachedRate: 1 },
      { nodeId: 'thanks', entered: 2, left: 0, waiting: 0, dropped: 0, reachedRate: 0.6667 },
    ]);
    // Two answers, each after some time waiting at the question.
    expect(funnel.nodes[1]?.time.count).toBe(2);
  });

  it("should move an agent's quality average when an operator overrides a score", async () => {
    const override = await h.request('PUT', `/api/quality/reports/${handoff.id}/override`, {
      score: 42,
      note: '抽检复核 / reviewed',
    });
    expect(override.status, await override.clone().text()).toBe(200);
    await rollup();
    const report = await get<DashboardReport>(
      `/api/analytics/dashboard?from=${today()}&to=${today()}`,
    );
    expect(report.agents[0]?.quality).toEqual({ average: 42, count: 1 });
  });

  it('should not count anything twice when the rollup runs again', async () => {
    await rollup();
    await rollup();
    const report = await get<DashboardReport>(
      `/api/analytics/dashboard?from=${today()}&to=${today()}`,
    );
    expect(report.volume.conversations).toBe(4);
    expect(report.service.closed).toBe(3);
  });

  it('should plan staffing from the same weekday last week, against agents online', async () => {
    const nextWeek = localTime(new Date(Date.now() + 7 * 86_400_000), ZONE).date;
    const plan = await get<StaffingPlan>(`/api/analytics/staffing?date=${nextWeek}&weeks=1`);
    const hour = localTime(new Date(handoff.enqueuedAt), ZONE).hour;
    expect(plan).toMatchObject({
      date: nextWeek,
      weeksUsed: 1,
      agentsOnline: 1,
      target: { level: 0.8, seconds: 20 },
      averageHandlingSeconds: Math.max(
        1,
        Math.round((handoff.resolvedAt - handoff.assignedAt) / 1000),
      ),
    });
    expect(plan.hours[hour]).toMatchObject({ forecast: 1, agentsNeeded: 1, missesTarget: false });
    expect(plan.hours.filter((h) => h.forecast > 0)).toHaveLength(1);
    expect(plan.hours.filter((h) => h.agentsNeeded > 0)).toHaveLength(1);
  });

  it('should answer as the OpenAPI document declares, with real figures in every part', async () => {
    const docs = await h.request('GET', '/api/docs', undefined, '');
    const breaches = responseContract(await docs.json());
    const period = `from=${today()}&to=${today()}`;
    const answers: [string, string][] = [
      ['/api/analytics/dashboard', `/api/analytics/dashboard?${period}`],
      ['/api/analytics/journeys/{id}/funnel', `/api/analytics/journeys/survey/funnel?${period}`],
      ['/api/analytics/staffing', `/api/analytics/staffing?date=${today()}&weeks=1`],
    ];
    const broken: string[] = [];
    for (const [path, url] of answers) broken.push(...breaches('GET', path, 200, await get(url)));
    expect(broken).toEqual([]);
    const report = await get<DashboardReport>(`/api/analytics/dashboard?${period}`);
    expect(report.agents.length).toBeGreaterThan(0);
    expect(report.intents.length).toBeGreaterThan(0);
  });

  it('should export every table as CSV with a zh/en header', async () => {
    const range = `from=${today()}&to=${today()}`;
    for (const [table, expected] of [
      [
        'agents',
        '客服 / agent,姓名 / name,处理的转人工 / handoffs finished,已解决 / resolved,' +
          '转人工解决率（0–1）/ handoff resolution (0–1),客服首次回复（秒）/ agent first reply (s),' +
          '处理时长（秒）/ handling (s),满意度 / satisfaction,质检分 / quality\nagent-wang,小王 Wang,1,1,1,',
      ],
      ['volume', `${today()},4`],
      [
        'service',
        '指标 / figure,比率（0–1）/ rate (0–1),数量 / count,总数 / of,平均（秒）/ average (s),' +
          '中位数（秒）/ p50 (s),90 分位（秒）/ p90 (s)\n会话 / conversations opened,,4,,,,\n' +
          '已关闭会话 / conversations closed,,3,,,,\n自动解决率 / automation rate,0.6667,2,3,,,\n' +
          '转过人工的会话占比 / share of conversations handed to a person at least once,0.3333,1,3,,,',
      ],
      ['intents', 'human,1,0,,1,0,false'],
      ['funnel', 'rate,rate,askCustomer,3,3,2,1,0,1'],
      ['staffing', '0,0,0,1,,false'],
    ] as const) {
      const response = await h.request(
        'GET',
        `/api/analytics/export/${table}.csv?${range}&workflowId=survey`,
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      const bytes = new Uint8Array(await response.arrayBuffer());
      // A byte-order mark first, so spreadsheet programs read the Chinese as UTF-8.
      expect([...bytes.slice(0, 3)], table).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes);
      expect(text, table).toContain(' / ');
      expect(text, table).toContain(expected);
    }
  });
});

describe('bad analytics requests', () => {
  it('should refuse bad dates, periods, channels and ids with a precise 4xx', async () => {
    for (const [query, parameter] of [
      ['from=2026-13-01&to=2026-12-01', 'from'],
      ['from=2026-11-30&to=2026-11-01', 'from'],
      ['from=2020-01-01&to=2026-01-01', 'from'],
      ['channel=App;drop', 'channel'],
      ['channel[$ne]=web', 'channel[$ne]'],
      ['to=tomorrow', 'to'],
    ] as const) {
      const response = await h.request('GET', `/api/analytics/dashboard?${query}`);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as {
        error: {
          code: string;
          message: { zh: string; en: string };
          details: { parameter: string };
        };
      };
      expect(body.error.code).toBe('invalid-query');
      expect(body.error.details.parameter).toBe(parameter);
      expect(body.error.message.zh.length).toBeGreaterThan(0);
    }
    expect((await h.request('GET', '/api/analytics/staffing?targetLevel=2')).status).toBe(400);
    expect((await h.request('GET', '/api/analytics/journeys/nope/funnel')).status).toBe(404);
    expect((await h.request('GET', '/api/analytics/export/secrets.csv')).status).toBe(404);
    expect((await h.request('GET', '/api/analytics/export/funnel.csv')).status).toBe(400);
    expect((await h.request('GET', '/api/analytics/dashboard', undefined, '')).status).toBe(401);
    expect((await h.request('POST', '/api/analytics/rollup', undefined, agentToken)).status).toBe(
      403,
    );
  });
});
