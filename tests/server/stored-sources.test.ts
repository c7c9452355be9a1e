import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudEvent, SOURCE, startHarness, type Harness } from '@xiaoer/server/testing';
import { userToken } from '../routing/routing-fixture.ts';

/**
 * Issue 21: webhook senders added from the console. The secret is in the answer that made it
 * and nowhere else, the lists show its last characters; events signed with it are taken, with
 * the old one refused after a rotation; the store keeps the source for a new process; the
 * configuration file's sources are listed and stay read-only; each change is audited.
 */
let h: Harness;
/** The first secret of `erp-main`, refused once it is rotated. */
let first = '';

interface SourceEntry {
  id: string;
  kind: string;
  origin: 'config' | 'stored';
  secretSet: boolean;
  secretHint?: string;
  createdBy?: string;
  rotatedBy?: string;
  intakePath?: string;
}
interface Issued {
  source: SourceEntry;
  secret: string;
}

const listed = async (harness = h, token?: string) =>
  (
    (await (await harness.request('GET', '/api/sources', undefined, token)).json()) as {
      sources: SourceEntry[];
    }
  ).sources;
const send = (harness: Harness, secret: string, source = 'erp-main') =>
  harness.sendEvents(cloudEvent('order.created', { orderId: `S-${Math.random()}` }), {
    source,
    secret,
  });

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('sources added from the console', () => {
  it('should make a source whose secret is shown once and signs events', async () => {
    const operator = await userToken(h, 'src-operator', 'operator');
    const refusedBefore = await send(h, 'not-yet');
    expect(refusedBefore.status).toBe(401);

    const response = await h.request(
      'POST',
      '/api/sources',
      { id: 'erp-main', kind: 'xiaoer' },
      operator,
    );
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const issued = (await response.json()) as Issued;
    first = issued.secret;
    expect(issued.secret.length).toBeGreaterThanOrEqual(40);
    expect(issued.source).toMatchObject({
      id: 'erp-main',
      kind: 'xiaoer',
      origin: 'stored',
      secretHint: issued.secret.slice(-4),
      createdBy: 'src-operator',
    });

    const text = await (await h.request('GET', '/api/sources', undefined, operator)).text();
    expect(text).not.toContain(issued.secret);
    expect(text).not.toContain(SOURCE.secret);
    const sources = JSON.parse(text) as { sources: SourceEntry[] };
    expect(sources.sources).toEqual([
      expect.objectContaining({ id: SOURCE.id, origin: 'config', secretSet: true }),
      expect.objectContaining({
        id: 'erp-main',
        origin: 'stored',
        secretHint: issued.secret.slice(-4),
        intakePath: '/api/events',
      }),
    ]);
    expect((await send(h, issued.secret)).status).toBeLessThan(300);
    expect((await send(h, `${issued.secret}x`)).status).toBe(401);
  });

  it('should rotate a secret: the new one works at once, the old one no more', async () => {
    const before = (await listed()).find((s) => s.id === 'erp-main');
    const response = await h.request('POST', '/api/sources/erp-main/secret');
    expect(response.status).toBe(200);
    const rotated = (await response.json()) as Issued;
    expect(rotated.source).toMatchObject({
      rotatedBy: 'admin',
      secretHint: rotated.secret.slice(-4),
    });
    expect(rotated.source.secretHint).not.toBe(before?.secretHint);
    expect((await send(h, rotated.secret)).status).toBeLessThan(300);
    expect((await send(h, first)).status).toBe(401);

    // A new process on the same store: the source and its rotated secret survive the restart.
    const again = await startHarness({ store: h.store });
    try {
      // A source made in one process reaches another at its next refresh (every 5 s).
      const late = (await (
        await h.request('POST', '/api/sources', { id: 'erp-late', kind: 'xiaoer' })
      ).json()) as Issued;
      expect((await send(again, late.secret, 'erp-late')).status).toBe(401);
      await again.clock.advance(5_000);
      expect((await send(again, late.secret, 'erp-late')).status).toBeLessThan(300);

      expect((await listed(again)).map((s) => `${s.id}:${s.origin}`)).toContain('erp-main:stored');
      expect((await send(again, rotated.secret)).status).toBeLessThan(300);
      expect((await send(again, first)).status).toBe(401);
    } finally {
      await again.close();
    }

    const { entries } = (await (await h.request('GET', '/api/audit?limit=20')).json()) as {
      entries: { action: string; target: string; actor: string; details: object }[];
    };
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'source.create',
          target: 'erp-main',
          actor: 'src-operator',
        }),
        expect.objectContaining({ action: 'source.rotate', target: 'erp-main', actor: 'admin' }),
      ]),
    );
    expect(JSON.stringify(entries)).not.toContain(rotated.secret);
  });

  it('should keep the configuration file’s sources read-only and refuse bad input', async () => {
    expect((await h.request('POST', `/api/sources/${SOURCE.id}/secret`)).status).toBe(409);
    expect(
      (await h.request('POST', '/api/sources', { id: SOURCE.id, kind: 'xiaoer' })).status,
    ).toBe(409);
    expect(
      (await h.request('POST', '/api/sources', { id: 'erp-main', kind: 'xiaoer' })).status,
    ).toBe(409);
    expect((await h.request('POST', '/api/sources/nobody/secret')).status).toBe(404);
    for (const body of [
      { id: 'Bad Id', kind: 'xiaoer' },
      { id: 'ok-id', kind: 'taobao' },
      { id: 'ok-id' },
      { id: 'ok-id', kind: 'xiaoer', secret: 'mine' },
    ])
      expect((await h.request('POST', '/api/sources', body)).status).toBe(400);
    const configured = await send(h, SOURCE.secret, SOURCE.id);
    expect(configured.status).toBeLessThan(300);
  });

  it('should refuse agents and viewers (403) and anonymous callers (401)', async () => {
    const agent = await userToken(h, 'src-agent', 'agent');
    const viewer = await userToken(h, 'src-viewer', 'viewer');
    for (const token of [agent, viewer]) {
      expect((await h.request('GET', '/api/sources', undefined, token)).status).toBe(403);
      expect(
        (await h.request('POST', '/api/sources', { id: 'x-1', kind: 'xiaoer' }, token)).status,
      ).toBe(403);
      expect(
        (await h.request('POST', '/api/sources/erp-main/secret', undefined, token)).status,
      ).toBe(403);
    }
    expect((await h.request('GET', '/api/sources', undefined, '')).status).toBe(401);
    expect(
      (await h.request('POST', '/api/sources', { id: 'x-1', kind: 'xiaoer' }, '')).status,
    ).toBe(401);
    expect((await h.request('POST', '/api/sources/erp-main/secret', undefined, '')).status).toBe(
      401,
    );
    expect((await listed()).map((s) => s.id)).not.toContain('x-1');
  });
});
