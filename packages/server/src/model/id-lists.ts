/**
 * Ids per `{ _id: { $in } }` list. The embedded store narrows lists of up to 1,000 strings or
 * ObjectIDs through its `_id` index (patch level 5, docs/store.md); PostgreSQL's and MongoDB's
 * `_id` index do too. Longer lists are cut into lists of this size.
 */
export const IDS_PER_LIST = 500;

/** `ids` (duplicates dropped) in lists of at most {@link IDS_PER_LIST}. */
export function idLists(ids: readonly string[]): string[][] {
  const wanted = [...new Set(ids)];
  const lists: string[][] = [];
  for (let from = 0; from < wanted.length; from += IDS_PER_LIST)
    lists.push(wanted.slice(from, from + IDS_PER_LIST));
  return lists;
}

/** The filter for these `_id`s: an equality for one (the store's fastest path), else a list. */
export function idFilter(ids: readonly string[]): { _id: string | { $in: string[] } } {
  const wanted = [...new Set(ids)];
  return { _id: wanted.length === 1 ? (wanted[0] as string) : { $in: wanted } };
}
