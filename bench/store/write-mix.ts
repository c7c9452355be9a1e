import type { Connection } from 'mongoose';
import type { ResultRow } from '../report.ts';
import { percentile } from '../runtime/measure.ts';

/**
 * Small inserts (4 documents of 0.9 KB, as the inbox's) while large ones (12 of 2.3 KB, as step
 * records) keep the store's one writer busy, two writers of each for `seconds`: how long a small
 * write waits behind the others and the log's checkpoints (docs/store.md, patch level 9).
 */
export async function smallInsertsBesideLarge(
  db: Connection,
  seconds: number,
): Promise<ResultRow[]> {
  const small = db.collection('mixSmall');
  const large = db.collection('mixLarge');
  const smallBody = 'x'.repeat(900);
  const largeBody = 'y'.repeat(2300);
  let smallCount = 0;
  let largeCount = 0;
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  const largeWriter = async () => {
    while (performance.now() < end)
      await large.insertMany(
        Array.from({ length: 12 }, () => ({
          _id: `l${largeCount++}` as never,
          body: largeBody,
          at: new Date(),
          revision: 2,
        })),
      );
  };
  const smallWriter = async () => {
    while (performance.now() < end) {
      const started = performance.now();
      await small.insertMany(
        Array.from({ length: 4 }, () => ({
          _id: `s${smallCount++}` as never,
          body: smallBody,
          receivedAt: new Date(),
        })),
      );
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all([largeWriter(), largeWriter(), smallWriter(), smallWriter()]);
  latencies.sort((a, b) => a - b);
  const ms = (value: number) => value.toFixed(1);
  return [
    {
      measure: 'small inserts beside large ones: p50 / p99 / p99.9',
      value: `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 99))} / ${ms(percentile(latencies, 99.9))} ms`,
      detail: `${latencies.length} inserts of 4 × 0.9 KB beside ${largeCount} documents of 2.3 KB in batches of 12 (${Math.round(largeCount / seconds)}/s), two writers each, ${seconds} s`,
    },
  ];
}

/** Deletes by `_id` lists of 20 (as the inbox's and outbox's), in ms per deleted document. */
export async function deletesByIdLists(db: Connection, count: number): Promise<ResultRow[]> {
  const entries = db.collection('mixDeletes');
  const body = 'x'.repeat(900);
  for (let start = 0; start < count; start += 500)
    await entries.insertMany(
      Array.from({ length: Math.min(500, count - start) }, (_, i) => ({
        _id: `src/event-${start + i}` as never,
        body,
        receivedAt: new Date(),
      })),
    );
  const started = performance.now();
  for (let start = 0; start < count; start += 20)
    await entries.deleteMany({
      _id: {
        $in: Array.from({ length: 20 }, (_, i) => `src/event-${start + i}`) as never[],
      },
    });
  const perDocument = (performance.now() - started) / count;
  return [
    {
      measure: `deleteMany by _id lists of 20, ${count.toLocaleString('en-US')} documents`,
      value: `${perDocument.toFixed(3)} ms each`,
      detail: `${(await entries.countDocuments()) === 0 ? 'all deleted' : 'some left'}; documents of 0.9 KB, deleted without being read first (patch level 8)`,
    },
  ];
}
