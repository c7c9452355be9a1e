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

  it('should stay where the agent scrolled when a line comes before the scroll event does', () => {
    const line = (seq: number) => ({
      seq,
      from: 'customer',
      text: `第 ${seq} 行`,
      at: `2025-01-01T00:00:${String(seq).padStart(2, '0')}.000Z`,
    });
    const withLines = (count: number) =>
      ({
        conversation: chat.conversation,
        messages: Array.from({ length: count }, (_, i) => line(i + 1)),
      }) as unknown as OpenChat;
    // jsdom lays nothing out: each line is 20 px high in a 100 px box.
    const { rerender } = render(<DeskTranscript chat={withLines(10)} />);
    const box = screen.getByTestId('inbox-messages');
    let scrollTop = 0;
    Object.defineProperties(box, {
      scrollHeight: { get: () => box.querySelectorAll('.chat-line').length * 20 },
      clientHeight: { get: () => 100 },
      scrollTop: { get: () => scrollTop, set: (top: number) => (scrollTop = top) },
    });
    rerender(<DeskTranscript chat={withLines(11)} />);
    expect(scrollTop).toBe(220);
    // The agent scrolls to the top; the browser has not sent the scroll event yet.
    scrollTop = 0;
    rerender(<DeskTranscript chat={withLines(12)} />);
    expect(scrollTop).toBe(0);
    // Back at the end, the next line is followed again.
    scrollTop = 140;
    rerender(<DeskTranscript chat={withLines(13)} />);
    expect(scrollTop).toBe(260);
  });
});
