import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '@xiaoer/server/testing';
import { expectRefused, type Attack } from './attack-table.ts';

/**
 * Issue 18, accounts: a password change or a disable ends the user's sessions and re-enabling
 * does not revive them; the last admin stays; `xiaoer users` recovers from the command line;
 * expired sessions are pruned.
 */
let h: Harness;
const bin = path.resolve(import.meta.dirname, '../../packages/server/bin/xiaoer.mjs');

beforeAll(async () => {
  // A store of its own: the command line finds it by its folder and socket.
  h = await startHarness({ ownStore: true });
});
afterAll(async () => h?.close());

const login = async (id: string, password: string) =>
  (await h.xiaoer.auth.login(id, password))?.token ?? '';
const me = (token: string) => () => h.request('GET', '/api/auth/me', undefined, token);

/**
 * Runs the real `xiaoer` command, on the harness's store unless `env` says otherwise; `input`
 * goes to its stdin.
 */
function xiaoer(
  args: string[],
  input?: string,
  env: NodeJS.ProcessEnv = { ...process.env, MONGODB_URI: h.store.uri },
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], { env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input ?? '');
  });
}

describe('accounts (issue 18)', () => {
  it('should end sessions on a password reset, on a disable, and not revive them on re-enable', async () => {
    await h.xiaoer.auth.createUser('olga', 'olga-密码-123', 'operator');
    const beforeReset = await login('olga', 'olga-密码-123');
    expect(
      (await h.request('PATCH', '/api/users/olga', { password: 'olga-新密码-456' })).status,
    ).toBe(200);
    const beforeDisable = await login('olga', 'olga-新密码-456');
    expect((await h.request('PATCH', '/api/users/olga', { disabled: true })).status).toBe(200);
    expect((await h.request('PATCH', '/api/users/olga', { disabled: false })).status).toBe(200);
    expect(await h.connection.collection('sessions').countDocuments({ userId: 'olga' })).toBe(0);
    const attacks: Attack[] = [
      {
        name: 'a session from before a password reset',
        send: me(beforeReset),
        status: 401,
        code: 'unauthenticated',
      },
      {
        name: 'a session from before a disable, after re-enable',
        send: me(beforeDisable),
        status: 401,
        code: 'unauthenticated',
      },
    ];
    for (const attack of attacks) await expectRefused(h, attack);
    expect((await me(await login('olga', 'olga-新密码-456'))()).status).toBe(200);
  });

  it.each([
    { name: 'the only admin demotes itself', change: { role: 'viewer' } },
    { name: 'the only admin disables itself', change: { disabled: true } },
  ])('should refuse: $name (409)', async ({ name, change }) => {
    await expectRefused(h, {
      name,
      send: () => h.request('PATCH', '/api/users/admin', change),
      status: 409,
      code: 'last-admin',
    });
  });

  it('should let an admin step down once another admin is enabled', async () => {
    await h.xiaoer.auth.createUser('second', 'second-密码-123', 'admin');
    const second = await login('second', 'second-密码-123');
    expect((await h.request('PATCH', '/api/users/second', { disabled: true })).status).toBe(200);
    await expectRefused(h, {
      name: 'demoting the last enabled admin while a disabled one exists',
      send: () => h.request('PATCH', '/api/users/admin', { role: 'operator' }),
      status: 409,
      code: 'last-admin',
    });
    expect((await h.request('PATCH', '/api/users/second', { disabled: false })).status).toBe(200);
    expect((await me(second)()).status).toBe(401);
    const fresh = await login('second', 'second-密码-123');
    expect((await h.request('PATCH', '/api/users/second', { role: 'viewer' }, fresh)).status).toBe(
      200,
    );
  });

  it('should delete an expired session when shown, and prune the rest', async () => {
    const sessions = h.connection.collection('sessions');
    const past = new Date(Date.now() - 60_000);
    const token = 'xs_expired-token-for-the-test';
    const hash = createHash('sha256').update(token).digest('hex');
    await sessions.insertMany([
      { _id: hash as never, userId: 'admin', role: 'admin', createdAt: past, expiresAt: past },
      {
        _id: 'other-expired' as never,
        userId: 'admin',
        role: 'admin',
        createdAt: past,
        expiresAt: past,
      },
    ]);
    expect((await me(token)()).status).toBe(401);
    expect(await sessions.countDocuments({ _id: hash as never })).toBe(0);
    expect(await h.xiaoer.auth.pruneSessions(Date.now(), true)).toBe(1);
    expect(await sessions.countDocuments({ expiresAt: { $lt: new Date() } })).toBe(0);
  });

  it('should reset a password from the command line, ending the old sessions', async () => {
    const old = h.token;
    const run = await xiaoer(
      ['users', 'reset-password', 'admin', '--password-stdin'],
      'cli-密码-789\n',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('password of admin reset');
    expect((await me(old)()).status).toBe(401);
    expect(await login('admin', 'cli-密码-789')).toMatch(/^xs_/);
  });

  it('should create an admin from the command line with a generated password, shown once', async () => {
    const run = await xiaoer(['users', 'create-admin', 'rescue']);
    expect(run.code, run.stderr).toBe(0);
    const password = /new password for rescue: (\S+)/.exec(run.stdout)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(16);
    const token = await login('rescue', password);
    expect(await (await me(token)()).json()).toEqual({
      kind: 'user',
      id: 'rescue',
      role: 'admin',
      personalData: 'whole',
    });
  });

  it("should use a running server's store through its socket, not start a second one", async () => {
    const env = { ...process.env };
    delete env['MONGODB_URI'];
    const run = await xiaoer(
      ['users', 'create-admin', 'via-socket', '--data', h.store.location],
      undefined,
      env,
    );
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain(`using the running store: ${h.store.socketPath}`);
    expect(
      await h.connection.collection('users').countDocuments({ _id: 'via-socket' as never }),
    ).toBe(1);
  });

  /** Locks `name` as ten wrong passwords in a row would (`http.loginLockout`'s default). */
  const lock = async (name: string) => {
    for (let failure = 0; failure <= 10; failure++) {
      const turn = await h.xiaoer.loginLockout.begin(name);
      if (turn.locked) return;
      await h.xiaoer.loginLockout.failed(name);
    }
    throw new Error(`${name} did not lock`);
  };
  const lockedOut = async (name: string, password: string) => {
    const response = await h.request('POST', '/api/auth/login', { username: name, password });
    return (
      response.status === 429 && ((await response.json()) as { error: { code: string } }).error.code
    );
  };

  it("should end a user name's login lock from the command line, the password unchanged", async () => {
    await h.xiaoer.auth.createUser('locked-out', 'locked-密码-123', 'operator');
    await lock('locked-out');
    expect(await lockedOut('locked-out', 'locked-密码-123')).toBe('account-login-locked');
    const run = await xiaoer(['users', 'unlock', 'locked-out']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('the login lock of locked-out ended');
    expect(await login('locked-out', 'locked-密码-123')).toMatch(/^xs_/);
    // Not locked any more: said so, and nothing fails.
    const again = await xiaoer(['users', 'unlock', 'locked-out']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('the logins of locked-out are not locked');
  });

  it('should end the login lock of a user whose password is reset from the command line', async () => {
    await lock('admin');
    expect(await lockedOut('admin', 'anything-密码-000')).toBe('account-login-locked');
    const run = await xiaoer(
      ['users', 'reset-password', 'admin', '--password-stdin'],
      'unlocked-密码-321\n',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('the login lock of admin ended');
    expect(await login('admin', 'unlocked-密码-321')).toMatch(/^xs_/);
  });

  it('should name a missing user to unlock and exit 1', async () => {
    const run = await xiaoer(['users', 'unlock', 'nobody']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No user "nobody"');
  });

  it('should name a missing user and exit 1', async () => {
    const run = await xiaoer(['users', 'reset-password', 'nobody']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No user "nobody"');
  });
});
