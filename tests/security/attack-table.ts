import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { Connection } from 'mongoose';
import type { Harness } from '@xiaoer/server/testing';
import { settledFingerprint } from '../runtime/db-fingerprint.ts';

/** Collections that change by themselves (leases, clocks, rollup progress), never by a request. */
const VOLATILE = new Set([
  'jobMarkers',
  'timerLanes',
  'timerSlots',
  'analyticsRollupControl',
  'analyticsRollupProgress',
  'healthProbes',
  'heartbeats',
  // The events page's log: a refused or repeated delivery is noted there on purpose (issue 19),
  // so operators see why nothing happened; it keeps no event data and moves no journey.
  'receivedEvents',
]);

/** A hash of every document of every collection but the volatile ones. */
export async function storeFingerprint(connection: Connection): Promise<string> {
  const hash = createHash('sha256');
  const collections = await connection.db!.listCollections().toArray();
  for (const name of collections.map((c) => c.name).sort()) {
    if (VOLATILE.has(name)) continue;
    const documents = await connection.collection(name).find({}).sort({ _id: 1 }).toArray();
    hash.update(`${name}:${JSON.stringify(documents)}\n`);
  }
  return hash.digest('hex');
}

/** One attack: what is sent, and the refusal it must get. */
export interface Attack {
  name: string;
  send: () => Promise<Response>;
  status: number;
  /** The error code of the refusal. */
  code?: string;
}

/**
 * Sends the attack and checks its refusal: the status, a zh/en error body with the code, and
 * a store exactly as it was before.
 */
export async function expectRefused(h: Harness, attack: Attack): Promise<void> {
  const before = await settledFingerprint(h, storeFingerprint);
  const response = await attack.send();
  const text = await response.text();
  expect(response.status, `${attack.name}: ${text}`).toBe(attack.status);
  if (attack.code) {
    const body = JSON.parse(text) as {
      error: { code: string; message: { zh: string; en: string } };
    };
    expect(body.error.code).toBe(attack.code);
    expect(body.error.message.zh).toBeTruthy();
    expect(body.error.message.en).toBeTruthy();
  }
  expect(await settledFingerprint(h, storeFingerprint), `${attack.name} changed the store`).toBe(
    before,
  );
}
