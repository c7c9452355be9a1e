// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import type { InboxView } from '../api/service-api.ts';
import { createDeskStore, type DeskStore } from './desk-store.ts';
import { DeskConversationList } from './DeskConversationList.tsx';

const i18n = setUpI18n();
beforeAll(fillInBrowserForAntd);

/** The desk's stream of other conversations' lines: the test says what it sends. */
const streams: FakeEventSource[] = [];
class FakeEventSource {
  readonly listeners: ((event: MessageEvent<string>) => void)[] = [];
  constructor(readonly url: string) {
    streams.push(this);
  }
  addEventListener(_type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.push(listener);
  }
  close() {}
  send(data: unknown) {
    for (const listener of this.listeners)
      listener(new MessageEvent('message', { data: JSON.stringify(data) }));
  }
}

beforeEach(() => {
  streams.length = 0;
  vi.stubGlobal('EventSource', FakeEventSource);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const handoff = (conversationId: string, customer: string, group: string) => ({
  _id: `h-${conversationId}`,
  conversationId,
  customer: { id: customer, tier: 'vip', language: 'zh' },
  group,
});

/** The list of an agent with this status and these conversations (alice's and bob's). */
function showList(
  status = 'online',
  handoffs = [handoff('c1', 'alice', 'logistics'), handoff('c2', 'bob', 'logistics')],
): DeskStore {
  const desk = createDeskStore();
  desk
    .getState()
    .showGroups([{ _id: 'logistics', title: { zh: '物流', en: 'Logistics' } }] as never);
  desk.getState().showInbox({
    agent: { status, displayName: 'Mia' },
    queues: [],
    handoffs,
  } as unknown as InboxView);
  render(
    <AntApp>
      <DeskConversationList desk={desk} />
    </AntApp>,
  );
  return desk;
}

describe('the desk conversation list, from the keyboard', () => {
  it('should make each conversation a button the keyboard reaches, and mark the open one', async () => {
    await i18n.changeLanguage('en');
    const desk = showList();
    const alice = screen.getByRole('button', { name: 'alice, VIP, Logistics' });
    alice.focus();
    expect(document.activeElement).toBe(alice);
    // A native button: Enter and Space click it.
    fireEvent.click(alice);
    expect(desk.getState().selected).toBe('c1');
    expect(alice.getAttribute('aria-current')).toBe('true');
    expect(screen.getByRole('button', { name: /^bob/ }).hasAttribute('aria-current')).toBe(false);
  });

  it("should say a conversation's unread lines in its name, in Chinese", async () => {
    await i18n.changeLanguage('zh');
    showList();
    act(() =>
      streams.at(-1)?.send({ conversationId: 'c2', seq: 3, from: 'customer', text: '在吗' }),
    );
    expect(screen.getByRole('button', { name: 'bob，1 条未读，VIP，物流' })).toBeTruthy();
  });
});

describe('the desk conversation list, when the open conversation leaves it', () => {
  /** The agent resolves or transfers the open one (its dialog gone, the focus on the body). */
  const resolve = (desk: DeskStore, left: ReturnType<typeof handoff>[]) => {
    (document.activeElement as HTMLElement | null)?.blur();
    act(() => desk.getState().closeConversation());
    act(() =>
      desk.getState().showInbox({
        agent: { status: 'online', displayName: 'Mia' },
        queues: [],
        handoffs: left,
      } as unknown as InboxView),
    );
  };

  it('should give the focus to the conversation now in its place, then to the list itself', async () => {
    await i18n.changeLanguage('en');
    const desk = showList();
    act(() => desk.getState().select('c1'));
    resolve(desk, [handoff('c2', 'bob', 'logistics')]);
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'bob, VIP, Logistics' }),
    );

    await act(() => i18n.changeLanguage('zh'));
    act(() => desk.getState().select('c2'));
    resolve(desk, []);
    expect(document.activeElement).toBe(screen.getByRole('region', { name: '我的会话（0）' }));
  });
});

describe('the desk conversation list, empty', () => {
  const showEmpty = (status: string) => showList(status, []);

  it('should tell an away or busy agent that only going online brings conversations', async () => {
    await i18n.changeLanguage('zh');
    showEmpty('away');
    expect(screen.getByTestId('inbox-empty').textContent).toBe(
      '你现在是“离开”，不会分到新会话。切换为“在线”即可接待排队中的客户。',
    );
    cleanup();
    await i18n.changeLanguage('en');
    showEmpty('busy');
    expect(screen.getByTestId('inbox-empty').textContent).toBe(
      'Your status is “Busy”, so no new conversations come to you. Switch to Online to take the customers waiting in the queues.',
    );
  });

  it('should tell an online agent where conversations will appear', async () => {
    await i18n.changeLanguage('en');
    showEmpty('online');
    expect(screen.getByTestId('inbox-empty').textContent).toBe(
      'No conversations yet: a customer handed to you appears here.',
    );
  });
});
