// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import type { InboxView } from '../api/service-api.ts';
import { createDeskStore } from './desk-store.ts';
import { DeskConversationActions } from './DeskConversationActions.tsx';

const i18n = setUpI18n();
beforeAll(fillInBrowserForAntd);
beforeEach(() =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response('{"followUps":[]}', { headers: { 'content-type': 'json' } })),
  ),
);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The actions under an open conversation that was handed to the agent by the logistics group. */
function showActions() {
  const desk = createDeskStore();
  desk.getState().showInbox({
    agent: { status: 'online' },
    queues: [],
    handoffs: [{ _id: 'h1', conversationId: 'c1', customer: { id: 'u1' }, group: 'logistics' }],
  } as unknown as InboxView);
  desk.getState().select('c1');
  render(
    <AntApp>
      <DeskConversationActions desk={desk} onChanged={async () => {}} />
    </AntApp>,
  );
}

describe('the desk conversation actions', () => {
  it('should name the transfer box by what it does, in both languages', async () => {
    await i18n.changeLanguage('zh');
    showActions();
    expect(screen.getByRole('combobox', { name: '转接到其他技能组' })).toBeTruthy();
    await i18n.changeLanguage('en');
    expect(screen.getByRole('combobox', { name: 'Transfer to another skill group' })).toBeTruthy();
  });
});

describe("the desk dialogs' boxes", () => {
  it('should name the suggested question and answer by label, in both languages', async () => {
    await i18n.changeLanguage('zh');
    showActions();
    fireEvent.click(screen.getByTestId('inbox-resolve'));
    expect(await screen.findByRole('textbox', { name: '建议的问题' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: '建议的答案' })).toBeTruthy();
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByRole('textbox', { name: 'Suggested question' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Suggested answer' })).toBeTruthy();
  });

  it("should name the follow-up's due time and note by label, in both languages", async () => {
    await i18n.changeLanguage('zh');
    showActions();
    fireEvent.click(screen.getByTestId('inbox-follow-up'));
    expect(await screen.findByRole('textbox', { name: '跟进备注' })).toBeTruthy();
    expect(screen.getByLabelText('截止时间')).toBe(screen.getByTestId('follow-up-due'));
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByRole('textbox', { name: 'Follow-up note' })).toBeTruthy();
    expect(screen.getByLabelText('Due')).toBe(screen.getByTestId('follow-up-due'));
  });
});
