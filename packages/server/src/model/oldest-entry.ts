import type { Model } from 'mongoose';

/** Sweeps that may trust {@link mayHoldBefore}, per sweep that reads every entry. */
export const FULL_SWEEP_EVERY = 5;

/**
 * Whether a collection of claims (inbox, outbox) may hold an entry from before `cutoff`, by
 * reading its first document in storage order alone: entries are inserted as they are made, so
 * the first is the oldest (give or take the milliseconds between processes). FerretDB 1.x pushes
 * a limit down only for an empty filter; a filter on the time reads and parses every entry, and
 * with a backlog of thousands a recovery sweep every 2 s cost the store more than the work.
 */
export async function mayHoldBefore<T>(
  model: Model<T>,
  field: string,
  cutoff: Date,
): Promise<boolean> {
  const [first] = await model
    .find({})
    .select({ [field]: 1 })
    .limit(1)
    .lean<Record<string, unknown>[]>();
  if (!first) return false;
  const at = first[field];
  // An entry without the field (written by an older version) is looked at by the full read.
  return !(at instanceof Date) || at.getTime() < cutoff.getTime();
}

/** Up to how many entries {@link oldestTime} reads them all; past it, the first alone. */
export const OLDEST_READ_UP_TO = 1_000;

/**
 * The oldest `field` of a collection of claims holding `count` entries (its estimated count,
 * read beside): every entry's field while they are at most {@link OLDEST_READ_UP_TO} (the
 * inbox and outbox are small by design), else the first in storage order, which is the oldest
 * on SQLite and near it on PostgreSQL, so that a backlog of thousands is not read on every
 * scrape. Undefined when the collection is empty or no entry carries the field.
 */
export async function oldestTime<T>(
  model: Model<T>,
  field: string,
  count: number,
): Promise<Date | undefined> {
  if (count === 0) return undefined;
  let query = model.find({}).select({ [field]: 1 });
  if (count > OLDEST_READ_UP_TO) query = query.limit(1);
  let oldest: Date | undefined;
  for (const entry of await query.lean<Record<string, unknown>[]>()) {
    const at = entry[field];
    if (at instanceof Date && (!oldest || at.getTime() < oldest.getTime())) oldest = at;
  }
  return oldest;
}
