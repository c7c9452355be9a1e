import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { adminSession, screenshot } from './browser.ts';

/**
 * A user name locked by failed logins (`http.loginLockout`), in the console: the login form
 * says so in the console's language, even for the right password; the admin sees the lock in
 * Administration → Users and roles and unlocks it, and the user logs in.
 */
const PASSWORD = 'lu-密码-2026';
const session = adminSession([], {
  harness: { config: { http: { loginLockout: { failuresPerAccount: 2 } } } },
  prepare: async (h) => {
    const created = await h.request('POST', '/api/users', {
      id: 'lu',
      password: PASSWORD,
      role: 'agent',
    });
    expect(created.status).toBe(201);
  },
});

/** Fills the console's login form and sends it; the status the server answered. */
async function submitLogin(page: Page, username: string, password: string): Promise<number> {
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(password);
  const [answer] = await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/api/auth/login')),
    page.getByTestId('login').click(),
  ]);
  return answer.status();
}

describe('a login lock in the console', () => {
  it('should tell the user at the login form and let an admin unlock them', async () => {
    const { h, page: admin } = session;
    const context = await session.browser.newContext({ reducedMotion: 'reduce', locale: 'zh-CN' });
    const login = await context.newPage();
    await login.goto(h.url);
    const error = login.getByTestId('login-error');
    for (const guess of ['guess-one', 'guess-two']) {
      expect(await submitLogin(login, 'lu', guess)).toBe(401);
      await login.getByText('用户名或密码错误。').waitFor();
    }
    expect(await submitLogin(login, 'lu', PASSWORD)).toBe(429);
    await login.getByText(/该账号登录失败次数过多，已暂时锁定。请在 \d+ 秒后再试/).waitFor();
    await screenshot(login, 'login-locked');

    await admin.getByTestId('nav-admin').click();
    await admin.getByTestId('admin-page').waitFor();
    expect(await admin.getByTestId('user-locked-lu').textContent()).toMatch(/^锁定至 /);
    await screenshot(admin, 'admin-user-locked');
    await admin.getByTestId('user-unlock-lu').click();
    await admin.getByText('解除 lu 的登录锁定？').waitFor();
    await admin.locator('.ant-popconfirm .ant-btn-primary').click();
    await admin.getByText('已解锁，该用户可以再次登录').waitFor();
    await admin.getByTestId('user-locked-lu').waitFor({ state: 'detached' });
    await screenshot(admin, 'admin-user-unlocked');

    expect(await submitLogin(login, 'lu', PASSWORD)).toBe(200);
    await login.getByTestId('user').waitFor();
    expect(await error.count()).toBe(0);
  });
});
