import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '@xiaoer/server/testing';

/** `GET /api/audit`: the console's audit log, newest first, for admins only. */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.xiaoer.models.Audit.create({
    at: new Date('2026-12-01T10:00:00Z'),
    actor: 'admin',
    action: 'instance.cancel',
    target: 'j:A1:1',
    details: {},
  });
  await h.xiaoer.models.Audit.create({
    at: new Date('2026-12-02T10:00:00Z'),
    actor: 'operator-1',
    action: 'effect.retry',
    target: 'j:A2:1:3:0',
    details: { note: '重试' },
  });
});
afterAll(async () => {
  await h?.close();
});

describe('the audit log', () => {
  it('should list who did what, newest first, as many as asked', async () => {
    const all = (await (await h.request('GET', '/api/audit')).json()) as {
      entries: { action: string; actor: string; details: object }[];
    };
    expect(all.entries.map((e) => e.action)).toEqual(['effect.retry', 'instance.cancel']);
    expect(all.entries[0]).toMatchObject({ actor: 'operator-1', details: { note: '重试' } });
    const one = (await (await h.request('GET', '/api/audit?limit=1')).json()) as {
      entries: unknown[];
    };
    expect(one.entries).toHaveLength(1);
  });

  it('should refuse a bad limit with a zh/en error', async () => {
    const response = await h.request('GET', '/api/audit?limit=0');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: object } };
    expect(body.error.code).toBe('invalid-query');
    expect(Object.keys(body.error.message).sort()).toEqual(['en', 'zh']);
  });

  it('should be for admins only', async () => {
    const created = await h.request('POST', '/api/users', {
      id: 'viewer-1',
      password: 'viewer-password-1',
      role: 'viewer',
    });
    expect(created.status).toBe(201);
    const login = (await (
      await h.request('POST', '/api/auth/login', {
        username: 'viewer-1',
        password: 'viewer-password-1',
      })
    ).json()) as { token: string };
    expect((await h.request('GET', '/api/audit', undefined, login.token)).status).toBe(403);
  });
});
