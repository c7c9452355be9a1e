// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import { ApiKeysTab } from './ApiKeysTab.tsx';

const i18n = setUpI18n();
beforeAll(fillInBrowserForAntd);

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
/** The shop's sources and no key yet; a key created is recorded. */
const createdKeys: unknown[] = [];
const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(String(input), 'http://console.test');
  if (url.pathname === '/api/api-keys' && init?.method === 'POST') {
    createdKeys.push(JSON.parse(String(init.body)));
    return json({ key: 'xk_secret' });
  }
  if (url.pathname === '/api/api-keys') return json({ apiKeys: [] });
  if (url.pathname === '/api/sources')
    return json({ sources: [{ id: 'demo-shop' }, { id: 'erp' }] });
  return json({});
});

beforeEach(() => {
  createdKeys.length = 0;
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The tab as the console shows it in Chinese (antd's own messages in Chinese too). */
const openTab = () =>
  render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <ApiKeysTab />
      </AntApp>
    </ConfigProvider>,
  );
const submit = () => act(async () => void fireEvent.click(screen.getByTestId('key-create')));

describe('the API keys tab', () => {
  it("should say what a key's name may be and ask for a source, in Chinese, not a regex", async () => {
    await i18n.changeLanguage('zh');
    openTab();
    fireEvent.change(screen.getByTestId('key-name'), { target: { value: 'shop key!' } });
    await submit();
    expect(await screen.findByText('1–64 个字母、数字或 _ . -')).toBeTruthy();
    expect(await screen.findByText('请选择事件来源')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/name|source|\^\[/);
    expect(createdKeys).toEqual([]);
  });

  it("should offer the shop's sources to choose from, and create the key for the one chosen", async () => {
    await i18n.changeLanguage('en');
    openTab();
    fireEvent.change(screen.getByTestId('key-name'), { target: { value: 'erp-key' } });
    const source = screen.getByTestId('key-source').querySelector('input');
    if (!source) throw new Error('no source picker');
    fireEvent.mouseDown(source);
    fireEvent.click(await screen.findByTitle('erp'));
    await submit();
    await vi.waitFor(() => expect(createdKeys).toEqual([{ name: 'erp-key', source: 'erp' }]));
  });
});
