import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE, startHarness, type Harness } from '@xiaoer/server/testing';
import { counterWorkflow } from '../runtime/test-workflows.ts';
import { GIFT_CARD_EXAMPLES } from '../intents/gift-card-intent.ts';

/**
 * A name or id is taken by inserting a document with a deterministic `_id`, the store's one
 * atomic operation (docs/runtime.md): of creates at the same instant exactly one wins. Before,
 * API key names (and intents, skill groups) were checked by a read before the write, and
 * several creates at once all passed.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const TIMES = 12;

/** `TIMES` requests at once; their statuses and error codes, sorted. */
async function together(
  send: () => Promise<Response>,
  times = TIMES,
): Promise<{ statuses: number[]; codes: string[] }> {
  const responses = await Promise.all(Array.from({ length: times }, send));
  const bodies = (await Promise.all(responses.map((r) => r.json()))) as {
    error?: { code: string };
  }[];
  return {
    statuses: responses.map((r) => r.status).sort(),
    codes: [...new Set(bodies.flatMap((b) => (b.error ? [b.error.code] : [])))],
  };
}

const oneWinner = (times = TIMES) => [201, ...Array<number>(times - 1).fill(409)];

describe('unique names claimed by insert', () => {
  it('should create one API key of a name asked for many times at once, and free the name on revoke', async () => {
    const create = () => h.request('POST', '/api/api-keys', { name: 'erp', source: SOURCE.id });
    expect(await together(create)).toEqual({ statuses: oneWinner(), codes: ['api-key-exists'] });
    expect(await h.connection.collection('apiKeys').countDocuments({ name: 'erp' })).toBe(1);

    expect((await h.request('DELETE', '/api/api-keys/erp')).status).toBe(200);
    expect(
      await h.connection.collection('apiKeyNames').countDocuments({ _id: 'erp' as never }),
    ).toBe(0);
    expect(await together(create)).toEqual({ statuses: oneWinner(), codes: ['api-key-exists'] });
  });

  it('should keep the name of a key stored before names were claimed', async () => {
    await h.connection.collection('apiKeys').insertOne({
      _id: 'f'.repeat(64) as never,
      name: 'legacy',
      source: SOURCE.id,
      prefix: 'xk_abcd',
      createdBy: 'admin',
      createdAt: new Date(),
    });
    const create = () => h.request('POST', '/api/api-keys', { name: 'legacy', source: SOURCE.id });
    expect(await together(create, 4)).toEqual({
      statuses: [409, 409, 409, 409],
      codes: ['api-key-exists'],
    });
    expect((await h.request('DELETE', '/api/api-keys/legacy')).status).toBe(200);
    expect((await create()).status).toBe(201);
  });

  it('should take over the name of a claim whose key never appeared once the grace passed', async () => {
    // A process that claimed the name and died before writing its key.
    await h.connection.collection('apiKeyNames').insertOne({
      _id: 'crashed' as never,
      holder: 'e'.repeat(64),
      claimedAt: new Date(h.clock.now()),
    });
    const create = () => h.request('POST', '/api/api-keys', { name: 'crashed', source: SOURCE.id });
    expect((await create()).status).toBe(409);
    await h.clock.advance(5 * 60_000);
    expect(await together(create, 4)).toEqual({
      statuses: oneWinner(4),
      codes: ['api-key-exists'],
    });
    expect(await h.connection.collection('apiKeys').countDocuments({ name: 'crashed' })).toBe(1);
  });

  it('should take over a name whose last taker died between its retake mark and the claim', async () => {
    // A process claimed the name and died before writing its key; a second took the claim over
    // (its retake mark `name#holder`) and died before pointing the claim at itself. The mark
    // stays (a later claimer that read the old claim must not take it over twice), and every
    // create of the name was refused 409 with no key of that name, for good.
    const claimedAt = new Date(h.clock.now());
    const died = 'e'.repeat(64);
    await h.connection.collection('apiKeyNames').insertMany([
      { _id: 'stranded' as never, holder: died, claimedAt },
      { _id: `stranded#${died}` as never, holder: 'd'.repeat(64), claimedAt },
    ]);
    const create = () =>
      h.request('POST', '/api/api-keys', { name: 'stranded', source: SOURCE.id });
    expect((await create()).status).toBe(409);
    await h.clock.advance(5 * 60_000);
    expect(await together(create, 4)).toEqual({
      statuses: oneWinner(4),
      codes: ['api-key-exists'],
    });
    expect(await h.connection.collection('apiKeys').countDocuments({ name: 'stranded' })).toBe(1);
  });

  it('should create one skill group of an id asked for many times at once', async () => {
    const group = { id: 'vip', title: { zh: '贵宾', en: 'VIP' }, intents: [] };
    const create = () => h.request('POST', '/api/skill-groups', group);
    expect(await together(create)).toEqual({
      statuses: oneWinner(),
      codes: ['skill-group-exists'],
    });
    // Saving by id still replaces the group.
    const saved = await h.request('PUT', '/api/skill-groups/vip', {
      title: { zh: '贵宾组', en: 'VIP desk' },
      intents: [],
    });
    expect(saved.status).toBe(200);
    expect(await (await h.request('GET', '/api/skill-groups/vip')).json()).toMatchObject({
      title: { en: 'VIP desk' },
    });
  });

  it('should save a new skill group put many times at once, the last write standing', async () => {
    const put = () =>
      h.request('PUT', '/api/skill-groups/night-shift', {
        title: { zh: '夜班', en: 'Night shift' },
        intents: [],
      });
    expect(await together(put)).toEqual({
      statuses: Array<number>(TIMES).fill(200),
      codes: [],
    });
    const groups = (await (await h.request('GET', '/api/skill-groups')).json()) as {
      skillGroups: { _id?: string; id?: string }[];
    };
    expect(groups.skillGroups.filter((g) => (g._id ?? g.id) === 'night-shift')).toHaveLength(1);
  });

  it('should create one intent of an id asked for at once, and free the id on delete', async () => {
    const intent = {
      id: 'giftCard',
      title: { zh: '礼品卡', en: 'Gift card' },
      examples: GIFT_CARD_EXAMPLES,
      action: { kind: 'knowledge' },
    };
    const create = () => h.request('POST', '/api/intents', intent);
    expect(await together(create, 4)).toEqual({
      statuses: oneWinner(4),
      codes: ['intent-exists'],
    });
    expect((await h.request('DELETE', '/api/intents/giftCard')).status).toBe(200);
    expect((await create()).status).toBe(201);
  }, 120_000);

  it('should create one article of an id deleted before and asked for at once', async () => {
    const article = {
      id: 'invoice',
      questions: ['发票怎么开'],
      answer: { zh: '在订单页申请发票。', en: 'Request it on the order page.' },
    };
    const create = () => h.request('POST', '/api/knowledge/articles', article);
    expect(await together(create)).toEqual({ statuses: oneWinner(), codes: ['article-exists'] });
    expect((await h.request('DELETE', '/api/knowledge/articles/invoice')).status).toBe(200);
    expect(await together(create)).toEqual({ statuses: oneWinner(), codes: ['article-exists'] });
  });

  it('should create one draft of a workflow id asked for at once, and free the id on delete', async () => {
    const workflow = { ...counterWorkflow, id: 'twice' };
    const create = () => h.request('POST', '/api/workflows', workflow);
    expect(await together(create)).toEqual({
      statuses: oneWinner(),
      codes: ['workflow-exists'],
    });
    expect((await h.request('DELETE', '/api/workflows/twice')).status).toBe(200);
    expect(await together(create)).toEqual({
      statuses: oneWinner(),
      codes: ['workflow-exists'],
    });
    const draft = (await (await h.request('GET', '/api/workflows/twice')).json()) as {
      revision: number;
    };
    const saved = await h.request('PUT', '/api/workflows/twice', {
      document: workflow,
      revision: draft.revision,
    });
    expect(saved.status).toBe(200);
  });

  it('should create one user of a name asked for many times at once', async () => {
    const create = () =>
      h.request('POST', '/api/users', { id: 'twin', password: 'twin-password', role: 'viewer' });
    expect(await together(create)).toEqual({ statuses: oneWinner(), codes: ['user-exists'] });
  });
});
