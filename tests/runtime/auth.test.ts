import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cloudEvent,
  PASSWORD_COST,
  SOURCE,
  startHarness,
  type Harness,
} from '@xiaoer/server/testing';
import { counterWorkflow } from './test-workflows.ts';

let h: Harness;
beforeAll(async () => {
  // The production cost (other tests hash at a lower one): the stored hash names it.
  h = await startHarness({ passwordCost: PASSWORD_COST });
  await h.publish(counterWorkflow);
  await h.xiaoer.auth.createUser('vera', 'viewer-password', 'viewer');
});
afterAll(async () => h?.close());

const login = (username: string, password: string) =>
  h.request('POST', '/api/auth/login', { username, password }, '');

describe('users, roles and keys', () => {
  it('should log in, set an HttpOnly session cookie and accept it', async () => {
    const response = await login('vera', 'viewer-password');
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^xiaoer_session=xs_[\w-]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await fetch(`${h.url}/api/auth/me`, {
      headers: { cookie: cookie.split(';')[0] ?? '' },
    });
    expect(await me.json()).toEqual({
      kind: 'user',
      id: 'vera',
      role: 'viewer',
      personalData: 'masked',
    });
  });

  it('should let a viewer read but not publish', async () => {
    const { token } = (await (await login('vera', 'viewer-password')).json()) as { token: string };
    expect((await h.request('GET', '/api/workflows', undefined, token)).status).toBe(200);
    expect((await h.request('POST', '/api/workflows/counter/publish', {}, token)).status).toBe(403);
  });

  it('should end the session on logout and when the user is disabled', async () => {
    const first = ((await (await login('vera', 'viewer-password')).json()) as { token: string })
      .token;
    expect((await h.request('POST', '/api/auth/logout', undefined, first)).status).toBe(200);
    expect((await h.request('GET', '/api/workflows', undefined, first)).status).toBe(401);

    const second = ((await (await login('vera', 'viewer-password')).json()) as { token: string })
      .token;
    expect((await h.request('PATCH', '/api/users/vera', { disabled: true })).status).toBe(200);
    expect((await h.request('GET', '/api/workflows', undefined, second)).status).toBe(401);
    expect((await login('vera', 'viewer-password')).status).toBe(401);
    await h.request('PATCH', '/api/users/vera', { disabled: false });
  });

  it('should store passwords as scrypt hashes, never in clear', async () => {
    const stored = await h.connection.collection('users').findOne({ _id: 'vera' as never });
    expect(String(stored?.['passwordHash'])).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(JSON.stringify(stored)).not.toContain('viewer-password');
  });

  it('should accept events with an intake API key and refuse it everywhere else', async () => {
    const created = await h.request('POST', '/api/api-keys', { name: 'erp', source: SOURCE.id });
    expect(created.status).toBe(201);
    const { key } = (await created.json()) as { key: string };
    expect(key).toMatch(/^xk_/);
    const event = cloudEvent('counter.opened', { counterId: 'API-1', count: 0 });
    const sent = await fetch(`${h.url}/api/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(event),
    });
    expect(sent.status).toBe(202);
    // The event's record is written behind its inbox entry (docs/runtime.md, Intake).
    await h.xiaoer.intake.idle();
    const stored = await h.connection
      .collection('events')
      .findOne({ _id: `${SOURCE.id}/${event.id}` as never });
    expect(stored?.['type']).toBe('counter.opened');
    expect((await h.request('GET', '/api/workflows', undefined, key)).status).toBe(403);
    const keys = JSON.stringify(await h.connection.collection('apiKeys').find().toArray());
    expect(keys).not.toContain(key);
  });

  it('should refuse a second API key under a name in use (409): a name stands for one key', async () => {
    const first = await h.request('POST', '/api/api-keys', { name: 'pos', source: SOURCE.id });
    expect(first.status).toBe(201);
    const { key } = (await first.json()) as { key: string };
    const again = await h.request('POST', '/api/api-keys', { name: 'pos', source: SOURCE.id });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({
      error: { code: 'api-key-exists', message: { zh: expect.stringContaining('pos') } },
    });
    expect(await h.connection.collection('apiKeys').countDocuments({ name: 'pos' })).toBe(1);
    const audited = await h.connection
      .collection('audit')
      .countDocuments({ action: 'apiKey.create', target: 'pos' });
    expect(audited).toBe(1);
    const principal = await h.xiaoer.auth.authenticate(key);
    expect(principal).toMatchObject({ kind: 'apiKey', id: 'pos' });
  });

  it('should rate-limit logins (10 a minute per address, earlier tests used some)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await login('admin', `wrong-${i}`)).status);
    const firstLimited = statuses.indexOf(429);
    expect(statuses[0]).toBe(401);
    expect(firstLimited).toBeGreaterThan(0);
    expect(statuses.slice(firstLimited).every((s) => s === 429)).toBe(true);
    // Even the right password is refused until the window passes.
    expect((await login('admin', 'admin-密码-123')).status).toBe(429);
  });
});
