// @vitest-environment jsdom
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { setUpI18n } from '../i18n/i18n.ts';
import { operatorMessages } from '../i18n/operator-messages.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import { AuditTab } from './AuditTab.tsx';

const i18n = setUpI18n();
beforeAll(fillInBrowserForAntd);

const entry = (action: string) => ({
  _id: action,
  at: '2026-12-06T10:00:00.000Z',
  actor: 'admin',
  action,
  target: 'shop-key',
  details: {},
});
beforeEach(() =>
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(JSON.stringify({ entries: [entry('apiKey.create'), entry('someday.new')] }), {
          headers: { 'content-type': 'application/json' },
        }),
    ),
  ),
);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the audit tab', () => {
  for (const [language, label] of [
    ['zh', '创建 API 密钥'],
    ['en', 'API key created'],
  ] as const)
    it(`should say what was done in ${language}, beside the action id`, async () => {
      await i18n.changeLanguage(language);
      render(
        <AntApp>
          <AuditTab />
        </AntApp>,
      );
      expect(await screen.findByText(label)).toBeTruthy();
      expect(screen.getByText('apiKey.create')).toBeTruthy();
      // An action this console does not know yet keeps its id.
      expect(screen.getByText('someday.new')).toBeTruthy();
    });

  it('should have words in both languages for every action the server audits', async () => {
    // The server's routes, read as source (the test runs at the repository's root).
    const routes = join(process.cwd(), 'packages/server/src/http');
    const actions = new Set<string>();
    for (const file of await readdir(routes))
      if (file.endsWith('.ts'))
        for (const match of (await readFile(join(routes, file), 'utf8')).matchAll(
          /audits\(\s*'([\w.]+)'/g,
        ))
          actions.add(match[1] ?? '');
    expect(actions.size).toBeGreaterThan(30);
    const label = (tree: object, action: string) =>
      action
        .split('.')
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], tree);
    for (const action of actions) {
      expect(label(operatorMessages.zh.admin.auditActions, action), action).toMatch(
        /[\u3400-\u9fff]/,
      );
      expect(label(operatorMessages.en.admin.auditActions, action), action).toMatch(/^[A-Z]/);
    }
  });
});
