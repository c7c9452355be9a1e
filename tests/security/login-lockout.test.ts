import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalizedError, parseConfig } from '@xiaoer/server';
import { ADMIN_PASSWORD, startHarness, type Harness } from '@xiaoer/server/testing';
import { LoginLockout } from '@xiaoer/server/internal';
import { expectRefused } from './attack-table.ts';

/**
 * Failed logins per user name (`http.loginLockout`), beside the per-address limit: password
 * guesses for one account spread over many addresses and several processes lock it. Before,
 * only each address was limited (10 a minute, in each process's memory), so guesses from a
 * hundred addresses ran a hundred times as fast and never met a limit. Two servers share one
 * store and one clock, as behind a balancer; time is moved, never waited for.
 */
let here: Harness;
let elsewhere: Harness;
const LOCKOUT = { failuresPerAccount: 3, windowMinutes: 15, lockMinutes: 20 };
const LOCK_SECONDS = LOCKOUT.lockMinutes * 60;

beforeAll(async () => {
  here = await startHarness({ config: { http: { loginLockout: LOCKOUT } } });
  elsewhere = await startHarness({
    store: here.store,
    clock: here.clock,
    config: { http: { loginLockout: LOCKOUT } },
  });
});
afterAll(async () => {
  await elsewhere?.close();
  await here?.close();
});

let addresses = 10;
/** A loopback address no earlier attempt came from: the per-address limit never counts twice. */
const newAddress = () => `127.0.0.${++addresses}`;

/** `POST /api/auth/login` to `h` from a client address of its own. */
const login = (
  username: string,
  password: string,
  h: Harness = here,
  localAddress = newAddress(),
): Promise<Response> =>
  new Promise((resolve, reject) => {
    const request = httpRequest(
      `${h.url}/api/auth/login`,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json' } },
      (incoming) => {
        let text = '';
        incoming.on('data', (chunk: Buffer) => (text += chunk.toString()));
        incoming.on('end', () => {
          const headers = new Headers();
          const retryAfter = incoming.headers['retry-after'];
          if (typeof retryAfter === 'string') headers.set('retry-after', retryAfter);
          resolve(new Response(text, { status: incoming.statusCode ?? 0, headers }));
        });
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify({ username, password }));
  });

/** `count` wrong passwords for `username`, each from another address: each a plain 401. */
async function failLogins(username: string, count: number, h: Harness = here): Promise<void> {
  for (let i = 0; i < count; i++) {
    const response = await login(username, `wrong-guess-${i}`, h);
    expect(response.status, await response.text()).toBe(401);
  }
}

interface LockedAnswer {
  retryAfter: number;
  message: { zh: string; en: string };
}

/** The answer of a locked user name: 429 `account-login-locked`, `Retry-After`, zh and en. */
async function expectLocked(response: Response): Promise<LockedAnswer> {
  const text = await response.text();
  expect(response.status, text).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(LOCK_SECONDS);
  const { error } = JSON.parse(text) as {
    error: {
      code: string;
      message: { zh: string; en: string };
      details: { retryAfterSeconds: number };
    };
  };
  expect(error.code).toBe('account-login-locked');
  expect(error.details.retryAfterSeconds).toBe(retryAfter);
  expect(error.message.zh).toContain(`请在 ${retryAfter} 秒后再试`);
  expect(error.message.en).toContain(`Try again in ${retryAfter} s`);
  expect(error.message.en).not.toMatch(/[\u4e00-\u9fff]/);
  return { retryAfter, message: error.message };
}

/** A user, and the admin's session on `h`. */
async function user(id: string, role = 'agent'): Promise<string> {
  const password = `${id}-密码-123`;
  const created = await here.request('POST', '/api/users', { id, password, role });
  expect(created.status).toBe(201);
  return password;
}

const listed = async (h: Harness, id: string) => {
  const { users } = (await (await h.request('GET', '/api/users')).json()) as {
    users: { id: string; loginLockedUntil?: string }[];
  };
  return users.find((u) => u.id === id);
};

const endLock = (id: string, h: Harness = elsewhere, token?: string) =>
  h.request('POST', `/api/users/${encodeURIComponent(id)}/login-lock/end`, undefined, token);

describe('failed logins per user name (http.loginLockout)', () => {
  it('should lock a user name after failures from many addresses and refuse even the right password, with Retry-After', async () => {
    const password = await user('lena');
    await failLogins('lena', LOCKOUT.failuresPerAccount);
    const locked = await expectLocked(await login('lena', password));
    expect(locked.retryAfter).toBeGreaterThan(LOCK_SECONDS - 60);
    // Refused before the password is checked: the store is left as it was, no session made.
    await expectRefused(here, {
      name: 'the right password of a locked user name',
      send: () => login('lena', password),
      status: 429,
      code: 'account-login-locked',
    });
    expect(await here.connection.collection('sessions').countDocuments({ userId: 'lena' })).toBe(0);
  });

  it('should answer a user name that does not exist exactly as one that does', async () => {
    const password = await user('nora');
    await failLogins('nora', LOCKOUT.failuresPerAccount);
    await failLogins('no-such-user', LOCKOUT.failuresPerAccount);
    const known = await expectLocked(await login('nora', password));
    const unknown = await expectLocked(await login('no-such-user', password));
    const withoutSeconds = (text: string) => text.replace(/\d+/g, 'N');
    expect(withoutSeconds(unknown.message.zh)).toBe(withoutSeconds(known.message.zh));
    expect(withoutSeconds(unknown.message.en)).toBe(withoutSeconds(known.message.en));
    expect(Math.abs(unknown.retryAfter - known.retryAfter)).toBeLessThanOrEqual(2);
    // Nor is the name made a user by it.
    expect(await listed(here, 'no-such-user')).toBeUndefined();
  });

  it('should check no more passwords than the limit when guesses arrive at once from many addresses', async () => {
    const password = await user('gina');
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        login('gina', `wrong-at-once-${i}`, i % 2 ? here : elsewhere),
      ),
    );
    const statuses = guesses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 401)).toHaveLength(LOCKOUT.failuresPerAccount);
    expect(statuses.filter((status) => status === 429)).toHaveLength(
      12 - LOCKOUT.failuresPerAccount,
    );
    await expectLocked(await login('gina', password));
  });

  it('should give no more turns than the limit to many attempts at once through two connections', async () => {
    // The store's findOneAndUpdate is a read and then a write: two counts at once may both
    // count one. The turns are claimed by unique inserts, exact however the count goes.
    const lockouts = [here, elsewhere].map(
      (h) => new LoginLockout(h.xiaoer.models, h.clock, LOCKOUT),
    );
    const turns = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (lockouts[i % 2] as LoginLockout).begin('talia')),
    );
    expect(turns.filter((turn) => !turn.locked)).toHaveLength(LOCKOUT.failuresPerAccount);
    expect(await lockouts[0]?.lockedUntil(['talia'])).toHaveProperty('size', 1);
  });

  it('should count the failures sent to two processes on one store together', async () => {
    const password = await user('ines');
    await failLogins('ines', 2, here);
    await failLogins('ines', LOCKOUT.failuresPerAccount - 2, elsewhere);
    await expectLocked(await login('ines', password, here));
    await expectLocked(await login('ines', password, elsewhere));
  });

  it('should forget the failures after a successful login', async () => {
    const password = await user('rosa');
    await failLogins('rosa', LOCKOUT.failuresPerAccount - 1);
    expect((await login('rosa', password)).status).toBe(200);
    // A fresh count: as many failures again before the lock, then it locks.
    await failLogins('rosa', LOCKOUT.failuresPerAccount - 1);
    expect((await login('rosa', password)).status).toBe(200);
    await failLogins('rosa', LOCKOUT.failuresPerAccount);
    await expectLocked(await login('rosa', password));
  });

  it('should count failures within the window only, and end the lock after lockMinutes (clock moved)', async () => {
    const password = await user('tess');
    await failLogins('tess', LOCKOUT.failuresPerAccount - 1);
    await here.clock.advance(LOCKOUT.windowMinutes * 60_000 + 1_000);
    // The earlier failures' window is over: as many again are still plain 401s.
    await failLogins('tess', LOCKOUT.failuresPerAccount - 1);
    await failLogins('tess', 1);
    await expectLocked(await login('tess', password));
    await here.clock.advance(LOCKOUT.lockMinutes * 60_000 - 60_000);
    const late = await expectLocked(await login('tess', password));
    expect(late.retryAfter).toBeLessThanOrEqual(60);
    await here.clock.advance(60_000);
    expect((await login('tess', password)).status).toBe(200);
  });

  it("should show the lock in another process's users list and let an admin there end it, audited", async () => {
    const password = await user('mira');
    await failLogins('mira', LOCKOUT.failuresPerAccount, here);
    const shown = await listed(elsewhere, 'mira');
    expect(Date.parse(shown?.loginLockedUntil ?? '')).toBeGreaterThan(here.clock.now());
    expect((await listed(elsewhere, 'admin'))?.loginLockedUntil).toBeUndefined();

    const viewerPassword = await user('vick', 'viewer');
    const { token } = (await (await login('vick', viewerPassword, elsewhere)).json()) as {
      token: string;
    };
    await expectRefused(elsewhere, {
      name: 'a viewer ending a login lock',
      send: () => endLock('mira', elsewhere, token),
      status: 403,
    });
    await expectRefused(elsewhere, {
      name: 'ending the login lock of a user who does not exist',
      send: () => endLock('no-such-user'),
      status: 404,
      code: 'user-not-found',
    });

    const ended = await endLock('mira');
    expect(ended.status).toBe(200);
    expect(await ended.json()).toEqual({ id: 'mira', loginLockEnded: true });
    expect((await listed(here, 'mira'))?.loginLockedUntil).toBeUndefined();
    expect((await login('mira', password, here)).status).toBe(200);
    const audit = await here.connection
      .collection('audit')
      .find({ action: 'user.unlockLogin', target: 'mira' })
      .toArray();
    expect(audit.map((entry) => entry['actor'])).toEqual(['admin']);

    await expectRefused(elsewhere, {
      name: 'ending a login lock that is not there',
      send: () => endLock('mira'),
      status: 409,
      code: 'login-not-locked',
    });
  });

  it('should leave the admin able to log in while another user name is locked', async () => {
    await failLogins('locked-elsewhere', LOCKOUT.failuresPerAccount);
    await expectLocked(await login('locked-elsewhere', 'any-password'));
    expect((await login('admin', ADMIN_PASSWORD)).status).toBe(200);
  });
});

describe('http.loginLockout in the configuration', () => {
  const problemsOf = (loginLockout: unknown) => {
    try {
      parseConfig({ sources: [], http: { loginLockout } }, 'config.json');
    } catch (error) {
      expect(error).toBeInstanceOf(LocalizedError);
      return { zh: (error as LocalizedError).zh, en: (error as LocalizedError).en };
    }
    throw new Error('the configuration was accepted');
  };

  it('should take the three settings and refuse a zero, a fraction and an unknown one', () => {
    expect(parseConfig({ sources: [], http: { loginLockout: LOCKOUT } }, 'c.json').http).toEqual({
      loginLockout: LOCKOUT,
    });
    expect(problemsOf({ failuresPerAccount: 0 }).en).toContain(
      '/http/loginLockout/failuresPerAccount must be >= 1',
    );
    expect(problemsOf({ windowMinutes: 1.5 }).en).toContain(
      '/http/loginLockout/windowMinutes must be integer',
    );
    expect(problemsOf({ lockMinutes: 1441 }).en).toContain(
      '/http/loginLockout/lockMinutes must be <= 1440',
    );
    const unknown = problemsOf({ lockHours: 1 });
    expect(unknown.en).toContain('/http/loginLockout/lockHours unknown property');
    expect(unknown.zh).toContain('/http/loginLockout/lockHours 未知属性');
  });
});
