import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ruleset } from '@xiaoer/server/internal';
import type { Harness } from '@xiaoer/server/testing';
import { handedOver as handedOverTo, reportOf as reportOfHandoff } from './handed-over.ts';
import { goOnline, startDemoDesk } from '../routing/routing-fixture.ts';

/**
 * Only resolved handoffs were inspected; a close ends a handoff as abandoned (endedBy
 * user:<id>), so an agent who always closed instead of resolving escaped inspection. Now every
 * handoff its agent wrote in, or closed themselves, is inspected however it ended; one the
 * customer left before the agent said a word is not the agent's to answer for.
 */
let h: Harness;
let li: string;

beforeAll(async () => {
  ({ h, li } = await startDemoDesk());
  await goOnline(h, li);
});
afterAll(async () => h?.close());

/** A customer handed to agent-li, who says `agentLines`. */
const handedOver = (agentLines: string[]) => handedOverTo(h, li, agentLines);
const reportOf = (handoffId: string) => reportOfHandoff(h, handoffId);

describe('inspection of a handoff that ended unresolved', () => {
  it('should inspect one the agent answered in and then closed', async () => {
    const { chat, handoffId } = await handedOver(['订单号发一下', '我查一下，稍后回复您']);
    const closed = await h.request('POST', `/api/conversations/${chat.id}/close`, {}, li);
    expect(closed.status).toBe(200);
    const report = await reportOf(handoffId);
    expect(report).toMatchObject({ agentId: 'agent-li', conversationId: chat.id });
    expect(report.findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['noGreeting', 'followUpWithoutTask']),
    );
  });

  it('should inspect one the agent closed without a word, as closed without replying', async () => {
    const { chat, handoffId } = await handedOver([]);
    const closed = await h.request('POST', `/api/conversations/${chat.id}/close`, {}, li);
    expect(closed.status).toBe(200);
    const report = await reportOf(handoffId);
    // Before, it was "never answered", the slow first answer of a customer kept waiting (75).
    expect(report.findings.map((f) => f.rule)).toEqual(['noGreeting', 'closedWithoutReply']);
    expect(report.findings[1]?.text.zh).toContain('未回复即关闭');
    expect(report.findings[1]?.text.en).toContain('closed the chat without replying');
    expect(report.score).toBe(60);
  });

  it('should score one the agent wrote in and closed as before, without that finding', async () => {
    const { chat, handoffId } = await handedOver(['您好，订单号发一下']);
    const closed = await h.request('POST', `/api/conversations/${chat.id}/close`, {}, li);
    expect(closed.status).toBe(200);
    const report = await reportOf(handoffId);
    expect(report.findings).toEqual([]);
    expect(report.score).toBe(100);
  });

  it('should not inspect one the customer left before the agent said anything', async () => {
    const { chat, handoffId } = await handedOver([]);
    const left = await chat.call('POST', '/close', {});
    expect(left.status).toBe(200);
    await h.xiaoer.quality.idle();
    await expect
      .poll(() => h.xiaoer.models.QualityInbox.countDocuments({ _id: handoffId }))
      .toBe(0);
    expect(await h.xiaoer.quality.reports.get(handoffId)).toBeNull();
  });
});

describe('a handoff its agent resolved without a word', () => {
  it('should be closed without replying too: resolving instead of closing escapes nothing', async () => {
    const { chat, handoffId } = await handedOver([]);
    const resolved = await h.request('POST', `/api/conversations/${chat.id}/resolve`, {}, li);
    expect(resolved.status).toBe(200);
    const report = await reportOf(handoffId);
    expect(report.findings.map((f) => f.rule)).toEqual(['noGreeting', 'closedWithoutReply']);
    expect(report.score).toBe(60);
  });
});

describe('the rule added to a stored ruleset', () => {
  it('should be seeded as the next ruleset version, the others kept', async () => {
    const rules = h.xiaoer.models.QualityRules;
    // A store an older version seeded and an operator edited twice: six rules, version 3.
    await rules.deleteOne({ _id: 'closedWithoutReply' });
    await rules.updateMany({}, { $set: { version: 3 } });
    await rules.updateOne({ _id: 'noGreeting' }, { $set: { weight: 12 } });
    const response = await h.request('GET', '/api/quality/rules');
    expect(response.status).toBe(200);
    const ruleset = (await response.json()) as Ruleset;
    expect(ruleset.version).toBe(4);
    expect(ruleset.rules.find((r) => r.id === 'closedWithoutReply')).toMatchObject({
      enabled: true,
      weight: 30,
      params: {},
      version: 4,
    });
    expect(ruleset.rules.find((r) => r.id === 'noGreeting')).toMatchObject({
      weight: 12,
      version: 3,
    });
  });
});
