import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCE, startHarness, type Harness } from '@xiaoer/server/testing';
import { counterWorkflow } from '../runtime/test-workflows.ts';

/**
 * Every change made in the console writes one audit entry: who (actor), what (action id),
 * on what (target) and non-secret details. Each row performs one action on the real server
 * and store and reads the newest entry of `GET /api/audit` back.
 */
let h: Harness;
/** Values of the run (created ids) that later rows act on. */
const made: Record<string, string> = {};

interface AuditEntry {
  actor: string;
  action: string;
  target: string;
  details: Record<string, unknown>;
}

interface Row {
  what: string;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: () => string;
  body?: () => unknown;
  /** Keeps what later rows need from the answer. */
  keep?: (answer: Record<string, unknown>) => void;
  action: string;
  target: () => string;
  details?: Record<string, unknown>;
  /** Texts that must appear nowhere in the entry (passwords, key secrets, source secrets). */
  secrets?: (answer: Record<string, unknown>) => string[];
}

const PASSWORD = 'operator-password-2';
const NEW_PASSWORD = 'operator-password-3';

const rows: Row[] = [
  {
    what: 'create an API key (its secret stays out)',
    method: 'POST',
    path: () => '/api/api-keys',
    body: () => ({ name: 'shop-key', source: SOURCE.id }),
    action: 'apiKey.create',
    target: () => 'shop-key',
    details: { source: SOURCE.id },
    secrets: (answer) => [String(answer['key'])],
  },
  {
    what: 'delete an API key',
    method: 'DELETE',
    path: () => '/api/api-keys/shop-key',
    action: 'apiKey.delete',
    target: () => 'shop-key',
  },
  {
    what: 'create a user (the password stays out)',
    method: 'POST',
    path: () => '/api/users',
    body: () => ({ id: 'op-2', password: PASSWORD, role: 'operator' }),
    action: 'user.create',
    target: () => 'op-2',
    details: { role: 'operator' },
    secrets: () => [PASSWORD],
  },
  {
    what: "change a user's role",
    method: 'PATCH',
    path: () => '/api/users/op-2',
    body: () => ({ role: 'viewer' }),
    action: 'user.update',
    target: () => 'op-2',
    details: { role: 'viewer' },
  },
  {
    what: 'disable a user',
    method: 'PATCH',
    path: () => '/api/users/op-2',
    body: () => ({ disabled: true }),
    action: 'user.update',
    target: () => 'op-2',
    details: { disabled: true },
  },
  {
    what: "reset a user's password (the new one stays out)",
    method: 'PATCH',
    path: () => '/api/users/op-2',
    body: () => ({ password: NEW_PASSWORD }),
    action: 'user.update',
    target: () => 'op-2',
    details: { passwordChanged: true },
    secrets: () => [NEW_PASSWORD],
  },
  {
    what: 'create a quick reply',
    method: 'POST',
    path: () => '/api/quick-replies',
    body: () => ({
      title: '发货时间',
      text: { zh: '48 小时内发货。', en: 'Ships within 48 hours.' },
    }),
    keep: (answer) => (made['reply'] = String(answer['id'])),
    action: 'quickReply.create',
    target: () => made['reply'] ?? '',
    details: { title: '发货时间' },
  },
  {
    what: 'change a quick reply',
    method: 'PUT',
    path: () => `/api/quick-replies/${made['reply']}`,
    body: () => ({ title: '发货', text: { zh: '24 小时内发货。' } }),
    action: 'quickReply.update',
    target: () => made['reply'] ?? '',
    details: { title: '发货' },
  },
  {
    what: 'delete a quick reply',
    method: 'DELETE',
    path: () => `/api/quick-replies/${made['reply']}`,
    action: 'quickReply.delete',
    target: () => made['reply'] ?? '',
  },
  {
    what: 'save a skill group',
    method: 'PUT',
    path: () => '/api/skill-groups/vip-care',
    body: () => ({ title: { zh: '贵宾', en: 'VIP' }, intents: [] }),
    action: 'skillGroup.save',
    target: () => 'vip-care',
    details: { title: { zh: '贵宾', en: 'VIP' } },
  },
  {
    what: "save an agent's profile",
    method: 'PUT',
    path: () => '/api/agents/op-2',
    body: () => ({ displayName: '小二 Two', skills: ['vip-care'], maxConcurrent: 3 }),
    action: 'agent.save',
    target: () => 'op-2',
    details: { displayName: '小二 Two', skills: ['vip-care'], maxConcurrent: 3 },
  },
  {
    what: 'create a journey',
    method: 'POST',
    path: () => '/api/workflows',
    body: () => ({ ...counterWorkflow, id: 'audited-counter' }),
    action: 'workflow.create',
    target: () => 'audited-counter',
    details: { imported: false },
  },
  {
    what: 'save a journey',
    method: 'PUT',
    path: () => '/api/workflows/audited-counter',
    body: () => ({ document: { ...counterWorkflow, id: 'audited-counter' }, revision: 1 }),
    action: 'workflow.save',
    target: () => 'audited-counter',
    details: { revision: 2 },
  },
  {
    what: 'publish a journey',
    method: 'POST',
    path: () => '/api/workflows/audited-counter/publish',
    body: () => ({ note: '首次上线' }),
    action: 'workflow.publish',
    target: () => 'audited-counter',
    details: { version: 1, note: '首次上线' },
  },
  {
    what: 'save a scenario',
    method: 'PUT',
    path: () => '/api/workflows/audited-counter/scenarios/happy',
    body: () => ({ trigger: { counterId: 'c1', count: 0 }, steps: [] }),
    action: 'scenario.save',
    target: () => 'audited-counter',
    details: { scenario: 'happy' },
  },
  {
    what: 'delete a journey',
    method: 'DELETE',
    path: () => '/api/workflows/audited-counter',
    action: 'workflow.delete',
    target: () => 'audited-counter',
  },
  {
    what: 'add a webhook source (its secret stays out)',
    method: 'POST',
    path: () => '/api/sources',
    body: () => ({ id: 'audited-shop', kind: 'woocommerce' }),
    action: 'source.create',
    target: () => 'audited-shop',
    details: { kind: 'woocommerce' },
    secrets: (answer) => [String(answer['secret'])],
  },
  {
    what: 'roll up the analytics by hand',
    method: 'POST',
    path: () => '/api/analytics/rollup',
    action: 'analytics.rollup',
    target: () => 'analytics',
  },
];

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const newest = async (): Promise<AuditEntry | undefined> =>
  ((await (await h.request('GET', '/api/audit?limit=1')).json()) as { entries: AuditEntry[] })
    .entries[0];

describe('the audit trail of console changes', () => {
  it.each(rows.map((row) => [row.what, row] as const))('should log: %s', async (_what, row) => {
    const before = await newest();
    const response = await h.request(row.method, row.path(), row.body?.());
    const answer = (await response.json()) as Record<string, unknown>;
    expect(response.status, JSON.stringify(answer)).toBeLessThan(300);
    row.keep?.(answer);

    const entry = await newest();
    expect(entry).not.toEqual(before);
    expect(entry).toMatchObject({ actor: 'admin', action: row.action, target: row.target() });
    if (row.details) expect(entry?.details).toMatchObject(row.details);
    const logged = JSON.stringify(entry);
    for (const secret of row.secrets?.(answer) ?? []) {
      expect(secret.length).toBeGreaterThan(5);
      expect(logged).not.toContain(secret);
    }
  });

  it('should log nothing for a change that failed', async () => {
    const before = await newest();
    const response = await h.request('DELETE', '/api/api-keys/no-such-key');
    expect(response.status).toBe(404);
    expect(await newest()).toEqual(before);
  });

  it('should declare an audit action on every console route that changes something', async () => {
    const document = (await (await h.request('GET', '/api/docs')).json()) as {
      paths: Record<string, Record<string, { 'x-permission'?: string; 'x-audit-action'?: string }>>;
    };
    // Reads sent as POST change nothing; an agent's replies and status changes are the desk's
    // everyday work, recorded by the conversation and the desk's figures, and would crowd out
    // the changes the log is for.
    const reads = [
      'post /api/workflows/validate',
      'post /api/workflows/{id}/replay',
      'post /api/knowledge/search',
      'post /api/intents/classify',
      'post /api/conversations/{id}/messages',
      'post /api/agents/me/status',
    ];
    const unaudited = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([method, operation]) => method !== 'get' && operation['x-permission'])
        .filter(([, operation]) => !operation['x-audit-action'])
        .map(([method]) => `${method} ${path}`),
    );
    expect(unaudited.sort()).toEqual(reads.sort());
  });
});
