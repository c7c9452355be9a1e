import { tokenize } from './tokenize.ts';
import { cosine, idf, vectorOf as weighed, type TermVector } from './similarity.ts';

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

/** Smoothing of the batch's rarity: a handful of questions should not make their shared words rare. */
const SMOOTHING = 10;

/**
 * Term weights for grouping a batch of questions: the knowledge index's rarity weights, and,
 * for a term the index weighs 0 — no articles yet, a new shop, when grouping matters most —
 * how rare the term is among the questions themselves (smoothed), so that "你好" or "how
 * long" in many questions glue nothing while the words a group shares still count.
 */
export function batchWeights(
  items: readonly ClusterItem[],
  indexVector: (terms: string[]) => TermVector,
): (terms: string[]) => TermVector {
  const frequency = new Map<string, number>();
  for (const item of items)
    for (const term of new Set(tokenize(item.text)))
      frequency.set(term, (frequency.get(term) ?? 0) + 1);
  return (terms) => {
    const index = indexVector(terms);
    return weighed(
      terms,
      (term) => index.get(term) || idf(items.length + SMOOTHING, frequency.get(term) ?? 1),
    );
  };
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
