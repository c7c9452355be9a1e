import { describe, expect, it } from 'vitest';
import { JOURNEY_ID, suggestedJourneyId } from './journey-id.ts';

describe('the id suggested for a new journey from its name', () => {
  it("should be the name's Latin words in lower case, joined by -", () => {
    expect(suggestedJourneyId('Shipped check', new Set())).toBe('shipped-check');
    expect(suggestedJourneyId('发货后确认收货 / Delivery check!', new Set())).toBe(
      'delivery-check',
    );
  });

  it('should be journey-1, journey-2 … for a name with no Latin letters', () => {
    expect(suggestedJourneyId('发货后确认收货', new Set())).toBe('journey-1');
    expect(suggestedJourneyId('发货后确认收货', new Set(['journey-1']))).toBe('journey-2');
    expect(suggestedJourneyId('2024', new Set())).toBe('journey-1');
  });

  it('should not take an id in use, and always be one the server accepts', () => {
    expect(suggestedJourneyId('Refund', new Set(['refund']))).toBe('refund-2');
    for (const name of ['x', 'A'.repeat(100), '  -- ', '9 lives', 'Ünïcode café'])
      expect(suggestedJourneyId(name, new Set())).toMatch(JOURNEY_ID);
  });
});
