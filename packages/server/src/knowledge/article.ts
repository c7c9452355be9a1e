import type {
  KnowledgeArticleRecord,
  KnowledgeChannel,
  KnowledgeStatus,
} from '../model/knowledge.model.ts';
import type { ArticleInput } from './article.schema.ts';

/** A knowledge-base article as the API shows it. */
export interface KnowledgeArticle {
  id: string;
  questions: string[];
  synonyms: string[];
  answer: { zh?: string; en?: string };
  tags: string[];
  channels: KnowledgeChannel[];
  validFrom: string | null;
  validUntil: string | null;
  status: KnowledgeStatus;
  revision: number;
  updatedAt: string;
  updatedBy: string;
}

export function articleView(record: KnowledgeArticleRecord): KnowledgeArticle {
  return {
    id: record._id,
    questions: record.questions,
    synonyms: record.synonyms ?? [],
    answer: record.answer,
    tags: record.tags,
    channels: record.channels,
    validFrom: record.validFrom ? record.validFrom.toISOString() : null,
    validUntil: record.validUntil ? record.validUntil.toISOString() : null,
    status: record.status,
    revision: record.revision,
    updatedAt: record.updatedAt.toISOString(),
    updatedBy: record.updatedBy,
  };
}

/** The article as an import file holds it (what export writes). */
export function articleInputOf(article: KnowledgeArticle): ArticleInput & { id: string } {
  const { id, questions, synonyms, answer, tags, channels, validFrom, validUntil, status } =
    article;
  return { id, questions, synonyms, answer, tags, channels, validFrom, validUntil, status };
}

/** The stored fields an input sets (everything but id, revision and who saved it when). */
export function fieldsOf(input: ArticleInput) {
  return {
    questions: input.questions.map((question) => question.trim()),
    synonyms: (input.synonyms ?? []).map((synonym) => synonym.trim()),
    answer: input.answer,
    tags: input.tags ?? [],
    channels: input.channels ?? [],
    validFrom: input.validFrom ? new Date(input.validFrom) : null,
    validUntil: input.validUntil ? new Date(input.validUntil) : null,
    status: input.status ?? 'published',
  };
}

/**
 * A first revision of an article as the store would hold it, for building an index without a
 * store (benchmarks, tests).
 */
export function firstRevision(
  input: ArticleInput & { id: string },
  updatedBy: string,
  updatedAt = new Date(0),
): KnowledgeArticleRecord {
  return { _id: input.id, ...fieldsOf(input), revision: 1, deleted: false, updatedAt, updatedBy };
}
