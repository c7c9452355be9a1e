/**
 * FerretDB 1.x cannot store arrays nested directly in arrays (`[["a"]]`), which JSON Logic
 * conditions, order data and journey snapshots contain. Fields holding arbitrary JSON are
 * therefore stored as JSON text and decoded on read; nothing queries inside them.
 */
export interface JsonFields<T> {
  /** The record (or part of it) with its JSON fields turned into text, ready to write. */
  encode(record: Partial<T>): Record<string, unknown>;
  /** A stored document with its JSON fields parsed back. */
  decode(document: unknown): T;
  decodeAll(documents: unknown[]): T[];
}

export function jsonFields<T>(...fields: (keyof T & string)[]): JsonFields<T> {
  const decode = (document: unknown): T => {
    const result = { ...(document as Record<string, unknown>) };
    for (const field of fields) {
      const value = result[field];
      if (typeof value === 'string') result[field] = JSON.parse(value);
    }
    return result as T;
  };
  return {
    encode(record) {
      const result: Record<string, unknown> = { ...record };
      for (const field of fields)
        if (result[field] !== undefined) result[field] = JSON.stringify(result[field]);
      return result;
    },
    decode,
    decodeAll: (documents) => documents.map(decode),
  };
}
