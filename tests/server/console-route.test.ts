import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@xiaoer/server';

/** The console's pages served beside the API (the store is not reached by these routes). */
let dir: string;
const servers: Server[] = [];
const probe = { kind: 'external' as const, ping: async () => true };

async function serve(consoleDirectory: string): Promise<string> {
  const server = createServer(createApp({ store: probe, consoleDirectory }));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-console-'));
});
afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('the console route', () => {
  it('should say how to build the console when it is not built, in both languages', async () => {
    const url = await serve(join(dir, 'missing'));
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(503);
    const text = await page.text();
    expect(text).toContain('npm run build:ui');
    expect(text).toContain('控制台尚未构建');
  });

  it('should serve the page for any GET outside /api, and leave /api to the API', async () => {
    await writeFile(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    const url = await serve(dir);
    for (const path of ['/', '/workflows/x'])
      expect(await (await fetch(`${url}${path}`)).text()).toContain('id="root"');
    const api = await fetch(`${url}/api/nope`);
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('not-found');
  });

  it('should let browsers keep the content-named build files for good, and not the page', async () => {
    await mkdir(join(dir, 'assets'), { recursive: true });
    await writeFile(join(dir, 'assets', 'index-AbC123.js'), 'console.log(1)');
    const url = await serve(dir);
    const script = await fetch(`${url}/assets/index-AbC123.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const page = await fetch(`${url}/`);
    expect(page.headers.get('cache-control') ?? '').not.toContain('immutable');
    // A file of an older build is gone: a 404, not the page in its place.
    expect((await fetch(`${url}/assets/gone.js`)).status).toBe(404);
  });
});
