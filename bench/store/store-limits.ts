/**
 * `npm run bench:store` — what the embedded FerretDB does under the access patterns the runtime
 * relies on: whether a conditional update on a revision has exactly one winner among concurrent
 * writers, and how lookups by `_id` compare with lookups by another field as a collection grows.
 * Starts its own FerretDB (SQLite, or PostgreSQL with XIAOER_STORE=postgres) in a temporary folder.
 */
import mongoose, { type Connection } from 'mongoose';
import { startTestStore } from '@xiaoer/server/testing';
import { deletesByIdLists, smallInsertsBesideLarge } from './write-mix.ts';
import type { ResultRow } from '../report.ts';

interface Counter {
  _id: string;
  rev: number;
  by?: number;
}

type ConditionalUpdate = 'findOneAndUpdate' | 'updateOne';

/**
 * Rounds of `writers` concurrent conditional updates `{_id, rev: 0}` → `rev: 1`; how many
 * writers were told they won, each round. Optimistic concurrency needs exactly one.
 */
async function conditionalUpdateWinners(
  db: Connection,
  how: ConditionalUpdate,
  rounds: number,
  writers: number,
): Promise<number[]> {
  const counters = db.collection<Counter>(`bench_${how}`);
  const winners: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const _id = `c${round}`;
    await counters.insertOne({ _id, rev: 0 });
    const won = await Promise.all(
      Array.from({ length: writers }, async (_, by) => {
        const filter = { _id, rev: 0 };
        const update = { $set: { rev: 1, by } };
        if (how === 'updateOne')
          return (await counters.updateOne(filter, update)).modifiedCount === 1;
        return (
          (await counters.findOneAndUpdate(filter, update, { returnDocument: 'after' })) !== null
        );
      }),
    );
    winners.push(won.filter(Boolean).length);
  }
  return winners;
}

/** Rounds of `writers` concurrent inserts of the same `_id`; how many succeeded each round. */
async function uniqueInsertWinners(
  db: Connection,
  rounds: number,
  writers: number,
): Promise<number[]> {
  const claims = db.collection<Counter>('bench_claims');
  const winners: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const results = await Promise.allSettled(
      Array.from({ length: writers }, (_, by) =>
        claims.insertOne({ _id: `k${round}`, rev: 0, by }),
      ),
    );
    winners.push(results.filter((r) => r.status === 'fulfilled').length);
  }
  return winners;
}

async function lookupTimes(db: Connection, size: number, probes: number): Promise<ResultRow[]> {
  const docs = db.collection<{ _id: string; correlation: string; n: number }>(`bench_docs_${size}`);
  const batch = 1000;
  for (let i = 0; i < size; i += batch) {
    await docs.insertMany(
      Array.from({ length: Math.min(batch, size - i) }, (_, j) => ({
        _id: `d${i + j}`,
        correlation: `order-${i + j}`,
        n: i + j,
      })),
    );
  }
  const time = async (lookup: (n: number) => Promise<unknown>): Promise<number> => {
    const started = performance.now();
    for (let p = 0; p < probes; p++) await lookup(Math.floor((p * 7919) % size));
    return (performance.now() - started) / probes;
  };
  const byId = await time((n) => docs.findOne({ _id: `d${n}` }));
  const byField = await time((n) => docs.findOne({ correlation: `order-${n}` }));
  return [
    {
      measure: `findOne by _id, ${size.toLocaleString('en-US')} documents`,
      value: `${byId.toFixed(2)} ms`,
      detail: `${probes} lookups`,
    },
    {
      measure: `findOne by another field, ${size.toLocaleString('en-US')} documents`,
      value: `${byField.toFixed(2)} ms`,
      detail: `${probes} lookups (no index used: a scan)`,
    },
  ];
}

function distribution(winners: number[]): string {
  const counts = new Map<number, number>();
  for (const w of winners) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([w, n]) => `${n}× ${w} winner${w === 1 ? '' : 's'}`)
    .join(', ');
}

export async function benchStoreLimits(quick: boolean): Promise<ResultRow[]> {
  const store = await startTestStore();
  const db = await mongoose.createConnection(store.uri).asPromise();
  try {
    const rounds = quick ? 5 : 20;
    const writers = 50;
    const rows: ResultRow[] = [];
    for (const how of ['findOneAndUpdate', 'updateOne'] as const) {
      const cas = await conditionalUpdateWinners(db, how, rounds, writers);
      rows.push({
        measure: `${how}({_id, rev}) by ${writers} concurrent writers (${store.kind})`,
        value: `${cas.filter((w) => w === 1).length}/${rounds} rounds with one winner`,
        detail: distribution(cas),
      });
    }
    const inserts = await uniqueInsertWinners(db, rounds, writers);
    rows.push({
      measure: `insertOne of one _id by ${writers} concurrent writers (${store.kind})`,
      value: `${inserts.filter((w) => w === 1).length}/${rounds} rounds with one winner`,
      detail: distribution(inserts),
    });
    for (const size of quick ? [1000] : [1000, 10_000]) {
      rows.push(...(await lookupTimes(db, size, quick ? 20 : 100)));
    }
    rows.push(...(await smallInsertsBesideLarge(db, quick ? 2 : 12)));
    rows.push(...(await deletesByIdLists(db, quick ? 2_000 : 20_000)));
    return rows;
  } finally {
    await db.close();
    await store.stop();
  }
}
