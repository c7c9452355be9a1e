import { readdir, readFile, readlink, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStore, type RunningStore } from '@xiaoer/server/testing';
import { ferretdbPid } from './store-process.ts';

/**
 * Issue 18, the embedded store: reachable only by Xiaoer's user (a unix socket in an
 * owner-only folder, no TCP port), and started again when it dies.
 */
let store: RunningStore;
let connection: Connection;

beforeAll(async () => {
  store = await startTestStore({ own: true });
  connection = await mongoose.createConnection(store.uri).asPromise();
});
afterAll(async () => {
  await connection?.close();
  await store?.stop();
});

/** Inodes of the TCP sockets in LISTEN state on this machine (IPv4 and IPv6). */
async function tcpListenInodes(): Promise<Set<string>> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const lines = (await readFile(table, 'utf8').catch(() => '')).split('\n').slice(1);
    for (const line of lines) {
      const fields = line.trim().split(/\s+/);
      if (fields[3] === '0A' && fields[9]) inodes.add(fields[9]);
    }
  }
  return inodes;
}

/** Inodes of the sockets a process holds open. */
async function socketInodes(pid: number): Promise<string[]> {
  const inodes: string[] = [];
  for (const fd of await readdir(`/proc/${pid}/fd`)) {
    const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode) inodes.push(inode);
  }
  return inodes;
}

describe('the embedded store (issue 18)', () => {
  it('should listen on an owner-only unix socket in the data folder and on no TCP port', async () => {
    const socket = store.socketPath ?? '';
    expect(store.uri.startsWith(`mongodb://${encodeURIComponent(socket)}/`)).toBe(true);
    expect(socket.startsWith(store.location)).toBe(true);
    expect((await stat(socket)).mode & 0o777).toBe(0o600);
    expect((await stat(dirname(socket))).mode & 0o777).toBe(0o700);
    expect((await stat(store.location)).mode & 0o777).toBe(0o700);
    const pid = await ferretdbPid(socket);
    const listening = await tcpListenInodes();
    const held = await socketInodes(pid);
    expect(held.length).toBeGreaterThan(0);
    expect(held.filter((inode) => listening.has(inode))).toEqual([]);
  });

  it('should start the store again when FerretDB dies, and the connection carries on', async () => {
    const orders = connection.collection('orders');
    await orders.insertOne({ _id: 'before-crash' as never });
    const pid = await ferretdbPid(store.socketPath ?? '');
    process.kill(pid, 'SIGKILL');
    await expect
      .poll(
        async () => {
          try {
            await orders.insertOne({ _id: `after-crash-${Date.now()}` as never });
            return true;
          } catch {
            return false;
          }
        },
        { timeout: 30_000, interval: 250 },
      )
      .toBe(true);
    expect(await ferretdbPid(store.socketPath ?? '')).not.toBe(pid);
    expect(await orders.countDocuments({ _id: 'before-crash' as never })).toBe(1);
  });
});
