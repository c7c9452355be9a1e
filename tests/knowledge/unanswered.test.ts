import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeedArticles, seedKnowledge, type UnansweredGroup } from '@xiaoer/server/internal';
import { startHarness, type Harness } from '@xiaoer/server/testing';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ config: { knowledge: { refreshEveryMs: 0 } } });
  // As demo mode does at start: only an empty store gets the sample articles.
  expect(await seedKnowledge(h.xiaoer.knowledge, 'xiaoer')).toBe((await readSeedArticles()).length);
  expect(await seedKnowledge(h.xiaoer.knowledge, 'xiaoer')).toBe(0);
});
afterAll(async () => h?.close());

const ask = (question: string) =>
  h.xiaoer.knowledge.answer(question, { channel: 'chat', conversationId: `c-${question}` });
const groups = async () =>
  (
    (await (await h.request('GET', '/api/knowledge/unanswered')).json()) as {
      groups: UnansweredGroup[];
    }
  ).groups;

describe('frequent unanswered questions', () => {
  it('should group similar questions, rank groups by count and show examples', async () => {
    for (const question of [
      '可以开通企业月结吗',
      '企业月结怎么开通',
      '你们支持企业月结吗？',
      'Do you have pet food?',
      '今天天气怎么样',
    ])
      expect(await ask(question)).toBeUndefined();
    const [first, ...rest] = await groups();
    expect(first?.count).toBe(3);
    expect(first?.examples.map((e) => e.text).sort()).toEqual(
      ['你们支持企业月结吗？', '企业月结怎么开通', '可以开通企业月结吗'].sort(),
    );
    expect(first?.examples[0]).toMatchObject({ channel: 'chat' });
    expect(rest.map((g) => g.count)).toEqual([1, 1]);
  });

  it('should turn a group into an article in one step, which answers once published', async () => {
    const [group] = await groups();
    const viewer = await h.xiaoer.auth.createUser('viewer', 'viewer-password', 'viewer');
    expect(viewer).toBeTruthy();
    const viewerToken = (await h.xiaoer.auth.login('viewer', 'viewer-password'))?.token ?? '';
    const refused = await h.request(
      'POST',
      '/api/knowledge/unanswered/promote',
      { groupKey: group?.key, answer: { zh: 'x' } },
      viewerToken,
    );
    expect(refused.status).toBe(403);

    const promoted = await h.request('POST', '/api/knowledge/unanswered/promote', {
      groupKey: group?.key,
      id: 'monthly-billing',
      answer: {
        zh: '企业客户可申请月结，请联系商务。',
        en: 'Business customers can apply for monthly billing.',
      },
    });
    expect(promoted.status).toBe(201);
    const article = (await promoted.json()) as { status: string; questions: string[] };
    expect(article.status).toBe('draft');
    expect(article.questions).toHaveLength(3);
    expect(await ask('企业月结可以开通吗')).toBeUndefined();
    expect((await groups()).map((g) => g.count)).toEqual([1, 1, 1]);

    await h.request('PUT', '/api/knowledge/articles/monthly-billing', {
      questions: article.questions,
      answer: { zh: '企业客户可申请月结，请联系商务。' },
      status: 'published',
      revision: 1,
    });
    expect((await ask('企业月结可以开通吗'))?.article.id).toBe('monthly-billing');
  });

  it('should refuse an unknown group and a body naming neither group nor questions', async () => {
    const unknown = await h.request('POST', '/api/knowledge/unanswered/promote', {
      groupKey: 'no-such-group',
      answer: { zh: 'x' },
    });
    expect(unknown.status).toBe(404);
    const neither = await h.request('POST', '/api/knowledge/unanswered/promote', {
      answer: { zh: 'x' },
    });
    expect(neither.status).toBe(400);
    expect((await h.request('GET', '/api/knowledge/unanswered?since=yesterday')).status).toBe(400);
  });

  it('should promote chosen questions by id', async () => {
    const ids = (await groups()).flatMap((g) => g.examples.map((e) => e.id)).slice(0, 1);
    const promoted = await h.request('POST', '/api/knowledge/unanswered/promote', {
      questionIds: ids,
      answer: { en: 'We sell pet food from March.' },
      status: 'published',
    });
    expect(promoted.status).toBe(201);
  });
});

describe('recording an unanswered question', () => {
  it('should not hold up the answer, and tell a failed recording to its listener', async () => {
    const { KnowledgeBase } = await import('@xiaoer/server/internal');
    const failures: unknown[] = [];
    const knowledge = new KnowledgeBase(h.xiaoer.models, { refreshEveryMs: 0 }, (error) =>
      failures.push(error),
    );
    const { collection } = h.xiaoer.models.UnansweredQuestions;
    let release: () => void = () => undefined;
    const stalled = new Promise<void>((resolve) => (release = resolve));
    const original = collection.insertMany.bind(collection);
    // The store takes its time with the first recording, then refuses it.
    collection.insertMany = (async () => {
      await stalled;
      throw new Error('store away');
    }) as unknown as typeof collection.insertMany;
    try {
      expect(await knowledge.answer('zxqv plorb wibble', { channel: 'chat' })).toBeUndefined();
      expect(failures).toEqual([]);
      const settled = knowledge.unanswered.settled();
      release();
      await settled;
      expect(failures).toHaveLength(1);
    } finally {
      collection.insertMany = original;
    }
  });
});

describe('questions noted together', () => {
  it('should be written in one insert, and be in the list read right after', async () => {
    const { collection } = h.xiaoer.models.UnansweredQuestions;
    const inserts: number[] = [];
    const insertMany = collection.insertMany.bind(collection);
    const insertOne = collection.insertOne.bind(collection);
    // Counted on their way to the store, and stored as they would be.
    collection.insertMany = ((documents: never[], options: never) => {
      inserts.push(documents.length);
      return insertMany(documents, options);
    }) as typeof collection.insertMany;
    collection.insertOne = ((document: never, options: never) => {
      inserts.push(1);
      return insertOne(document, options);
    }) as typeof collection.insertOne;
    const questions = ['blorptastic quimble', 'frizzle wompat grunk', 'snargle vexillary plod'];
    try {
      for (const question of questions) expect(await ask(question)).toBeUndefined();
      const listed = (await groups()).flatMap((group) => group.examples.map((e) => e.text));
      expect(listed).toEqual(expect.arrayContaining(questions));
    } finally {
      collection.insertMany = insertMany;
      collection.insertOne = insertOne;
    }
    expect(inserts).toEqual([questions.length]);
  });
});
