// @vitest-environment jsdom
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import { fakeServer, json } from '../testing/fake-server.ts';
import type { IntentSummary } from '../api/intents-api.ts';
import { IntentsPanel } from './IntentsPanel.tsx';

beforeAll(async () => {
  fillInBrowserForAntd();
  await setUpI18n().changeLanguage('en');
});

/** An operator's intent made through the API: a description and a fixed reply. */
const giftWrap: IntentSummary = {
  intent: 'giftWrap',
  group: 'service',
  title: { zh: '礼品包装', en: 'Gift wrap' },
  description: { zh: '能否礼品包装', en: 'Whether we gift-wrap' },
  examples: { zh: ['能礼品包装吗', '可以包成礼物吗'], en: ['can you gift wrap it'] },
  custom: true,
  journeys: [],
  action: { kind: 'reply', text: { zh: '可以，结算时勾选礼品包装。', en: 'Yes: tick gift wrap.' } },
};

const saved: { method: string; path: string; body: unknown }[] = [];
fakeServer(
  (url, init) => {
    const method = init?.method ?? 'GET';
    if (method !== 'GET') {
      saved.push({ method, path: url.pathname, body: JSON.parse(String(init?.body ?? 'null')) });
      return json({});
    }
    return json({ intents: [giftWrap] });
  },
  () => (saved.length = 0),
);

const show = (canEdit: boolean) =>
  render(
    <AntApp>
      <IntentsPanel canEdit={canEdit} />
    </AntApp>,
  );

describe('the intents panel', () => {
  it('should save an edit with what the form does not show: the description and a fixed reply', async () => {
    show(true);
    fireEvent.click(await screen.findByTestId('intent-edit-giftWrap'));
    fireEvent.change(screen.getByTestId('intent-title-en'), { target: { value: 'Gift wrapping' } });
    expect((screen.getByTestId('intent-reply-zh') as HTMLTextAreaElement).value).toBe(
      '可以，结算时勾选礼品包装。',
    );
    await act(async () => void fireEvent.click(screen.getByTestId('intent-save')));
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({
      method: 'PUT',
      path: '/api/intents/giftWrap',
      body: {
        id: 'giftWrap',
        title: { zh: '礼品包装', en: 'Gift wrapping' },
        description: giftWrap.description,
        examples: giftWrap.examples,
        action: giftWrap.action,
      },
    });
  });

  it('should offer no new, edit or delete to a role that may not change intents', async () => {
    show(false);
    expect(await screen.findByText('Gift wrap')).toBeTruthy();
    expect(screen.queryByTestId('intent-new')).toBeNull();
    expect(screen.queryByTestId('intent-edit-giftWrap')).toBeNull();
    expect(screen.queryByTestId('intent-delete-giftWrap')).toBeNull();
  });
});
