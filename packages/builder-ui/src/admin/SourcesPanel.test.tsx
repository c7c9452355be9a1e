// @vitest-environment jsdom
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import { fakeServer, json } from '../testing/fake-server.ts';
import { SourcesPanel } from './SourcesPanel.tsx';

const i18n = setUpI18n();
beforeAll(fillInBrowserForAntd);

const HOUR = 3_600_000;
/**
 * The configuration file's source (read-only), a console source rotated with a day's grace for
 * its old secret …OLD1 (ended when asked), and one whose old secret's grace is over.
 */
let graceUntil = '';
const ended: string[] = [];
fakeServer(
  (url, init) => {
    const end = /^\/api\/sources\/([^/]+)\/previous-secret\/end$/.exec(url.pathname);
    if (end && init?.method === 'POST') {
      ended.push(decodeURIComponent(end[1] ?? ''));
      graceUntil = new Date().toISOString();
      return json({ source: {} });
    }
    if (url.pathname === '/api/sources')
      return json({
        sources: [
          { id: 'demo-shop', kind: 'xiaoer', origin: 'config', secretSet: true },
          {
            id: 'woo-main',
            kind: 'woocommerce',
            origin: 'stored',
            secretSet: true,
            secretHint: 'NEW1',
            previousSecretHint: 'OLD1',
            previousSecretUntil: graceUntil,
          },
          {
            id: 'erp-old',
            kind: 'xiaoer',
            origin: 'stored',
            secretSet: true,
            secretHint: 'NEW2',
            previousSecretHint: 'OLD2',
            previousSecretUntil: new Date(Date.now() - HOUR).toISOString(),
          },
        ],
      });
    return json({});
  },
  () => {
    ended.length = 0;
    graceUntil = new Date(Date.now() + 24 * HOUR).toISOString();
  },
);

const openPanel = () =>
  render(
    <AntApp>
      <SourcesPanel />
    </AntApp>,
  );

/** What the panel says around the stop of `woo-main`'s old secret …OLD1, per language. */
const WORDS = {
  zh: {
    taken: '旧密钥 …OLD1 仍可用',
    button: '立即停用旧密钥',
    confirmation: '立即停用 "woo-main" 的旧密钥 …OLD1？',
    warning:
      '旧密钥泄露时使用：之后用它签名的投递一律拒收，当前密钥不变。还在用旧密钥的发送方会被拒。',
    done: '旧密钥 …OLD1 已停用',
    stopped: '旧密钥 …OLD1 已于',
  },
  en: {
    taken: 'Old secret …OLD1 still taken until',
    button: 'Stop old secret now',
    confirmation: 'Stop the old secret …OLD1 of "woo-main" now?',
    warning:
      'For a leaked old secret: deliveries signed with it are refused from now on, the current secret unchanged. A sender still using the old one will be refused.',
    done: 'Old secret …OLD1 stopped',
    stopped: 'Old secret …OLD1 stopped at',
  },
} as const;

describe("the sources panel's stop of a leaked old secret", () => {
  it.each(['zh', 'en'] as const)(
    'should stop the old secret still taken after a rotation once confirmed (%s)',
    async (language) => {
      const words = WORDS[language];
      await i18n.changeLanguage(language);
      openPanel();
      expect((await screen.findByTestId('source-previous-woo-main')).textContent).toContain(
        words.taken,
      );
      const stop = screen.getByTestId('source-end-grace-woo-main');
      expect(stop.textContent).toBe(words.button);
      fireEvent.click(stop);
      expect(await screen.findByText(words.confirmation)).toBeTruthy();
      expect(screen.getByText(words.warning)).toBeTruthy();
      // Nothing is sent before the confirmation.
      expect(ended).toEqual([]);
      await act(async () => void fireEvent.click(screen.getByTestId('source-end-grace-confirm')));
      await vi.waitFor(() => expect(ended).toEqual(['woo-main']));
      expect(await screen.findByText(words.done)).toBeTruthy();
      // The list read again shows the old secret stopped, and no button to stop it again; the
      // configuration file's source and an old secret already stopped never had one.
      await vi.waitFor(() =>
        expect(screen.getByTestId('source-previous-woo-main').textContent).toContain(words.stopped),
      );
      for (const id of ['woo-main', 'erp-old', 'demo-shop'])
        expect(screen.queryByTestId(`source-end-grace-${id}`)).toBeNull();
    },
  );
});
