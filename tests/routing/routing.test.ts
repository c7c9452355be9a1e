import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { DEMO_AGENT_PASSWORD, seedDemoRouting, type AssignedEvent } from '@xiaoer/server/internal';
import { customer, goOnline, setupGroup } from './routing-fixture.ts';

let h: Harness;
const assigned: AssignedEvent[] = [];

beforeAll(async () => {
  h = await startHarness();
  h.xiaoer.routing.onAssigned((event) => assigned.push(event));
});
afterAll(async () => h?.close());

const enqueue = (group: string, id: string, tier = 'normal') =>
  h.xiaoer.routing.enqueue({
    id,
    conversationId: `conv-${id}`,
    customer: customer(`cust-${id}`, tier),
    group,
    context: { transcript: [['customer', '我要退款']], intents: ['refund'] },
  });

describe('routing handoffs to human agents', () => {
  it('should queue without an agent, VIP first, and give the first online agent the oldest VIP', async () => {
    const tokens = await setupGroup(h, 'g-order', [{ id: 'order-a', maxConcurrent: 1 }]);
    const first = await enqueue('g-order', 'o-n1');
    const second = await enqueue('g-order', 'o-n2');
    const vip = await enqueue('g-order', 'o-v1', 'vip');
    expect([first, second, vip].map((r) => (r.assigned ? 0 : r.position.position))).toEqual([
      1, 2, 1,
    ]);
    expect(second.assigned ? undefined : second.position.text.zh).toBe(
      '您前面还有 1 位，预计等待约 10 分钟',
    );
    expect((await h.xiaoer.routing.position('o-n1'))?.position).toBe(2);

    await goOnline(h, tokens['order-a'] ?? '');
    expect((await h.xiaoer.routing.handoff('o-v1')).agentId).toBe('order-a');
    expect(assigned.find((e) => e.handoff._id === 'o-v1')).toMatchObject({
      agentId: 'order-a',
      handoff: { conversationId: 'conv-o-v1', context: { intents: ['refund'] } },
    });
    const queues = (await (await h.request('GET', '/api/queues')).json()) as {
      queues: { group: string; waiting: number; onlineAgents: number; availableAgents: number }[];
    };
    expect(queues.queues.find((q) => q.group === 'g-order')).toMatchObject({
      waiting: 2,
      onlineAgents: 1,
      availableAgents: 0,
    });
  });

  it('should free the slot on resolve and pull the next waiting customer', async () => {
    const token = (await h.xiaoer.auth.login('order-a', 'order-a-密码-123'))?.token ?? '';
    const resolved = await h.request('POST', '/api/handoffs/o-v1/resolve', undefined, token);
    expect(resolved.status).toBe(200);
    expect(await resolved.json()).toMatchObject({ status: 'resolved' });
    const inbox = (await (
      await h.request('GET', '/api/agents/me/inbox', undefined, token)
    ).json()) as {
      handoffs: { _id: string; context: unknown }[];
    };
    expect(inbox.handoffs.map((x) => x._id)).toEqual(['o-n1']);
    expect(inbox.handoffs[0]?.context).toMatchObject({ intents: ['refund'] });
  });

  it('should respect each agent’s maximum of simultaneous conversations', async () => {
    const tokens = await setupGroup(h, 'g-cap', [{ id: 'cap-a', maxConcurrent: 2 }]);
    await goOnline(h, tokens['cap-a'] ?? '');
    const results = [];
    for (const id of ['c-1', 'c-2', 'c-3']) results.push(await enqueue('g-cap', id));
    expect(results.map((r) => r.assigned)).toEqual([true, true, false]);
    // One online agent, no resolved handoff yet: 5 minutes assumed per customer.
    expect((await h.xiaoer.routing.position('c-3'))?.text.zh).toBe('您是下一位，预计等待约 5 分钟');
    expect((await h.xiaoer.routing.inbox('cap-a')).map((x) => x._id)).toEqual(['c-1', 'c-2']);
  });

  it('should route a returning customer to the agent who served them last', async () => {
    const tokens = await setupGroup(h, 'g-sticky', [
      { id: 'sticky-x', maxConcurrent: 3 },
      { id: 'sticky-y', maxConcurrent: 3 },
    ]);
    await goOnline(h, tokens['sticky-x'] ?? '');
    const firstVisit = await enqueue('g-sticky', 's-1');
    expect(firstVisit).toMatchObject({ assigned: true, agentId: 'sticky-x' });
    await h.xiaoer.routing.resolve('s-1');
    await goOnline(h, tokens['sticky-y'] ?? '');
    // s-2 goes to sticky-x (idle longer); without stickiness the returning customer would then
    // go to sticky-y, the less loaded.
    expect(await enqueue('g-sticky', 's-2')).toMatchObject({ agentId: 'sticky-x' });
    const returning = await h.xiaoer.routing.enqueue({
      conversationId: 'conv-again',
      customer: customer('cust-s-1'),
      group: 'g-sticky',
    });
    expect(returning).toMatchObject({ assigned: true, agentId: 'sticky-x' });
    expect(assigned.at(-1)).toMatchObject({ agentId: 'sticky-x', sticky: true });
  });

  it('should transfer a handoff to another group, ending the old one', async () => {
    const tokens = await setupGroup(h, 'g-from', [{ id: 'from-a', maxConcurrent: 1 }]);
    const to = await setupGroup(h, 'g-to', [{ id: 'to-a', maxConcurrent: 1 }]);
    await goOnline(h, tokens['from-a'] ?? '');
    await goOnline(h, to['to-a'] ?? '');
    await enqueue('g-from', 't-1');
    const response = await h.request(
      'POST',
      '/api/handoffs/t-1/transfer',
      { group: 'g-to' },
      tokens['from-a'],
    );
    expect(response.status).toBe(200);
    const next = (await response.json()) as { _id: string; status: string; agentId: string };
    expect(next).toMatchObject({ status: 'assigned', agentId: 'to-a', transferredFrom: 't-1' });
    expect(await h.xiaoer.routing.handoff('t-1')).toMatchObject({
      status: 'transferred',
      transferredTo: next._id,
    });
    expect(await h.xiaoer.routing.inbox('from-a')).toEqual([]);
  });

  it.each([
    { name: 'disabled', id: 'leaver-off', change: { disabled: true } },
    { name: 'made a viewer', id: 'leaver-viewer', change: { role: 'viewer' } },
  ])(
    'should take an online agent off duty when an admin has them $name (no new handoffs)',
    async ({ id, change }) => {
      const group = `g-${id}`;
      const tokens = await setupGroup(h, group, [{ id, maxConcurrent: 3 }]);
      await goOnline(h, tokens[id] ?? '');
      expect((await h.request('PATCH', `/api/users/${id}`, change)).status).toBe(200);
      expect(await h.xiaoer.routing.directory.agent(id)).toMatchObject({ status: 'away' });
      // The customer waits in the queue for someone who can answer, not for the account gone.
      expect(await enqueue(group, `${id}-h`)).toMatchObject({ assigned: false });
      expect(await h.xiaoer.routing.inbox(id)).toEqual([]);
    },
  );

  it('should assign by intent when no group is named', async () => {
    await h.request('PUT', '/api/skill-groups/g-intent', {
      title: { zh: '发票', en: 'Invoices' },
      intents: ['invoice'],
    });
    const result = await h.xiaoer.routing.enqueue({
      conversationId: 'conv-i',
      customer: customer('cust-i'),
      intent: 'invoice',
    });
    expect(result.handoff.group).toBe('g-intent');
  });

  it('should release a claim left by a process that died before marking the handoff assigned', async () => {
    const tokens = await setupGroup(h, 'g-stale', [{ id: 'stale-a', maxConcurrent: 1 }]);
    await h.xiaoer.models.Assignments.create({
      _id: 'stale-1',
      agentId: 'dead-process-agent',
      assignedAt: new Date(Date.now() - 60_000),
    });
    await goOnline(h, tokens['stale-a'] ?? '');
    expect(await enqueue('g-stale', 'stale-1')).toMatchObject({ assigned: false });
    await goOnline(h, tokens['stale-a'] ?? '');
    expect(await h.xiaoer.routing.handoff('stale-1')).toMatchObject({
      status: 'assigned',
      agentId: 'stale-a',
    });
  });

  it('should seed the demo skill groups and agents once, keeping what exists', async () => {
    await seedDemoRouting(h.xiaoer, {});
    await h.xiaoer.routing.directory.saveAgent('agent-li', { maxConcurrent: 7 });
    await seedDemoRouting(h.xiaoer, {});
    const groups = await h.xiaoer.routing.directory.skillGroups();
    expect(groups.find((g) => g._id === 'after-sales')?.intents).toContain('refund');
    expect(await h.xiaoer.routing.directory.agent('agent-li')).toMatchObject({ maxConcurrent: 7 });
    expect(await h.xiaoer.auth.login('agent-wang', DEMO_AGENT_PASSWORD)).toMatchObject({
      user: { role: 'agent' },
    });
  });
});
