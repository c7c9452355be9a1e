import type { Model } from 'mongoose';
import { isDuplicateKey } from './models.ts';

/**
 * Writes `record` as the document `_id` `id`, creating it when there is none (a PUT by id: the
 * last write stands). An upsert that raced another upsert of the same new `_id` fails with a
 * duplicate key on FerretDB (MongoDB retries it on the server): the document exists then, and
 * is replaced. Found: of several PUTs of a new skill group at once, one answered 500.
 * `stored` turns the record into what the store keeps (a model's JSON fields, json-fields.ts).
 */
export async function replaceById<T extends { _id: string }>(
  model: Model<T>,
  id: string,
  record: T,
  stored: (record: T) => object = (same) => same,
): Promise<void> {
  const document = stored(record);
  try {
    await model.replaceOne({ _id: id }, document, { upsert: true });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    await model.replaceOne({ _id: id }, document);
  }
}
