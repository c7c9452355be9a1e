// @vitest-environment jsdom
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { ReactNode } from 'react';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import { fakeServer, json } from '../testing/fake-server.ts';
import { EventsPage } from './EventsPage.tsx';
import { InstancesPage } from './InstancesPage.tsx';
import { QualityPage } from './QualityPage.tsx';

const i18n = setUpI18n();
beforeAll(fillInBrowserForAntd);

/** Empty lists for every page: the filters are drawn before anything is found. */
fakeServer(() =>
  json({
    events: [],
    unheard: [],
    instances: [],
    total: 0,
    reports: [],
    maxLimit: 200,
    agents: [],
    rules: [],
    version: 1,
  }),
);
/** The instances' live stream, which never sends here. */
class SilentEventSource {
  addEventListener() {}
  close() {}
}
beforeEach(() => void vi.stubGlobal('EventSource', SilentEventSource));

const show = (page: ReactNode) => render(<AntApp>{page}</AntApp>);

/**
 * A select's placeholder is no name: a screen reader said only "combo box", and once a value
 * is chosen even the placeholder is gone. Each filter is named by what it filters.
 */
describe("the lists' filters", () => {
  it('should name the events, instances and quality filters, in Chinese and English', async () => {
    for (const [language, outcome, status, agent] of [
      ['zh', '结果', '状态', '按客服筛选'],
      ['en', 'Outcome', 'Status', 'Filter by agent'],
    ] as const) {
      await i18n.changeLanguage(language);
      const events = show(<EventsPage onOpenInstance={() => {}} />);
      expect(await screen.findByRole('combobox', { name: outcome })).toBeTruthy();
      events.unmount();
      const instances = show(<InstancesPage onOpen={() => {}} />);
      expect(await screen.findByRole('combobox', { name: status })).toBeTruthy();
      instances.unmount();
      const quality = show(<QualityPage canEdit={false} canOperate={false} />);
      expect(await screen.findByRole('combobox', { name: agent })).toBeTruthy();
      quality.unmount();
    }
  });
});
