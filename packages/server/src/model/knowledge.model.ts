import { randomUUID } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';

/** Where an answer may be sent; an article with no channels answers on all of them. */
export const KNOWLEDGE_CHANNELS = ['chat', 'sms', 'email'] as const;
export type KnowledgeChannel = (typeof KNOWLEDGE_CHANNELS)[number];
export type KnowledgeStatus = 'draft' | 'published';

/** One knowledge-base article: the ways customers ask, and the answer in zh and/or en. */
export interface KnowledgeArticleRecord {
  /** A slug given by the author, or a generated id. */
  _id: string;
  questions: string[];
  /** Words customers use for the subject, matched like extra phrasings (absent on old records). */
  synonyms?: string[];
  /** Markdown (no raw HTML); may hold template variables such as `{{order.trackingUrl}}`. */
  answer: { zh?: string; en?: string };
  tags: string[];
  channels: KnowledgeChannel[];
  validFrom: Date | null;
  validUntil: Date | null;
  /** Only published articles answer customers; a draft (e.g. proposed by an agent) waits. */
  status: KnowledgeStatus;
  /** Bumped by every saved change; a save names the revision it started from. */
  revision: number;
  /** Deleted articles stay as tombstones so other processes learn of the deletion. */
  deleted: boolean;
  updatedAt: Date;
  updatedBy: string;
}

/**
 * One saved change to an article. `_id` is the time in ms (13 digits), a dash and a random
 * part, so "what changed since t" is a range on `_id`, the one index FerretDB always has.
 */
export interface KnowledgeChangeRecord {
  _id: string;
  articleId: string;
}

/** The change id for an article saved at `ms`. */
export const changeKey = (ms: number): string => `${String(ms).padStart(13, '0')}-${randomUUID()}`;

/** A question the knowledge base could not answer, or answered with low confidence. */
export interface UnansweredQuestionRecord {
  _id: string;
  text: string;
  language: string | null;
  channel: string | null;
  /** The best match's score in [0, 1], 0 when nothing matched. */
  score: number;
  at: Date;
  conversationId: string | null;
  /** Set once the question was turned into an article. */
  promotedTo: string | null;
}

const options = { versionKey: false, minimize: false } as const;

export function knowledgeModels(connection: Connection): {
  KnowledgeArticles: Model<KnowledgeArticleRecord>;
  UnansweredQuestions: Model<UnansweredQuestionRecord>;
  KnowledgeChanges: Model<KnowledgeChangeRecord>;
  KnowledgeRevisions: Model<{ _id: string }>;
} {
  const articles = new Schema(
    {
      _id: String,
      questions: { type: [String], required: true },
      synonyms: { type: [String], default: [] },
      answer: { type: Schema.Types.Mixed, required: true },
      tags: { type: [String], default: [] },
      channels: { type: [String], default: [] },
      validFrom: { type: Date, default: null },
      validUntil: { type: Date, default: null },
      status: { type: String, required: true },
      revision: { type: Number, required: true },
      deleted: { type: Boolean, default: false },
      updatedAt: { type: Date, required: true },
      updatedBy: { type: String, required: true },
    },
    { ...options, collection: 'knowledgeArticles' },
  );
  const unanswered = new Schema(
    {
      _id: { type: String, default: () => randomUUID() },
      text: { type: String, required: true },
      language: { type: String, default: null },
      channel: { type: String, default: null },
      score: { type: Number, required: true },
      at: { type: Date, required: true },
      conversationId: { type: String, default: null },
      promotedTo: { type: String, default: null },
    },
    { ...options, collection: 'unansweredQuestions' },
  );
  return {
    KnowledgeArticles: connection.model(
      'KnowledgeArticle',
      articles,
    ) as unknown as Model<KnowledgeArticleRecord>,
    UnansweredQuestions: connection.model(
      'UnansweredQuestion',
      unanswered,
    ) as unknown as Model<UnansweredQuestionRecord>,
    KnowledgeChanges: connection.model(
      'KnowledgeChange',
      new Schema(
        { _id: String, articleId: { type: String, required: true } },
        { ...options, collection: 'knowledgeChanges' },
      ),
    ) as unknown as Model<KnowledgeChangeRecord>,
    // `articleId#revision`: inserting it claims the revision (FerretDB 1.x conditional updates
    // are not atomic, unique `_id` inserts are), so of two concurrent saves one gets a 409.
    KnowledgeRevisions: connection.model(
      'KnowledgeRevision',
      new Schema({ _id: String }, { ...options, collection: 'knowledgeRevisions' }),
    ) as unknown as Model<{ _id: string }>,
  };
}
