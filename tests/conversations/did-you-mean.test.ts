import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { ChatClient } from './chat-client.ts';

/**
 * Issue 20: between a confident answer and "not understood", the chat offers the closest
 * questions of the knowledge base as quick replies; picking one is answered.
 */
let h: Harness;

beforeAll(async () => {
  // A threshold no paraphrase reaches, and a low floor: every near match is a suggestion.
  h = await startHarness({ config: { knowledge: { threshold: 0.98, suggestFloor: 0.05 } } });
  await h.xiaoer.knowledge.articles.create(
    {
      id: 'gift-wrap',
      questions: ['可以帮我包装成礼物吗'],
      answer: { zh: '可以，下单时备注“礼物包装”即可，免费。' },
      status: 'published',
    },
    'test',
  );
  await h.xiaoer.knowledge.refresh();
});
afterAll(async () => h?.close());

describe('did you mean', () => {
  it('should offer the close question as a quick reply, and answer it when picked', async () => {
    const chat = await ChatClient.open(h);
    await chat.say('礼物包装怎么弄');
    const offer = await chat.waitFor((m) => m.from === 'bot' && m.text.includes('您是想问'));
    expect(offer.options).toEqual([{ id: 'gift-wrap', label: '可以帮我包装成礼物吗' }]);
    await chat.say(offer.options![0]!.label);
    await chat.waitFor((m) => m.from === 'bot' && m.text.includes('礼物包装”即可'));
    const misses = (await chat.messages()).filter((m) => m.text.includes('没太明白'));
    expect(misses).toEqual([]);
  });
});
