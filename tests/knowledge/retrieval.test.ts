import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { KnowledgeBase, readSeedArticles, renderAnswer } from '@xiaoer/server/internal';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { createModels } from '../../packages/server/src/model/models.ts';

let h: Harness;
let kb: KnowledgeBase;
let otherConnection: Connection;
let otherModels: ReturnType<typeof createModels>;

beforeAll(async () => {
  h = await startHarness();
  kb = h.xiaoer.knowledge;
  await kb.importArticles(await readSeedArticles(), 'test');
  otherConnection = await mongoose.createConnection(h.store.uri).asPromise();
  // A second connection with its own models: what another server process would have.
  otherModels = createModels(otherConnection);
});
afterAll(async () => {
  await otherConnection?.close();
  await h?.close();
});

const bestId = async (question: string, filter = {}) =>
  (await kb.search(question, filter))[0]?.article.id;

describe('retrieval', () => {
  it('should match Chinese paraphrases written without spaces', async () => {
    expect(await bestId('多久能发货')).toBe('shipping-time');
    expect(await bestId('你好，我昨天下的单，请问多久能发货呀？')).toBe('shipping-time');
    expect(await bestId('我的快递到哪了')).toBe('tracking-link');
    expect(await bestId('能开发票吗')).toBe('invoice');
    expect(await bestId('我想改一下地址')).toBe('change-address');
  });

  it('should match English questions with typos', async () => {
    expect(await bestId('wher is my pakage')).toBe('tracking-link');
    expect(await bestId('how do i retrun an item')).toBe('return-policy');
    expect(await bestId('Can I pay with Paypall?')).toBe('payment-methods');
  });

  it('should score in [0, 1] and name the matched phrasing', async () => {
    const [match] = await kb.search('Where is my package?');
    expect(match).toMatchObject({ score: 1, question: 'Where is my package?' });
    const scores = (await kb.search('退款多久能到')).map((m) => m.score);
    expect(scores.length).toBeGreaterThan(0);
    expect(scores.every((score) => score > 0 && score <= 1)).toBe(true);
  });

  it('should answer only above the threshold, and record what it could not answer', async () => {
    expect(await kb.answer('今天天气怎么样', { conversationId: 'c-1' })).toBeUndefined();
    expect(await kb.answer('What is the weather like?')).toBeUndefined();
    const answer = await kb.answer('怎么查物流', { language: 'zh' });
    expect(answer?.article.id).toBe('tracking-link');
    expect(
      renderAnswer(answer?.text ?? '', { order: { trackingUrl: 'https://t.example/1' } }),
    ).toContain('https://t.example/1');
    const groups = await kb.frequentUnanswered();
    expect(groups.flatMap((g) => g.examples.map((e) => e.text))).toContain('今天天气怎么样');
  });

  it('should not answer from expired or draft articles', async () => {
    expect(await bestId('双十一有什么活动')).not.toBe('double-eleven');
    await kb.articles.create(
      { id: 'draft-gift', questions: ['可以寄到月球吗'], answer: { zh: '不行' }, status: 'draft' },
      'test',
    );
    expect(await bestId('可以寄到月球吗')).not.toBe('draft-gift');
  });

  it('should filter by channel and language', async () => {
    await kb.articles.create(
      {
        id: 'sms-only',
        questions: ['短信退订怎么操作'],
        answer: { zh: '回复 TD 退订' },
        channels: ['sms'],
      },
      'test',
    );
    expect(await bestId('短信退订怎么操作', { channel: 'sms' })).toBe('sms-only');
    expect(await bestId('短信退订怎么操作', { channel: 'chat' })).not.toBe('sms-only');
    expect(await bestId('短信退订怎么操作', { language: 'en' })).not.toBe('sms-only');
  });
});

describe('freshness across processes', () => {
  it('should answer an edit made through another process on the next question', async () => {
    const options = { refreshEveryMs: 0 };
    const first = new KnowledgeBase(h.xiaoer.models, options);
    const second = new KnowledgeBase(otherModels, options);
    expect((await second.answer('企业团购有折扣吗'))?.article.id).toBeUndefined();

    const created = await first.articles.create(
      { id: 'group-buy', questions: ['企业团购有折扣吗'], answer: { zh: '满 50 件 9 折' } },
      'test',
    );
    expect((await second.answer('企业团购有折扣吗'))?.text).toBe('满 50 件 9 折');

    await first.articles.update(
      'group-buy',
      { questions: ['企业团购有折扣吗'], answer: { zh: '满 20 件 9 折' } },
      created.revision,
      'test',
    );
    expect((await second.answer('企业团购有折扣吗'))?.text).toBe('满 20 件 9 折');

    await first.articles.remove('group-buy', 'test');
    expect(await second.answer('企业团购有折扣吗')).toBeUndefined();
  });

  it('should look for changes at most every refreshEveryMs', async () => {
    const slow = new KnowledgeBase(otherModels, { refreshEveryMs: 60_000 });
    await slow.search('发货');
    await kb.articles.create(
      { id: 'late-news', questions: ['新品什么时候上架'], answer: { zh: '每周五' } },
      'test',
    );
    expect((await slow.search('新品什么时候上架'))[0]?.article.id).not.toBe('late-news');
  });
});
