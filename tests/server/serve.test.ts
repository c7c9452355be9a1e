import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchStore } from '@xiaoer/server';
import { ensureFerretdb } from '@xiaoer/server/internal';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'packages/server/bin/xiaoer.mjs');

interface Serving {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];

/** Runs `xiaoer serve` as a real process and waits until it has said where it listens. */
function serve(
  dataDirectory: string,
  extraArgs: string[] = [],
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<Serving> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', ...extraEnv };
  delete env['MONGODB_URI'];
  delete env['XIAOER_STORE'];
  const child = spawn(process.execPath, [bin, 'serve', '--data', dataDirectory, ...extraArgs], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1] && output.includes('press Ctrl+C to stop'))
        resolve({ child, url: match[1], output: () => output, exited });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`serve exited ${code}:\n${output}`)));
  });
}

/** FerretDB processes whose command line names `dataDirectory`. */
function ferretdbProcessesOn(dataDirectory: string): string[] {
  const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
  return lines.filter((line) => line.includes('ferretdb') && line.includes(dataDirectory));
}

let dataRoot: string;
beforeAll(async () => {
  dataRoot = await mkdtemp(path.join(tmpdir(), 'xiaoer-serve-'));
  // The first build of FerretDB may take a minute; do it here, not inside a test's timeout.
  await ensureFerretdb((line) => process.stderr.write(`${line}\n`));
});
afterAll(async () => {
  // A failed assertion must not leave a server running.
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await rm(dataRoot, { recursive: true, force: true });
});

describe('xiaoer serve', () => {
  // Each real start costs seconds of CPU (loading the server, starting FerretDB), so one server
  // answers health and is then killed outright, and the configured one below is stopped with
  // SIGTERM. Two real starts (the second refused on the data folder): 16 s beside other work on
  // a machine at half the usual speed, over 30 s in a CI run with other work beside it.
  it(
    'should start the embedded store, answer health, refuse a second server on its data folder, and leave no FerretDB behind when killed outright',
    { timeout: 90_000 },
    async () => {
      const data = path.join(dataRoot, 'plain');
      const serving = await serve(data);
      expect(serving.output()).toContain('小二已启动');
      expect(serving.output()).toContain(`${serving.url}/api/health`);
      expect(serving.output()).toContain(data);
      // The bin runs the server in a worker thread to give it a larger young generation.
      expect(serving.output()).toContain("server thread's young generation: 192 MB");

      // Its output is a pipe, not a terminal: the generated admin password goes to an owner-only
      // file, not into the log (found: printed to whatever kept the output).
      const passwordFile = path.join(data, 'initial-admin-password');
      expect(serving.output()).toContain(`its first password is in ${passwordFile}`);
      expect((await stat(passwordFile)).mode & 0o777).toBe(0o600);
      const password = (await readFile(passwordFile, 'utf8')).trim();
      expect(password.length).toBeGreaterThanOrEqual(16);
      expect(serving.output()).not.toContain(password);
      const login = await fetch(`${serving.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password }),
      });
      expect(login.status).toBe(200);
      // Once the admin changed the password, the file goes: a secret-looking file that no
      // longer opens anything stayed behind (found: confusing, and wrong if read later).
      expect(serving.output()).toContain('the file is deleted then');
      const { token } = (await login.json()) as { token: string };
      const changed = await fetch(`${serving.url}/api/users/admin`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ password: 'the-admins-own-password' }),
      });
      expect(changed.status).toBe(200);
      await expect.poll(() => existsSync(passwordFile)).toBe(false);
      await expect
        .poll(() => serving.output())
        .toContain(`deleted ${passwordFile}: the password of admin was changed`);

      const response = await fetch(`${serving.url}/api/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        status: 'ok',
        store: { kind: 'ferretdb-sqlite', reachable: true },
      });
      const ferretdbProcessesBefore = ferretdbProcessesOn(data).length;
      expect(ferretdbProcessesBefore).toBeGreaterThan(0);

      // A second server on the same embedded store is refused before it starts a FerretDB
      // beside the first (found: it started silently); the first one serves on.
      const inUse = launchStore({ dataDirectory: data, env: {} });
      await expect(inUse).rejects.toMatchObject({ code: 'store-in-use' });
      const second = await serve(data).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(second?.message).toContain('serve exited 1');
      expect(second?.message).toContain(
        `数据目录 ${data} 正由另一个小二进程（pid ${serving.child.pid}）使用`,
      );
      expect(second?.message).toContain(
        `The data folder ${data} is in use by another Xiaoer process (pid ${serving.child.pid})`,
      );
      expect(ferretdbProcessesOn(data)).toHaveLength(ferretdbProcessesBefore);
      expect((await fetch(`${serving.url}/api/health`)).status).toBe(200);

      serving.child.kill('SIGKILL');
      await serving.exited;
      await expect.poll(() => ferretdbProcessesOn(data), { timeout: 10_000 }).toEqual([]);
    },
  );

  // Two real starts and stops: under CI load each took 12-14 s.
  it(
    'should publish on a first start with --config the shipped journeys its channels can run, say what is live, and stop everything on SIGTERM',
    { timeout: 90_000 },
    async () => {
      const folder = path.join(dataRoot, 'configured');
      await mkdir(folder, { recursive: true });
      const config = path.join(folder, 'config.json');
      await writeFile(
        config,
        JSON.stringify({
          sources: [{ id: 'my-shop', kind: 'shopify', secret: 'shpss_0123456789abcdef' }],
          channels: {
            email: { kind: 'smtp', host: '127.0.0.1', port: 2525, from: 'shop@example.com' },
          },
        }),
      );
      const firstData = path.join(folder, 'data');
      const first = await serve(firstData, ['--config', config]);
      // The order lifecycle reaches customers by email when there is no SMS; the journeys that
      // call an order system cannot run without one and say so.
      expect(first.output()).toContain('published journeys: order-lifecycle');
      expect(first.output()).toContain(
        'not published: address-change — node lookUpOrder calls the order system and none is configured',
      );
      expect(first.output()).toContain(
        'not published: invoice-reissue — node askTitle sends on sms and none is configured',
      );
      expect(first.output()).toContain(
        'order-lifecycle v1 ← order.created, order.paid, order.cancelled, order.shipped, order.refunded, order.delivered',
      );
      expect(first.output()).not.toContain('⚠');
      expect(ferretdbProcessesOn(firstData).length).toBeGreaterThan(0);
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      expect(first.output()).toContain('已停止 / stopped');
      expect(ferretdbProcessesOn(firstData)).toEqual([]);

      // Without the worker thread the server runs in the main thread and still stops gracefully.
      const bare = await serve(path.join(folder, 'bare'), ['--config', config, '--no-shipped'], {
        XIAOER_YOUNG_GENERATION_MB: '0',
      });
      expect(bare.output()).toContain('no journey is live');
      expect(bare.output()).not.toContain('young generation');
      expect(bare.output()).toContain(
        'No published journey listens to the events of source my-shop (shopify)',
      );
      // A customer with the chat open (a live event stream) does not keep the server from
      // stopping: the stream ends, and the browser reconnects to whoever serves next.
      const opened = await fetch(`${bare.url}/api/chat/conversations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ customer: { id: 'open-chat' } }),
      });
      const { id, token } = (await opened.json()) as { id: string; token: string };
      const stream = await fetch(`${bare.url}/api/chat/conversations/${id}/stream?token=${token}`);
      const reader = stream.body!.getReader();
      await reader.read();
      bare.child.kill('SIGTERM');
      expect(await bare.exited).toBe(0);
      let ended = false;
      while (!ended) ended = (await reader.read().catch(() => ({ done: true }))).done;
      expect(bare.output()).toContain('已停止 / stopped');
    },
  );

  it('should end at once on a signal that comes while the store is starting, leaving no FerretDB', async () => {
    const data = path.join(dataRoot, 'interrupted');
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0' };
    delete env['MONGODB_URI'];
    delete env['XIAOER_STORE'];
    const child = spawn(process.execPath, [bin, 'serve', '--data', data], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    let output = '';
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('starting the store')) resolve();
      }),
    );
    // The server has not said it listens for signals yet: the bin ends the process itself.
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(output).not.toContain('press Ctrl+C to stop');
    await expect.poll(() => ferretdbProcessesOn(data), { timeout: 10_000 }).toEqual([]);
  });

  it('should exit 1 with a zh/en message when the port is taken, before starting the store', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const data = path.join(dataRoot, 'busy');
    try {
      const error = await serve(data, ['--port', String(port)]).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(error?.message).toContain('serve exited 1');
      expect(error?.message).toContain(`端口 ${port} 已被占用`);
      expect(error?.message).toContain(`Port ${port} is already in use`);
      expect(ferretdbProcessesOn(data)).toEqual([]);
      // Refused before the store started: it made no data folder.
      expect(existsSync(data)).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it('should exit 1 naming the problems of a configuration file, before starting anything', async () => {
    const folder = path.join(dataRoot, 'bad-config');
    await mkdir(folder, { recursive: true });
    const config = path.join(folder, 'config.json');
    await writeFile(config, '{ "sources": [], "chanels": {} }');
    const data = path.join(folder, 'data');
    const error = await serve(data, ['--config', config]).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toContain('serve exited 1');
    expect(error?.message).toContain(`配置文件 ${config} 有误：\n  /chanels 未知属性 "chanels"`);
    expect(error?.message).toContain('/chanels unknown property "chanels"');
    expect(error?.message).not.toContain('starting the store');
    expect(error?.message).not.toMatch(/\n\s+at /);
    expect(existsSync(data)).toBe(false);
  });

  it('should refuse an empty XIAOER_ADMIN_PASSWORD on a first start, and exit', async () => {
    // Found: `XIAOER_ADMIN_PASSWORD=` (a compose file's variable with nothing behind it) made an
    // admin anyone could log in as with an empty password; a short one could never log in.
    const error = await serve(path.join(dataRoot, 'empty-password'), [], {
      XIAOER_ADMIN_PASSWORD: '',
    }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toContain('serve exited 1');
    expect(error?.message).toContain('XIAOER_ADMIN_PASSWORD 须为 8–200 个字符（现在是 0 个）');
    expect(error?.message).toContain('XIAOER_ADMIN_PASSWORD must be 8–200 characters (it has 0)');
    expect(ferretdbProcessesOn(path.join(dataRoot, 'empty-password'))).toEqual([]);
  });

  it('should reject a port that is not a number', async () => {
    const error = await serve(path.join(dataRoot, 'bad'), ['--port', 'abc']).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toContain('0 to 65535');
    const fromEnv = await serve(path.join(dataRoot, 'bad-env'), [], { PORT: '70000' }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(fromEnv?.message).toContain('serve exited 1');
    expect(fromEnv?.message).toContain("from env 'PORT' is invalid");
    expect(fromEnv?.message).toContain('端口必须是 0–65535 的整数');
  });

  it('should refuse an unknown LOG_LEVEL and a host it cannot listen on, in zh and en, before starting the store', async () => {
    // Found: both ended in a bare stack trace (pino's "default level:bogus must be included in
    // custom levels"; getaddrinfo ENOTFOUND from the demo shop, after the store had started).
    const level = await serve(path.join(dataRoot, 'bad-level'), [], { LOG_LEVEL: 'bogus' }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(level?.message).toContain('serve exited 1');
    expect(level?.message).toContain(
      '错误：环境变量 LOG_LEVEL 的值 "bogus" 不能用于选项 --log-level',
    );
    expect(level?.message).toContain('Allowed choices are trace, debug, info, warn, error, fatal');
    expect(level?.message).not.toMatch(/\n\s+at /);
    const data = path.join(dataRoot, 'bad-host');
    const host = await serve(data, [], { HOST: 'no-such-host.invalid' }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(host?.message).toContain('serve exited 1');
    expect(host?.message).toContain('无法在 no-such-host.invalid:0 上监听');
    expect(host?.message).toContain('Cannot listen on no-such-host.invalid:0');
    expect(host?.message).not.toMatch(/\n\s+at /);
    expect(existsSync(data)).toBe(false);
  });

  it('should not let a bad PORT break the other commands', async () => {
    const output = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        [bin, 'validate', path.join(root, 'workflows/refund.json')],
        { cwd: root, env: { ...process.env, PORT: 'abc' } },
        (error, stdout) => (error ? reject(error) : resolve(stdout)),
      ),
    );
    expect(output).toContain('✓');
  });
});
