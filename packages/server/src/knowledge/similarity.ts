/** Term weights of a text: each distinct term once, weighted by how rare it is. */
export type TermVector = Map<string, number>;

/** Inverse document frequency: rare terms count more; unseen terms count like rare ones, halved. */
export function idf(documentCount: number, documentFrequency: number): number {
  const df = documentFrequency > 0 ? documentFrequency : 2;
  return Math.log(1 + documentCount / df) * (documentFrequency > 0 ? 1 : 0.5);
}

export function vectorOf(terms: Iterable<string>, weight: (term: string) => number): TermVector {
  const vector: TermVector = new Map();
  for (const term of terms) if (!vector.has(term)) vector.set(term, weight(term));
  return vector;
}

export function norm(vector: TermVector): number {
  let sum = 0;
  for (const w of vector.values()) sum += w * w;
  return Math.sqrt(sum);
}

/**
 * Cosine similarity in [0, 1]. `near` pairs a term of `a` that `b` lacks with a similar term of
 * `b` and how similar it is (typos, prefixes), so "shiping" still counts towards "shipping".
 */
export function cosine(
  a: TermVector,
  b: TermVector,
  near: (term: string) => { term: string; similarity: number } | undefined = () => undefined,
): number {
  const denominator = norm(a) * norm(b);
  if (denominator === 0) return 0;
  let dot = 0;
  for (const [term, weight] of a) {
    const exact = b.get(term);
    if (exact !== undefined) {
      dot += weight * exact;
      continue;
    }
    const close = near(term);
    const other = close && b.get(close.term);
    if (close && other !== undefined) dot += close.similarity * weight * other;
  }
  return Math.min(1, dot / denominator);
}

/** Levenshtein distance, for scoring fuzzy matches. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length] ?? 0;
}
