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
