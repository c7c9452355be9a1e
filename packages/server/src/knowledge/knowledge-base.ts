import { renderTemplate, type TemplateFormat } from '@xiaoer/engine';
import type { KnowledgeModels } from '../model/models.ts';
import { ArticleStore, type ArticleQuery } from './article-store.ts';
import { articleInputOf, articleView, type KnowledgeArticle } from './article.ts';
import { articleProblems, type ArticleInput } from './article.schema.ts';
import {
  importPlace,
  invalidArticle,
  invalidImport,
  type ImportProblem,
} from './knowledge-errors.ts';
import { schemaProblem } from '../json-schema-check.ts';
import { KnowledgeFreshness } from './knowledge-freshness.ts';
import {
  KnowledgeIndex,
  type NearDuplicate,
  type SearchFilter,
  type TopicsOf,
} from './knowledge-index.ts';
import {
  bandOf,
  DEFAULT_SUGGEST_FLOORS,
  DEFAULT_THRESHOLDS,
  questionLanguage,
  scoreFor,
  type AnswerBand,
  type AnswerLanguage,
  type LanguageScores,
} from './answer-bands.ts';
import {
  UnansweredQuestions,
  type FrequentOptions,
  type UnansweredGroup,
} from './unanswered-questions.ts';

export interface KnowledgeOptions {
  /** Lowest score that answers a customer, one or per language; default {@link DEFAULT_THRESHOLDS}. */
  threshold?: LanguageScores;
  /**
   * Lowest score offered as a "did you mean" suggestion (the top three), one or per language;
   * default {@link DEFAULT_SUGGEST_FLOORS}.
   */
  suggestFloor?: LanguageScores;
  /** Answers scoring below this are also recorded as unanswered (low confidence); default 0.65. */
  confidentScore?: number;
  /** How often at most the store is asked whether articles changed; default 1000 ms. */
  refreshEveryMs?: number;
}

/** A match as search returns it. */
export interface KnowledgeSearchMatch {
  article: KnowledgeArticle;
  /** In [0, 1]: how close the question is to the article's closest phrasing. */
  score: number;
  question: string;
}

/** What the knowledge base makes of a question: its matches and how sure it is of the best. */
export interface KnowledgeLookup {
  band: AnswerBand;
  /** The best matches (at most three), best first. */
  matches: KnowledgeSearchMatch[];
  /** The threshold and floor that applied (the question's language). */
  threshold: number;
  suggestFloor: number;
  language: AnswerLanguage;
}

/** The answer to a customer's question. */
export interface KnowledgeAnswer extends KnowledgeSearchMatch {
  language: 'zh' | 'en';
  /** The answer's Markdown, template variables not yet filled in. */
  text: string;
}

/** How a group of unanswered questions becomes an article. */
export interface PromoteRequest {
  /** A group's key from {@link KnowledgeBase.frequentUnanswered}… */
  groupKey?: string;
  /** …or the ids of the unanswered questions to use. */
  questionIds?: string[];
  answer: { zh?: string; en?: string };
  id?: string;
  tags?: string[];
  channels?: ArticleInput['channels'];
  /** Default `draft`: someone reviews it before it answers customers. */
  status?: 'draft' | 'published';
}

export const KNOWLEDGE_DEFAULTS = {
  threshold: DEFAULT_THRESHOLDS,
  suggestFloor: DEFAULT_SUGGEST_FLOORS,
  confidentScore: 0.65,
  refreshEveryMs: 1000,
};

/**
 * The knowledge base: articles in the store, an in-memory index per process that follows every
 * process's edits within `refreshEveryMs`, and the questions it could not answer.
 *
 * @example
 * const found = await knowledge.answer('多久能发货', { channel: 'chat', language: 'zh' });
 * if (found) send(renderAnswer(found.text, { order }));
 */
export class KnowledgeBase {
  readonly articles: ArticleStore;
  readonly unanswered: UnansweredQuestions;
  private readonly index = new KnowledgeIndex();
  private readonly freshness: KnowledgeFreshness;
  /** The lowest score that answers a customer, one or per language. */
  readonly thresholds: LanguageScores;
  readonly suggestFloors: LanguageScores;
  private readonly confidentScore: number;

  /** `onError`: told when recording an unanswered question failed (the answer went on). */
  constructor(
    models: KnowledgeModels,
    options: KnowledgeOptions = {},
    onError: (error: unknown) => void = () => undefined,
  ) {
    this.thresholds = options.threshold ?? KNOWLEDGE_DEFAULTS.threshold;
    this.suggestFloors = options.suggestFloor ?? KNOWLEDGE_DEFAULTS.suggestFloor;
    this.confidentScore = options.confidentScore ?? KNOWLEDGE_DEFAULTS.confidentScore;
    this.articles = new ArticleStore(models, (record) => this.index.put(record));
    this.unanswered = new UnansweredQuestions(
      models,
      (terms) => this.index.vector(terms, 'rare'),
      onError,
    );
    this.freshness = new KnowledgeFreshness(
      models,
      this.index,
      options.refreshEveryMs ?? KNOWLEDGE_DEFAULTS.refreshEveryMs,
    );
  }

  /** Ranks articles by the topics a recognizer reads too ({@link KnowledgeIndex.useTopics}). */
  useTopics(topicsOf: TopicsOf | undefined): void {
    this.index.useTopics(topicsOf);
  }

  /** Published, currently valid articles matching a question, best first. */
  async search(question: string, filter: SearchFilter = {}): Promise<KnowledgeSearchMatch[]> {
    await this.freshness.ensure();
    return this.index
      .find(question, filter)
      .map((match) => ({ ...match, article: articleView(match.article) }));
  }

  /** The answer threshold of a language. */
  threshold(language: AnswerLanguage): number {
    return scoreFor(this.thresholds, language);
  }

  /**
   * The top three matches and the band the best falls in: answer it, offer the three as "did
   * you mean", or not understood. Records nothing (see {@link answer} for the customer path).
   */
  async lookup(
    question: string,
    filter: Omit<SearchFilter, 'limit'> = {},
  ): Promise<KnowledgeLookup> {
    const language = questionLanguage(question, filter.language);
    const matches = await this.search(question, { ...filter, limit: 3 });
    const threshold = this.threshold(language);
    const suggestFloor = Math.min(scoreFor(this.suggestFloors, language), threshold);
    const band = bandOf(matches[0]?.score ?? 0, threshold, suggestFloor);
    return { band, matches, threshold, suggestFloor, language };
  }

  /**
   * The best article if it scores at least the threshold; otherwise undefined, and the question
   * is recorded as unanswered (so is an answer below the confident score).
   */
  async answer(
    question: string,
    options: Omit<SearchFilter, 'limit'> & { conversationId?: string } = {},
  ): Promise<KnowledgeAnswer | undefined> {
    const { conversationId, ...filter } = options;
    const [best] = await this.search(question, { ...filter, limit: 1 });
    const score = best?.score ?? 0;
    if (score < this.confidentScore)
      this.unanswered.note({
        text: question,
        score,
        ...(filter.language ? { language: filter.language } : {}),
        ...(filter.channel ? { channel: filter.channel } : {}),
        ...(conversationId ? { conversationId } : {}),
      });
    if (!best || score < this.threshold(questionLanguage(question, filter.language)))
      return undefined;
    const language = filter.language ?? (best.article.answer.zh ? 'zh' : 'en');
    return { ...best, language, text: best.article.answer[language] ?? '' };
  }

  /**
   * A published article as this process's index holds it (as fresh as the answers it gives:
   * `refreshEveryMs`), without a store read; undefined for a draft, a deleted or unknown one.
   */
  async published(id: string): Promise<KnowledgeArticle | undefined> {
    await this.freshness.ensure();
    const record = this.index.article(id);
    return record ? articleView(record) : undefined;
  }

  /** Published articles that nearly duplicate each other (see {@link KnowledgeIndex.nearDuplicates}). */
  async nearDuplicates(minScore?: number): Promise<NearDuplicate[]> {
    await this.freshness.ensure();
    return this.index.nearDuplicates(minScore);
  }

  /** Reads the store's changes now (the index otherwise checks at most every `refreshEveryMs`). */
  refresh(): Promise<void> {
    return this.freshness.ensure();
  }

  /** Articles (drafts too, not deleted ones), 50 a page, by id. */
  list(query?: ArticleQuery): Promise<{ articles: KnowledgeArticle[]; total: number }> {
    return this.articles.list(query);
  }

  /** Every article as an import file holds it. */
  async exportArticles(): Promise<(ArticleInput & { id: string })[]> {
    return (await this.articles.all()).map(articleInputOf);
  }

  /**
   * Creates or overwrites every article of `inputs` (matched by id). Every row is checked first;
   * one bad row imports nothing. Problems name the row (`row`, 1 for the first article) and,
   * for a file, the line it starts on (`lines[i]`, the CSV header being line 1).
   */
  async importArticles(
    inputs: unknown[],
    actor: string,
    lines?: number[],
  ): Promise<{ created: number; updated: number }> {
    const at = (i: number) => ({ row: i + 1, ...(lines ? { line: lines[i] ?? 0 } : {}) });
    const problems: ImportProblem[] = inputs.flatMap((input, i) =>
      articleProblems(input, `/${i}`).map((problem) => ({ ...problem, ...at(i) })),
    );
    const ids = new Map<string, number>();
    inputs.forEach((input, i) => {
      const id = (input as ArticleInput | null)?.id;
      if (typeof id !== 'string') return;
      const first = ids.get(id);
      if (first === undefined) ids.set(id, i);
      else {
        const place = importPlace(at(first));
        problems.push({
          ...schemaProblem(`/${i}/id`, {
            zh: `与${place.zh}的 id 重复`,
            en: `same id as ${place.en}`,
          }),
          ...at(i),
        });
      }
    });
    if (problems.length > 0) throw invalidImport(problems);
    let created = 0;
    let updated = 0;
    for (const input of inputs as ArticleInput[]) {
      const current = input.id ? await this.articles.get(input.id) : undefined;
      if (current) {
        await this.articles.update(current.id, input, current.revision, actor);
        updated++;
      } else {
        await this.articles.create(input, actor);
        created++;
      }
    }
    return { created, updated };
  }

  /** Groups of similar unanswered questions, most asked first. */
  async frequentUnanswered(options?: FrequentOptions): Promise<UnansweredGroup[]> {
    await this.freshness.ensure(); // grouping weighs terms as the index does
    return this.unanswered.frequent(options);
  }

  /** Turns a group of unanswered questions into an article (a draft by default) in one step. */
  async promoteGroup(
    request: PromoteRequest,
    actor: string,
  ): Promise<KnowledgeArticle | undefined> {
    const examples = request.groupKey
      ? await this.unanswered.group(request.groupKey)
      : await this.unanswered.byIds(request.questionIds ?? []);
    if (!examples || examples.length === 0) return undefined;
    const questions = [...new Set(examples.map((example) => example.text.trim()))].slice(0, 50);
    const input: ArticleInput = {
      questions,
      answer: request.answer,
      status: request.status ?? 'draft',
      ...(request.id ? { id: request.id } : {}),
      ...(request.tags ? { tags: request.tags } : {}),
      ...(request.channels ? { channels: request.channels } : {}),
    };
    const problems = articleProblems(input);
    if (problems.length > 0) throw invalidArticle(problems);
    const article = await this.articles.create(input, actor);
    await this.unanswered.markPromoted(
      examples.map((example) => example.id),
      article.id,
    );
    return article;
  }
}

/**
 * Fills an answer's variables (`{{order.trackingUrl}}`) from conversation data with the engine's
 * template renderer; `html` escapes the values.
 */
export function renderAnswer(text: string, data: object, format: TemplateFormat = 'text'): string {
  return renderTemplate(text, data, format);
}
