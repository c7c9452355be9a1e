import { tokenize } from './tokenize.ts';
import { cosine, idf, vectorOf, type TermVector } from './similarity.ts';

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
 * (cosine of rarity-weighted terms ≥ `threshold`), else starts a group. O(n · groups); terms are
 * weighted by their rarity among these questions, so "请问" or "how" do not glue groups together.
 */
export function clusterQuestions<T extends ClusterItem>(items: T[], threshold = 0.5): Cluster<T>[] {
  const terms = items.map((item) => tokenize(item.text));
  const frequency = new Map<string, number>();
  for (const list of terms)
    for (const term of new Set(list)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const weight = (term: string) => idf(items.length, frequency.get(term) ?? 0);
  const clusters: (Cluster<T> & { leader: TermVector })[] = [];
  items.forEach((item, i) => {
    const vector = vectorOf(terms[i] ?? [], weight);
    if (vector.size === 0) return;
    const home = clusters.find((cluster) => cosine(vector, cluster.leader) >= threshold);
    if (home) home.members.push(item);
    else clusters.push({ key: item.id, members: [item], leader: vector });
  });
  return clusters.map(({ key, members }) => ({ key, members }));
}
