/**
 * The knowledge benches' articles: each business intent becomes an article whose questions are
 * its first written utterances (10 per language), so the generated and held-back messages of
 * `workflows/intents` are questions that it answers — or, asked of an index without it,
 * questions on the shop's topics that no article answers.
 */
import { KnowledgeIndex, loadIntentDefinitions } from '../../packages/server/src/internal.ts';
import type { TopicsOf } from '../../packages/server/src/knowledge/knowledge-index.ts';
import { fieldsOf } from '../../packages/server/src/knowledge/article.ts';

const PER_LANGUAGE = 10;

export const definitions = await loadIntentDefinitions();
export const business = definitions.filter(
  (d) => d.group !== 'social' && d.group !== 'outOfScope' && d.intent !== 'unknown',
);

function articleOf(d: (typeof business)[number]) {
  const input = {
    id: d.intent,
    questions: [
      ...d.utterances.zh.slice(0, PER_LANGUAGE),
      ...d.utterances.en.slice(0, PER_LANGUAGE),
    ],
    answer: { zh: d.title.zh, en: d.title.en },
  };
  return {
    _id: d.intent,
    ...fieldsOf(input),
    revision: 1,
    deleted: false,
    updatedAt: new Date(),
    updatedBy: 'bench',
  };
}

/**
 * An index of the business intents' articles, without those in `leaveOut`; with `topics`,
 * ranking by the topics a recognizer reads as well, as the server does (`useTopics`).
 */
export function indexOf(
  leaveOut: ReadonlySet<string> = new Set(),
  options: { refuseSocialTalk?: boolean; liftClearTopic?: boolean; topics?: TopicsOf } = {},
): KnowledgeIndex {
  const built = new KnowledgeIndex(options);
  built.useTopics(options.topics);
  for (const d of business) if (!leaveOut.has(d.intent)) built.put(articleOf(d));
  return built;
}
