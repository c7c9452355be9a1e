import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalizedError, parseConfig } from '@xiaoer/server';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { pingWorkflow } from '../runtime/test-workflows.ts';
import { expectRefused } from './attack-table.ts';

/**
 * The console's costly requests have a budget per user (`http.consoleBudgets`): a replay reads
 * up to 500 histories, a classification may call the shop's paid LLM, the flow counts read
 * every step in their window, the near-duplicate check compares the whole knowledge base.
 * Before, any logged-in viewer could ask for them without end.
 */
let h: Harness;
let llm: Server;
let llmCalls = 0;
const tokens: Record<string, string> = {};

/** A session of a new viewer (each test spends budgets of its own users). */
async function viewer(name: string): Promise<string> {
  await h.xiaoer.auth.createUser(name, `${name}-password`, 'viewer');
  const token = (await h.xiaoer.auth.login(name, `${name}-password`))?.token ?? '';
  tokens[name] = token;
  return token;
}

beforeAll(async () => {
  // An OpenAI-compatible endpoint that counts what it was asked: each call costs the shop.
  llm = createServer((request, response) => {
    llmCalls++;
    request.resume();
    request.on('end', () =>
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          choices: [{ message: { content: '{"intent":"refund","confidence":0.9}' } }],
        }),
      ),
    );
  });
  await new Promise<void>((resolve) => llm.listen(0, '127.0.0.1', resolve));
  const llmUrl = `http://127.0.0.1:${(llm.address() as AddressInfo).port}/v1`;
  h = await startHarness({
    config: {
      http: {
        consoleBudgets: {
          replaysPerMinute: 2,
          classificationsPerMinute: 2,
          flowCountsPerMinute: 3,
          duplicateChecksPerMinute: 2,
        },
      },
      intents: { llm: { baseUrl: llmUrl, model: 'test-model' } },
    },
  });
  await h.publish(pingWorkflow('1s', 'budgeted'));
});
afterAll(async () => {
  await h?.close();
  llm?.closeAllConnections();
  await new Promise((resolve) => llm?.close(resolve));
});

/** The 429's body, header and seconds, checked to say in zh and en when to try again. */
async function expectSpent(response: Response, budget: string, limit: number): Promise<void> {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  const { error } = (await response.json()) as {
    error: { code: string; message: { zh: string; en: string }; details: Record<string, unknown> };
  };
  expect(error.code).toBe('too-many-requests');
  expect(error.details).toEqual({ budget, limit, retryAfterSeconds: retryAfter });
  expect(error.message.zh).toContain(`每分钟最多 ${limit} 次`);
  expect(error.message.zh).toContain(`请在 ${retryAfter} 秒后再试`);
  expect(error.message.en).toContain(`at most ${limit} per user a minute`);
  expect(error.message.en).toContain(`Try again in ${retryAfter} s`);
  expect(error.message.en).not.toMatch(/[\u4e00-\u9fff]/);
}

const replay = (token: string, id = 'budgeted') =>
  h.request('POST', `/api/workflows/${id}/replay`, {}, token);
const classify = (token: string, text: string) =>
  h.request('POST', '/api/intents/classify', { text }, token);
const flow = (token: string, since?: Date) =>
  h.request(
    'GET',
    `/api/workflows/budgeted/flow${since ? `?since=${since.toISOString()}` : ''}`,
    undefined,
    token,
  );
const duplicates = (token: string) =>
  h.request('GET', '/api/knowledge/duplicates', undefined, token);

describe('per-user budgets of costly console requests', () => {
  it('should let an operator replay a few times, refuse the next with Retry-After before any work, and give the budget back a minute later', async () => {
    const vera = await viewer('replay-vera');
    expect((await replay(vera)).status).toBe(200);
    expect((await replay(vera)).status).toBe(200);
    await expectSpent(await replay(vera), 'replaysPerMinute', 2);
    // Refused before the route looked at anything: not even whether the journey exists.
    await expectRefused(h, {
      name: 'a third replay within the minute',
      send: () => replay(vera, 'no-such-journey'),
      status: 429,
      code: 'too-many-requests',
    });
    // Another operator's budget is their own.
    const otto = await viewer('replay-otto');
    expect((await replay(otto)).status).toBe(200);
    // A minute later (the server's clock), the budget is back.
    await h.clock.advance(60_000);
    expect((await replay(vera)).status).toBe(200);
  });

  it('should not call the LLM for a test classification over the budget', async () => {
    const vera = await viewer('classify-vera');
    const before = llmCalls;
    expect((await classify(vera, '我要退款，订单 A1')).status).toBe(200);
    expect((await classify(vera, '我要退款，订单 A2')).status).toBe(200);
    expect(llmCalls - before).toBe(2);
    await expectSpent(await classify(vera, '我要退款，订单 A3'), 'classificationsPerMinute', 2);
    expect(llmCalls - before).toBe(2);
    const otto = await viewer('classify-otto');
    expect((await classify(otto, '我要退款，订单 A4')).status).toBe(200);
    await h.clock.advance(60_000);
    expect((await classify(vera, '我要退款，订单 A5')).status).toBe(200);
  });

  it("should budget the editor's flow counts and the near-duplicate check per user", async () => {
    const vera = await viewer('counts-vera');
    for (let i = 0; i < 3; i++) expect((await flow(vera)).status).toBe(200);
    await expectSpent(await flow(vera), 'flowCountsPerMinute', 3);
    // Opening the counts' stream counts at once: the same budget, nothing opened.
    const stream = await h.request('GET', '/api/workflows/budgeted/flow/stream', undefined, vera);
    await expectSpent(stream, 'flowCountsPerMinute', 3);
    for (let i = 0; i < 2; i++) expect((await duplicates(vera)).status).toBe(200);
    await expectSpent(await duplicates(vera), 'duplicateChecksPerMinute', 2);
    const otto = await viewer('counts-otto');
    expect((await flow(otto)).status).toBe(200);
    expect((await duplicates(otto)).status).toBe(200);
    await h.clock.advance(60_000);
    expect((await flow(vera)).status).toBe(200);
    expect((await duplicates(vera)).status).toBe(200);
  });
});

describe("the flow counts' window", () => {
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

  it('should count up to 31 days back and refuse an older since, saying the earliest, counts and stream alike', async () => {
    const vera = await viewer('since-vera');
    const month = await flow(vera, daysAgo(30));
    expect(month.status).toBe(200);
    for (const path of ['flow', 'flow/stream']) {
      const response = await h.request(
        'GET',
        `/api/workflows/budgeted/${path}?since=${daysAgo(32).toISOString()}`,
        undefined,
        vera,
      );
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as {
        error: {
          code: string;
          message: { zh: string; en: string };
          details: Record<string, unknown>;
        };
      };
      expect(error.code).toBe('invalid-query');
      expect(error.details).toMatchObject({ parameter: 'since', maxDays: 31 });
      expect(error.message.zh).toContain('最早为 31 天前');
      expect(error.message.en).toContain('at most 31 days ago');
    }
    // A year back, as a script might ask: refused, not a scan of every step. (Refusals spend
    // the budget too: a new minute for this one.)
    await h.clock.advance(60_000);
    expect((await flow(vera, daysAgo(365))).status).toBe(400);
  });
});

describe('http.consoleBudgets in the configuration', () => {
  const problemsOf = (consoleBudgets: unknown) => {
    try {
      parseConfig({ sources: [], http: { consoleBudgets } }, 'config.json');
    } catch (error) {
      expect(error).toBeInstanceOf(LocalizedError);
      return { zh: (error as LocalizedError).zh, en: (error as LocalizedError).en };
    }
    throw new Error('the configuration was accepted');
  };

  it('should take whole numbers of requests per minute', () => {
    const budgets = { replaysPerMinute: 5, classificationsPerMinute: 100 };
    expect(parseConfig({ sources: [], http: { consoleBudgets: budgets } }, 'c.json').http).toEqual({
      consoleBudgets: budgets,
    });
  });

  it('should refuse a budget of none, a fraction or an unknown one, in Chinese and in English', () => {
    const none = problemsOf({ replaysPerMinute: 0 });
    expect(none.en).toContain('/http/consoleBudgets/replaysPerMinute must be >= 1');
    expect(none.zh).toContain('/http/consoleBudgets/replaysPerMinute');
    expect(none.zh).not.toContain('must');
    expect(problemsOf({ flowCountsPerMinute: 2.5 }).en).toContain(
      '/http/consoleBudgets/flowCountsPerMinute must be integer',
    );
    const unknown = problemsOf({ replaysPerHour: 10 });
    expect(unknown.en).toContain('/http/consoleBudgets/replaysPerHour unknown property');
    expect(unknown.zh).toContain('/http/consoleBudgets/replaysPerHour 未知属性');
  });
});
