import { randomBytes } from 'node:crypto';
import { Command, Option } from 'commander';
import { LocalizedError } from '../../localized-error.ts';
import { passwordLengthProblem } from '../../auth/password-length.ts';
import type { AuthService } from '../../auth/auth-service.ts';
import type { LoginLockout } from '../../auth/login-lockout.ts';
import type { RunningStore } from '../../store/store-launcher.ts';
import { resolve } from 'node:path';
import { forgetChangedInitialPassword } from '../initial-admin-password.ts';

interface UsersFlags {
  data: string;
  passwordStdin?: boolean;
}

const USER_NAME = /^[a-zA-Z0-9_.@-]{1,64}$/;

/** The new password: the first line of stdin with `--password-stdin`, else a generated one. */
async function newPassword(flags: UsersFlags): Promise<{ password: string; generated: boolean }> {
  if (!flags.passwordStdin)
    return { password: randomBytes(12).toString('base64url'), generated: true };
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  const password = text.split(/\r?\n/)[0] ?? '';
  const problem = passwordLengthProblem(password, { zh: '密码', en: 'The password' });
  if (problem) throw new LocalizedError(problem);
  return { password, generated: false };
}

/** The accounts and their login locks, in the store. */
interface Accounts {
  auth: AuthService;
  lockout: LoginLockout;
}

/**
 * Opens the store as `serve` does (`MONGODB_URI`, or the embedded one on `--data`) and runs
 * `work`. When a server runs on that data folder, its store is used (through its socket)
 * instead of starting a second FerretDB on the same files.
 */
async function withAuth(flags: UsersFlags, work: (accounts: Accounts) => Promise<void>) {
  // Loaded here, not with the command line: the other commands start without the store's modules.
  const [
    { AuthService },
    { LoginLockout },
    { systemClock },
    { createModels },
    { connectStore },
    { launchStore },
    { runningStoreSocket },
  ] = await Promise.all([
    import('../../auth/auth-service.ts'),
    import('../../auth/login-lockout.ts'),
    import('../../clock/clock.ts'),
    import('../../model/models.ts'),
    import('../../server/store-connection.ts'),
    import('../../store/store-launcher.ts'),
    import('../../store/store-socket.ts'),
  ]);
  const running = process.env['MONGODB_URI'] ? null : await runningStoreSocket(resolve(flags.data));
  if (running) print(`使用正在运行的数据库 / using the running store: ${running}`);
  const store: RunningStore = running
    ? {
        kind: 'ferretdb-sqlite',
        uri: `mongodb://${encodeURIComponent(running)}/xiaoer`,
        location: resolve(flags.data),
        stop: async () => {},
      }
    : await launchStore({ dataDirectory: flags.data });
  try {
    const connection = await connectStore(store);
    try {
      const models = createModels(connection);
      await work({ auth: new AuthService(models), lockout: new LoginLockout(models, systemClock) });
    } finally {
      await connection.close();
    }
  } finally {
    await store.stop();
  }
}

function userName(value: string): string {
  if (!USER_NAME.test(value))
    throw new LocalizedError({
      zh: `用户名 "${value}" 不合法：1–64 个字母、数字或 _.@-。`,
      en: `User name "${value}" is invalid: 1–64 letters, digits or _.@-.`,
    });
  return value;
}

/** Runs an action; a problem is printed in both languages and exits 1. */
const guarded =
  (action: (name: string, flags: UsersFlags) => Promise<void>) =>
  async (name: string, flags: UsersFlags) => {
    try {
      await action(userName(name), flags);
    } catch (error) {
      const message = error instanceof LocalizedError ? error.message : String(error);
      process.stderr.write(`${message}\n`);
      process.exitCode = 1;
    }
  };

const print = (line: string) => void process.stdout.write(`${line}\n`);

function announce(name: string, secret: { password: string; generated: boolean }) {
  if (secret.generated)
    print(`新密码 / new password for ${name}: ${secret.password} （只显示这一次 / shown once）`);
}

const dataOption = () =>
  new Option('--data <dir>', '内置数据库的数据目录 / data folder of the embedded store')
    .env('XIAOER_DATA_DIR')
    .default('data/ferretdb');
const stdinOption = () =>
  new Option(
    '--password-stdin',
    '从标准输入读取新密码（否则随机生成并显示）/ read the new password from stdin (else one is generated and shown)',
  );

const lockEnded = (user: string) => `已解除 ${user} 的登录锁定 / the login lock of ${user} ended`;

/**
 * A recovery sub-command: sets a new password through `change`, ends the name's login lock (a
 * locked name refuses even the right password for its lock's minutes), then says `done`.
 */
function recovery(
  name: string,
  description: string,
  change: (auth: AuthService, user: string, password: string) => Promise<void>,
  done: (user: string) => string,
): Command {
  return new Command(name)
    .description(description)
    .argument('<name>')
    .addOption(dataOption())
    .addOption(stdinOption())
    .action(
      guarded(async (user, flags) => {
        const secret = await newPassword(flags);
        let forgotten: string | undefined;
        let unlocked = false;
        await withAuth(flags, async ({ auth, lockout }) => {
          await change(auth, user, secret.password);
          unlocked = await lockout.end(user);
          // The first start's password file goes once it is not the admin's password.
          forgotten = await forgetChangedInitialPassword(flags.data, auth);
        });
        print(done(user));
        if (unlocked) print(lockEnded(user));
        if (forgotten) print(forgotten);
        announce(user, secret);
      }),
    );
}

const noUser = (user: string) =>
  new LocalizedError({ zh: `没有用户 "${user}"。`, en: `No user "${user}".` });

async function resetPassword(auth: AuthService, user: string, password: string): Promise<void> {
  if (!(await auth.updateUser(user, { password }))) throw noUser(user);
}

async function createAdmin(auth: AuthService, user: string, password: string): Promise<void> {
  const { UserExistsError } = await import('../../auth/auth-service.ts');
  try {
    await auth.createUser(user, password, 'admin');
  } catch (error) {
    if (!(error instanceof UserExistsError)) throw error;
    await auth.updateUser(user, { role: 'admin', disabled: false, password });
  }
}

/** `users unlock <name>`: ends the name's login lock, its password and sessions unchanged. */
function unlockCommand(): Command {
  return new Command('unlock')
    .description(
      '解除用户名的登录锁定（密码和会话不变）/ End a user name’s login lock (password and sessions unchanged)',
    )
    .argument('<name>')
    .addOption(dataOption())
    .action(
      guarded(async (user, flags) => {
        let unlocked = false;
        await withAuth(flags, async ({ auth, lockout }) => {
          if (!(await auth.userExists(user))) throw noUser(user);
          unlocked = await lockout.end(user);
        });
        print(
          unlocked
            ? lockEnded(user)
            : `${user} 的登录未被锁定 / the logins of ${user} are not locked`,
        );
      }),
    );
}

/**
 * `xiaoer users`: recovery on the machine that holds the store, for when no admin can log in.
 * Talks to the store directly (no login); every session of the user ends.
 */
export function usersCommand(): Command {
  return new Command('users')
    .description('用户恢复 / Recover console users')
    .addCommand(
      recovery(
        'reset-password',
        '重设密码并结束其所有会话 / Set a new password and end all of the user’s sessions',
        resetPassword,
        (user) => `已重设 ${user} 的密码 / password of ${user} reset`,
      ),
    )
    .addCommand(
      recovery(
        'create-admin',
        '新建管理员，或让已有用户成为启用的管理员 / Create an admin, or make an existing user an enabled admin',
        createAdmin,
        (user) => `${user} 现在是管理员 / ${user} is now an admin`,
      ),
    )
    .addCommand(unlockCommand());
}
