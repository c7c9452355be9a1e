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
/** The scope of `erp-old` as the server holds it, and each scope the panel sent. */
let erpScope: string[] | undefined;
const scopesSent: { id: string; body: unknown }[] = [];
fakeServer(
  (url, init) => {
    const scope = /^\/api\/sources\/([^/]+)\/event-types$/.exec(url.pathname);
    if (scope && init?.method === 'PUT') {
      const body = JSON.parse(String(init.body)) as { eventTypes: string[] | null };
      scopesSent.push({ id: decodeURIComponent(scope[1] ?? ''), body });
      erpScope = body.eventTypes ?? undefined;
      return json({ source: {} });
    }
    const end = /^\/api\/sources\/([^/]+)\/previous-secret\/end$/.exec(url.pathname);
    if (end && init?.method === 'POST') {
      ended.push(decodeURIComponent(end[1] ?? ''));
      graceUntil = new Date().toISOString();
      return json({ source: {} });
    }
    if (url.pathname === '/api/sources')
      return json({
        sources: [
          {
            id: 'demo-shop',
            kind: 'xiaoer',
            origin: 'config',
            secretSet: true,
            eventTypes: ['order.*'],
          },
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
            ...(erpScope ? { eventTypes: erpScope } : {}),
          },
        ],
      });
    return json({});
  },
  () => {
    ended.length = 0;
    scopesSent.length = 0;
    erpScope = ['coupon.*'];
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

/** What the panel says about the event types a source may send, per language. */
const SCOPE_WORDS = {
  zh: {
    all: '所有类型',
    edit: '修改',
    title: '"erp-old" 可发送的事件类型',
    invalid: '"order**" 不是事件类型，也不是以 .* 结尾的前缀（如 order.*）',
    saved: '已更新 "erp-old" 可发送的事件类型',
  },
  en: {
    all: 'All types',
    edit: 'Change',
    title: 'Event types "erp-old" may send',
    invalid: '"order**" is neither an event type nor a prefix ending in .* (such as order.*)',
    saved: 'Event types of "erp-old" updated',
  },
} as const;

const typeIn = (value: string) =>
  fireEvent.change(screen.getByTestId('source-event-types-input'), { target: { value } });
const saveScope = () =>
  act(async () => void fireEvent.click(screen.getByTestId('source-event-types-save')));

describe('the event types a source may send', () => {
  it.each(['zh', 'en'] as const)(
    'should show each source its scope and change a console source’s, refusing a bad pattern (%s)',
    async (language) => {
      const words = SCOPE_WORDS[language];
      await i18n.changeLanguage(language);
      openPanel();
      const scopeOf = async (id: string) =>
        (await screen.findByTestId(`source-event-types-${id}`)).textContent;
      expect(await scopeOf('erp-old')).toBe('coupon.*');
      expect(await scopeOf('woo-main')).toBe(words.all);
      expect(await scopeOf('demo-shop')).toBe('order.*');
      // The configuration file's source is changed there: no button.
      expect(screen.queryByTestId('source-event-types-edit-demo-shop')).toBeNull();

      const edit = screen.getByTestId('source-event-types-edit-erp-old');
      expect(edit.textContent).toBe(words.edit);
      fireEvent.click(edit);
      expect(await screen.findByText(words.title)).toBeTruthy();
      expect((screen.getByTestId('source-event-types-input') as HTMLTextAreaElement).value).toBe(
        'coupon.*',
      );
      typeIn('coupon.*\norder**');
      await saveScope();
      expect(await screen.findByText(words.invalid)).toBeTruthy();
      expect(scopesSent).toEqual([]);

      typeIn('coupon.*\nshipment.delivered\ncoupon.*');
      await saveScope();
      await vi.waitFor(() =>
        expect(scopesSent).toEqual([
          { id: 'erp-old', body: { eventTypes: ['coupon.*', 'shipment.delivered'] } },
        ]),
      );
      expect(await screen.findByText(words.saved)).toBeTruthy();
      await vi.waitFor(async () =>
        expect(await scopeOf('erp-old')).toBe('coupon.*shipment.delivered'),
      );

      // Emptied, the box lifts the scope: every type again.
      fireEvent.click(screen.getByTestId('source-event-types-edit-erp-old'));
      await screen.findByTestId('source-event-types-input');
      typeIn('');
      await saveScope();
      await vi.waitFor(() =>
        expect(scopesSent.at(-1)).toEqual({ id: 'erp-old', body: { eventTypes: null } }),
      );
      await vi.waitFor(async () => expect(await scopeOf('erp-old')).toBe(words.all));
    },
  );
});
