/**
 * `last.current` when `next` holds the same items in the same order, else `next` (kept as the
 * new last): a derived list that React Flow sees change only when one of its items did.
 */
export function sameListOr<T>(last: { current: T[] }, next: T[]): T[] {
  const same =
    next.length === last.current.length && next.every((item, i) => item === last.current[i]);
  if (!same) last.current = next;
  return last.current;
}
