// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import { fakeServer, json } from '../testing/fake-server.ts';
import { WorkflowsPage } from './WorkflowsPage.tsx';

const i18n = setUpI18n();
beforeAll(fillInBrowserForAntd);

/** A server whose store is away: it says so in both languages. */
fakeServer(() =>
  json(
    {
      error: {
        code: 'store-unavailable',
        message: {
          zh: '数据库暂时不可用，请稍后再试。',
          en: 'The store is unavailable: try again soon.',
        },
      },
    },
    503,
  ),
);

describe('the journeys list when the server refuses it', () => {
  it('should show the server\'s reason in Chinese on a Chinese console, not English behind "Error:"', async () => {
    await i18n.changeLanguage('zh');
    render(
      <AntApp>
        <WorkflowsPage canEdit onOpen={() => {}} />
      </AntApp>,
    );
    expect(await screen.findByText('数据库暂时不可用，请稍后再试。')).toBeTruthy();
    expect(screen.queryByText(/Error:/)).toBeNull();
  });
});
