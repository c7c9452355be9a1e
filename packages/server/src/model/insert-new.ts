import type { Model } from 'mongoose';

/**
 * Inserts documents in one round trip, keeping going past duplicates; returns the indexes of
 * the documents whose `_id` existed already. Any other error is thrown.
 */
export async function insertNew<T>(model: Model<T>, documents: object[]): Promise<Set<number>> {
  const duplicates = new Set<number>();
  if (documents.length === 0) return duplicates;
  try {
    await model.collection.insertMany(documents as never[], { ordered: false });
  } catch (error) {
    const writeErrors = (
      error as { writeErrors?: { index: number; code: number }[] | { index: number; code: number } }
    ).writeErrors;
    const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
    if (list.length === 0 || list.some((e) => e.code !== 11000)) throw error;
    for (const e of list) duplicates.add(e.index);
  }
  return duplicates;
}
