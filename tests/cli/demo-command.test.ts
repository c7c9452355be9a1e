import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WorkflowDocument } from '@xiaoer/engine';
import { ADMIN_PASSWORD, startHarness, type Harness } from '@xiaoer/server/testing';
import { createApp } from '../../packages/server/src/http/app.ts';
import { demoCommand } from '../../packages/server/src/cli/commands/demo.command.ts';
import { candidateUrls } from '../../packages/server/src/cli/commands/demo-server.ts';

/**
 * `xiaoer demo` against a real server that runs the demo shop: it pushes orders, then logs in
 * to count the instances (it used to crash calling the API without a login).
 */
const root = path.resolve(import.meta.dirname, '../..');
let h: Harness;
let server: Server;
let url: string;

beforeAll(async () => {
  h = await startHarness();
  await h.publish(
    JSON.parse(
      await readFile(new URL('../../workflows/order-lifecycle.json', import.meta.url), 'utf8'),
    ) as WorkflowDocument,
  );
  // The harness's server with `GET /api/demo` naming its shop, as `npm start` serves it.
  const app = createApp({
    store: { kind: 'ferretdb-sqlite', ping: async () => 1 },
    xiaoer: h.xiaoer,
    demoShopUrl: h.shopUrl,
    consoleDirectory: false,
  });
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});
afterAll(async () => {
  // Test files share a worker process: leave no exit code behind for the next one.
  process.exitCode = undefined;
  await new Promise((resolve) => server?.close(resolve));
  await h?.close();
});

async function runDemo(...args: string[]): Promise<{ out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  await demoCommand().parseAsync(['--orders', '1', '--interval', '1', ...args], { from: 'user' });
  vi.restoreAllMocks();
  return { out, err };
}

describe('xiaoer demo', () => {
  it('should push an order, log in and count the instances', async () => {
    const { out } = await runDemo('--url', url, '--password', ADMIN_PASSWORD);
    expect(out).toContain(`Xiaoer server: ${url}`);
    expect(out).toContain(`demo shop: ${h.shopUrl}`);
    expect(out).toContain(`${url}/#/instances`);
    expect(out).toMatch(/order-lifecycle instances: [1-9]/);
    expect(process.exitCode).toBeUndefined();
  });

  it('should say how to count the instances when it has no password, instead of crashing', async () => {
    const saved = process.env['XIAOER_ADMIN_PASSWORD'];
    delete process.env['XIAOER_ADMIN_PASSWORD'];
    try {
      const { out } = await runDemo('--url', url);
      expect(out).toContain('set XIAOER_ADMIN_PASSWORD or --password');
      expect(process.exitCode).toBeUndefined();
    } finally {
      if (saved !== undefined) process.env['XIAOER_ADMIN_PASSWORD'] = saved;
    }
  });

  it('should name the addresses it tried and --url when no server answers', async () => {
    // The demo shop itself answers HTTP but is no Xiaoer server with a demo.
    const { err } = await runDemo('--url', h.shopUrl);
    expect(err).toContain(h.shopUrl);
    expect(err).toContain('--url');
    expect(process.exitCode).toBe(1);
  });

  it('should run as `npm run demo`, find the server on PORT, log in and end cleanly (issue 21)', async () => {
    const { XIAOER_URL: _url, XIAOER_TOKEN: _token, ...env } = process.env;
    const port = new URL(url).port;
    const { stdout, stderr } = await promisify(execFile)(
      'npm',
      ['run', '--silent', 'demo', '--', '--orders', '1', '--interval', '1'],
      {
        cwd: root,
        env: { ...env, PORT: port, XIAOER_ADMIN_PASSWORD: ADMIN_PASSWORD },
        timeout: 60_000,
      },
    );
    // No --url: it looked on PORT and found the server there.
    expect(stdout).toContain(`Xiaoer server: ${url}`);
    expect(stdout).toMatch(/→ delivered/);
    // It logged in to count, and got to the end: the instances by node.
    expect(stdout).toMatch(/order-lifecycle instances: [1-9]/);
    expect(stderr).not.toMatch(/Error|not iterable/);
  });

  it('should look on PORT first, then on 3000-3005', () => {
    expect(candidateUrls({ PORT: '4100' })).toEqual([
      'http://127.0.0.1:4100',
      ...[3000, 3001, 3002, 3003, 3004, 3005].map((p) => `http://127.0.0.1:${p}`),
    ]);
    expect(candidateUrls({})[0]).toBe('http://127.0.0.1:3000');
  });
});
