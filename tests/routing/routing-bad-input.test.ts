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

  /**
   * Queues handoff `id` and has `call` refused on it: to agent bad-a while it waits, then,
   * once it is assigned to bad-a, to agent bad-b (403 `not-yours`), a viewer (403
   * `forbidden`) and nobody (401); an unknown id is 404. Returns bad-a's token.
   */
  async function refusedButToItsAgent(
    id: string,
    call: (id: string, token: string) => Promise<Response>,
  ): Promise<string> {
    const viewer = await userToken(h, `viewer-${id}`, 'viewer');
    const [a = '', b = ''] = [tokens['bad-a'], tokens['bad-b']];
    await goOnline(h, a, 'away');
    await goOnline(h, b, 'away');
    await h.xiaoer.routing.enqueue({
      id,
      conversationId: `conv-${id}`,
      customer: customer(`cust-${id}`),
      group: 'g-bad',
    });
    // Waiting, in nobody's hands: not an agent's.
    await expectError(await call(id, a), 403, 'not-yours');
    await goOnline(h, a);
    expect(await h.xiaoer.routing.handoff(id)).toMatchObject({ agentId: 'bad-a' });
    await expectError(await call(id, viewer), 403, 'forbidden');
    await expectError(await call(id, b), 403, 'not-yours');
    await expectError(await call(id, ''), 401, 'unauthenticated');
    await expectError(await call('no-such-handoff', a), 404, 'unknown-handoff');
    return a;
  }

  it('should let an agent abandon only their own assigned handoff, with a precise refusal otherwise', async () => {
    const abandon = (id: string, token: string) =>
      h.request('POST', `/api/handoffs/${id}/abandon`, undefined, token);
    const a = await refusedButToItsAgent('bad-h2', abandon);
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
    const read = (id: string, token: string) =>
      h.request('GET', `/api/handoffs/${id}`, undefined, token);
    const a = await refusedButToItsAgent('bad-h3', read);
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
