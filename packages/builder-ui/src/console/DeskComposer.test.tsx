// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import { createDeskStore, type DeskStore, type OpenChat } from './desk-store.ts';
import { DeskComposer } from './DeskComposer.tsx';

const i18n = setUpI18n();
beforeAll(fillInBrowserForAntd);

/** A customer who gave no name, in a conversation about no order. */
const chat = {
  conversation: { _id: 'c1', customer: { id: 'u1', tier: 'normal', language: 'zh' } },
  messages: [],
} as unknown as OpenChat;

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
/** The server's answers; a reply the agent sends is recorded. */
const sentReplies: unknown[] = [];
const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(String(input), 'http://console.test');
  if (url.pathname === '/api/quick-replies')
    return json({
      quickReplies: [{ id: 'q1', title: '问候', text: { zh: '您好', en: 'Hello' } }],
      placeholders: [],
    });
  if (url.pathname === '/api/conversations/c1/messages' && init?.method === 'POST') {
    sentReplies.push(JSON.parse(String(init.body)));
    return json({ seq: 5 });
  }
  if (url.pathname === '/api/conversations/c1') return json({ ...chat, messages: [] });
  return json({});
});

beforeEach(() => {
  sentReplies.length = 0;
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The desk with the conversation open and this draft in the composer (as a quick reply left it). */
function openComposer(draft: string): DeskStore {
  const desk = createDeskStore();
  desk.getState().select('c1');
  desk.getState().opened(chat);
  desk.getState().setDraft(draft);
  render(
    <AntApp>
      <DeskComposer desk={desk} chat={chat} />
    </AntApp>,
  );
  return desk;
}

describe('the desk composer with a quick reply whose placeholders had no value', () => {
  it('should not send {{customer.name}} to the customer, and name what to fill in Chinese', async () => {
    await i18n.changeLanguage('zh');
    const desk = openComposer('您好 {{customer.name}}，订单 {{order.id}} 我来帮您查。');
    expect(screen.getByTestId('quick-reply-missing').textContent).toBe(
      '发送前请补全：客户姓名、订单号',
    );
    // The box says, with its name, that it is not ready and what is missing.
    const box = screen.getByRole('textbox', {
      name: '回复客户',
      description: '发送前请补全：客户姓名、订单号',
    });
    expect(box.getAttribute('aria-invalid')).toBe('true');
    const send = screen.getByTestId('inbox-send');
    expect(send.hasAttribute('disabled')).toBe(true);
    await act(async () => {
      fireEvent.click(send);
      fireEvent.keyDown(screen.getByTestId('inbox-reply'), { key: 'Enter', keyCode: 13 });
    });
    expect(sentReplies).toEqual([]);
    expect(desk.getState().draft).toContain('{{order.id}}');
  });

  it('should send once the agent filled them in, and say what is missing in English', async () => {
    await i18n.changeLanguage('en');
    const desk = openComposer('Hi {{customer.name}}, order {{order.id}}');
    expect(screen.getByTestId('quick-reply-missing').textContent).toBe(
      'Fill in before sending: Customer name, Order number',
    );
    act(() => desk.getState().setDraft('Hi Alex, order A10023'));
    expect(screen.queryByTestId('quick-reply-missing')).toBeNull();
    const box = screen.getByRole('textbox', { name: 'Reply to the customer', description: '' });
    expect(await screen.findByRole('combobox', { name: 'Insert a quick reply' })).toBeTruthy();
    expect(box.hasAttribute('aria-invalid')).toBe(false);
    await act(async () => void fireEvent.click(screen.getByTestId('inbox-send')));
    await vi.waitFor(() => expect(sentReplies).toEqual([{ text: 'Hi Alex, order A10023' }]));
  });
});
