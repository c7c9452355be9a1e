import { useEffect, useRef, useState, type RefObject } from 'react';
import { inboxApi, type ChatLine } from '../api/service-api.ts';

/** How often the desk looks for new customer lines in the conversations not open. */
const UNREAD_MS = 4000;

/** A transcript in the order it was said: by sequence number, then time. */
export const inOrder = (lines: ChatLine[]): ChatLine[] =>
  [...lines].sort((a, b) => a.seq - b.seq || a.at.localeCompare(b.at));

/** Customer lines after the last one the agent saw. */
export const unreadOf = (lines: ChatLine[], seenSeq: number): number =>
  lines.filter((line) => line.from === 'customer' && line.seq > seenSeq).length;

/** Keeps a scrolled box at its newest line whenever one more line arrives. */
export function useScrollToNewest(box: RefObject<HTMLElement | null>, lines: number): void {
  useEffect(() => {
    const element = box.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [box, lines]);
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
  const seen = useRef(new Map<string, number>());
  const [unread, setUnread] = useState<Record<string, number>>({});
  const key = conversations.join('|');
  // The open conversation is read up to its newest line.
  useEffect(() => {
    if (!open || !openLines) return;
    const newest = Math.max(0, ...openLines.map((line) => line.seq));
    seen.current.set(open, newest);
    setUnread((current) => ({ ...current, [open]: 0 }));
  }, [open, openLines]);
  useEffect(() => {
    let stopped = false;
    const look = async () => {
      const counts: Record<string, number> = {};
      for (const id of key ? key.split('|') : []) {
        if (id === open) continue;
        const chat = await inboxApi.conversation(id).catch(() => undefined);
        if (chat) counts[id] = unreadOf(chat.messages, seen.current.get(id) ?? 0);
      }
      if (!stopped)
        setUnread((current) => ({ ...counts, ...(open ? { [open]: current[open] ?? 0 } : {}) }));
    };
    void look();
    const timer = setInterval(() => void look(), UNREAD_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
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
