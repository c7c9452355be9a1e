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
  await h.xiaoer.intake.idle();
  await h.xiaoer.runtime.idle();
});
afterAll(async () => h?.close());

type Case = {
  name: string;
  send: () => Promise<Response>;
  status: number;
  code: string;
  pointer?: string;
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
    code: 'unknown-filter',
  },
  {
    name: 'filter given twice',
    send: () => h.request('GET', '/api/instances?workflow=a&workflow=b'),
    status: 400,
    code: 'invalid-filter',
  },
  {
    name: 'filter value with an operator',
    send: () => h.request('GET', '/api/instances?correlation=$gt'),
    status: 400,
    code: 'invalid-filter',
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
    status: 400,
    code: 'invalid-body',
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

describe('bad input gets a precise 4xx and changes nothing', () => {
  it.each(cases)('$name → $status $code', async ({ send, status, code, pointer }) => {
    await h.xiaoer.intake.idle();
    const before = await settledFingerprint(h);
    const response = await send();
    const body = (await response.json()) as {
      error: {
        code: string;
        message: { zh: string; en: string };
        details?: { problems?: { pointer: string }[] };
      };
    };
    expect(response.status).toBe(status);
    expect(body.error.code).toBe(code);
    expect(body.error.message.zh).not.toBe('');
    expect(body.error.message.en).not.toBe('');
    if (pointer) expect(body.error.details?.problems?.map((p) => p.pointer)).toContain(pointer);
    await h.xiaoer.intake.idle();
    expect(await dbFingerprint(h.connection)).toBe(before);
  });
});
