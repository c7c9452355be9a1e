import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { KnowledgeBase } from './knowledge-base.ts';
import type { ArticleInput } from './article.schema.ts';
import { DomainError } from '../errors/domain-error.ts';

/** The sample knowledge base that ships with Xiaoer (shipping, returns, payment, invoices…). */
export const SHIPPED_KNOWLEDGE = path.resolve(
  import.meta.dirname,
  '../../../../workflows/knowledge',
);

/** Every article of the `.json` files (each an array of articles) in a folder, unchecked. */
export async function readSeedArticles(directory = SHIPPED_KNOWLEDGE): Promise<unknown[]> {
  const files = (await readdir(directory)).filter((name) => name.endsWith('.json')).sort();
  const articles: unknown[] = [];
  for (const file of files) {
    const content: unknown = JSON.parse(await readFile(path.join(directory, file), 'utf8'));
    articles.push(...(Array.isArray(content) ? content : [content]));
  }
  return articles;
}

/**
 * Imports the sample articles into a knowledge base that never had any (the demo); returns
 * how many. A store with articles, even deleted ones, is left alone. Several processes starting
 * at once on an empty store seed in the same order: one that finds an article created meanwhile
 * is behind another seeding process and leaves the rest to it.
 */
export async function seedKnowledge(
  knowledge: KnowledgeBase,
  actor: string,
  directory = SHIPPED_KNOWLEDGE,
): Promise<number> {
  if (!(await knowledge.articles.isEmpty())) return 0;
  let created = 0;
  for (const article of await readSeedArticles(directory)) {
    try {
      await knowledge.articles.create(article as ArticleInput, actor);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'article-exists') return created;
      throw error;
    }
    created++;
  }
  return created;
}
