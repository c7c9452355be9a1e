import { seededRandom, shuffled } from './seeded-random.ts';

/**
 * A fold number (0 … folds − 1) for each item, each group (same key) spread evenly over the
 * folds after a seeded shuffle: every intent and language is in every fold.
 */
export function stratifiedFolds(keys: readonly string[], folds: number, seed: number): number[] {
  const random = seededRandom(seed);
  const fold = new Array<number>(keys.length).fill(0);
  const groups = new Map<string, number[]>();
  keys.forEach((key, i) => groups.set(key, [...(groups.get(key) ?? []), i]));
  for (const members of groups.values()) {
    shuffled(members, random).forEach((index, position) => (fold[index] = position % folds));
  }
  return fold;
}
