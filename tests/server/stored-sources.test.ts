import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudEvent, SOURCE, startHarness, type Harness } from '@xiaoer/server/testing';
import { base64Hmac } from '@xiaoer/server/internal';
import { platformPayload } from '../platforms/platform-fixtures.ts';
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
  rotatedAt?: string;
  previousSecretHint?: string;
  previousSecretUntil?: string;
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
    // The chat's and the journeys' own sources: their event ids could be taken ahead of them.
    for (const id of ['chat', 'journeys']) {
      const own = await h.request('POST', '/api/sources', { id, kind: 'xiaoer' });
      expect(own.status).toBe(409);
      expect(((await own.json()) as { error: { code: string } }).error.code).toBe(
        'source-id-reserved',
      );
    }
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

/** The answer's error code and English message (a refused delivery says why). */
const refusal = async (response: Response) => {
  const { error } = (await response.json()) as {
    error: { code: string; message: { zh: string; en: string }; details?: object };
  };
  return error;
};

/** WooCommerce's "Order created" delivery of a new order, signed with `secret` as WooCommerce signs. */
let wooOrder = 7000;
function wooDelivery(secret: string, source = 'woo-grace') {
  const body = JSON.stringify({ ...platformPayload('woocommerce-order.json'), id: ++wooOrder });
  return fetch(`${h.url}/api/webhooks/woocommerce/${source}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-wc-webhook-topic': 'order.created',
      'x-wc-webhook-signature': base64Hmac(secret, body),
      'x-wc-webhook-source': 'https://shop.example.com/',
      'x-wc-webhook-delivery-id': String(wooOrder),
    },
    body,
  });
}

/**
 * Rotating a WooCommerce webhook's secret dropped every delivery until the shop entered the new
 * one, and WooCommerce never resends (it disables the webhook after more than five failures).
 * A rotation with a grace keeps the previous secret taken until the grace ends.
 */
describe('a rotated secret taken for a grace', () => {
  it('should take deliveries signed with the previous secret during the grace, refuse them after it saying why, and the new one always', async () => {
    const created = (await (
      await h.request('POST', '/api/sources', { id: 'woo-grace', kind: 'woocommerce' })
    ).json()) as Issued;
    const old = created.secret;
    const erp = (await (
      await h.request('POST', '/api/sources', { id: 'erp-grace', kind: 'xiaoer' })
    ).json()) as Issued;
    expect((await wooDelivery(old)).status).toBe(202);

    const response = await h.request('POST', '/api/sources/woo-grace/secret', { graceHours: 1 });
    expect(response.status).toBe(200);
    const rotated = (await response.json()) as Issued;
    const rotatedAt = Date.parse(rotated.source.rotatedAt ?? '');
    expect(rotated.source).toMatchObject({
      secretHint: rotated.secret.slice(-4),
      previousSecretHint: old.slice(-4),
    });
    expect(Date.parse(rotated.source.previousSecretUntil ?? '') - rotatedAt).toBe(3_600_000);
    const erpRotated = (await (
      await h.request('POST', '/api/sources/erp-grace/secret', { graceHours: 1 })
    ).json()) as Issued;

    // Within the grace: both secrets are taken, from WooCommerce and from a Xiaoer sender.
    expect((await wooDelivery(old)).status).toBe(202);
    expect((await wooDelivery(rotated.secret)).status).toBe(202);
    expect((await send(h, erp.secret, 'erp-grace')).status).toBeLessThan(300);
    expect((await send(h, erpRotated.secret, 'erp-grace')).status).toBeLessThan(300);
    // The deliveries' records are written (the source's last event), so the listing holds still.
    await h.xiaoer.intake.idle();
    await h.xiaoer.runtime.idle();
    const listedEntry = (await listed()).find((s) => s.id === 'woo-grace');
    expect(listedEntry).toMatchObject({
      previousSecretHint: old.slice(-4),
      previousSecretUntil: rotated.source.previousSecretUntil,
    });
    expect(JSON.stringify(await listed())).not.toContain(old);

    // A bad grace is refused, 400, and changes nothing.
    for (const body of [
      { graceHours: -1 },
      { graceHours: 169 },
      { graceHours: 1.5 },
      { graceHours: '24' },
      { graceHours: 1, keep: true },
    ]) {
      const bad = await h.request('POST', '/api/sources/woo-grace/secret', body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect((await refusal(bad)).code).toBe('invalid-body');
    }
    expect((await listed()).find((s) => s.id === 'woo-grace')).toEqual(listedEntry);

    // After the grace: the previous secret is refused, saying it stopped and when.
    await h.clock.advance(3_600_000);
    const late = await wooDelivery(old);
    expect(late.status).toBe(401);
    const error = await refusal(late);
    expect(error).toMatchObject({
      code: 'signature-secret-expired',
      details: { previousSecretUntil: rotated.source.previousSecretUntil },
    });
    expect(error.message.en).toBe(
      `The request is signed with source "woo-grace"'s previous secret, which stopped working at ${rotated.source.previousSecretUntil}; give the sender the new secret.`,
    );
    expect(error.message.zh).toContain('旧密钥');
    expect((await wooDelivery(rotated.secret)).status).toBe(202);
    const erpLate = await send(h, erp.secret, 'erp-grace');
    expect(erpLate.status).toBe(401);
    expect((await refusal(erpLate)).code).toBe('signature-secret-expired');
    expect((await send(h, erpRotated.secret, 'erp-grace')).status).toBeLessThan(300);
    // A secret the source never had is refused as before.
    expect((await refusal(await wooDelivery('woo-never-0123456789'))).code).toBe(
      'signature-invalid',
    );

    // A rotation without a grace (no body: as before) drops the previous secret at once.
    const again = (await (
      await h.request('POST', '/api/sources/woo-grace/secret')
    ).json()) as Issued;
    expect(again.source).not.toHaveProperty('previousSecretHint');
    expect((await refusal(await wooDelivery(rotated.secret))).code).toBe('signature-invalid');
    expect((await wooDelivery(again.secret)).status).toBe(202);

    const { entries } = (await (await h.request('GET', '/api/audit?limit=50')).json()) as {
      entries: { action: string; target: string; details: Record<string, unknown> }[];
    };
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: 'source.rotate',
        target: 'woo-grace',
        details: expect.objectContaining({
          previousSecretUntil: rotated.source.previousSecretUntil,
        }) as object,
      }),
    );
  });
});

/**
 * An operator whose old secret leaked during a grace could only wait for its end or rotate
 * again (replacing the current secret too). Ending the grace now refuses the previous secret
 * at once, in this process and in another on the same store, the current secret untouched.
 */
describe('ending a previous secret’s grace early', () => {
  it('should refuse the previous secret at once in every process, keep the current one, and audit it', async () => {
    const created = (await (
      await h.request('POST', '/api/sources', { id: 'erp-leak', kind: 'xiaoer' })
    ).json()) as Issued;
    const woo = (await (
      await h.request('POST', '/api/sources', { id: 'woo-leak', kind: 'woocommerce' })
    ).json()) as Issued;
    const rotated = (await (
      await h.request('POST', '/api/sources/erp-leak/secret', { graceHours: 24 })
    ).json()) as Issued;
    const wooRotated = (await (
      await h.request('POST', '/api/sources/woo-leak/secret', { graceHours: 24 })
    ).json()) as Issued;

    // Another process on the same store, its clock not behind this one's, that has read the
    // rotations (at its start): it takes the previous secret during the grace, as this one.
    const other = await startHarness({ store: h.store });
    try {
      await other.clock.advance(Math.max(0, h.clock.now() - other.clock.now()));
      for (const harness of [h, other]) {
        expect((await send(harness, created.secret, 'erp-leak')).status).toBeLessThan(300);
        expect((await send(harness, rotated.secret, 'erp-leak')).status).toBeLessThan(300);
      }
      expect((await wooDelivery(woo.secret, 'woo-leak')).status).toBe(202);

      const operator = await userToken(h, 'leak-operator', 'operator');
      const ended = await h.request(
        'POST',
        '/api/sources/erp-leak/previous-secret/end',
        undefined,
        operator,
      );
      expect(ended.status).toBe(200);
      const { source } = (await ended.json()) as { source: SourceEntry };
      expect(source).toMatchObject({
        id: 'erp-leak',
        secretHint: rotated.secret.slice(-4),
        previousSecretHint: created.secret.slice(-4),
      });
      const endedAt = source.previousSecretUntil ?? '';
      expect(Date.parse(endedAt)).toBeLessThan(
        Date.parse(rotated.source.previousSecretUntil ?? ''),
      );
      expect(JSON.stringify(source)).not.toContain(rotated.secret);

      // Refused at once, saying when it stopped, here and in the other process (no refresh
      // has run there since); the current secret is taken in both.
      for (const harness of [h, other]) {
        const refused = await send(harness, created.secret, 'erp-leak');
        expect(refused.status).toBe(401);
        expect(await refusal(refused)).toMatchObject({
          code: 'signature-secret-expired',
          details: { previousSecretUntil: endedAt },
        });
        expect((await send(harness, rotated.secret, 'erp-leak')).status).toBeLessThan(300);
      }
      expect((await listed(other)).find((s) => s.id === 'erp-leak')?.previousSecretUntil).toBe(
        endedAt,
      );

      // Ended from the other process: this one refuses WooCommerce's old secret at once too.
      expect(
        (await other.request('POST', '/api/sources/woo-leak/previous-secret/end')).status,
      ).toBe(200);
      expect((await refusal(await wooDelivery(woo.secret, 'woo-leak'))).code).toBe(
        'signature-secret-expired',
      );
      expect((await wooDelivery(wooRotated.secret, 'woo-leak')).status).toBe(202);
    } finally {
      await other.close();
    }

    const { entries } = (await (await h.request('GET', '/api/audit?limit=50')).json()) as {
      entries: { action: string; target: string; actor: string; details: object }[];
    };
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: 'source.end-grace',
        target: 'erp-leak',
        actor: 'leak-operator',
        details: expect.objectContaining({
          previousSecretHint: created.secret.slice(-4),
        }) as object,
      }),
    );
    expect(JSON.stringify(entries)).not.toContain(created.secret);
  });

  it('should refuse, changing nothing, an unknown source (404), one without a previous secret still taken (409), a configured one (409) and agents, viewers and anonymous callers', async () => {
    const fresh = (await (
      await h.request('POST', '/api/sources', { id: 'erp-fresh', kind: 'xiaoer' })
    ).json()) as Issued;
    const end = (id: string, token?: string) =>
      h.request('POST', `/api/sources/${id}/previous-secret/end`, undefined, token);
    // The deliveries' records are written (the sources' last events), so the listing holds still.
    await h.xiaoer.intake.idle();
    await h.xiaoer.runtime.idle();
    const before = await listed();

    const unknown = await end('nobody');
    expect(unknown.status).toBe(404);
    expect((await refusal(unknown)).code).toBe('source-not-found');
    const none = await end('erp-fresh');
    expect(none.status).toBe(409);
    expect((await refusal(none)).code).toBe('source-no-previous-secret');
    const configured = await end(SOURCE.id);
    expect(configured.status).toBe(409);
    expect((await refusal(configured)).code).toBe('source-read-only');
    // Already ended (the test above): nothing is left to end, and its end is not moved.
    const again = await end('erp-leak');
    expect(again.status).toBe(409);
    const error = await refusal(again);
    expect(error.code).toBe('source-grace-ended');
    expect(error.message.zh).toContain('旧密钥');

    // Rotated with a grace: agents and viewers cannot end it, and the grace still runs.
    await h.request('POST', '/api/sources/erp-fresh/secret', { graceHours: 2 });
    const agent = await userToken(h, 'leak-agent', 'agent');
    const viewer = await userToken(h, 'leak-viewer', 'viewer');
    for (const token of [agent, viewer]) {
      const refused = await end('erp-fresh', token);
      expect(refused.status).toBe(403);
      expect((await refusal(refused)).code).toBe('forbidden');
    }
    expect((await end('erp-fresh', '')).status).toBe(401);
    const rotatedOnly = (await listed()).find((s) => s.id === 'erp-fresh');
    expect(Date.parse(rotatedOnly?.previousSecretUntil ?? '')).toBeGreaterThan(h.clock.now());
    expect((await send(h, fresh.secret, 'erp-fresh')).status).toBeLessThan(300);

    expect((await listed()).filter((s) => s.id !== 'erp-fresh')).toEqual(
      before.filter((s) => s.id !== 'erp-fresh'),
    );
    const { entries } = (await (await h.request('GET', '/api/audit?limit=50')).json()) as {
      entries: { action: string; target: string }[];
    };
    expect(
      entries
        .filter((e) => e.action === 'source.end-grace')
        .map((e) => e.target)
        .sort(),
    ).toEqual(['erp-leak', 'woo-leak']);
  });
});
