import type { Model, ProjectionType } from 'mongoose';
import { idLists } from './id-lists.ts';

/**
 * The documents with these `_id`s that exist, in the order of `ids`, as plain objects: one
 * `find` of an `_id` list per 500 ids. MongoDB and PostgreSQL answer it from the `_id` index;
 * so does the embedded FerretDB on SQLite with Xiaoer's patch (docs/store.md), where the stock
 * build read the whole collection for it (600 ms at 10,000 documents).
 */
export async function findByIds<T>(
  model: Model<T>,
  ids: readonly string[],
  projection?: ProjectionType<T>,
): Promise<T[]> {
  const byId = new Map<string, T>();
  for (const chunk of idLists(ids)) {
    const found = await model
      .find({ _id: { $in: chunk } } as never, projection ?? null)
      .lean<T[]>()
      .exec();
    for (const doc of found) byId.set(String((doc as { _id: unknown })._id), doc);
  }
  return ids.flatMap((id) => {
    const doc = byId.get(id);
    return doc === undefined ? [] : [doc];
  });
}
