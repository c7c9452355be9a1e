import type { Model } from 'mongoose';
import { deleteByIds } from './delete-by-ids.ts';

const BATCH = 500;

/**
 * Deletes the documents whose `field` is before `cutoff`, a batch of `_id`s at a time (see
 * `deleteByIds`); resolves to how many went. For collections kept a retention period.
 */
export async function deleteOlderThan<T>(
  model: Model<T>,
  field: string,
  cutoff: Date,
): Promise<number> {
  let deleted = 0;
  for (;;) {
    const ids = (
      await model
        .find({ [field]: { $lt: cutoff } } as never)
        .select({ _id: 1 })
        .limit(BATCH)
        .lean<{ _id: string }[]>()
    ).map((d) => d._id);
    deleted += await deleteByIds(model, ids);
    if (ids.length < BATCH) return deleted;
  }
}
