import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cloudEvent,
  responseContract,
  startHarness,
  type ContractCheck,
  type Harness,
} from '@xiaoer/server/testing';
import { counterWorkflow } from './test-workflows.ts';

type Document = Parameters<typeof responseContract>[0] & {
  paths: Record<string, Record<string, { responses: Record<string, { content?: object }> }>>;
};

let h: Harness;
let doc: Document;
let breaches: ContractCheck;
beforeAll(async () => {
  h = await startHarness();
  doc = (await (await h.request('GET', '/api/docs', undefined, '')).json()) as Document;
  breaches = responseContract(doc);
  await h.publish(counterWorkflow);
  await h.sendEvents(cloudEvent('counter.opened', { counterId: 'rc-1', count: 0 }));
});
afterAll(async () => h?.close());

/** Calls `method url` and returns what the answer broke of the schema declared for `path`. */
async function call(method: string, path: string, url = path, body?: unknown) {
  const response = await h.request(method, url.startsWith('/api') ? url : `/api${url}`, body);
  const json: unknown = await response.json();
  return { status: response.status, json, breaches: breaches(method, path, response.status, json) };
}

describe('the declared response schemas', () => {
  it('should be declared for every operation, JSON or not', () => {
    const missing: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths))
      for (const [method, operation] of Object.entries(methods)) {
        const success = Object.entries(operation.responses).find(([s]) => s.startsWith('2'));
        if (!success?.[1].content) missing.push(`${method} ${path}`);
      }
    expect(missing).toEqual([]);
  });

  it('should hold for real answers of the console and chat routes', async () => {
    await expect
      .poll(async () => {
        const { json } = await call('GET', '/api/instances', '/api/instances?workflow=counter');
        return (json as { total: number }).total;
      })
      .toBe(1);
    const list = await call('GET', '/api/instances', '/api/instances?workflow=counter');
    const id = (list.json as { instances: { id: string }[] }).instances[0]?.id as string;
    const chat = await call('POST', '/api/chat/conversations', '/api/chat/conversations', {
      customer: { id: 'rc-customer' },
    });
    const conversation = (chat.json as { id: string }).id;
    const sample: [string, string, string?, unknown?][] = [
      ['GET', '/api/health'],
      ['GET', '/api/auth/me'],
      ['GET', '/api/users'],
      ['GET', '/api/workflows'],
      ['GET', '/api/workflows/{id}', '/api/workflows/counter'],
      ['GET', '/api/workflows/{id}/versions', '/api/workflows/counter/versions'],
      ['GET', '/api/workflows/{id}/versions/{version}', '/api/workflows/counter/versions/1'],
      ['POST', '/api/workflows/validate', '/api/workflows/validate', counterWorkflow],
      ['POST', '/api/workflows/{id}/replay', '/api/workflows/counter/replay', {}],
      ['GET', '/api/workflows/{id}/flow', '/api/workflows/counter/flow'],
      ['GET', '/api/instances/{id}', `/api/instances/${encodeURIComponent(id)}`],
      [
        'POST',
        '/api/instances/{id}/events',
        `/api/instances/${encodeURIComponent(id)}/events`,
        { type: 'counter.bump' },
      ],
      ['GET', '/api/dead-letters'],
      ['GET', '/api/knowledge/articles'],
      ['POST', '/api/knowledge/search', '/api/knowledge/search', { question: '退款多久到账' }],
      ['GET', '/api/quality/rules'],
      ['GET', '/api/quality/agents'],
      ['GET', '/api/skill-groups'],
      ['GET', '/api/queues'],
      ['GET', '/api/conversations'],
      ['GET', '/api/conversations/{id}', `/api/conversations/${conversation}`],
      ['POST', '/api/analytics/rollup'],
      ['GET', '/api/analytics/dashboard'],
      ['GET', '/api/analytics/journeys/{id}/funnel', '/api/analytics/journeys/counter/funnel'],
      ['GET', '/api/analytics/staffing'],
      ['POST', '/api/instances/{id}/cancel', `/api/instances/${encodeURIComponent(id)}/cancel`],
    ];
    const broken = [...list.breaches, ...chat.breaches];
    for (const [method, path, url, body] of sample) {
      const answer = await call(method, path, url ?? path, body);
      expect([method, path, answer.status]).toEqual([method, path, expect.any(Number)]);
      expect(answer.status, `${method} ${path}`).toBeLessThan(300);
      broken.push(...answer.breaches);
    }
    expect(broken).toEqual([]);
  });

  it('should hold for the answers of writes: users, keys, scenarios, articles, quality, routing', async () => {
    const article = {
      questions: ['发票怎么开？'],
      answer: { zh: '在订单页申请电子发票。', en: 'Request an e-invoice on the order page.' },
      tags: ['invoice'],
    };
    const created = await call(
      'POST',
      '/api/knowledge/articles',
      '/api/knowledge/articles',
      article,
    );
    const articleId = (created.json as { id: string }).id;
    const sample: [string, string, string?, unknown?][] = [
      [
        'POST',
        '/api/users',
        '/api/users',
        { id: 'rc-viewer', password: 'a-long-password-1', role: 'viewer' },
      ],
      ['PATCH', '/api/users/{id}', '/api/users/rc-viewer', { disabled: true }],
      ['GET', '/api/api-keys'],
      ['POST', '/api/api-keys', '/api/api-keys', { name: 'rc-key', source: 'demo-shop' }],
      ['DELETE', '/api/api-keys/{name}', '/api/api-keys/rc-key'],
      [
        'PUT',
        '/api/workflows/{id}/scenarios/{name}',
        '/api/workflows/counter/scenarios/rc',
        { trigger: { counterId: 'S-1', count: 0 }, steps: [{ event: 'counter.bump' }] },
      ],
      ['GET', '/api/workflows/{id}/scenarios', '/api/workflows/counter/scenarios'],
      ['DELETE', '/api/workflows/{id}/scenarios/{name}', '/api/workflows/counter/scenarios/rc'],
      ['GET', '/api/knowledge/articles/{id}', `/api/knowledge/articles/${articleId}`],
      ['GET', '/api/knowledge/unanswered'],
      ['GET', '/api/knowledge/export'],
      ['DELETE', '/api/knowledge/articles/{id}', `/api/knowledge/articles/${articleId}`],
      ['GET', '/api/quality/reports'],
      ['GET', '/api/agents'],
      ['GET', '/api/workflows/{id}/export', '/api/workflows/counter/export'],
      ['POST', '/api/auth/logout', '/api/auth/logout', {}],
    ];
    const broken = [...created.breaches];
    for (const [method, path, url, body] of sample) {
      const answer = await call(method, path, url ?? path, body);
      expect(answer.status, `${method} ${path}`).toBeLessThan(300);
      broken.push(...answer.breaches);
    }
    expect(broken).toEqual([]);
  });

  it('should catch an answer that breaks its schema', () => {
    const wrong = { workflows: [{ id: 'x', name: 'X', revision: 'one' }] };
    expect(breaches('GET', '/api/workflows', 200, wrong)).toEqual(
      expect.arrayContaining([expect.stringMatching(/\/workflows\/0/)]),
    );
    expect(breaches('GET', '/api/workflows', 418, {})).toEqual([
      'no JSON schema is declared for get /api/workflows 418',
    ]);
  });
});
