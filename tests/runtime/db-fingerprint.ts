import { createHash } from 'node:crypto';
import type { Connection } from 'mongoose';

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
 * The fingerprint once background work (effect bookkeeping after a journey moved on) has
 * finished: taken until two readings 300 ms apart agree.
 */
export async function settledFingerprint(
  connection: Connection,
  fingerprint: (connection: Connection) => Promise<string> = dbFingerprint,
): Promise<string> {
  let previous = await fingerprint(connection);
  for (let i = 0; i < 50; i++) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const current = await fingerprint(connection);
    if (current === previous) return current;
    previous = current;
  }
  throw new Error('the database kept changing for 15 s');
}
