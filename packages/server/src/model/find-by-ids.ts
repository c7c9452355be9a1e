import type { Model, ProjectionType } from 'mongoose';
import pLimit from 'p-limit';

/** Lookups in flight at once: enough to hide round trips, few enough for one SQLite writer. */
const CONCURRENCY = 8;

/**
 * The documents with these `_id`s that exist, in the order of `ids`, as plain objects.
 *
 * One `findById` each rather than `{ _id: { $in: ids } }`: FerretDB 1.x uses its `_id` index
 * only for an equality on `_id` alone, so `$in` reads the whole collection (600 ms at 10,000
 * documents on SQLite, growing with all history), while each lookup stays ~2 ms.
 */
export async function findByIds<T>(
  model: Model<T>,
  ids: readonly string[],
  projection?: ProjectionType<T>,
): Promise<T[]> {
  const limit = pLimit(CONCURRENCY);
  const found = await Promise.all(
    ids.map((id) =>
      limit(() =>
        model
          .findById(id, projection ?? null)
          .lean<T>()
          .exec(),
      ),
    ),
  );
  return found.filter((doc): doc is NonNullable<typeof doc> => doc !== null) as T[];
}
