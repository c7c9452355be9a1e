import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { inboxApi, type ChatLine } from '../api/service-api.ts';

/** A transcript in the order it was said: by sequence number, then time. */
export const inOrder = (lines: ChatLine[]): ChatLine[] =>
  [...lines].sort((a, b) => a.seq - b.seq || a.at.localeCompare(b.at));

/**
 * The customer lines heard per conversation after the last one the agent saw: each line
 * counts once, however often it is heard (a stream that reconnected sends it again).
 */
export class UnreadLines {
  readonly #heard = new Map<string, Set<number>>();
  readonly #seen = new Map<string, number>();

  /** The newest line the agent saw in a conversation (it was open). */
  seenUpTo(conversationId: string, seq: number): void {
    this.#seen.set(conversationId, seq);
    const heard = this.#heard.get(conversationId);
    if (heard) for (const older of [...heard].filter((n) => n <= seq)) heard.delete(older);
  }

  seen(conversationId: string): number {
    return this.#seen.get(conversationId) ?? 0;
  }

  /** Notes a line; returns the conversation's unread count after it. */
  hear(conversationId: string, line: Pick<ChatLine, 'seq' | 'from'>): number {
    let heard = this.#heard.get(conversationId);
    if (!heard) this.#heard.set(conversationId, (heard = new Set()));
    if (line.from === 'customer' && line.seq > this.seen(conversationId)) heard.add(line.seq);
    return heard.size;
  }

  count(conversationId: string): number {
    return this.#heard.get(conversationId)?.size ?? 0;
  }
}

/** How close to the end (px) a transcript counts as read to its newest line. */
const NEAR_END_PX = 48;

/**
 * Keeps a transcript at its newest line as lines arrive, unless the agent scrolled up to read
 * earlier ones: then a customer's new line does not pull the view away from what they read.
 * A conversation just opened, and the agent's own reply, go to the newest line.
 */
export function useScrollToNewest(
  box: RefObject<HTMLElement | null>,
  lines: number,
  conversationId: string,
  newestIsMine: boolean,
): void {
  // The box's height when it last followed its lines: where the reader stands is read live
  // against it, not from the last scroll event — that comes a frame later, so a line arriving
  // right after the agent scrolled up would otherwise still count them as at the end.
  const following = useRef({ conversationId: '', height: 0 });
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const opened = following.current.conversationId !== conversationId;
    const wasAtEnd =
      following.current.height - element.scrollTop - element.clientHeight <= NEAR_END_PX;
    if (opened || newestIsMine || wasAtEnd) element.scrollTop = element.scrollHeight;
    following.current = { conversationId, height: element.scrollHeight };
  }, [box, lines, conversationId, newestIsMine]);
}

/**
 * Unread customer lines per conversation on the desk (the open one is read as it shows), the
 * total in the tab's title (`(3) …`), and a browser notification when new ones arrive while
 * the tab is hidden (if the agent allowed notifications).
 */
export function useUnread(
  conversations: string[],
  open: string | undefined,
  openLines: ChatLine[] | undefined,
  notify: (count: number) => string,
): Record<string, number> {
  const lines = useRef(new UnreadLines());
  const [unread, setUnread] = useState<Record<string, number>>({});
  const key = conversations.join('|');
  // The open conversation is read up to its newest line.
  useEffect(() => {
    if (!open || !openLines) return;
    const newest = Math.max(0, ...openLines.map((line) => line.seq));
    lines.current.seenUpTo(open, newest);
    setUnread((current) => ({ ...current, [open]: 0 }));
  }, [open, openLines]);
  // The others' new customer lines, on one stream from the last line seen in each.
  useEffect(() => {
    const others = (key ? key.split('|') : []).filter((id) => id !== open);
    const unreadLines = lines.current;
    setUnread((current) => ({
      ...Object.fromEntries(others.map((id) => [id, unreadLines.count(id)])),
      ...(open ? { [open]: current[open] ?? 0 } : {}),
    }));
    if (others.length === 0) return;
    const after = Object.fromEntries(others.map((id) => [id, unreadLines.seen(id)]));
    return inboxApi.followMany(after, (id, line) => {
      const count = unreadLines.hear(id, line);
      setUnread((current) => (current[id] === count ? current : { ...current, [id]: count }));
    });
  }, [key, open]);
  const total = Object.values(unread).reduce((sum, n) => sum + n, 0);
  const before = useRef(0);
  useEffect(() => {
    const base = document.title.replace(/^\(\d+\) /, '');
    document.title = total > 0 ? `(${total}) ${base}` : base;
    if (
      total > before.current &&
      document.hidden &&
      typeof Notification !== 'undefined' &&
      Notification.permission === 'granted'
    )
      new Notification(notify(total));
    before.current = total;
    return () => {
      document.title = document.title.replace(/^\(\d+\) /, '');
    };
  }, [total, notify]);
  return unread;
}
