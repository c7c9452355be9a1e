import { describe, expect, it } from 'vitest';
import type { ChatLine, InboxView } from '../api/service-api.ts';
import { createDeskStore, proposalOf, type OpenChat } from './desk-store.ts';

const line = (seq: number, from: ChatLine['from'], text: string): ChatLine =>
  ({ seq, from, text, at: `2026-12-01T10:00:0${seq}.000Z` }) as ChatLine;
const chatOf = (id: string, messages: ChatLine[]): OpenChat =>
  ({ conversation: { _id: id }, messages }) as unknown as OpenChat;

describe('the desk store', () => {
  it('should show the inbox stream view: status, name, handoffs and queues', () => {
    const desk = createDeskStore();
    desk.getState().showInbox({
      agent: { status: 'online', displayName: '小李' },
      handoffs: [{ conversationId: 'c1' }],
      queues: [{ group: 'pre-sales', waiting: 2 }],
    } as unknown as InboxView);
    expect(desk.getState()).toMatchObject({ status: 'online', myName: '小李' });
    expect(desk.getState().handoffs).toHaveLength(1);
    expect(desk.getState().queues[0]).toMatchObject({ waiting: 2 });
  });

  it('should drop an inbox read on request that the stream overtook, and show it otherwise', () => {
    const view = (status: string, ...conversations: string[]) =>
      ({
        agent: { status, displayName: '小李' },
        handoffs: conversations.map((conversationId) => ({ conversationId })),
        queues: [],
      }) as unknown as InboxView;
    const desk = createDeskStore();
    // The agent goes online: the desk reads its inbox; before the answer comes back the stream
    // gives the view with the new handoff, then the answer, read before the handoff, arrives.
    const asked = desk.getState().streamedViews;
    desk.getState().showInbox(view('online', 'c1'));
    desk.getState().showAnswered(view('online'), asked);
    expect(desk.getState().handoffs.map((h) => h.conversationId)).toEqual(['c1']);
    // An answer nothing overtook is shown at once.
    const next = desk.getState().streamedViews;
    desk.getState().showAnswered(view('away', 'c1', 'c2'), next);
    expect(desk.getState()).toMatchObject({ status: 'away' });
    expect(desk.getState().handoffs).toHaveLength(2);
  });

  it('should add a streamed line once, and only to the open conversation it belongs to', () => {
    const desk = createDeskStore();
    desk.getState().select('c1');
    desk.getState().opened(chatOf('c1', [line(1, 'customer', '在吗')]));
    desk.getState().addLine('c1', line(2, 'agent', '在的'));
    desk.getState().addLine('c1', line(2, 'agent', '在的'));
    desk.getState().addLine('c2', line(3, 'customer', '别的会话'));
    expect(desk.getState().chat?.messages.map((m) => m.seq)).toEqual([1, 2]);
  });

  it('should drop a late answer for a conversation no longer selected, and clear on close', () => {
    const desk = createDeskStore();
    desk.getState().select('c2');
    desk.getState().opened(chatOf('c1', []));
    expect(desk.getState().chat).toBeUndefined();
    desk.getState().opened(chatOf('c2', []));
    desk.getState().closeConversation();
    expect(desk.getState()).toMatchObject({ selected: undefined, chat: undefined });
  });

  it('should append a quick reply to the draft, keep it across conversations, and empty it once sent', () => {
    const desk = createDeskStore();
    desk.getState().select('c1');
    desk.getState().setDraft('您好');
    desk.getState().setDraft((d) => `${d} 请稍等`);
    desk.getState().select('c2');
    expect(desk.getState()).toMatchObject({ draft: '您好 请稍等' });
    desk.getState().sent();
    expect(desk.getState()).toMatchObject({ draft: '' });
  });

  it('should propose the first customer question and the last agent answer as an article', () => {
    const chat = chatOf('c1', [
      line(1, 'customer', '怎么退货？'),
      line(2, 'agent', '先申请'),
      line(3, 'customer', '然后呢'),
      line(4, 'agent', '寄回即可'),
    ]);
    expect(proposalOf(chat)).toEqual({ question: '怎么退货？', answer: '寄回即可' });
    expect(proposalOf(undefined)).toEqual({ question: '', answer: '' });
  });
});
