import { tokenize } from './tokenize.ts';
import { cosine, type TermVector } from './similarity.ts';

/** A question to be grouped. */
export interface ClusterItem {
  id: string;
  text: string;
}

/** Questions that say much the same; `key` is the id of the first (the group's leader). */
export interface Cluster<T extends ClusterItem> {
  key: string;
  members: T[];
}

/**
 * Greedy single-pass clustering: each question joins the first group whose leader it resembles
 * (cosine ≥ `threshold`), else starts a group; O(n · groups). `vectorOf` weighs the terms — the
 * knowledge index's rarity weights, so words common in customers' questions ("什么时候",
 * "how long") do not glue groups together, while words the articles lack count fully.
 */
export function clusterQuestions<T extends ClusterItem>(
  items: T[],
  vectorOf: (terms: string[]) => TermVector,
  threshold = 0.5,
): Cluster<T>[] {
  const clusters: (Cluster<T> & { leader: TermVector })[] = [];
  items.forEach((item) => {
    const vector = vectorOf(tokenize(item.text));
    if (vector.size === 0) return;
    const home = clusters.find((cluster) => cosine(vector, cluster.leader) >= threshold);
    if (home) home.members.push(item);
    else clusters.push({ key: item.id, members: [item], leader: vector });
  });
  return clusters.map(({ key, members }) => ({ key, members }));
}
