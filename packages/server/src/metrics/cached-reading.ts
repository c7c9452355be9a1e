/**
 * Wraps `read` so that it runs at most once per `maxAgeMs`: callers within that time get the
 * last value, and callers while a read runs share it. A failed read is not kept (the next
 * caller reads again).
 *
 * @example
 * ```ts
 * const counts = cachedReading(() => Inbox.estimatedDocumentCount(), 15_000);
 * await counts(); // reads the store
 * await counts(); // the same number, no query
 * ```
 */
export function cachedReading<T>(
  read: () => Promise<T>,
  maxAgeMs: number,
  now: () => number = Date.now,
): () => Promise<T> {
  let last: { value: T; at: number } | undefined;
  let running: Promise<T> | undefined;
  return () => {
    if (last && now() - last.at < maxAgeMs) return Promise.resolve(last.value);
    running ??= read()
      .then((value) => {
        last = { value, at: now() };
        return value;
      })
      .finally(() => (running = undefined));
    return running;
  };
}
