import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WorkflowDocument } from '@xiaoer/engine';
import type { ReplayReport } from '@xiaoer/server/internal';
import { cloudEvent, startHarness, type Harness } from '@xiaoer/server/testing';
import { dbFingerprint, settledFingerprint } from './db-fingerprint.ts';
import { pingWorkflow } from './test-workflows.ts';
import { moveToTimer } from './timer-moves.ts';

let h: Harness;
const published = pingWorkflow('1s', 'reminder');

async function replay(body: Record<string, unknown> = {}, id = 'reminder') {
  const response = await h.request('POST', `/api/workflows/${id}/replay`, body);
  return {
    status: response.status,
    body: (await response.json()) as ReplayReport & { error?: { code: string } },
  };
}

function edited(change: (draft: WorkflowDocument) => void): WorkflowDocument {
  const draft = structuredClone(published);
  change(draft);
  return draft;
}

beforeAll(async () => {
  // The reminders' 1 s wait falls due when the clock (and `Date`, for Agenda) is moved.
  h = await startHarness({ movesDate: true, monitorCommands: true });
  await h.publish(published);
  for (const order of ['R-1', 'R-2', 'R-3'])
    expect(
      (await h.sendEvents(cloudEvent('reminder.started', { orderId: order, phone: '13800000009' })))
        .status,
    ).toBe(202);
  for (const order of ['R-1', 'R-2', 'R-3']) await moveToTimer(h, `reminder:${order}:1`);
  await vi.waitFor(
    async () => {
      const list = (await (
        await h.request('GET', '/api/instances?workflow=reminder&status=done')
      ).json()) as { total: number };
      if (list.total !== 3) throw new Error(`${list.total} of 3 reminders done`);
    },
    { timeout: 20_000, interval: 200 },
  );
});
afterAll(async () => h?.close());

describe('replay before publish', () => {
  it('should find the saved draft behaving like the version that ran, and change nothing', async () => {
    const before = await settledFingerprint(h);
    const { status, body } = await replay();
    expect(status).toBe(200);
    expect(body).toMatchObject({
      workflowId: 'reminder',
      version: 1,
      replayed: 3,
      same: 3,
      different: 0,
      skipped: 0,
    });
    expect(body.instances.map((i) => i.correlation).sort()).toEqual(['R-1', 'R-2', 'R-3']);
    expect(await dbFingerprint(h.connection)).toBe(before);
  });

  it('should read the histories of all the instances together, not two reads each', async () => {
    // Before, each instance cost a look for its first step and a read of its steps: 500
    // instances, 1,000 reads one after the other. Now one look for all, one read per 500 steps.
    const reads: string[] = [];
    const client = h.connection.getClient();
    const listen = (event: { commandName: string; command: Record<string, unknown> }) => {
      const filter = JSON.stringify(event.command['filter'] ?? {});
      if (event.command['find'] === 'steps' && filter.includes('reminder:')) reads.push(filter);
    };
    client.on('commandStarted', listen);
    try {
      expect((await replay()).body).toMatchObject({ replayed: 3, same: 3 });
    } finally {
      client.off('commandStarted', listen);
    }
    expect(reads).toHaveLength(2);
  });

  it('should show where an edited message would differ, for every instance', async () => {
    const draft = edited((d) => {
      const remind = d.nodes.find((n) => n.id === 'remind');
      if (remind)
        (remind.config as { message: { zh: string } }).message.zh = '订单 {{orderId}} 到了';
    });
    const { body } = await replay({ document: draft, limit: 2 });
    expect(body).toMatchObject({ replayed: 2, same: 0, different: 2, draftRevision: null });
    const first = body.instances[0];
    expect(first && 'difference' in first ? first.difference : undefined).toMatchObject({
      recorded: {
        event: 'timer.fired',
        item: { kind: 'send', text: expect.stringMatching(/提醒$/) },
      },
      draft: { event: 'timer.fired', item: { kind: 'send', text: expect.stringMatching(/到了$/) } },
    });
  });

  it('should show a longer wait as a different timer delay, replayed on the virtual clock', async () => {
    const saved = await h.request('PUT', '/api/workflows/reminder', {
      document: edited((d) => {
        const pause = d.nodes.find((n) => n.id === 'pause');
        if (pause) (pause.config as { duration: string }).duration = '1h';
      }),
      revision: 1,
    });
    expect(saved.status).toBe(200);
    const { body } = await replay();
    expect(body).toMatchObject({ draftRevision: 2, different: 3 });
    const first = body.instances[0];
    if (!first || !('difference' in first)) throw new Error('expected a difference');
    expect(first.difference?.recorded?.item).toMatchObject({ kind: 'schedule', delayMs: 1000 });
    expect(first.difference?.draft?.item).toMatchObject({ kind: 'schedule', delayMs: 3_600_000 });
    // The recorded message went out a second later; the draft would still be waiting.
    expect([first.recordedNode, first.draftNode]).toEqual(['done', 'pause']);
  });

  it('should refuse what it cannot replay with a precise error', async () => {
    const unpublished = pingWorkflow('1s', 'draft-only');
    expect((await h.request('POST', '/api/workflows', unpublished)).status).toBe(201);
    const cases: [Record<string, unknown>, string, number, string][] = [
      [{}, 'draft-only', 409, 'nothing-to-replay'],
      [{ version: 7 }, 'reminder', 409, 'nothing-to-replay'],
      [{}, 'no-such-workflow', 404, 'workflow-not-found'],
      [{ limit: 0 }, 'reminder', 400, 'invalid-body'],
      [{ limit: { $gt: 1 } }, 'reminder', 400, 'invalid-body'],
      [{ document: { ...published, id: 'other' } }, 'reminder', 400, 'workflow-id-mismatch'],
      [{ document: { ...published, edges: [] } }, 'reminder', 422, 'workflow-invalid'],
    ];
    for (const [body, id, status, code] of cases) {
      const answer = await replay(body, id);
      expect([JSON.stringify(body), answer.status, answer.body.error?.code]).toEqual([
        JSON.stringify(body),
        status,
        code,
      ]);
    }
  });
});
