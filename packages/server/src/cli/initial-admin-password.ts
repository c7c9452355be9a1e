import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isMainThread, workerData } from 'node:worker_threads';

/** The file a first start keeps the generated admin password in when no one watches the output. */
export const INITIAL_ADMIN_PASSWORD_FILE = 'initial-admin-password';

/**
 * Whether `xiaoer serve`'s output goes to a terminal. In the bin's worker thread the thread's own
 * stdout is a pipe to the main thread, so the bin passes what its stdout is (`stdoutIsTTY`).
 */
export function printsToTerminal(): boolean {
  if (isMainThread) return Boolean(process.stdout.isTTY);
  return Boolean((workerData as { stdoutIsTTY?: unknown } | null)?.stdoutIsTTY);
}

/** The user the first start creates. */
export const INITIAL_ADMIN = 'admin';

/** Tells whether a password still is a user's, and when one changes (the AuthService). */
export interface PasswordWatch {
  passwordMatches(id: string, password: string): Promise<boolean>;
  onPasswordChanged(listener: (id: string) => void): () => void;
}

/**
 * What the first start says about the `admin` password it generated. At a terminal it is shown
 * once. Otherwise the output is a log (systemd's journal, `docker logs`, a file, a log service)
 * that keeps it and that more people read than should hold the console's admin password: it
 * goes into `<data folder>/initial-admin-password`, readable by this user only, and the line
 * says where. The file goes once the password is changed ({@link keepInitialPasswordTrue}).
 * Without a data folder (`MONGODB_URI` and no `--data`/`XIAOER_DATA_DIR`: the default folder is
 * the embedded store's, which does not run) it is neither written nor printed: the line says how
 * to set or reset it.
 */
export async function announceInitialAdmin(
  user: string,
  password: string,
  dataDirectory: string | undefined,
  terminal: boolean,
): Promise<string> {
  if (terminal)
    return `管理员账号 / admin account: ${user} / ${password}（只显示这一次，登录后请修改 / shown once; change it after logging in）`;
  if (dataDirectory === undefined)
    return `管理员账号 / admin account: ${user}，初始密码不打印（输出不是终端）也不写入文件（设置了 MONGODB_URI，没有指定数据目录）：请用同一个 MONGODB_URI 运行 npx xiaoer users reset-password ${user} 设置新密码；下次在空数据库上首次启动前可设置 XIAOER_ADMIN_PASSWORD，或用 --data / XIAOER_DATA_DIR 指定存放密码文件的目录 / its first password is not printed (the output is not a terminal) nor written to a file (MONGODB_URI is set and no data folder was given): run npx xiaoer users reset-password ${user} with the same MONGODB_URI to set one; on a first start on an empty store, set XIAOER_ADMIN_PASSWORD beforehand, or give --data / XIAOER_DATA_DIR for the password's file`;
  const folder = resolve(dataDirectory);
  const file = join(folder, INITIAL_ADMIN_PASSWORD_FILE);
  try {
    await mkdir(folder, { recursive: true, mode: 0o700 });
    // A file left from an earlier store is replaced, not written into: its mode would stay.
    await rm(file, { force: true });
    await writeFile(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    const reason = (error as Error).message;
    return `管理员账号 / admin account: ${user}，初始密码无法写入 ${file}（${reason}）：请在本机运行 npx xiaoer users reset-password ${user} / its first password could not be written to ${file} (${reason}): run npx xiaoer users reset-password ${user} on this machine`;
  }
  return `管理员账号 / admin account: ${user}，初始密码在 ${file}（仅本用户可读；输出不是终端，所以不打印；登录后请修改密码，修改后该文件会被自动删除）/ its first password is in ${file} (readable by this user only; not printed, the output is not a terminal; change it after logging in, and the file is deleted then)`;
}

/**
 * Deletes `<data folder>/initial-admin-password` when it no longer is the admin's password
 * (changed in the console or with `xiaoer users`, or the admin gone): a secret-looking file
 * that stayed after the change was found confusing, and wrong if later read as the password.
 * Returns the line saying so, or undefined when there is no such file or it still is the password.
 */
export async function forgetChangedInitialPassword(
  dataDirectory: string,
  auth: Pick<PasswordWatch, 'passwordMatches'>,
): Promise<string | undefined> {
  const file = join(resolve(dataDirectory), INITIAL_ADMIN_PASSWORD_FILE);
  let password: string;
  try {
    password = (await readFile(file, 'utf8')).trim();
  } catch {
    return undefined;
  }
  if (await auth.passwordMatches(INITIAL_ADMIN, password)) return undefined;
  await rm(file, { force: true });
  return `已删除 ${file}：${INITIAL_ADMIN} 的密码已修改，文件里的不再是密码 / deleted ${file}: the password of ${INITIAL_ADMIN} was changed, the file no longer holds it`;
}

/**
 * Keeps the first password's file true while the server runs: looked at now (a change made
 * while this server was stopped, or by another process) and after each change of the admin's
 * password in this process. `report` gets the line when the file goes.
 */
export async function keepInitialPasswordTrue(
  dataDirectory: string,
  auth: PasswordWatch,
  report: (line: string) => void,
): Promise<void> {
  const look = () =>
    forgetChangedInitialPassword(dataDirectory, auth).then(
      (line) => {
        if (line) report(line);
      },
      // The store not answering now: the next start looks again.
      () => undefined,
    );
  await look();
  auth.onPasswordChanged((id) => {
    if (id === INITIAL_ADMIN) void look();
  });
}
