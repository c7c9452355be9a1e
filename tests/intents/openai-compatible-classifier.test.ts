import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  cachedIntentClassifier,
  FallbackClassifier,
  type IntentClassifier,
  IntentProviderError,
  OpenAiCompatibleClassifier,
  intentExamples,
  loadIntentDefinitions,
} from '@xiaoer/server/internal';

/** How the test endpoint answers the next request. */
type Behaviour =
  | { kind: 'answer'; content: string }
  | { kind: 'slow'; ms: number }
  | { kind: 'status'; status: number }
  | { kind: 'body'; body: string };

let behaviour: Behaviour;
let received: { url?: string; authorization?: string; body?: Record<string, unknown> };
let server: Server;
let baseUrl: string;

async function bodyOf(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text;
}

const completion = (content: string) =>
  JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content } }] });

beforeAll(async () => {
  server = createServer(async (request, response) => {
    received = {
      url: request.url,
      authorization: request.headers.authorization,
      body: JSON.parse(await bodyOf(request)) as Record<string, unknown>,
    };
    const reply = (status: number, body: string) =>
      response.writeHead(status, { 'content-type': 'application/json' }).end(body);
    if (behaviour.kind === 'answer') reply(200, completion(behaviour.content));
    else if (behaviour.kind === 'status') reply(behaviour.status, '{"error":"overloaded"}');
    else if (behaviour.kind === 'body') reply(200, behaviour.body);
    else
      setTimeout(
        () => reply(200, completion('{"intent":"refund","confidence":0.9}')),
        behaviour.ms,
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received = {};
});

const intents = [
  { intent: 'refund', title: { zh: '退款', en: 'Refund' } },
  {
    intent: 'logistics',
    title: { zh: '物流查询', en: 'Where is my parcel' },
    description: { zh: '包裹到哪了', en: 'Where a parcel is, the tracking number' },
  },
  { intent: 'unknown', title: { zh: '超出范围', en: 'Out of scope' } },
];

const remote = (timeoutMs = 500) =>
  new OpenAiCompatibleClassifier({
    baseUrl,
    model: 'test-model',
    apiKey: 'k-1',
    intents,
    timeoutMs,
  });

/** The real local model, trained from the shipped utterances (or read as a start would). */
let local: IntentClassifier;
beforeAll(async () => {
  local = await cachedIntentClassifier(intentExamples(await loadIntentDefinitions()));
});

async function providerError(text: string, timeoutMs?: number): Promise<IntentProviderError> {
  const error: unknown = await remote(timeoutMs)
    .classify(text)
    .catch((e) => e);
  expect(error).toBeInstanceOf(IntentProviderError);
  return error as IntentProviderError;
}

describe('OpenAiCompatibleClassifier', () => {
  it('should post the message to /chat/completions and read the JSON answer', async () => {
    behaviour = { kind: 'answer', content: '{"intent":"refund","confidence":0.92}' };
    const result = await remote().classify('我要退款 订单A10023');
    expect(result).toMatchObject({
      intent: 'refund',
      confidence: 0.92,
      language: 'zh',
      entities: { orderNumbers: ['A10023'] },
    });
    expect(received.url).toBe('/v1/chat/completions');
    expect(received.authorization).toBe('Bearer k-1');
    expect(received.body?.['model']).toBe('test-model');
    expect(JSON.stringify(received.body?.['messages'])).toContain('logistics');
  });

  it('should accept an answer in a ```json fence and say unknown below the threshold', async () => {
    behaviour = {
      kind: 'answer',
      content: '```json\n{"intent":"logistics","confidence":0.3}\n```',
    };
    const result = await remote().classify('where is it');
    expect(result.intent).toBe('unknown');
    expect(result.top).toEqual([{ intent: 'logistics', confidence: 0.3 }]);
  });

  it('should tell the model the descriptions and take its out-of-scope answer as unknown', async () => {
    behaviour = { kind: 'answer', content: '{"intent":"unknown","confidence":0.95}' };
    const result = await remote().classify('book me a flight');
    expect(result).toMatchObject({ intent: 'unknown', confidence: 0.95, top: [] });
    expect(JSON.stringify(received.body?.['messages'])).toContain(
      'Where a parcel is, the tracking number',
    );
  });

  it('should time out a slow endpoint', async () => {
    behaviour = { kind: 'slow', ms: 1000 };
    expect((await providerError('hi', 100)).code).toBe('timeout');
  });

  it.each([
    ['prose instead of JSON', { kind: 'answer', content: 'It is a refund.' }],
    ['an intent not in the list', { kind: 'answer', content: '{"intent":"pizza","confidence":1}' }],
    ['a confidence above 1', { kind: 'answer', content: '{"intent":"refund","confidence":7}' }],
    ['a body that is not JSON', { kind: 'body', body: '<html>gateway</html>' }],
    ['no choices', { kind: 'body', body: '{"choices":[]}' }],
  ] as [string, Behaviour][])('should refuse %s', async (_case, answer) => {
    behaviour = answer;
    expect((await providerError('hi')).code).toBe('invalid-answer');
  });

  it('should report an HTTP error with its status', async () => {
    behaviour = { kind: 'status', status: 503 };
    const error = await providerError('hi');
    expect(error.code).toBe('http');
    expect(error.en).toContain('503');
  });

  it('should report an endpoint nobody listens on as unreachable', async () => {
    const nowhere = new OpenAiCompatibleClassifier({
      baseUrl: 'http://127.0.0.1:1/v1',
      model: 'm',
      intents,
    });
    const error: unknown = await nowhere.classify('hi').catch((e) => e);
    expect((error as IntentProviderError).code).toBe('unreachable');
  });
});

describe('FallbackClassifier', () => {
  it('should use the endpoint when it answers', async () => {
    behaviour = { kind: 'answer', content: '{"intent":"refund","confidence":0.8}' };
    const result = await new FallbackClassifier(remote(), local).classify('refund please');
    expect(result).toMatchObject({ intent: 'refund', source: 'primary' });
    expect(result.fallbackReason).toBeUndefined();
  });

  it('should answer with the local model when the endpoint is too slow', async () => {
    behaviour = { kind: 'slow', ms: 1000 };
    const reasons: IntentProviderError[] = [];
    const fallback = new FallbackClassifier(remote(100), local, (reason) => reasons.push(reason));
    const started = Date.now();
    const result = await fallback.classify('我的快递到哪了');
    expect(Date.now() - started).toBeLessThan(900);
    expect(result).toMatchObject({ intent: 'logistics', source: 'fallback', language: 'zh' });
    expect(result.fallbackReason?.code).toBe('timeout');
    expect(reasons.map((reason) => reason.code)).toEqual(['timeout']);
  });

  it('should answer with the local model when the endpoint talks garbage', async () => {
    behaviour = { kind: 'answer', content: 'sure! here you go: refund' };
    const result = await new FallbackClassifier(remote(), local).classify('where is my parcel');
    expect(result).toMatchObject({ intent: 'logistics', source: 'fallback' });
    expect(result.fallbackReason?.code).toBe('invalid-answer');
  });

  it('should answer with the local model when the endpoint fails', async () => {
    behaviour = { kind: 'status', status: 500 };
    const result = await new FallbackClassifier(remote(), local).classify('where is my parcel');
    expect(result.source).toBe('fallback');
    expect(result.fallbackReason?.code).toBe('http');
  });
});
