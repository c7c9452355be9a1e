import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCustomer } from '@xiaoer/server';
import { CHAT_SECRET, startHarness, type Harness } from '@xiaoer/server/testing';
import { expectRefused } from './attack-table.ts';

/**
 * Issue 18, HTTP: security headers (the console never framed, the chat framed only by the
 * shop), budgets for anonymous chat per address and per customer, caps on live streams, and
 * CSV cells that a spreadsheet cannot run.
 */
let h: Harness;
const SHOP = 'https://shop.example.com';

beforeAll(async () => {
  h = await startHarness({
    config: {
      chat: {
        allowedOrigins: [SHOP],
        limits: {
          conversationsPerAddress: 6,
          conversationsPerCustomer: 2,
          messagesPerAddress: 100,
          messagesPerConversation: 2,
          streamsPerAddress: 3,
          streamsPerCustomer: 2,
        },
      },
    },
  });
});
afterAll(async () => h?.close());

const csp = (response: Response) => response.headers.get('content-security-policy') ?? '';

describe('security headers (issue 18)', () => {
  it.each(['/', '/index.html', '/chat-demo.html'])(
    'should forbid framing %s and inline scripts',
    async (path) => {
      const response = await fetch(`${h.url}${path}`);
      expect(csp(response)).toContain("frame-ancestors 'none'");
      expect(csp(response)).toMatch(/script-src 'self'( 'unsafe-eval')?;/);
      expect(csp(response)).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp(response)).toContain("script-src-attr 'none'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    },
  );

  it.each([
    ['GET', '/api/health'],
    ['GET', '/api/no-such-route'],
    ['POST', '/api/events'],
  ])(
    'should answer %s %s with the REST set: nothing loads from it or frames it',
    async (method, path) => {
      const response = await fetch(`${h.url}${path}`, {
        method,
        ...(method === 'POST'
          ? { headers: { 'content-type': 'application/json' }, body: '{}' }
          : {}),
      });
      expect(csp(response)).toBe("default-src 'none';frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('strict-transport-security')).toContain('max-age=');
      expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      // Only a document uses these.
      for (const header of [
        'cross-origin-opener-policy',
        'origin-agent-cluster',
        'referrer-policy',
        'x-dns-prefetch-control',
        'x-download-options',
        'x-permitted-cross-domain-policies',
        'x-xss-protection',
      ])
        expect(response.headers.get(header)).toBeNull();
    },
  );

  it('should let the shop and Xiaoer itself frame the chat page, nobody else', async () => {
    const response = await fetch(`${h.url}/chat.html`);
    expect(csp(response)).toContain(`frame-ancestors 'self' ${SHOP}`);
    expect(csp(response)).toMatch(/script-src 'self';/);
    expect(response.headers.get('x-frame-options')).toBeNull();
  });

  it("should let a shop's page load the widget script", async () => {
    const response = await fetch(`${h.url}/chat-widget.js`);
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });
});

/**
 * A request from a loopback address of its own (127.0.0.x), so each test has its own address
 * budget; answers like `fetch`'s `Response`. `stream` requests stay open until `close()`.
 */
function from(address: string) {
  const call = (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    new Promise<{ response: Response; close: () => void }>((resolve, reject) => {
      const request = httpRequest(
        `${h.url}${path}`,
        {
          method,
          localAddress: address,
          headers: { 'content-type': 'application/json', ...headers },
        },
        (incoming) => {
          const close = () => request.destroy();
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(incoming.headers))
            if (typeof value === 'string') responseHeaders.set(name, value);
          if (String(incoming.headers['content-type']).includes('event-stream'))
            return resolve({
              response: new Response(null, {
                status: incoming.statusCode ?? 0,
                headers: responseHeaders,
              }),
              close,
            });
          let text = '';
          incoming.on('data', (chunk: Buffer) => (text += chunk.toString()));
          incoming.on('end', () =>
            resolve({
              response: new Response(text, {
                status: incoming.statusCode ?? 0,
                headers: responseHeaders,
              }),
              close,
            }),
          );
        },
      );
      request.on('error', reject);
      request.end(body === undefined ? undefined : JSON.stringify(body));
    });
  const send = async (
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => (await call(method, path, body, headers)).response;
  return {
    send,
    open: (customer: string) =>
      send('POST', '/api/chat/conversations', { customer: { id: customer } }),
    /** Opens a chat for a customer the shop signed (with the harness's secret). */
    async signed(customer: string) {
      const expires = Math.floor(Date.now() / 1000) + 3600;
      const signature = signCustomer(CHAT_SECRET, { id: customer, tier: 'normal' }, expires);
      return send('POST', '/api/chat/conversations', { customer: { id: customer }, signature });
    },
    async conversation(customer: string) {
      const opened = await send('POST', '/api/chat/conversations', { customer: { id: customer } });
      expect(opened.status).toBe(201);
      return (await opened.json()) as { id: string; token: string };
    },
    stream: (chat: { id: string; token: string }) =>
      call('GET', `/api/chat/conversations/${chat.id}/stream?token=${chat.token}`),
  };
}

const retryAfter = (response: Response) => Number(response.headers.get('retry-after'));

describe('anonymous chat budgets (issue 18)', () => {
  it('should refuse a third conversation of one customer in a minute (429, Retry-After)', async () => {
    const client = from('127.0.0.2');
    expect((await client.open('flood-1')).status).toBe(201);
    expect((await client.open('flood-1')).status).toBe(201);
    await expectRefused(h, {
      name: 'a third conversation of one customer',
      send: async () => {
        const response = await client.open('flood-1');
        expect(retryAfter(response)).toBeGreaterThan(0);
        return response;
      },
      status: 429,
      code: 'chat-rate-limited',
    });
  });

  it('should refuse conversations over the address budget, whatever the customer', async () => {
    const client = from('127.0.0.3');
    for (let i = 0; i < 6; i++) expect((await client.open(`many-${i}`)).status).toBe(201);
    await expectRefused(h, {
      name: 'a seventh conversation from one address',
      send: () => client.open('many-7'),
      status: 429,
      code: 'chat-rate-limited',
    });
  });

  it('should refuse a third customer message in a minute in one conversation', async () => {
    const client = from('127.0.0.4');
    const chat = await client.conversation('talker');
    const say = (text: string) =>
      client.send(
        'POST',
        `/api/chat/conversations/${chat.id}/messages`,
        { text },
        { 'x-chat-token': chat.token },
      );
    expect((await say('你好')).status).toBe(201);
    expect((await say('在吗')).status).toBe(201);
    await expectRefused(h, {
      name: 'a third message in a minute',
      send: () => say('在吗在吗'),
      status: 429,
      code: 'chat-rate-limited',
    });
  });

  it('should cap live streams per customer and per address, and free a slot when one ends', async () => {
    const client = from('127.0.0.5');
    const chat = await client.conversation('watcher');
    const first = await client.stream(chat);
    const second = await client.stream(chat);
    expect([first.response.status, second.response.status]).toEqual([200, 200]);
    const third = await client.stream(chat);
    expect(third.response.status).toBe(429);
    expect(retryAfter(third.response)).toBe(30);
    expect(((await third.response.json()) as { error: { code: string } }).error.code).toBe(
      'chat-rate-limited',
    );
    first.close();
    await expect
      .poll(async () => {
        const again = await client.stream(chat);
        again.close();
        return again.response.status;
      })
      .toBe(200);
    // Second (1) + one of another customer (2) + one more (3) fill the address.
    const other = await client.conversation('watcher-2');
    const fill = await client.stream(other);
    expect(fill.response.status).toBe(200);
    const over = await client.stream({ ...(await client.conversation('watcher-3')) });
    expect(over.response.status).toBe(200);
    const refused = await client.stream(other);
    expect(refused.response.status).toBe(429);
    for (const open of [second, fill, over]) open.close();
  });
});

describe("a stranger naming a signed customer's id", () => {
  it("should not spend that customer's conversation budget", async () => {
    const stranger = from('127.0.0.6');
    expect((await stranger.open('victim-open')).status).toBe(201);
    expect((await stranger.open('victim-open')).status).toBe(201);
    expect((await stranger.open('victim-open')).status).toBe(429);
    const customer = await from('127.0.0.7').signed('victim-open');
    expect(customer.status).toBe(201);
    expect(await customer.json()).toMatchObject({ customer: { verified: true } });
  });

  it("should not take that customer's live stream slots", async () => {
    const stranger = from('127.0.0.8');
    const held = await Promise.all(
      [1, 2].map(async () => stranger.stream(await stranger.conversation('victim-stream'))),
    );
    expect(held.map((open) => open.response.status)).toEqual([200, 200]);
    const customer = from('127.0.0.9');
    const opened = await customer.signed('victim-stream');
    expect(opened.status).toBe(201);
    const own = await customer.stream((await opened.json()) as { id: string; token: string });
    expect(own.response.status).toBe(200);
    for (const open of [...held, own]) open.close();
  });
});

describe('CSV exports (issue 18)', () => {
  it('should write cells a spreadsheet would run with a leading quote', async () => {
    const created = await h.request('POST', '/api/knowledge/articles', {
      id: 'formula',
      questions: ['=HYPERLINK("http://evil.example","点我")'],
      answer: { zh: '-1+2', en: '@SUM(A1)' },
    });
    expect(created.status).toBe(201);
    const text = await (await h.request('GET', '/api/knowledge/export?format=csv')).text();
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(text).toContain("'-1+2");
    expect(text).toContain("'@SUM(A1)");
    expect(text).not.toMatch(/(^|,)[=+\-@]/m);
  });
});
