import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { KnowledgeBase } from './knowledge-base.ts';

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
 * how many. A store with articles, even deleted ones, is left alone.
 */
export async function seedKnowledge(
  knowledge: KnowledgeBase,
  actor: string,
  directory = SHIPPED_KNOWLEDGE,
): Promise<number> {
  if (!(await knowledge.articles.isEmpty())) return 0;
  const { created } = await knowledge.importArticles(await readSeedArticles(directory), actor);
  return created;
}
