import { randomUUID } from 'node:crypto';
import type { KnowledgeModels } from '../model/models.ts';
import { isDuplicateKey } from '../model/models.ts';
import { changeKey, type KnowledgeArticleRecord } from '../model/knowledge.model.ts';
import { articleProblems, type ArticleInput } from './article.schema.ts';
import { schemaProblem } from '../json-schema-check.ts';
import { articleView, fieldsOf, type KnowledgeArticle } from './article.ts';
import {
  articleConflict,
  articleExists,
  articleNotFound,
  invalidArticle,
} from './knowledge-errors.ts';

/** What the article list may be narrowed to. */
export interface ArticleQuery {
  /** Text in a question or an answer (case-insensitive). */
  q?: string;
  tag?: string;
  status?: 'draft' | 'published';
  /** From 1; 50 articles a page. */
  page?: number;
}

export const PAGE_SIZE = 50;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Articles in the store. Every save bumps the revision (claimed by a unique insert) and logs a
 * change record, which is how other processes learn what to re-index; a deletion leaves a
 * tombstone for the same reason.
 */
export class ArticleStore {
  constructor(
    private readonly models: KnowledgeModels,
    /** Told of every saved article, so this process's index is fresh at once. */
    private readonly saved: (article: KnowledgeArticleRecord) => void,
  ) {}

  async get(id: string): Promise<KnowledgeArticle | undefined> {
    const record = await this.record(id);
    return record ? articleView(record) : undefined;
  }

  async list(query: ArticleQuery = {}): Promise<{ articles: KnowledgeArticle[]; total: number }> {
    const filter: Record<string, unknown> = { deleted: { $ne: true } };
    if (query.tag) filter['tags'] = query.tag;
    if (query.status) filter['status'] = query.status;
    if (query.q) {
      const pattern = { $regex: escapeRegExp(query.q), $options: 'i' };
      filter['$or'] = [{ questions: pattern }, { 'answer.zh': pattern }, { 'answer.en': pattern }];
    }
    const page = Math.max(1, query.page ?? 1);
    const [records, total] = await Promise.all([
      this.models.KnowledgeArticles.find(filter)
        .sort({ _id: 1 })
        .skip((page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
        .lean<KnowledgeArticleRecord[]>(),
      this.models.KnowledgeArticles.countDocuments(filter),
    ]);
    return { articles: records.map(articleView), total };
  }

  /** True before the first article was ever saved (deleted ones count). */
  async isEmpty(): Promise<boolean> {
    return (await this.models.KnowledgeArticles.findOne({}, { _id: 1 }).lean()) === null;
  }

  /** Every article that is not deleted, oldest id first. */
  async all(): Promise<KnowledgeArticle[]> {
    const records = await this.models.KnowledgeArticles.find({ deleted: { $ne: true } })
      .sort({ _id: 1 })
      .lean<KnowledgeArticleRecord[]>();
    return records.map(articleView);
  }

  async create(input: ArticleInput, actor: string): Promise<KnowledgeArticle> {
    check(input);
    const id = input.id ?? `kb-${randomUUID().slice(0, 8)}`;
    const existing =
      await this.models.KnowledgeArticles.findById(id).lean<KnowledgeArticleRecord>();
    if (existing && !existing.deleted) throw articleExists(id);
    const record = {
      _id: id,
      ...fieldsOf(input),
      deleted: false,
      updatedAt: new Date(),
      updatedBy: actor,
    };
    // Over a deleted article the revision claim decides: of two creates at once, one wins.
    if (existing)
      return this.write({ ...record, revision: existing.revision + 1 }, existing.revision, () =>
        articleExists(id),
      );
    try {
      await this.models.KnowledgeArticles.collection.insertOne({ ...record, revision: 1 } as never);
    } catch (error) {
      if (isDuplicateKey(error)) throw articleExists(id);
      throw error;
    }
    return this.logged({ ...record, revision: 1 });
  }

  /** Saves `input` over the article at `revision`; 409 when someone saved it meanwhile. */
  async update(
    id: string,
    input: ArticleInput,
    revision: number,
    actor: string,
  ): Promise<KnowledgeArticle> {
    check(input);
    if (input.id !== undefined && input.id !== id)
      throw invalidArticle([schemaProblem('/id', { zh: `须为 "${id}"`, en: `must be "${id}"` })]);
    const current = await this.record(id);
    if (!current) throw articleNotFound(id);
    if (current.revision !== revision) throw articleConflict(id, revision, current.revision);
    const fields = fieldsOf(input);
    return this.write(
      {
        _id: id,
        ...fields,
        deleted: false,
        revision: revision + 1,
        updatedAt: new Date(),
        updatedBy: actor,
      },
      revision,
    );
  }

  async remove(id: string, actor: string): Promise<KnowledgeArticle> {
    const current = await this.record(id);
    if (!current) throw articleNotFound(id);
    const revision = current.revision + 1;
    await this.write(
      { ...current, deleted: true, revision, updatedAt: new Date(), updatedBy: actor },
      current.revision,
    );
    return articleView(current);
  }

  private async record(id: string): Promise<KnowledgeArticleRecord | undefined> {
    const record = await this.models.KnowledgeArticles.findById(id).lean<KnowledgeArticleRecord>();
    return record && !record.deleted ? record : undefined;
  }

  /**
   * Claims `record.revision`, then replaces the stored article with it; `lost` is the error
   * when someone else claimed that revision first.
   */
  private async write(
    record: KnowledgeArticleRecord,
    from: number,
    lost = () => articleConflict(record._id, from, from + 1),
  ): Promise<KnowledgeArticle> {
    try {
      await this.models.KnowledgeRevisions.collection.insertOne({
        _id: `${record._id}#${record.revision}`,
      } as never);
    } catch (error) {
      if (isDuplicateKey(error)) throw lost();
      throw error;
    }
    await this.models.KnowledgeArticles.collection.replaceOne(
      { _id: record._id } as never,
      record as never,
      {
        upsert: true,
      },
    );
    return this.logged(record);
  }

  private async logged(record: KnowledgeArticleRecord): Promise<KnowledgeArticle> {
    await this.models.KnowledgeChanges.collection.insertOne({
      _id: changeKey(record.updatedAt.getTime()),
      articleId: record._id,
    } as never);
    this.saved(record);
    return articleView(record);
  }
}

function check(input: ArticleInput): void {
  const problems = articleProblems(input);
  if (problems.length > 0) throw invalidArticle(problems);
}
