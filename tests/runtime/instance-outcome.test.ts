import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WorkflowDocument } from '@xiaoer/engine';
import { backfillOutcomes } from '@xiaoer/server/internal';
import { cloudEvent, startHarness, type Harness } from '@xiaoer/server/testing';
import { counterWorkflow } from './test-workflows.ts';

/** Started by `<id>.started`, ends at once with `status`. */
const endsAs = (id: string, status: 'completed' | 'failed'): WorkflowDocument => ({
  id,
  name: id,
  version: 1,
  nodes: [
    {
      id: 'started',
      type: 'trigger',
      position: { x: 0, y: 0 },
      config: {
        event: `${id}.started`,
        correlationKey: 'orderId',
        data: {
          type: 'object',
          properties: { orderId: { type: 'string' } },
          required: ['orderId'],
        },
      },
    },
    { id: 'end', type: 'end', position: { x: 200, y: 0 }, config: { status, reason: id } },
  ],
  edges: [{ id: 'e1', source: 'started', sourceHandle: 'next', target: 'end' }],
});

interface Listed {
  instances: { id: string; workflowId: string; status: string; outcome?: string }[];
  total: number;
}

let h: Harness;
const list = async (query: string) => {
  const response = await h.request('GET', `/api/instances?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Listed;
};

beforeAll(async () => {
  h = await startHarness();
  await h.publish(endsAs('goesWrong', 'failed'), endsAs('goesWell', 'completed'), counterWorkflow);
  const sent = await h.sendEvents([
    cloudEvent('goesWrong.started', { orderId: 'O-1' }),
    cloudEvent('goesWrong.started', { orderId: 'O-2' }),
    cloudEvent('goesWell.started', { orderId: 'O-3' }),
    cloudEvent('counter.opened', { counterId: 'C-1', count: 0 }),
    cloudEvent('counter.opened', { counterId: 'C-2', count: 0 }),
  ]);
  expect(sent.status).toBe(202);
  await vi.waitFor(async () => expect((await list('')).total).toBe(5), { timeout: 10_000 });
  const counter = (await list('workflow=counter')).instances[0];
  const cancel = await h.request('POST', `/api/instances/${counter?.id}/cancel`);
  expect(cancel.status).toBe(200);
});
afterAll(async () => h?.close());

const workflowsOf = (listed: Listed) => listed.instances.map((i) => i.workflowId).sort();

// The console offered a "failed" filter the server rejected with 400, and a journey that
// ended failed was listed as done with nothing telling it apart (issue 22).
describe('an instance outcome', () => {
  it('should list the journeys that ended failed with ?status=failed', async () => {
    const failed = await list('status=failed');
    expect(workflowsOf(failed)).toEqual(['goesWrong', 'goesWrong']);
    expect(failed.instances.every((i) => i.status === 'done' && i.outcome === 'failed')).toBe(true);
  });

  it('should list completed, cancelled and every ended journey (done) apart', async () => {
    expect(workflowsOf(await list('status=completed'))).toEqual(['goesWell']);
    expect(workflowsOf(await list('status=cancelled'))).toEqual(['counter']);
    expect(workflowsOf(await list('status=done'))).toEqual(['goesWell', 'goesWrong', 'goesWrong']);
    expect(workflowsOf(await list('status=active'))).toEqual(['counter']);
  });

  it('should show every instance its outcome, none while active', async () => {
    const outcomes = Object.fromEntries(
      (await list('pageSize=10')).instances.map((i) => [i.id, i.outcome ?? 'none']),
    );
    expect(Object.values(outcomes).sort()).toEqual([
      'cancelled',
      'completed',
      'failed',
      'failed',
      'none',
    ]);
    const failedId = (await list('status=failed')).instances[0]?.id as string;
    const detail = await h.request('GET', `/api/instances/${encodeURIComponent(failedId)}`);
    expect(((await detail.json()) as { outcome: string }).outcome).toBe('failed');
  });

  it('should store the outcome on the instance when it ends, none while active', async () => {
    const stored = await h.connection
      .collection<{ _id: string; workflowId: string; outcome?: string }>('instances')
      .find({}, { projection: { workflowId: 1, outcome: 1 } })
      .toArray();
    expect(stored.map((i) => `${i.workflowId}:${i.outcome ?? 'none'}`).sort()).toEqual([
      'counter:cancelled',
      'counter:none',
      'goesWell:completed',
      'goesWrong:failed',
      'goesWrong:failed',
    ]);
  });

  it('should give instances that ended before outcomes were stored theirs, once', async () => {
    const instances = h.connection.collection<{ _id: string }>('instances');
    await instances.updateMany({}, { $unset: { outcome: '' } });
    // Until backfilled, the list still shows each its outcome (read from the snapshot).
    const shown = (await list('pageSize=10')).instances.map((i) => i.outcome ?? 'none');
    expect(shown.sort()).toEqual(['cancelled', 'completed', 'failed', 'failed', 'none']);
    expect(workflowsOf(await list('status=failed'))).toEqual([]);
    expect(await backfillOutcomes(h.xiaoer.models)).toBe(4);
    expect(await backfillOutcomes(h.xiaoer.models)).toBe(0);
    expect(workflowsOf(await list('status=failed'))).toEqual(['goesWrong', 'goesWrong']);
    expect(workflowsOf(await list('status=completed'))).toEqual(['goesWell']);
  });

  it('should still reject an unknown status with 400', async () => {
    const response = await h.request('GET', '/api/instances?status=broken');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'invalid-query',
    );
  });
});
