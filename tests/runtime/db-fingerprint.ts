import { createHash } from 'node:crypto';
import type { Connection } from 'mongoose';
import { expect, vi } from 'vitest';
import type { Harness } from '@xiaoer/server/testing';

/** Collections whose content no rejected request may change. */
const WATCHED = [
  'workflows',
  'workflowVersions',
  'workflowEdits',
  'events',
  'eventOutcomes',
  'inbox',
  'instances',
  'steps',
  'outbox',
  'effects',
  'timers',
  'timerFires',
  'deadLetters',
  'audit',
  'users',
  'apiKeys',
  'sessions',
];

/** A hash of every document of the watched collections: equal before and after = unchanged. */
export async function dbFingerprint(connection: Connection): Promise<string> {
  const hash = createHash('sha256');
  for (const name of WATCHED) {
    const documents = await connection.collection(name).find({}).sort({ _id: 1 }).toArray();
    hash.update(`${name}:${JSON.stringify(documents)}\n`);
  }
  return hash.digest('hex');
}

/**
 * Agenda jobs running, or due within a second (an effect being delivered, a retry about to
 * run): work that will still change the store.
 */
async function jobsAtWork(connection: Connection): Promise<number> {
  return connection.collection('jobs').countDocuments({
    $or: [{ lockedAt: { $ne: null } }, { nextRunAt: { $lte: new Date(Date.now() + 1000) } }],
  });
}

/**
 * Waits until the server has nothing left to write: queues idle, the desk's bookkeeping and
 * analytics facts written (and rolled up), no job running or due.
 */
async function quiet(h: Harness): Promise<void> {
  await vi.waitFor(
    async () => {
      await h.xiaoer.intake.idle();
      // Also writes the instances the runtime holds back (written behind their steps).
      await h.xiaoer.runtime.idle();
      await h.xiaoer.routing.idle();
      await h.xiaoer.quality.idle();
      // The desk's bookkeeping (answered inbox entries, unanswered questions) waits 200 ms to
      // share a write: written now.
      await h.xiaoer.desk.store.idle();
      await h.xiaoer.knowledge.unanswered.settled();
      // Writes the analytics facts held back for a quarter second, and rolls them up.
      await h.xiaoer.analytics.rollup();
      expect(await jobsAtWork(h.connection), 'Agenda jobs running or due').toBe(0);
    },
    { timeout: 15_000, interval: 50 },
  );
}

/**
 * The fingerprint once background work (effect bookkeeping after a journey moved on, instances
 * written behind their steps) has finished: the server is quiet (its queues idle, no job
 * running or due) and two readings, with the server quiet between them, agree. Waits for those
 * conditions, never for a fixed time.
 */
export async function settledFingerprint(
  h: Harness,
  fingerprint: (connection: Connection) => Promise<string> = dbFingerprint,
): Promise<string> {
  await quiet(h);
  let previous = await fingerprint(h.connection);
  for (let i = 0; i < 50; i++) {
    await quiet(h);
    const current = await fingerprint(h.connection);
    if (current === previous) return current;
    previous = current;
  }
  throw new Error('the database kept changing over 50 readings');
}
