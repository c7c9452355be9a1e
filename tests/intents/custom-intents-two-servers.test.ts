import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { GIFT_CARD_EXAMPLES } from './gift-card-intent.ts';

/** Issue 20: an intent an operator saves through one server is heard by another on the store. */
let a: Harness;
let b: Harness;

beforeAll(async () => {
  a = await startHarness();
  b = await startHarness({ store: a.store });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

const classify = async (h: Harness, text: string) =>
  (
    (await (await h.request('POST', '/api/intents/classify', { text })).json()) as {
      intent: string;
    }
  ).intent;

describe('operators’ intents across two servers', () => {
  it('should be recognised by the other server after it was saved, and forgotten after deletion', async () => {
    expect(await classify(b, '礼品卡余额还有多少')).not.toBe('giftCard');
    const created = await a.request('POST', '/api/intents', {
      id: 'giftCard',
      title: { zh: '礼品卡', en: 'Gift card' },
      examples: GIFT_CARD_EXAMPLES,
      action: { kind: 'knowledge' },
    });
    expect(created.status).toBe(201);
    // b asks the store at its next message, at most every two seconds: that much later.
    await b.clock.advance(2_000);
    await vi.waitFor(async () => expect(await classify(b, '礼品卡余额还有多少')).toBe('giftCard'), {
      timeout: 20_000,
      interval: 500,
    });
    expect((await a.request('DELETE', '/api/intents/giftCard')).status).toBe(200);
    await b.clock.advance(2_000);
    await vi.waitFor(
      async () => expect(await classify(b, '礼品卡余额还有多少')).not.toBe('giftCard'),
      { timeout: 20_000, interval: 500 },
    );
  });
});
