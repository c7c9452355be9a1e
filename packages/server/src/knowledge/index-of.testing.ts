import { firstRevision } from './article.ts';
import { KnowledgeIndex } from './knowledge-index.ts';

/** For tests: an index of one published article per entry, with these questions. */
export function indexOf(
  articles: Record<string, string[]>,
  options: ConstructorParameters<typeof KnowledgeIndex>[0] = {},
): KnowledgeIndex {
  const index = new KnowledgeIndex(options);
  for (const [id, questions] of Object.entries(articles))
    index.put(firstRevision({ id, questions, answer: { zh: id, en: id } }, 'test'));
  return index;
}
