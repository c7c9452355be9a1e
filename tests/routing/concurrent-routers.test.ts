import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import {
  AssignmentClaims,
  createModels,
  Router,
  type AssignedEvent,
} from '@xiaoer/server/internal';
import { customer, setupGroup } from './routing-fixture.ts';

let h: Harness;
let second: Connection;
let routers: Router[];
let secondModels: ReturnType<typeof createModels>;

beforeAll(async () => {
  h = await startHarness();
  // Two server processes on one store: each Router has its own connection and models.
  second = await mongoose.createConnection(h.store.uri).asPromise();
  secondModels = createModels(second);
  routers = [h.xiaoer.routing, new Router(secondModels, { users: h.xiaoer.auth })];
});
afterAll(async () => {
  await routers[1]?.idle();
  await second?.close();
  await h?.close();
});

describe('two routers assigning on one store', () => {
  it('should never over-assign an agent nor assign one handoff twice', async () => {
    await setupGroup(h, 'g-race', [
      { id: 'race-1', maxConcurrent: 2 },
      { id: 'race-2', maxConcurrent: 3 },
    ]);
    const [a, b] = routers as [Router, Router];
    const events: AssignedEvent[] = [];
    a.onAssigned((event) => events.push(event));
    b.onAssigned((event) => events.push(event));
    for (let i = 0; i < 12; i++)
      await (i % 2 ? a : b).enqueue({
        id: `race-${i}`,
        conversationId: `conv-race-${i}`,
        customer: customer(`cust-race-${i}`, i % 3 ? 'normal' : 'vip'),
        group: 'g-race',
      });

    // Both agents come online on both routers at once, several times over.
    await Promise.all(
      [a, b, a, b, a, b].map((router, i) =>
        router.setAgentStatus(i % 2 ? 'race-1' : 'race-2', 'online'),
      ),
    );
    await a.setAgentStatus('race-1', 'online'); // settles a slot both racers gave back

    const handoffIds = events.map((event) => event.handoff._id);
    expect(new Set(handoffIds).size).toBe(handoffIds.length);
    const inboxes = await Promise.all([a.inbox('race-1'), a.inbox('race-2')]);
    expect(inboxes.map((inbox) => inbox.length)).toEqual([2, 3]);
    const assignedIds = inboxes.flat().map((x) => x._id);
    expect(new Set(assignedIds).size).toBe(5);
    expect([...handoffIds].sort()).toEqual([...assignedIds].sort());
    const summary = (await a.queues()).find((q) => q.group === 'g-race');
    expect(summary).toMatchObject({ waiting: 7, onlineAgents: 2, availableAgents: 0 });
  });

  it('should answer an enqueue that another process assigned between its reads as assigned, not as closed', async () => {
    await setupGroup(h, 'g-between', [{ id: 'between-1', maxConcurrent: 1 }]);
    const [first] = routers as [Router, Router];
    // A third process, whose read of the handoff's queue comes right after the first process
    // assigned it: the handoff was waiting when read, and is in no queue any more.
    let assignedMeanwhile = false;
    const Handoffs = new Proxy(secondModels.Handoffs, {
      get(target, key, receiver) {
        if (key !== 'find') return Reflect.get(target, key, receiver);
        return (filter: Record<string, unknown>, projection?: Record<string, unknown>) => {
          const query = target.find(filter, projection);
          if (
            assignedMeanwhile ||
            filter['status'] !== 'waiting' ||
            filter['group'] !== 'g-between'
          )
            return query;
          assignedMeanwhile = true;
          return {
            lean: async () => {
              await first.setAgentStatus('between-1', 'online');
              return query.lean();
            },
          };
        };
      },
    });
    const third = new Router({ ...secondModels, Handoffs }, { users: h.xiaoer.auth });
    const result = await third.enqueue({
      id: 'between-0',
      conversationId: 'conv-between-0',
      customer: customer('cust-between-0', 'normal'),
      group: 'g-between',
    });
    expect(assignedMeanwhile).toBe(true);
    expect(result).toMatchObject({ assigned: true, agentId: 'between-1' });
    await third.idle();
  });

  it('should let racing claims keep an agent within capacity and give a handoff one owner', async () => {
    const claims = [new AssignmentClaims(h.xiaoer.models), new AssignmentClaims(secondModels)];
    const agent = { _id: 'claim-agent', maxConcurrent: 3 };
    const at = new Date();
    const slots = await Promise.all(
      Array.from({ length: 20 }, (_, i) => claims[i % 2]?.claim(`slot-${i}`, agent, at)),
    );
    const kept = slots.filter((result) => result === 'claimed').length;
    // Safe, not necessarily busy: when every racer counts the others, every one rolls back.
    expect(kept).toBeLessThanOrEqual(3);
    expect(await h.xiaoer.models.Assignments.countDocuments({ agentId: agent._id })).toBe(kept);

    const other = { _id: 'claim-other', maxConcurrent: 50 };
    const one = await Promise.all(
      Array.from({ length: 20 }, (_, i) => claims[i % 2]?.claim('one-handoff', other, at)),
    );
    expect(one.filter((result) => result === 'claimed')).toHaveLength(1);
    expect(one.filter((result) => result === 'taken')).toHaveLength(19);
  });
});
