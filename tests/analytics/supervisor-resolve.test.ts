import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_AGENT_PASSWORD, localTime, seedDemoRouting } from '@xiaoer/server/internal';
import type { AgentFigures, DashboardReport, HandoffEndedFact } from '@xiaoer/server/internal';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { servedChat } from './analytics-fixture.ts';
import { userToken } from '../routing/routing-fixture.ts';

/**
 * A supervisor's resolve is not the agent's: agent-li resolves one handoff herself, an operator
 * resolves another for her, she abandons a third. Her figures count three handoffs she held
 * and one resolution of hers; the operator's is counted apart. The ended facts say who ended
 * each handoff, in which role. Before, the operator's resolve was one of hers (2 of 3).
 */
let h: Harness;
const ZONE = 'Asia/Shanghai';
const ended: Record<string, string> = {};
const endedFacts = new Map<string, HandoffEndedFact>();

beforeAll(async () => {
  h = await startHarness({ config: { analytics: { rollupEveryMs: 3_600_000 } } });
  await seedDemoRouting(h.xiaoer, {});
  const li = (await h.xiaoer.auth.login('agent-li', DEMO_AGENT_PASSWORD))?.token ?? '';
  const supervisor = await userToken(h, 'sup-qian', 'operator');
  const end = async (key: string, action: 'resolve' | 'abandon', token: string) => {
    const { chat, handoffId } = await servedChat(h, li);
    const sent = await h.request(
      'POST',
      `/api/conversations/${chat.id}/messages`,
      { text: '您好' },
      li,
    );
    expect(sent.status).toBe(201);
    const answer = await h.request('POST', `/api/handoffs/${handoffId}/${action}`, {}, token);
    expect(answer.status).toBe(200);
    ended[key] = handoffId;
  };
  await end('own', 'resolve', li);
  await end('supervisor', 'resolve', supervisor);
  await end('abandoned', 'abandon', li);
  // The facts as recorded, before the rollup folds them into days (and deletes them).
  await h.xiaoer.analytics.facts.settled();
  await vi.waitFor(
    async () => {
      // The recorder writes its buffer a moment later, on the harness's clock.
      await h.clock.advance(1_000);
      // Packs of facts, each with its deterministic id.
      const packs = await h.xiaoer.models.AnalyticsFacts.collection.find({}).toArray();
      const wanted = new Set(Object.values(ended).map((id) => `ended|${id}`));
      const facts = packs
        .flatMap((pack) => pack['facts'] as (HandoffEndedFact & { _id: string })[])
        .filter((fact) => wanted.has(fact._id));
      for (const fact of facts) endedFacts.set(fact._id.slice('ended|'.length), fact);
      expect(facts).toHaveLength(3);
    },
    { timeout: 10_000, interval: 100 },
  );
  await h.xiaoer.analytics.rollup();
}, 60_000);
afterAll(async () => h?.close());

async function agentLi(): Promise<AgentFigures | undefined> {
  const day = localTime(new Date(h.clock.now()), ZONE).date;
  const response = await h.request('GET', `/api/analytics/dashboard?from=${day}&to=${day}`);
  expect(response.status).toBe(200);
  const report = (await response.json()) as DashboardReport;
  return report.agents.find((agent) => agent.agentId === 'agent-li');
}

describe('the ended facts', () => {
  it('should say who ended each handoff and in which role', () => {
    expect(endedFacts.get(ended['own'] ?? '')).toMatchObject({
      outcome: 'resolved',
      agentId: 'agent-li',
      endedBy: 'user:agent-li',
      endedByRole: 'agent',
    });
    expect(endedFacts.get(ended['supervisor'] ?? '')).toMatchObject({
      outcome: 'resolved',
      agentId: 'agent-li',
      endedBy: 'user:sup-qian',
      endedByRole: 'operator',
    });
    expect(endedFacts.get(ended['abandoned'] ?? '')).toMatchObject({
      outcome: 'abandoned',
      endedBy: 'user:agent-li',
      endedByRole: 'agent',
    });
  });
});

describe('the agent’s figures', () => {
  it('should count a supervisor’s resolve as a handoff she held, not as her resolution', async () => {
    expect(await agentLi()).toMatchObject({
      conversations: 3,
      resolved: 1,
      resolvedBySupervisor: 1,
      resolutionRate: 0.3333,
    });
  });
});
