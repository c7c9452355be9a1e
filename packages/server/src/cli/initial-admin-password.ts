import { mkdir, writeFile } from 'node:fs/promises';
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

/**
 * What the first start says about the `admin` password it generated. At a terminal it is shown
 * once. Otherwise the output is a log (systemd's journal, `docker logs`, a file, a log service)
 * that keeps it and that more people read than should hold the console's admin password: it
 * goes into `<data folder>/initial-admin-password`, readable by this user only, and the line
 * says where.
 */
export async function announceInitialAdmin(
  user: string,
  password: string,
  dataDirectory: string,
  terminal: boolean,
): Promise<string> {
  if (terminal)
    return `管理员账号 / admin account: ${user} / ${password}（只显示这一次，登录后请修改 / shown once; change it after logging in）`;
  const folder = resolve(dataDirectory);
  const file = join(folder, INITIAL_ADMIN_PASSWORD_FILE);
  try {
    await mkdir(folder, { recursive: true, mode: 0o700 });
    await writeFile(file, `${password}\n`, { mode: 0o600 });
  } catch (error) {
    const reason = (error as Error).message;
    return `管理员账号 / admin account: ${user}，初始密码无法写入 ${file}（${reason}）：请在本机运行 npx xiaoer users reset-password ${user} / its first password could not be written to ${file} (${reason}): run npx xiaoer users reset-password ${user} on this machine`;
  }
  return `管理员账号 / admin account: ${user}，初始密码在 ${file}（仅本用户可读；输出不是终端，所以不打印；登录后请修改密码并删除该文件）/ its first password is in ${file} (readable by this user only; not printed, the output is not a terminal; change it after logging in and delete the file)`;
}
