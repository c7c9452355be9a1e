import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '@xiaoer/server/testing';

let h: Harness;
const tokens = { viewer: '', operator: '' };

beforeAll(async () => {
  h = await startHarness();
  for (const role of ['viewer', 'operator'] as const) {
    await h.xiaoer.auth.createUser(role, `${role}-password`, role);
    tokens[role] = (await h.xiaoer.auth.login(role, `${role}-password`))?.token ?? '';
  }
});
afterAll(async () => h?.close());

const article = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  questions: ['发票怎么开', 'How do I get an invoice?'],
  answer: { zh: '在订单页申请发票。', en: 'Request it on the order page.' },
  tags: ['invoice'],
  ...extra,
});
const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; message: { zh: string; en: string } } })
    .error;
/** Creates articles of these questions through the API and waits until search sees them. */
const publish = async (list: (readonly [string, readonly string[]])[]) => {
  for (const [id, questions] of list)
    expect(
      (
        await h.request(
          'POST',
          '/api/knowledge/articles',
          article(id, { questions: [...questions] }),
        )
      ).status,
    ).toBe(201);
  await h.xiaoer.knowledge.refresh();
};
const count = async () =>
  ((await (await h.request('GET', '/api/knowledge/articles')).json()) as { total: number }).total;

describe('knowledge articles API', () => {
  it('should create, read, list, update and delete an article', async () => {
    const created = await h.request('POST', '/api/knowledge/articles', article('invoice-how'));
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      id: 'invoice-how',
      revision: 1,
      status: 'published',
    });
    const read = await h.request('GET', '/api/knowledge/articles/invoice-how');
    expect(await read.json()).toMatchObject({
      questions: ['发票怎么开', 'How do I get an invoice?'],
    });

    const listed = await h.request(
      'GET',
      '/api/knowledge/articles?q=%E5%8F%91%E7%A5%A8&tag=invoice',
    );
    expect(await listed.json()).toMatchObject({ total: 1, articles: [{ id: 'invoice-how' }] });

    const updated = await h.request('PUT', '/api/knowledge/articles/invoice-how', {
      ...article('invoice-how', { tags: ['invoice', 'tax'] }),
      revision: 1,
    });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ revision: 2, tags: ['invoice', 'tax'] });

    expect((await h.request('DELETE', '/api/knowledge/articles/invoice-how')).status).toBe(200);
    expect((await h.request('GET', '/api/knowledge/articles/invoice-how')).status).toBe(404);
    const audit = await h.xiaoer.models.Audit.find({ target: 'invoice-how' }).lean();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'knowledge.create',
      'knowledge.delete',
      'knowledge.update',
    ]);
  });

  it('should answer 409 to a save on an old revision and keep the newer one', async () => {
    await h.request('POST', '/api/knowledge/articles', article('conflict'));
    const first = await h.request('PUT', '/api/knowledge/articles/conflict', {
      ...article('conflict'),
      revision: 1,
    });
    expect(first.status).toBe(200);
    const second = await h.request('PUT', '/api/knowledge/articles/conflict', {
      ...article('conflict', { tags: ['stale'] }),
      revision: 1,
    });
    expect(second.status).toBe(409);
    expect(await errorOf(second)).toMatchObject({ code: 'revision-conflict' });
    const stored = await (await h.request('GET', '/api/knowledge/articles/conflict')).json();
    expect(stored).toMatchObject({ revision: 2, tags: ['invoice'] });
  });

  it('should create an article again under the id of a deleted one', async () => {
    await h.request('POST', '/api/knowledge/articles', article('reborn'));
    await h.request('DELETE', '/api/knowledge/articles/reborn');
    const again = await h.request('POST', '/api/knowledge/articles', article('reborn'));
    expect(again.status).toBe(201);
    const { revision } = (await again.json()) as { revision: number };
    const saved = await h.request('PUT', '/api/knowledge/articles/reborn', {
      ...article('reborn'),
      revision,
    });
    expect(saved.status).toBe(200);
  });

  it('should answer 409 when the id is taken', async () => {
    await h.request('POST', '/api/knowledge/articles', article('taken'));
    const again = await h.request('POST', '/api/knowledge/articles', article('taken'));
    expect(again.status).toBe(409);
    expect(await errorOf(again)).toMatchObject({ code: 'article-exists' });
  });

  it('should let a viewer read but not write, and refuse anonymous callers', async () => {
    expect(
      (await h.request('GET', '/api/knowledge/articles', undefined, tokens.viewer)).status,
    ).toBe(200);
    const createAs = (role: keyof typeof tokens) =>
      h.request('POST', '/api/knowledge/articles', article(`by-${role}`), tokens[role]);
    expect((await createAs('viewer')).status).toBe(403);
    const byOperator = await createAs('operator');
    expect(byOperator.status).toBe(201);
    expect((await h.request('GET', '/api/knowledge/articles', undefined, '')).status).toBe(401);
  });

  it('should let operators try questions and see the threshold', async () => {
    const response = await h.request(
      'POST',
      '/api/knowledge/search',
      { question: '发票怎么开呀' },
      tokens.viewer,
    );
    const body = (await response.json()) as {
      matches: { article: { id: string }; score: number }[];
      threshold: number;
    };
    expect(body.threshold).toBeGreaterThan(0);
    expect(body.matches[0]?.score).toBeGreaterThan(body.threshold);
    expect(body).toMatchObject({ band: 'answer', language: 'zh', suggestions: [] });
  });

  it('should offer the top three as "did you mean" when unsure, per language', async () => {
    await publish([
      ['ship-time', ['How long does shipping take?']],
      ['ship-cost', ['How much does shipping cost?']],
      ['ship-abroad', ['Do you ship abroad?']],
    ]);
    const search = async (question: string) =>
      (await (await h.request('POST', '/api/knowledge/search', { question })).json()) as {
        band: string;
        threshold: number;
        suggestFloor: number;
        language: string;
        matches: { article: { id: string }; score: number }[];
        suggestions: { article: { id: string } }[];
      };
    const unsure = await search('shipping info');
    expect(unsure.language).toBe('en');
    expect(unsure.band).toBe('suggest');
    expect(unsure.matches[0]?.score).toBeLessThan(unsure.threshold);
    expect(unsure.matches[0]?.score).toBeGreaterThanOrEqual(unsure.suggestFloor);
    expect(unsure.suggestions.map((s) => s.article.id).sort()).toEqual(
      ['ship-abroad', 'ship-cost', 'ship-time'].sort(),
    );
    const sure = await search('how long does shipping take');
    expect(sure).toMatchObject({ band: 'answer', suggestions: [] });
    const lost = await search('what is the weather in Paris');
    expect(lost).toMatchObject({ band: 'none', suggestions: [] });
  });
});

describe('synonyms', () => {
  it('should match an article by its synonyms and keep them through export', async () => {
    const created = await h.request(
      'POST',
      '/api/knowledge/articles',
      article('billing-copy', {
        questions: ['How do I get a copy of my invoice?'],
        synonyms: ['tax paper', 'receipt', '开票'],
      }),
    );
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ synonyms: ['tax paper', 'receipt', '开票'] });
    await h.xiaoer.knowledge.refresh();
    const found = (await (
      await h.request('POST', '/api/knowledge/search', { question: 'where is my tax paper' })
    ).json()) as { band: string; matches: { article: { id: string }; question: string }[] };
    expect(found.matches[0]).toMatchObject({
      article: { id: 'billing-copy' },
      question: 'How do I get a copy of my invoice?',
    });
    expect(found.band).toBe('answer');
    const exported = (await (
      await h.request('GET', '/api/knowledge/export?format=json')
    ).json()) as { id: string; synonyms?: string[] }[];
    expect(exported.find((a) => a.id === 'billing-copy')?.synonyms).toEqual([
      'tax paper',
      'receipt',
      '开票',
    ]);
  });

  it('should refuse a blank or overlong synonym', async () => {
    for (const synonyms of [[' '], ['x'.repeat(61)], ['a', 'a']]) {
      const response = await h.request(
        'POST',
        '/api/knowledge/articles',
        article('bad-synonyms', { synonyms }),
      );
      expect(response.status).toBe(400);
    }
  });
});

describe('near-duplicate articles', () => {
  it('should flag two articles whose questions nearly coincide, once, with the questions', async () => {
    await publish([
      ['invoice-a', ['电子发票怎么开']],
      ['invoice-b', ['电子发票怎么开？', '发票抬头写错了']],
      ['warranty', ['保修期多久']],
    ]);
    const response = await h.request('GET', '/api/knowledge/duplicates', undefined, tokens.viewer);
    expect(response.status).toBe(200);
    const { pairs } = (await response.json()) as {
      pairs: { ids: string[]; score: number; questions: string[] }[];
    };
    const pair = pairs.find((p) => p.ids.includes('invoice-a'));
    expect(pair).toMatchObject({
      ids: ['invoice-a', 'invoice-b'],
      questions: ['电子发票怎么开', '电子发票怎么开？'],
    });
    expect(pair?.score).toBeGreaterThanOrEqual(0.85);
    expect(pairs.filter((p) => p.ids.includes('invoice-a'))).toHaveLength(1);
    expect(pairs.some((p) => p.ids.includes('warranty'))).toBe(false);
  });
});

describe('bad input to the knowledge API', () => {
  const cases: [string, () => Promise<Response>, number, string][] = [
    [
      'malformed JSON',
      () =>
        fetch(`${h.url}/api/knowledge/articles`, {
          method: 'POST',
          headers: { authorization: `Bearer ${h.token}`, 'content-type': 'application/json' },
          body: '{"questions": [',
        }),
      400,
      'malformed-json',
    ],
    [
      'no questions',
      () => h.request('POST', '/api/knowledge/articles', article('x', { questions: [] })),
      400,
      'invalid-body',
    ],
    [
      'wrong types',
      () => h.request('POST', '/api/knowledge/articles', { questions: 'hi', answer: 'x' }),
      400,
      'invalid-body',
    ],
    [
      'a script in the answer',
      () =>
        h.request(
          'POST',
          '/api/knowledge/articles',
          article('x', { answer: { zh: '你好<script>alert(1)</script>' } }),
        ),
      400,
      'invalid-article',
    ],
    [
      'a javascript link',
      () =>
        h.request(
          'POST',
          '/api/knowledge/articles',
          article('x', { answer: { en: '[click](javascript:alert(1))' } }),
        ),
      400,
      'invalid-article',
    ],
    [
      'an unescaped variable',
      () =>
        h.request(
          'POST',
          '/api/knowledge/articles',
          article('x', { answer: { en: 'Hi {{{customer.name}}}' } }),
        ),
      400,
      'invalid-article',
    ],
    [
      'a broken template',
      () =>
        h.request(
          'POST',
          '/api/knowledge/articles',
          article('x', { answer: { en: 'Track {{#order}} here' } }),
        ),
      400,
      'invalid-article',
    ],
    [
      'an unknown channel',
      () => h.request('POST', '/api/knowledge/articles', article('x', { channels: ['fax'] })),
      400,
      'invalid-body',
    ],
    [
      'an end before the start',
      () =>
        h.request(
          'POST',
          '/api/knowledge/articles',
          article('x', { validFrom: '2026-02-01T00:00:00Z', validUntil: '2026-01-01T00:00:00Z' }),
        ),
      400,
      'invalid-article',
    ],
    [
      'an unknown id',
      () => h.request('GET', '/api/knowledge/articles/no-such-article'),
      404,
      'article-not-found',
    ],
    [
      'a save of an unknown id',
      () =>
        h.request('PUT', '/api/knowledge/articles/no-such-article', {
          ...article('no-such-article'),
          revision: 1,
        }),
      404,
      'article-not-found',
    ],
    [
      'a save naming another id',
      () => h.request('PUT', '/api/knowledge/articles/taken', { ...article('other'), revision: 1 }),
      400,
      'invalid-article',
    ],
    [
      'a save without revision',
      () => h.request('PUT', '/api/knowledge/articles/taken', article('taken')),
      400,
      'invalid-body',
    ],
    [
      'a bad status filter',
      () => h.request('GET', '/api/knowledge/articles?status=gone'),
      400,
      'invalid-query',
    ],
    [
      'a huge payload',
      () =>
        h.request(
          'POST',
          '/api/knowledge/articles',
          article('x', { questions: ['长'.repeat(600_000)] }),
        ),
      413,
      'payload-too-large',
    ],
    [
      'an empty search',
      () => h.request('POST', '/api/knowledge/search', { question: '   ' }),
      400,
      'invalid-body',
    ],
  ];
  it.each(cases)(
    'should refuse %s precisely and change nothing',
    async (_name, send, status, code) => {
      const before = await count();
      const response = await send();
      expect(response.status).toBe(status);
      const error = await errorOf(response);
      expect(error.code).toBe(code);
      expect(error.message.zh).toBeTruthy();
      expect(error.message.en).toBeTruthy();
      expect(await count()).toBe(before);
      expect((await h.request('GET', '/api/knowledge/articles/x')).status).toBe(404);
    },
  );
});
