// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import { fakeServer, json } from '../testing/fake-server.ts';
import { EventsPage } from './EventsPage.tsx';

const i18n = setUpI18n();
beforeAll(fillInBrowserForAntd);

const entry = {
  source: 'demo-shop',
  type: 'counter.opened',
  refs: ['EV-1'],
  waiting: [],
  early: [],
  problems: [],
};
/** One event a journey took, which another journey's filter refused; one from before the texts. */
fakeServer(() =>
  json({
    events: [
      {
        ...entry,
        id: 'e2',
        at: '2026-12-07T10:00:01.000Z',
        outcome: 'started',
        instances: ['counter:EV-1:1'],
        reasons: ["big-counter: The trigger's filter of journey big-counter rejects this event"],
        reasonTexts: [
          {
            zh: 'big-counter：旅程触发器的筛选条件不接收这个事件。',
            en: "big-counter: The journey's trigger filter rejects this event.",
          },
        ],
      },
      {
        ...entry,
        id: 'e1',
        at: '2026-12-07T10:00:00.000Z',
        outcome: 'ignored',
        instances: [],
        reasons: ['refund: The journey has already ended and accepts no more events'],
      },
    ],
    next: null,
    unheard: [],
  }),
);

/**
 * Why journeys did not take an event was the engine's English even in the Chinese console, and
 * on a row where a journey took it, other journeys' refusals read as if nothing had.
 */
describe('the events page: why', () => {
  it('should give the reasons in the page language, other journeys’ as an aside', async () => {
    for (const [language, reason, aside] of [
      ['zh', 'big-counter：旅程触发器的筛选条件不接收这个事件。', '其他旅程没有接收它：'],
      [
        'en',
        "big-counter: The journey's trigger filter rejects this event.",
        'Other journeys did not take it:',
      ],
    ] as const) {
      await i18n.changeLanguage(language);
      const page = render(
        <AntApp>
          <EventsPage onOpenInstance={() => {}} />
        </AntApp>,
      );
      const reasons = await screen.findAllByTestId('event-reason');
      expect(reasons.map((r) => r.textContent)).toEqual([
        reason,
        // An entry written before the texts: its reason as it was stored.
        'refund: The journey has already ended and accepts no more events',
      ]);
      // The aside only where a journey took the event.
      expect(screen.getAllByText(aside)).toHaveLength(1);
      page.unmount();
    }
  });
});
