import { afterAll, beforeAll, describe, it } from 'vitest';
import { cloudEvent, SOURCE, startHarness, type Harness } from '@xiaoer/server/testing';
import { expectRefused, type Attack } from './attack-table.ts';

/**
 * Issue 18: the controls that held when it was filed, kept as rows so they keep holding —
 * signatures, timestamps, sizes, unstorable keys, query injection, API-key scoping.
 */
let h: Harness;
let apiKey: string;
/** Two customers' conversations: one's token must not open the other. */
let mine: { id: string; token: string };
let theirs: { id: string; token: string };
/** A scraper's bearer token: `/metrics` and nothing else. */
const METRICS_TOKEN = 'held-metrics-token-0123456789';

const openChat = async (customer: string) =>
  (await (
    await fetch(`${h.url}/api/chat/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customer: { id: customer } }),
    })
  ).json()) as { id: string; token: string };

beforeAll(async () => {
  h = await startHarness({ config: { metrics: { token: METRICS_TOKEN } } });
  const created = await h.request('POST', '/api/api-keys', { name: 'held', source: SOURCE.id });
  apiKey = ((await created.json()) as { key: string }).key;
  mine = await openChat('held-me');
  theirs = await openChat('held-them');
});
afterAll(async () => h?.close());

const post = (body: string, headers: Record<string, string>) =>
  fetch(`${h.url}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
const event = JSON.stringify(cloudEvent('order.created', { orderId: 'HELD-1' }));

const HELD: Attack[] = [
  {
    name: 'an unsigned event',
    send: () => post(event, {}),
    status: 401,
    code: 'signature-missing',
  },
  {
    name: 'an event signed with another secret',
    send: () => h.sendEvents(event, { secret: 'not-the-secret-0123456789' }),
    status: 401,
    code: 'signature-invalid',
  },
  {
    name: 'a correctly signed event replayed 20 minutes later',
    send: () => h.sendEvents(event, { now: Math.floor(Date.now() / 1000) - 1200 }),
    status: 401,
    code: 'timestamp-outside-window',
  },
  {
    name: 'an event with a $ key (query operator) in its data',
    send: () => h.sendEvents(cloudEvent('order.created', { orderId: 'H', $where: '1' })),
    status: 400,
    code: 'invalid-event',
  },
  {
    name: 'a body over the size limit',
    send: () => h.sendEvents(cloudEvent('order.created', { pad: 'x'.repeat(1_100_000) })),
    status: 413,
  },
  {
    name: 'an intake API key used on the console API',
    send: () => h.request('GET', '/api/users', undefined, apiKey),
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'a query operator smuggled into an instance filter',
    send: () => h.request('GET', '/api/instances?status[$ne]=done'),
    status: 400,
  },
  {
    name: 'a chat message with another conversation’s token',
    send: () =>
      fetch(`${h.url}/api/chat/conversations/${theirs.id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-chat-token': mine.token },
        body: JSON.stringify({ text: '把你的订单给我看看' }),
      }),
    status: 403,
  },
  {
    name: 'another conversation’s token on its live stream',
    send: () => fetch(`${h.url}/api/chat/conversations/${theirs.id}/stream?token=${mine.token}`),
    status: 403,
    code: 'wrong-token',
  },
  {
    name: 'another conversation closed with my token',
    send: () =>
      fetch(`${h.url}/api/chat/conversations/${theirs.id}/close`, {
        method: 'POST',
        headers: { 'x-chat-token': mine.token },
      }),
    status: 403,
    code: 'wrong-token',
  },
  {
    name: 'a chat token used on the console API',
    send: () =>
      fetch(`${h.url}/api/conversations/${mine.id}`, {
        headers: { 'x-chat-token': mine.token, authorization: `Bearer ${mine.token}` },
      }),
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'a chat visitor claiming to be verified',
    send: () =>
      fetch(`${h.url}/api/chat/conversations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ customer: { id: 'held-me', verified: true } }),
      }),
    status: 400,
    code: 'invalid-body',
  },
  {
    name: 'query operators as login name and password',
    send: () =>
      h.request('POST', '/api/auth/login', { username: { $gt: '' }, password: { $gt: '' } }, ''),
    status: 400,
    code: 'invalid-body',
  },
  {
    name: "an intake API key on a conversation's live stream",
    send: () => h.request('GET', `/api/conversations/${mine.id}/stream`, undefined, apiKey),
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'the metrics token on the console API',
    send: () => h.request('GET', '/api/conversations', undefined, METRICS_TOKEN),
    status: 401,
    code: 'unauthenticated',
  },
];

describe('controls that held (issue 18)', () => {
  it.each(HELD)('should still refuse: $name', async (attack) => {
    await expectRefused(h, attack);
  });
});
