// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import { safeLinksIn } from '../testing/links.ts';
import type { OpenChat } from './desk-store.ts';
import { DeskTranscript } from './DeskTranscript.tsx';

const i18n = setUpI18n();
beforeAll(fillInBrowserForAntd);
afterEach(cleanup);

const answer =
  '退货请看 https://shop.example/returns?a=1&b=2。<script>alert(1)</script> <a href="javascript:alert(1)">x</a> javascript:alert(2)';
const chat = {
  conversation: { _id: 'c1', customer: { id: 'u1', tier: 'normal', language: 'zh' } },
  messages: [
    { seq: 1, from: 'customer', text: '怎么退货', at: '2025-01-01T00:00:00.000Z' },
    { seq: 2, from: 'bot', text: answer, at: '2025-01-01T00:00:01.000Z' },
  ],
} as unknown as OpenChat;

describe('DeskTranscript', () => {
  it("should show a knowledge answer's http(s) address as a link, and markup as text", () => {
    render(<DeskTranscript chat={chat} />);
    const transcript = screen.getByTestId('inbox-messages');
    const link = 'https://shop.example/returns?a=1&b=2';
    expect(safeLinksIn(transcript)).toEqual([[link, link]]);
    expect(transcript.querySelectorAll('script')).toHaveLength(0);
    expect(transcript.textContent).toContain(answer);
  });

  it('should be a log named in the language shown, so a screen reader says new lines once', async () => {
    await i18n.changeLanguage('en');
    render(<DeskTranscript chat={chat} />);
    const log = screen.getByRole('log', { name: 'Conversation with the customer' });
    expect(log.textContent).toContain('怎么退货');
    await i18n.changeLanguage('zh');
    expect(screen.getByRole('log', { name: '与客户的对话' })).toBe(log);
  });
});
