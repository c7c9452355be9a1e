// @vitest-environment jsdom
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { setUpI18n } from '../i18n/i18n.ts';
import { fillInBrowserForAntd } from '../testing/antd-in-jsdom.ts';
import { fakeServer, json } from '../testing/fake-server.ts';
import { UsersTab } from './UsersTab.tsx';

const i18n = setUpI18n();
beforeAll(fillInBrowserForAntd);

/**
 * One agent who forgot their password, and a viewer whose logins are locked until the admin
 * unlocks them; every change is recorded.
 */
const changes: { path: string; body: unknown }[] = [];
let moLocked = true;
fakeServer(
  (url, init) => {
    if (init?.method === 'PATCH') {
      changes.push({ path: url.pathname, body: JSON.parse(String(init.body)) });
      return json({});
    }
    if (init?.method === 'POST' && url.pathname === '/api/users/mo/login-lock/end') {
      changes.push({ path: url.pathname, body: init.body ?? null });
      moLocked = false;
      return json({ id: 'mo', loginLockEnded: true });
    }
    if (url.pathname === '/api/users')
      return json({
        users: [
          { id: 'li', role: 'agent', disabled: false, createdAt: '2026-01-01T00:00:00.000Z' },
          {
            id: 'mo',
            role: 'viewer',
            disabled: false,
            createdAt: '2026-01-01T00:00:00.000Z',
            ...(moLocked ? { loginLockedUntil: '2026-01-02T08:15:00.000Z' } : {}),
          },
        ],
      });
    if (url.pathname === '/api/agents')
      return json({
        agents: [{ _id: 'li', displayName: '小李', skills: [], maxConcurrent: 3, status: 'away' }],
      });
    return json({ skillGroups: [] });
  },
  () => {
    changes.length = 0;
    moLocked = true;
  },
);

/** Waits of the unlock test: a loaded machine renders the table slower than the default second. */
const SLOW = { timeout: 5_000 };

describe('the users tab', () => {
  it("should reset a user's password from the console, refusing a short one in Chinese", async () => {
    await i18n.changeLanguage('zh');
    render(
      <AntApp>
        <UsersTab />
      </AntApp>,
    );
    fireEvent.click(await screen.findByTestId('user-reset-li'));
    const field = await screen.findByTestId('user-reset-password');
    const submit = () =>
      act(async () => void fireEvent.click(screen.getByTestId('user-reset-submit')));
    fireEvent.change(field, { target: { value: 'short' } });
    await submit();
    expect(await screen.findByText('8–200 个字符')).toBeTruthy();
    expect(changes).toEqual([]);
    fireEvent.change(field, { target: { value: 'li-新密码-2026' } });
    await submit();
    await vi.waitFor(() =>
      expect(changes).toEqual([{ path: '/api/users/li', body: { password: 'li-新密码-2026' } }]),
    );
  });

  it("should name each row's controls by their column and user, in both languages", async () => {
    for (const [language, names] of [
      [
        'zh',
        ['li 的显示名（客服）', 'li 的技能组（客服）', 'li 的同时接待', 'li 的角色', 'li 的启用'],
      ],
      [
        'en',
        [
          'Display name (agents) of li',
          'Skill groups (agent) of li',
          'At once of li',
          'Role of li',
          'Enabled of li',
        ],
      ],
    ] as const) {
      await i18n.changeLanguage(language);
      const { unmount } = render(
        <AntApp>
          <UsersTab />
        </AntApp>,
      );
      const [name, skills, capacity, role, enabled] = names;
      expect(await screen.findByRole('textbox', { name })).toBeTruthy();
      expect(screen.getByRole('combobox', { name: skills })).toBeTruthy();
      expect(screen.getByRole('spinbutton', { name: capacity })).toBeTruthy();
      expect(screen.getByRole('combobox', { name: role })).toBeTruthy();
      expect(screen.getByRole('switch', { name: enabled })).toBeTruthy();
      unmount();
    }
  });

  it('should show a locked login until when, in both languages, and unlock it on confirm', async () => {
    await i18n.changeLanguage('zh');
    const { unmount } = render(
      <AntApp>
        <UsersTab />
      </AntApp>,
    );
    expect((await screen.findByTestId('user-locked-mo', {}, SLOW)).textContent).toMatch(/^锁定至 /);
    expect(screen.queryByTestId('user-locked-li')).toBeNull();
    unmount();

    await i18n.changeLanguage('en');
    render(
      <AntApp>
        <UsersTab />
      </AntApp>,
    );
    expect((await screen.findByTestId('user-locked-mo', {}, SLOW)).textContent).toMatch(
      /^Locked until /,
    );
    fireEvent.click(screen.getByTestId('user-unlock-mo'));
    // Asked first: nothing is sent before the admin confirms.
    expect(await screen.findByText(/End the login lock of mo\?/, {}, SLOW)).toBeTruthy();
    expect(changes).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'OK' }));
    await vi.waitFor(
      () => expect(changes).toEqual([{ path: '/api/users/mo/login-lock/end', body: null }]),
      SLOW,
    );
    expect(await screen.findByText('Unlocked: the user can log in again', {}, SLOW)).toBeTruthy();
    await vi.waitFor(() => expect(screen.queryByTestId('user-locked-mo')).toBeNull(), SLOW);
  });
});
