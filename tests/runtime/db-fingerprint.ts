import { createHash } from 'node:crypto';
import type { Connection } from 'mongoose';

/** Collections whose content no rejected request may change. */
const WATCHED = [
  'workflows',
  'workflowVersions',
  'workflowEdits',
  'events',
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
