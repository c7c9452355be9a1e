import { describe, expect, it } from 'vitest';
import type { ChatLine } from '../api/service-api.ts';
import { inOrder, unreadOf } from './use-desk-attention.ts';

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

  it("should count the customer's lines after the last one seen as unread", () => {
    const lines = [line(1, 'customer'), line(2, 'bot'), line(3, 'customer'), line(4, 'customer')];
    expect(unreadOf(lines, 0)).toBe(3);
    expect(unreadOf(lines, 3)).toBe(1);
    expect(unreadOf(lines, 4)).toBe(0);
  });
});
