import { firstRevision } from './article.ts';
import { KnowledgeIndex } from './knowledge-index.ts';

/** For tests: an index of one published article per entry, with these questions. */
export function indexOf(articles: Record<string, string[]>): KnowledgeIndex {
  const index = new KnowledgeIndex();
  for (const [id, questions] of Object.entries(articles))
    index.put(firstRevision({ id, questions, answer: { zh: id, en: id } }, 'test'));
  return index;
}
