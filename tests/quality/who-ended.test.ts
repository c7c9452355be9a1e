import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '@xiaoer/server/testing';
import { handedOver as handedOverTo, reportOf as reportOfHandoff } from './handed-over.ts';
import { goOnline, startDemoDesk, userToken } from '../routing/routing-fixture.ts';

/**
 * Who ended a handoff decides what its agent answers for. Before, an agent's
 * `POST /api/handoffs/:id/abandon` (or the desk's resolve with outcome `abandoned`) named
 * nobody, so abandoning without a word escaped the inspection that resolving or closing gets;
 * and a supervisor's resolve counted as the agent's, "closed without replying" charged to an
 * agent who never closed it. Now the handoff and its report say who ended it, in which role.
 */
let h: Harness;
let li: string;
let supervisor: string;

beforeAll(async () => {
  ({ h, li } = await startDemoDesk());
  supervisor = await userToken(h, 'sup-zhao', 'operator');
  await goOnline(h, li);
});
afterAll(async () => h?.close());

/** A customer handed to agent-li, who says `agentLines`. */
const handedOver = (agentLines: string[]) => handedOverTo(h, li, agentLines);
const reportOf = (handoffId: string) => reportOfHandoff(h, handoffId);

/** The handoff as the API shows it. */
const handoffOf = async (handoffId: string) => {
  const response = await h.request('GET', `/api/handoffs/${handoffId}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { handoff: Record<string, unknown> }).handoff;
};

/** Waits for the inspection of `handoffId` to be over, with or without a report. */
async function inspected(handoffId: string): Promise<void> {
  await h.xiaoer.quality.idle();
  await expect.poll(() => h.xiaoer.models.QualityInbox.countDocuments({ _id: handoffId })).toBe(0);
}

describe('an agent who abandons their handoff', () => {
  it('should be inspected like any end of theirs: abandoning without a word escapes nothing', async () => {
    const { handoffId } = await handedOver([]);
    const abandoned = await h.request('POST', `/api/handoffs/${handoffId}/abandon`, {}, li);
    expect(abandoned.status).toBe(200);
    expect(await abandoned.json()).toMatchObject({
      status: 'abandoned',
      endedBy: 'user:agent-li',
      endedByRole: 'agent',
    });
    const report = await reportOf(handoffId);
    expect(report).toMatchObject({ agentId: 'agent-li', endedBy: 'user:agent-li' });
    expect(report.findings.map((f) => f.rule)).toEqual(['noGreeting', 'closedWithoutReply']);
    expect(report.score).toBe(60);
  });

  it('should be inspected when abandoned from the desk (resolve with outcome abandoned)', async () => {
    const { chat, handoffId } = await handedOver([]);
    const ended = await h.request(
      'POST',
      `/api/conversations/${chat.id}/resolve`,
      { outcome: 'abandoned' },
      li,
    );
    expect(ended.status).toBe(200);
    const report = await reportOf(handoffId);
    expect(report.findings.map((f) => f.rule)).toEqual(['noGreeting', 'closedWithoutReply']);
    expect(await handoffOf(handoffId)).toMatchObject({
      status: 'abandoned',
      endedBy: 'user:agent-li',
      endedByRole: 'agent',
    });
  });
});

describe('a supervisor who resolves an agent’s handoff', () => {
  it('should be recorded as theirs, and not charge the silent agent with closing it', async () => {
    const { handoffId } = await handedOver([]);
    const resolved = await h.request('POST', `/api/handoffs/${handoffId}/resolve`, {}, supervisor);
    expect(resolved.status).toBe(200);
    expect(await handoffOf(handoffId)).toMatchObject({
      status: 'resolved',
      agentId: 'agent-li',
      endedBy: 'user:sup-zhao',
      endedByRole: 'operator',
    });
    await inspected(handoffId);
    // The agent said nothing and ended nothing: like a customer who left first, not theirs.
    expect(await h.xiaoer.quality.reports.get(handoffId)).toBeNull();
  });

  it('should judge the agent on what they wrote, the report saying who resolved it', async () => {
    const { chat, handoffId } = await handedOver(['您好，订单号发一下']);
    const resolved = await h.request(
      'POST',
      `/api/conversations/${chat.id}/resolve`,
      {},
      supervisor,
    );
    expect(resolved.status).toBe(200);
    const report = await reportOf(handoffId);
    expect(report).toMatchObject({
      agentId: 'agent-li',
      endedBy: 'user:sup-zhao',
      endedByRole: 'operator',
      score: 100,
      findings: [],
    });
  });

  it('should be told apart from the agent’s own resolve, which is still theirs', async () => {
    const { handoffId } = await handedOver([]);
    const resolved = await h.request('POST', `/api/handoffs/${handoffId}/resolve`, {}, li);
    expect(resolved.status).toBe(200);
    const report = await reportOf(handoffId);
    expect(report).toMatchObject({ endedBy: 'user:agent-li', endedByRole: 'agent' });
    expect(report.findings.map((f) => f.rule)).toEqual(['noGreeting', 'closedWithoutReply']);
  });
});

describe('a handoff stored before endings were recorded', () => {
  it('should read without the fields, a resolve counting as its agent’s as before', async () => {
    const { handoffId } = await handedOver([]);
    await h.xiaoer.routing.resolve(handoffId);
    // As an older version stored it: no `endedBy`, no `endedByRole`.
    await h.xiaoer.models.Handoffs.collection.updateOne(
      { _id: handoffId as never },
      { $unset: { endedBy: '', endedByRole: '' } },
    );
    const handoff = await handoffOf(handoffId);
    expect(handoff['status']).toBe('resolved');
    expect(handoff['endedBy'] ?? null).toBeNull();
    const report = await reportOf(handoffId);
    expect(report.findings.map((f) => f.rule)).toEqual(['noGreeting', 'closedWithoutReply']);
    expect(report.endedBy ?? null).toBeNull();
  });
});
