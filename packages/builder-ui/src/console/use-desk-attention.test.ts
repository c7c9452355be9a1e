import { describe, expect, it } from 'vitest';
import type { ChatLine } from '../api/service-api.ts';
import { inOrder, UnreadLines } from './use-desk-attention.ts';

const line = (seq: number, from: ChatLine['from'], at = '2026-12-02T10:00:00Z'): ChatLine => ({
  seq,
  from,
  text: `#${seq}`,
  at,
});

describe("the desk's transcript", () => {
  it('should read in the order said, whatever order the lines came in', () => {
    expect(
      inOrder([line(3, 'agent'), line(1, 'customer'), line(2, 'bot')]).map((l) => l.seq),
    ).toEqual([1, 2, 3]);
  });

  it("should count the customer's lines after the last one seen as unread, each once", () => {
    const unread = new UnreadLines();
    expect(unread.hear('a', line(1, 'customer'))).toBe(1);
    expect(unread.hear('a', line(2, 'bot'))).toBe(1);
    expect(unread.hear('a', line(3, 'customer'))).toBe(2);
    // Heard again after the stream reconnected: still two.
    expect(unread.hear('a', line(3, 'customer'))).toBe(2);
    expect(unread.hear('b', line(1, 'customer'))).toBe(1);
    // Opened and read up to line 3: nothing unread there; a newer line counts again.
    unread.seenUpTo('a', 3);
    expect([unread.count('a'), unread.seen('a'), unread.count('b')]).toEqual([0, 3, 1]);
    expect(unread.hear('a', line(2, 'customer'))).toBe(0);
    expect(unread.hear('a', line(4, 'customer'))).toBe(1);
    expect(unread.seen('c')).toBe(0);
  });
});
