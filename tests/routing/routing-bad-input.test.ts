import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { customer, goOnline, setupGroup, userToken } from './routing-fixture.ts';

let h: Harness;
let tokens: Record<string, string>;

beforeAll(async () => {
  h = await startHarness();
  tokens = await setupGroup(h, 'g-bad', [
    { id: 'bad-a', maxConcurrent: 1 },
    { id: 'bad-b', maxConcurrent: 1 },
  ]);
});
afterAll(async () => h?.close());

/** An agent sets their own status. */
const setStatus = (token: string | undefined, status = 'online') =>
  h.request('POST', '/api/agents/me/status', { status }, token);

/** Answers `status` with an error `code` in zh and en. */
async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error: { code: string; message: object } };
  expect(body.error).toMatchObject({
    code,
    message: { zh: expect.any(String), en: expect.any(String) },
  });
  return body.error;
}

describe('bad routing input', () => {
  it('should refuse a skill group with an unknown intent or a bad id, saving nothing', async () => {
    const error = await expectError(
      await h.request('PUT', '/api/skill-groups/g-new', {
        title: { zh: '新', en: 'New' },
        intents: ['refund', 'refnd'],
      }),
      400,
      'invalid-body',
    );
    expect(JSON.stringify(error)).toContain('/intents/1');
    await expectError(
      await h.request('PUT', '/api/skill-groups/Bad_Id', {
        title: { zh: 'x', en: 'x' },
        intents: [],
      }),
      400,
      'invalid-skill-group-id',
    );
    await expectError(
      await h.request('GET', '/api/skill-groups/g-new'),
      404,
      'unknown-skill-group',
    );
  });

  it('should refuse agents that are not users, unknown skills and zero capacity', async () => {
    await expectError(
      await h.request('PUT', '/api/agents/nobody', { skills: ['g-bad'] }),
      404,
      'unknown-user',
    );
    await expectError(
      await h.request('PUT', '/api/agents/bad-a', { skills: ['g-bad', 'g-missing'] }),
      400,
      'unknown-skill-group',
    );
    await expectError(
      await h.request('PUT', '/api/agents/bad-a', { maxConcurrent: 0 }),
      400,
      'invalid-body',
    );
    const agents = (await (await h.request('GET', '/api/agents')).json()) as {
      agents: { _id: string; skills: string[]; maxConcurrent: number }[];
    };
    expect(agents.agents.find((a) => a._id === 'bad-a')).toMatchObject({
      skills: ['g-bad'],
      maxConcurrent: 1,
    });
  });

  it('should keep agents from changing agents, and viewers from acting as agents', async () => {
    await expectError(
      await h.request('PUT', '/api/agents/bad-a', { maxConcurrent: 5 }, tokens['bad-a']),
      403,
      'forbidden',
    );
    const viewer = await userToken(h, 'bad-viewer', 'viewer');
    await expectError(await setStatus(viewer), 403, 'forbidden');
  });

  it('should refuse an unknown status, and a user who is not an agent', async () => {
    await expectError(await setStatus(tokens['bad-a'], 'sleeping'), 400, 'invalid-body');
    const operator = await userToken(h, 'bad-operator', 'operator');
    await expectError(await setStatus(operator), 404, 'unknown-agent');
    await expectError(await h.request('GET', '/api/agents/me/inbox'), 404, 'unknown-agent');
  });

  it('should refuse to act on unknown, closed or someone else’s handoffs', async () => {
    await expectError(
      await h.request('POST', '/api/handoffs/none/resolve'),
      404,
      'unknown-handoff',
    );
    await h.xiaoer.routing.enqueue({
      id: 'bad-h1',
      conversationId: 'conv-bad',
      customer: customer('cust-bad'),
      group: 'g-bad',
    });
    await expectError(await h.request('POST', '/api/handoffs/bad-h1/resolve'), 409, 'not-open');
    await goOnline(h, tokens['bad-a'] ?? '');
    expect((await h.xiaoer.routing.handoff('bad-h1')).agentId).toBe('bad-a');
    await expectError(
      await h.request('POST', '/api/handoffs/bad-h1/resolve', undefined, tokens['bad-b']),
      403,
      'not-yours',
    );
    await expectError(
      await h.request(
        'POST',
        '/api/handoffs/bad-h1/transfer',
        { group: 'g-missing' },
        tokens['bad-a'],
      ),
      400,
      'unknown-skill-group',
    );
    expect(await h.xiaoer.routing.handoff('bad-h1')).toMatchObject({ status: 'assigned' });
    expect((await h.request('POST', '/api/handoffs/bad-h1/abandon')).status).toBe(200);
    await expectError(await h.request('POST', '/api/handoffs/bad-h1/abandon'), 409, 'not-open');
  });

  it('should let an agent abandon only their own assigned handoff, with a precise refusal otherwise', async () => {
    const viewer = await userToken(h, 'bad-abandon-viewer', 'viewer');
    const [a = '', b = ''] = [tokens['bad-a'], tokens['bad-b']];
    const abandon = (id: string, token: string) =>
      h.request('POST', `/api/handoffs/${id}/abandon`, undefined, token);
    await goOnline(h, a, 'away');
    await goOnline(h, b, 'away');
    await h.xiaoer.routing.enqueue({
      id: 'bad-h2',
      conversationId: 'conv-bad-2',
      customer: customer('cust-bad-2'),
      group: 'g-bad',
    });
    // Waiting, in nobody's hands: not an agent's to end.
    await expectError(await abandon('bad-h2', a), 403, 'not-yours');
    await goOnline(h, a);
    expect(await h.xiaoer.routing.handoff('bad-h2')).toMatchObject({ agentId: 'bad-a' });
    await expectError(await abandon('bad-h2', viewer), 403, 'forbidden');
    await expectError(await abandon('bad-h2', b), 403, 'not-yours');
    await expectError(await abandon('bad-h2', ''), 401, 'unauthenticated');
    await expectError(await abandon('no-such-handoff', a), 404, 'unknown-handoff');
    // Nothing of the refused ones changed it, or put it up for inspection.
    expect(await h.xiaoer.routing.handoff('bad-h2')).toMatchObject({
      status: 'assigned',
      agentId: 'bad-a',
    });
    expect(await h.xiaoer.models.QualityInbox.countDocuments({ _id: 'bad-h2' })).toBe(0);
    const own = await abandon('bad-h2', a);
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({
      status: 'abandoned',
      endedBy: 'user:bad-a',
      endedByRole: 'agent',
    });
    await expectError(await abandon('bad-h2', a), 409, 'not-open');
    await goOnline(h, a, 'away');
  });

  it("should show an agent only their own handoff, whose context is the customer's", async () => {
    const viewer = await userToken(h, 'bad-read-viewer', 'viewer');
    const [a = '', b = ''] = [tokens['bad-a'], tokens['bad-b']];
    const read = (id: string, token: string) =>
      h.request('GET', `/api/handoffs/${id}`, undefined, token);
    await goOnline(h, a, 'away');
    await goOnline(h, b, 'away');
    await h.xiaoer.routing.enqueue({
      id: 'bad-h3',
      conversationId: 'conv-bad-3',
      customer: customer('cust-bad-3'),
      group: 'g-bad',
    });
    // Waiting, in nobody's hands: no agent reads it yet.
    await expectError(await read('bad-h3', a), 403, 'not-yours');
    await goOnline(h, a);
    expect(await h.xiaoer.routing.handoff('bad-h3')).toMatchObject({ agentId: 'bad-a' });
    await expectError(await read('bad-h3', b), 403, 'not-yours');
    await expectError(await read('bad-h3', viewer), 403, 'forbidden');
    await expectError(await read('bad-h3', ''), 401, 'unauthenticated');
    await expectError(await read('no-such-handoff', a), 404, 'unknown-handoff');
    const own = await read('bad-h3', a);
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({ handoff: { _id: 'bad-h3', agentId: 'bad-a' } });
    // An admin reads any.
    expect((await h.request('GET', '/api/handoffs/bad-h3')).status).toBe(200);
    expect((await h.request('POST', '/api/handoffs/bad-h3/abandon', undefined, a)).status).toBe(
      200,
    );
    await goOnline(h, a, 'away');
  });

  it('should refuse a handoff for a group or intent nobody serves', async () => {
    await expect(
      h.xiaoer.routing.enqueue({ conversationId: 'c', customer: customer('x'), group: 'g-none' }),
    ).rejects.toMatchObject({ code: 'unknown-skill-group' });
    await expect(
      h.xiaoer.routing.enqueue({
        conversationId: 'c',
        customer: customer('x'),
        intent: 'promotion',
      }),
    ).rejects.toMatchObject({
      code: 'unknown-skill-group',
      en: 'No skill group serves intent "promotion".',
    });
    expect(await h.xiaoer.models.Handoffs.countDocuments({ conversationId: 'c' })).toBe(0);
  });
});
