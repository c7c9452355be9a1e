import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '@xiaoer/server';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { expectRefused } from './attack-table.ts';

/**
 * Behind a proxy or load balancer (`http.trustProxy`): the chat's budgets count each customer's
 * own address, which the trusted proxy names in `X-Forwarded-For`; a client that is not a
 * trusted proxy cannot name one.
 */
let h: Harness;
const PROXY = '127.0.0.5';

beforeAll(async () => {
  h = await startHarness({
    config: {
      http: { trustProxy: [PROXY] },
      chat: { limits: { conversationsPerAddress: 2, conversationsPerCustomer: 10 } },
    },
  });
});
afterAll(async () => h?.close());

let customers = 0;
/** Opens a conversation from `localAddress`, saying the client is `forwardedFor`. */
const open = (localAddress: string, forwardedFor: string): Promise<Response> =>
  new Promise((resolve, reject) => {
    const body = JSON.stringify({ customer: { id: `proxied-${++customers}` } });
    const request = httpRequest(
      `${h.url}/api/chat/conversations`,
      {
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      },
      (incoming) => {
        let text = '';
        incoming.on('data', (chunk: Buffer) => (text += chunk.toString()));
        incoming.on('end', () => resolve(new Response(text, { status: incoming.statusCode ?? 0 })));
      },
    );
    request.on('error', reject);
    request.end(body);
  });

describe('a trusted proxy in front (http.trustProxy)', () => {
  it("should count each customer's own address behind the trusted proxy", async () => {
    expect((await open(PROXY, '203.0.113.1')).status).toBe(201);
    expect((await open(PROXY, '203.0.113.1')).status).toBe(201);
    await expectRefused(h, {
      name: 'a third conversation from one customer address behind the proxy',
      send: () => open(PROXY, '203.0.113.1'),
      status: 429,
      code: 'chat-rate-limited',
    });
    // Another customer behind the same proxy has a budget of its own.
    expect((await open(PROXY, '203.0.113.2')).status).toBe(201);
  });

  it('should not let a client that is no trusted proxy name its address', async () => {
    expect((await open('127.0.0.6', '198.51.100.1')).status).toBe(201);
    expect((await open('127.0.0.6', '198.51.100.2')).status).toBe(201);
    await expectRefused(h, {
      name: 'a third conversation from an untrusted client naming a new address',
      send: () => open('127.0.0.6', '198.51.100.3'),
      status: 429,
      code: 'chat-rate-limited',
    });
  });
});

describe('http.trustProxy in the configuration', () => {
  const config = (trustProxy: unknown) => ({
    sources: [],
    http: { trustProxy },
  });

  it('should take a number of proxies, addresses, subnets and range names', () => {
    expect(parseConfig(config(2), 'config.json').http?.trustProxy).toBe(2);
    const list = ['loopback', 'uniquelocal', '10.0.0.0/8', '192.168.1.7', 'fd00::/8', '::1'];
    expect(parseConfig(config(list), 'config.json').http?.trustProxy).toEqual(list);
  });

  it.each([
    [
      'a word',
      ['proxy.example.com'],
      /\/http\/trustProxy\/0 "proxy\.example\.com" is not an IP address/,
    ],
    ['a prefix too long', ['10.0.0.0/33'], /\/http\/trustProxy\/0 "10\.0\.0\.0\/33"/],
    ['the second entry', ['10.0.0.1', '10.0.0.1/8/8'], /\/http\/trustProxy\/1 /],
    ['no proxies', 0, /\/http\/trustProxy/],
    ['trusting everyone', true, /\/http\/trustProxy/],
    ['an empty list', [], /\/http\/trustProxy/],
  ])('should refuse %s, naming where', (_name, value, message) => {
    expect(() => parseConfig(config(value), 'config.json')).toThrow(message);
  });

  it('should say what is wrong with an entry in Chinese and in English, each on its own', () => {
    const error = (() => {
      try {
        parseConfig(config(['proxy.example.com']), 'config.json');
      } catch (thrown) {
        return thrown as { zh: string; en: string };
      }
    })();
    expect(error?.zh).toContain('"proxy.example.com" 不是 IP 地址');
    expect(error?.zh).not.toContain('is not');
    expect(error?.en).toContain('"proxy.example.com" is not an IP address');
    expect(error?.en).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
