import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signedHeaders } from '@xiaoer/server';
import { cloudEvent, SOURCE, startHarness, type Harness } from '@xiaoer/server/testing';
import { counterWorkflow } from './test-workflows.ts';
import { dbFingerprint, settledFingerprint } from './db-fingerprint.ts';

let h: Harness;
const tokens: Record<'viewer' | 'operator' | 'apiKey', string> = {
  viewer: '',
  operator: '',
  apiKey: '',
};

beforeAll(async () => {
  h = await startHarness();
  await h.publish(counterWorkflow);
  await h.sendEvents(cloudEvent('counter.opened', { counterId: 'K-1', count: 0 }));
  await vi.waitFor(
    async () => expect((await h.request('GET', '/api/instances/counter:K-1:1')).status).toBe(200),
    { timeout: 10_000 },
  );
  for (const role of ['viewer', 'operator'] as const) {
    await h.xiaoer.auth.createUser(role, `${role}-password`, role);
    tokens[role] = (await h.xiaoer.auth.login(role, `${role}-password`))?.token ?? '';
  }
  tokens.apiKey = (await h.xiaoer.auth.createApiKey('shop-client', SOURCE.id, 'admin')).key;
  const opened = await h.request(
    'POST',
    '/api/chat/conversations',
    { customer: { id: 'c-1' } },
    '',
  );
  chat = (await opened.json()) as { id: string; token: string };
  await h.xiaoer.intake.idle();
  await h.xiaoer.runtime.idle();
});
let chat = { id: '', token: '' };
afterAll(async () => h?.close());

type Case = {
  name: string;
  send: () => Promise<Response>;
  status: number;
  code: string;
  pointer?: string;
  /** The query parameter the refusal names (`details.parameter` and both messages). */
  parameter?: string;
};

const rawEvent = (body: string, headers: Record<string, string>) =>
  fetch(`${h.url}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
const signed = (body: string, overrides: { secret?: string; source?: string; now?: number } = {}) =>
  rawEvent(
    body,
    signedHeaders(
      overrides.source ?? SOURCE.id,
      overrides.secret ?? SOURCE.secret,
      body,
      overrides.now,
    ),
  );
const validEvent = () =>
  JSON.stringify(cloudEvent('counter.opened', { counterId: 'NEW', count: 1 }));
const as = (role: keyof typeof tokens) => (method: string, path: string, body?: unknown) =>
  h.request(method, path, body, tokens[role]);
const jsonAs = (
  token: string,
  method: string,
  path: string,
  text: string,
  type = 'application/json',
) =>
  fetch(`${h.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body: text,
  });

const cases: Case[] = [
  {
    name: 'event without signature',
    send: () => rawEvent(validEvent(), {}),
    status: 401,
    code: 'signature-missing',
  },
  {
    name: 'event signed with a wrong secret',
    send: () => signed(validEvent(), { secret: 'wrong' }),
    status: 401,
    code: 'signature-invalid',
  },
  {
    name: 'event from an unknown source',
    send: () => signed(validEvent(), { source: 'nobody' }),
    status: 401,
    code: 'signature-invalid',
  },
  {
    name: 'event with a timestamp an hour old (replay)',
    send: () => signed(validEvent(), { now: Date.now() - 3_600_000 }),
    status: 401,
    code: 'timestamp-outside-window',
  },
  {
    name: 'event whose body was changed after signing',
    send: () =>
      rawEvent(
        validEvent().replace('NEW', 'NEX'),
        signedHeaders(SOURCE.id, SOURCE.secret, validEvent()),
      ),
    status: 401,
    code: 'signature-invalid',
  },
  {
    name: 'event with an invalid API key',
    send: () => rawEvent(validEvent(), { authorization: 'Bearer xk_forged' }),
    status: 401,
    code: 'api-key-invalid',
  },
  {
    name: 'signed malformed JSON',
    send: () => signed('{"id": "x", "type": '),
    status: 400,
    code: 'malformed-json',
  },
  {
    name: 'event without id',
    send: () => signed(JSON.stringify({ type: 'counter.opened', source: '/t', data: {} })),
    status: 400,
    code: 'invalid-event',
    pointer: '/id',
  },
  {
    name: 'operator injection in the event id',
    send: () => signed(JSON.stringify({ id: { $gt: '' }, type: 'counter.opened', source: '/t' })),
    status: 400,
    code: 'invalid-event',
    pointer: '/id',
  },
  {
    name: 'operator key in event data',
    send: () =>
      signed(
        JSON.stringify({
          id: 'inj-1',
          type: 'counter.opened',
          source: '/t',
          data: { counterId: 'X', $where: '1' },
        }),
      ),
    status: 400,
    code: 'invalid-event',
    pointer: '/data/$where',
  },
  {
    name: 'batch with one bad event stores none',
    send: () =>
      signed(
        JSON.stringify([
          cloudEvent('counter.opened', { counterId: 'B1', count: 1 }),
          { id: 'b2', type: 'bad type', source: '/t' },
        ]),
      ),
    status: 400,
    code: 'invalid-event',
    pointer: '/1/type',
  },
  {
    name: 'event data no journey could take (trigger contract broken)',
    send: () => signed(JSON.stringify(cloudEvent('counter.opened', { counterId: 'K-9' }))),
    status: 422,
    code: 'event-data-invalid',
    pointer: '/data/count',
  },
  {
    name: 'event body over the limit',
    send: () =>
      signed(
        JSON.stringify(
          cloudEvent('counter.opened', { counterId: 'BIG', count: 1, pad: 'x'.repeat(1_100_000) }),
        ),
      ),
    status: 413,
    code: 'payload-too-large',
  },
  {
    name: 'instances without a login',
    send: () => h.request('GET', '/api/instances', undefined, ''),
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'instances with a forged session',
    send: () => h.request('GET', '/api/instances', undefined, 'xs_forged'),
    status: 401,
    code: 'unauthenticated',
  },
  {
    name: 'instances read with an intake API key',
    send: () => as('apiKey')('GET', '/api/instances'),
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'operator injection in a filter name',
    send: () => h.request('GET', '/api/instances?status[$ne]=done'),
    status: 400,
    code: 'invalid-query',
    parameter: 'status[$ne]',
  },
  {
    name: 'filter given twice',
    send: () => h.request('GET', '/api/instances?workflow=a&workflow=b'),
    status: 400,
    code: 'invalid-query',
    parameter: 'workflow',
  },
  {
    name: 'filter value with an operator',
    send: () => h.request('GET', '/api/instances?correlation=$gt'),
    status: 400,
    code: 'invalid-query',
    parameter: 'correlation',
  },
  {
    name: 'unknown instance',
    send: () => h.request('GET', '/api/instances/counter:nope:1'),
    status: 404,
    code: 'instance-not-found',
  },
  {
    name: 'cancel of an unknown instance',
    send: () => h.request('POST', '/api/instances/nope/cancel'),
    status: 404,
    code: 'instance-not-found',
  },
  {
    name: 'viewer cancels an instance',
    send: () => as('viewer')('POST', '/api/instances/counter:K-1:1/cancel'),
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'viewer publishes',
    send: () => as('viewer')('POST', '/api/workflows/counter/publish', {}),
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'viewer saves a draft',
    send: () =>
      as('viewer')('PUT', '/api/workflows/counter', { document: counterWorkflow, revision: 1 }),
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'operator manages users',
    send: () =>
      as('operator')('POST', '/api/users', { id: 'x', password: 'long-enough', role: 'admin' }),
    status: 403,
    code: 'forbidden',
  },
  {
    name: 'event type injection sent by hand',
    send: () => h.request('POST', '/api/instances/counter:K-1:1/events', { type: '$where' }),
    status: 400,
    code: 'invalid-body',
    pointer: '/type',
  },
  {
    name: 'event data with an operator key sent by hand',
    send: () =>
      h.request('POST', '/api/instances/counter:K-1:1/events', {
        type: 'counter.bump',
        data: { by: { $where: 'sleep(1)' } },
      }),
    status: 400,
    code: 'invalid-body',
    pointer: '/data/by/$where',
  },
  {
    name: 'event data with a dotted key sent by hand',
    send: () =>
      h.request('POST', '/api/instances/counter:K-1:1/events', {
        type: 'counter.bump',
        data: { 'order.id': 'A1' },
      }),
    status: 400,
    code: 'invalid-body',
    pointer: '/data/order.id',
  },
  {
    name: 'scenario with an operator key in its trigger',
    send: () =>
      h.request('PUT', '/api/workflows/counter/scenarios/injected', {
        trigger: { type: 'counter.opened', data: { counterId: 'S', $where: '1' } },
        steps: [],
      }),
    status: 400,
    code: 'invalid-body',
    pointer: '/trigger/data/$where',
  },
  {
    name: 'scenario with a dotted key in a step',
    send: () =>
      h.request('PUT', '/api/workflows/counter/scenarios/dotted', {
        trigger: { type: 'counter.opened', data: { counterId: 'S', count: 0 } },
        steps: [{ event: 'counter.bump', data: { 'a.b': 1 } }],
      }),
    status: 400,
    code: 'invalid-body',
    pointer: '/steps/0/data/a.b',
  },
  {
    name: "the editor's counts of an unknown journey",
    send: () => h.request('GET', '/api/workflows/no-such-journey/flow'),
    status: 404,
    code: 'workflow-not-found',
  },
  {
    name: "the editor's live counts of an unknown journey",
    send: () => h.request('GET', '/api/workflows/no-such-journey/flow/stream'),
    status: 404,
    code: 'workflow-not-found',
  },
  {
    name: 'malformed workflow',
    send: () => h.request('POST', '/api/workflows', { id: 'broken', name: 'x' }),
    status: 400,
    code: 'workflow-malformed',
  },
  {
    name: 'workflow with an operator key',
    send: () =>
      h.request('POST', '/api/workflows', {
        ...counterWorkflow,
        id: 'evil',
        nodes: counterWorkflow.nodes.map((n, i) =>
          i === 2
            ? {
                ...n,
                config: { assignments: [{ variable: 'count', value: { $where: 'sleep(1)' } }] },
              }
            : n,
        ),
      }),
    status: 400,
    code: 'workflow-malformed',
  },
  {
    name: 'malformed JSON to the API',
    send: () => jsonAs(h.token, 'POST', '/api/workflows', '{"id":'),
    status: 400,
    code: 'malformed-json',
  },
  {
    name: 'workflow sent as text/plain',
    send: () =>
      jsonAs(h.token, 'POST', '/api/workflows', JSON.stringify(counterWorkflow), 'text/plain'),
    status: 415,
    code: 'unsupported-media-type',
  },
  {
    name: 'revision given as an operator',
    send: () =>
      h.request('PUT', '/api/workflows/counter', {
        document: counterWorkflow,
        revision: { $gt: 0 },
      }),
    status: 400,
    code: 'invalid-body',
    pointer: '/revision',
  },
  {
    name: 'stale revision',
    send: () =>
      h.request('PUT', '/api/workflows/counter', { document: counterWorkflow, revision: 7 }),
    status: 409,
    code: 'revision-conflict',
  },
  {
    name: 'document id differs from the URL',
    send: () =>
      h.request('PUT', '/api/workflows/counter', {
        document: { ...counterWorkflow, id: 'other' },
        revision: 1,
      }),
    status: 400,
    code: 'workflow-malformed',
  },
  {
    name: 'create a workflow that exists',
    send: () => h.request('POST', '/api/workflows', counterWorkflow),
    status: 409,
    code: 'workflow-exists',
  },
  {
    name: 'publish an unknown workflow',
    send: () => h.request('POST', '/api/workflows/nope/publish', {}),
    status: 404,
    code: 'workflow-not-found',
  },
  {
    name: 'version that is not a number',
    send: () => h.request('GET', '/api/workflows/counter/versions/abc'),
    status: 400,
    code: 'invalid-version',
  },
  {
    name: 'unknown version',
    send: () => h.request('GET', '/api/workflows/counter/versions/9'),
    status: 404,
    code: 'version-not-found',
  },
  {
    name: 'delete an unknown workflow',
    send: () => h.request('DELETE', '/api/workflows/nope'),
    status: 404,
    code: 'workflow-not-found',
  },
  {
    name: 'retry an unknown effect',
    send: () => h.request('POST', '/api/effects/nope/retry'),
    status: 404,
    code: 'effect-not-found',
  },
  {
    name: 'login with a wrong password',
    send: () => h.request('POST', '/api/auth/login', { username: 'admin', password: 'wrong' }, ''),
    status: 401,
    code: 'invalid-credentials',
  },
  {
    name: 'login with an operator as user name',
    send: () => h.request('POST', '/api/auth/login', { username: { $gt: '' }, password: 'x' }, ''),
    status: 400,
    code: 'invalid-body',
    pointer: '/username',
  },
  {
    name: 'unknown endpoint',
    send: () => h.request('GET', '/api/nothing-here'),
    status: 404,
    code: 'not-found',
  },
];

/** Bad query parameters: each named in the refusal, with what it allows. */
const get = (path: string) => h.request('GET', path);
const queryCases: Case[] = (
  [
    ['dead letters, a negative limit', '/api/dead-letters?limit=-1', 'limit'],
    ['dead letters, a limit over 500', '/api/dead-letters?limit=501', 'limit'],
    ['dead letters, a limit that is no number', '/api/dead-letters?limit=ten', 'limit'],
    ['dead letters, a limit given twice', '/api/dead-letters?limit=1&limit=2', 'limit'],
    ['dead letters, an unknown parameter', '/api/dead-letters?status=dead', 'status'],
    ['conversations, a status in array form', '/api/conversations?status[]=', 'status[]'],
    [
      'conversations, a status given twice',
      '/api/conversations?status=open&status=closed',
      'status',
    ],
    ['conversations, an unknown status', '/api/conversations?status=archived', 'status'],
    [
      'conversations, an operator in a filter name',
      '/api/conversations?status[$ne]=x',
      'status[$ne]',
    ],
    ['instances, a page size over 200', '/api/instances?pageSize=500', 'pageSize'],
    ['instances, page 0', '/api/instances?page=0', 'page'],
    ['instances, an unknown status', '/api/instances?status=lost', 'status'],
    ['instance list stream, an unknown parameter', '/api/instances/stream?sort=id', 'sort'],
    ['flow, a since that is no time', '/api/workflows/counter/flow?since=yesterday', 'since'],
    ['flow, an unknown parameter', '/api/workflows/counter/flow?until=x', 'until'],
    ['events, limit 0', '/api/events?limit=0', 'limit'],
    ['events, a limit over 200', '/api/events?limit=201', 'limit'],
    ['events, a day the calendar has not', '/api/events?from=2025-02-30', 'from'],
    ['events, an unknown parameter', '/api/events?sourc=demo', 'sourc'],
    ['audit, a negative limit', '/api/audit?limit=-1', 'limit'],
    ['audit, an unknown parameter', '/api/audit?offset=5', 'offset'],
    ['knowledge articles, an unknown parameter', '/api/knowledge/articles?statuz=draft', 'statuz'],
    ['knowledge articles, a negative page', '/api/knowledge/articles?page=-1', 'page'],
    ['knowledge export, an unknown format', '/api/knowledge/export?format=xml', 'format'],
    ['knowledge export, a format in array form', '/api/knowledge/export?format[]=csv', 'format[]'],
    ['unanswered questions, a limit over 100', '/api/knowledge/unanswered?limit=101', 'limit'],
    ['quality reports, a limit over 200', '/api/quality/reports?limit=201', 'limit'],
    ['quality agents, an unknown parameter', '/api/quality/agents?agent=li', 'agent'],
    ['staffing, 13 weeks', '/api/analytics/staffing?weeks=13', 'weeks'],
    ['dashboard, an unknown parameter', '/api/analytics/dashboard?range=7d', 'range'],
    ['desk stream, a malformed follow', '/api/conversations/stream?follow=a b:1', 'follow'],
    ['desk stream, no follow', '/api/conversations/stream', 'follow'],
  ] as const
).map(([name, path, parameter]) => ({
  name,
  send: () => get(path),
  status: 400,
  code: 'invalid-query',
  parameter,
}));

/** The customer's chat: a bad `after`, the token in a URL but the stream's; bodies that are not JSON. */
const chatCases: Case[] = [
  {
    name: 'chat messages after a negative number',
    send: () =>
      fetch(`${h.url}/api/chat/conversations/${chat.id}/messages?after=-1`, {
        headers: { 'x-chat-token': chat.token },
      }),
    status: 400,
    code: 'invalid-query',
    parameter: 'after',
  },
  // The token goes in X-Chat-Token; in a URL only for the stream (proxies and logs keep URLs).
  {
    name: 'chat messages read with the token in the URL',
    send: () => fetch(`${h.url}/api/chat/conversations/${chat.id}/messages?token=${chat.token}`),
    status: 400,
    code: 'invalid-query',
    parameter: 'token',
  },
  {
    name: 'chat message sent with the token in the URL',
    send: () =>
      fetch(`${h.url}/api/chat/conversations/${chat.id}/messages?token=${chat.token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'hello' }),
      }),
    status: 400,
    code: 'invalid-query',
    parameter: 'token',
  },
  {
    name: 'chat closed with the token in the URL',
    send: () =>
      fetch(`${h.url}/api/chat/conversations/${chat.id}/close?token=${chat.token}`, {
        method: 'POST',
      }),
    status: 400,
    code: 'invalid-query',
    parameter: 'token',
  },
  {
    name: 'chat stream with an unknown parameter',
    send: () =>
      fetch(`${h.url}/api/chat/conversations/${chat.id}/stream?token=${chat.token}&since=0`),
    status: 400,
    code: 'invalid-query',
    parameter: 'since',
  },
  {
    name: 'chat message sent as text/plain',
    send: () =>
      fetch(`${h.url}/api/chat/conversations/${chat.id}/messages`, {
        method: 'POST',
        headers: { 'x-chat-token': chat.token, 'content-type': 'text/plain' },
        body: JSON.stringify({ text: 'hello' }),
      }),
    status: 415,
    code: 'unsupported-media-type',
  },
  {
    name: 'chat opened with a form body',
    send: () =>
      fetch(`${h.url}/api/chat/conversations`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'customer[id]=c-2',
      }),
    status: 415,
    code: 'unsupported-media-type',
  },
  {
    name: 'chat message without a Content-Type',
    send: () =>
      fetch(`${h.url}/api/chat/conversations/${chat.id}/messages`, {
        method: 'POST',
        headers: { 'x-chat-token': chat.token },
        body: new Blob(['{"text":"hello"}']),
      }),
    status: 415,
    code: 'unsupported-media-type',
  },
  {
    name: 'workflow validation sent as text/plain',
    send: () =>
      jsonAs(
        h.token,
        'POST',
        '/api/workflows/validate',
        JSON.stringify(counterWorkflow),
        'text/plain',
      ),
    status: 415,
    code: 'unsupported-media-type',
  },
  {
    name: 'knowledge import sent as XML',
    send: () => jsonAs(h.token, 'POST', '/api/knowledge/import', '<articles/>', 'application/xml'),
    status: 415,
    code: 'unsupported-media-type',
  },
  {
    name: 'user created with a text/plain body',
    send: () =>
      jsonAs(
        h.token,
        'POST',
        '/api/users',
        JSON.stringify({ id: 'x', password: 'long-enough', role: 'admin' }),
        'text/plain',
      ),
    status: 415,
    code: 'unsupported-media-type',
  },
];

describe('bad input gets a precise 4xx and changes nothing', () => {
  it.each([...cases, ...queryCases, ...chatCases])(
    '$name → $status $code',
    async ({ send, status, code, pointer, parameter }) => {
      await h.xiaoer.intake.idle();
      const before = await settledFingerprint(h);
      const response = await send();
      const body = (await response.json()) as {
        error: {
          code: string;
          message: { zh: string; en: string };
          details?: { problems?: { pointer: string }[]; parameter?: string };
        };
      };
      expect(response.status).toBe(status);
      expect(body.error.code).toBe(code);
      expect(body.error.message.zh).not.toBe('');
      expect(body.error.message.en).not.toBe('');
      if (pointer) expect(body.error.details?.problems?.map((p) => p.pointer)).toContain(pointer);
      if (parameter) {
        expect(body.error.details?.parameter).toBe(parameter);
        expect(body.error.message.zh).toContain(`"${parameter}"`);
        expect(body.error.message.en).toContain(`"${parameter}"`);
      }
      await h.xiaoer.intake.idle();
      expect(await dbFingerprint(h.connection)).toBe(before);
    },
  );
});
