import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '@xiaoer/server/testing';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

interface Answer {
  intent: string;
  confidence: number;
  top: { intent: string; confidence: number }[];
  entities: { orderNumbers: string[]; phoneNumbers: string[]; addresses: unknown[] };
  language: string;
}
interface ErrorBody {
  error: { code: string; message: { zh: string; en: string } };
}

const classify = (body: unknown, token?: string) =>
  h.request('POST', '/api/intents/classify', body, token);

describe('POST /api/intents/classify', () => {
  it('should answer the intent, its confidence, the top three and the entities', async () => {
    const response = await classify({ text: '订单号13812345678的退款怎么还没到账' });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as Answer;
    expect(answer.intent).toBe('refundStatus');
    expect(answer.confidence).toBeGreaterThan(0.5);
    expect(answer.top).toHaveLength(3);
    expect(answer.top[0]).toEqual({ intent: 'refundStatus', confidence: answer.confidence });
    expect(answer.entities.orderNumbers).toEqual(['13812345678']);
    expect(answer.entities.phoneNumbers).toEqual([]);
    expect(answer.language).toBe('zh');
  });

  it('should read English and keep a language asked for', async () => {
    const answer = (await (
      await classify({ text: 'I need a receipt for my purchase', language: 'zh' })
    ).json()) as Answer;
    expect(answer.intent).toBe('invoice');
    expect(answer.language).toBe('zh');
  });

  it('should answer unknown for what is not the shop business', async () => {
    const answer = (await (
      await classify({ text: '帮我订一张明天去成都的机票' })
    ).json()) as Answer;
    expect(answer.intent).toBe('unknown');
    expect(answer.top.map((score) => score.intent)).not.toContain('unknown');
  });

  it.each([
    [{}, 'no text'],
    [{ text: '' }, 'empty text'],
    [{ text: '   ' }, 'blank text'],
    [{ text: 'x'.repeat(2001) }, 'too long'],
    [{ text: 'hi', language: 'fr' }, 'unknown language'],
    [{ text: 'hi', extra: 1 }, 'an unknown field'],
    [{ text: 42 }, 'a number'],
  ])(
    'should reject %j (%s) with 400 invalid-body in both languages',
    async (body: unknown, _case: string) => {
      const response = await classify(body);
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as ErrorBody;
      expect(error.code).toBe('invalid-body');
      expect(error.message.zh).toBeTruthy();
      expect(error.message.en).toBeTruthy();
    },
  );

  it('should ask for a login', async () => {
    expect((await classify({ text: '在吗' }, '')).status).toBe(401);
  });

  it('should list the intents for operators, described in both languages', async () => {
    const response = await h.request('GET', '/api/intents');
    expect(response.status).toBe(200);
    const { intents } = (await response.json()) as {
      intents: {
        intent: string;
        group: string;
        title: { zh: string; en: string };
        description?: { zh: string; en: string };
        examples: { zh: string[]; en: string[] };
      }[];
    };
    expect(intents.map((i) => i.intent)).not.toContain('unknown');
    const refund = intents.find((i) => i.intent === 'refundStatus');
    expect(refund).toMatchObject({ group: 'afterSale', title: { zh: '退款进度' } });
    expect(refund?.description?.en).toBeTruthy();
    expect(refund?.examples.zh.length).toBeGreaterThan(0);
    expect((await h.request('GET', '/api/intents', undefined, '')).status).toBe(401);
  });

  it('should be in the OpenAPI document', async () => {
    const document = (await (await h.request('GET', '/api/docs')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(document.paths['/api/intents/classify']?.['post']).toBeDefined();
    expect(document.paths['/api/intents']?.['get']).toBeDefined();
  });
});
