// @vitest-environment jsdom
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import { fakeServer, json } from '../testing/fake-server.ts';
import { SkillGroupsTab } from './SkillGroupsTab.tsx';

const i18n = setUpI18n();
beforeAll(fillInBrowserForAntd);

/**
 * The shop has a logistics group serving two intents; every save is recorded. Another admin
 * created `vip` a moment ago: this page's list does not have it, the server refuses it.
 */
const saves: { method: string; path: string; body: unknown }[] = [];
fakeServer(
  (url, init) => {
    if (init?.method === 'PUT' || init?.method === 'POST') {
      const body = JSON.parse(String(init.body)) as { id?: string };
      saves.push({ method: init.method, path: url.pathname, body });
      if (body.id === 'vip')
        return json(
          {
            error: {
              code: 'skill-group-exists',
              message: {
                zh: '已有 id 为 "vip" 的技能组。',
                en: 'A skill group with id "vip" already exists.',
              },
            },
          },
          409,
        );
      return json({});
    }
    if (url.pathname === '/api/skill-groups')
      return json({
        skillGroups: [
          {
            _id: 'logistics',
            title: { zh: '物流查询', en: 'Logistics' },
            intents: ['orderStatus', 'logistics'],
            updatedAt: '2026-01-01T00:00:00.000Z',
          },
        ],
      });
    return json({ intents: [] });
  },
  () => (saves.length = 0),
);

const addGroup = async (id: string) => {
  render(
    <AntApp>
      <SkillGroupsTab />
    </AntApp>,
  );
  await screen.findByTestId('skill-group-logistics');
  fireEvent.click(screen.getByTestId('skill-group-add'));
  fireEvent.change(await screen.findByTestId('skill-group-id'), { target: { value: id } });
  fireEvent.change(screen.getByTestId('skill-group-title-zh'), { target: { value: '新组' } });
  fireEvent.change(screen.getByTestId('skill-group-title-en'), { target: { value: 'New' } });
  await act(async () => void fireEvent.click(screen.getByTestId('skill-group-save')));
};

describe('the skill groups tab', () => {
  it('should refuse to add a group under the id of one that exists, in Chinese, saving nothing', async () => {
    await i18n.changeLanguage('zh');
    await addGroup('logistics');
    expect(await screen.findByText(/已有 id 为 logistics 的技能组/)).toBeTruthy();
    expect(saves).toEqual([]);
  });

  it('should add a group under a new id', async () => {
    await i18n.changeLanguage('en');
    await addGroup('returns');
    await vi.waitFor(() =>
      expect(saves).toEqual([
        {
          method: 'POST',
          path: '/api/skill-groups',
          body: { id: 'returns', title: { zh: '新组', en: 'New' }, intents: [] },
        },
      ]),
    );
  });

  it('should create, never replace, so an id another admin took meanwhile is refused by the server', async () => {
    await i18n.changeLanguage('en');
    await addGroup('vip');
    expect(await screen.findByText(/A skill group with id "vip" already exists/)).toBeTruthy();
    expect(saves.map((save) => save.method)).toEqual(['POST']);
  });
});
