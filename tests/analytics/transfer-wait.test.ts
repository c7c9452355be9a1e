import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_AGENT_PASSWORD, localTime, seedDemoRouting } from '@xiaoer/server/internal';
import type { DashboardReport } from '@xiaoer/server/internal';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { servedChat, transfer } from './analytics-fixture.ts';

/**
 * A customer an agent served for a minute, then transferred to another group, where a second
 * agent took them at once: the second wait is the time from the transfer, not from the first
 * queueing (which would count the first agent's minute as waiting).
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ config: { analytics: { rollupEveryMs: 3_600_000 } } });
});
afterAll(async () => h?.close());

describe('the wait of a transferred handoff', () => {
  it('should start at the transfer when an agent had the customer before', async () => {
    await seedDemoRouting(h.xiaoer, {});
    const token = async (id: string) =>
      (await h.xiaoer.auth.login(id, DEMO_AGENT_PASSWORD))?.token ?? '';
    const [wang, li] = [await token('agent-wang'), await token('agent-li')];
    const { chat, handoffId: firstId } = await servedChat(h, wang);
    // Only agent-li serves pre-sales; she comes online, then wang serves a minute and transfers.
    await h.request('POST', '/api/agents/me/status', { status: 'online' }, li);
    await h.clock.advance(60_000);
    const secondId = await transfer(h, firstId, 'pre-sales', wang);
    const second = await vi.waitFor(
      async () => {
        const found = await h.xiaoer.routing.handoff(secondId);
        expect(found.agentId).toBe('agent-li');
        return found;
      },
      { timeout: 10_000 },
    );
    await vi.waitFor(
      async () => expect((await h.xiaoer.desk.store.get(chat.id))?.handoffId).toBe(secondId),
      { timeout: 10_000 },
    );
    const resolved = await h.request('POST', `/api/conversations/${chat.id}/resolve`, {}, li);
    expect(resolved.status, await resolved.clone().text()).toBe(200);
    const first = await h.xiaoer.routing.handoff(firstId);
    const waits = [
      (first.assignedAt?.getTime() ?? 0) - first.enqueuedAt.getTime(),
      (second.assignedAt?.getTime() ?? 0) - (first.resolvedAt?.getTime() ?? 0),
    ];
    await h.xiaoer.analytics.rollup();
    const day = localTime(new Date(h.clock.now()), 'Asia/Shanghai').date;
    const report = (await (
      await h.request('GET', `/api/analytics/dashboard?from=${day}&to=${day}`)
    ).json()) as DashboardReport;
    // Both waits were short: the first agent's minute is handling, not waiting.
    expect(report.service.wait).toMatchObject({
      count: 2,
      averageMs: Math.round((waits[0]! + waits[1]!) / 2),
    });
    expect(report.service.wait.averageMs).toBeLessThan(30_000);
    expect(report.service.handling.count).toBe(2);
  });
});
