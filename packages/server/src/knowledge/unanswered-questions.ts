import { randomUUID } from 'node:crypto';
import type { KnowledgeModels } from '../model/models.ts';
import { GroupCommit } from '../model/group-commit.ts';
import type { UnansweredQuestionRecord } from '../model/knowledge.model.ts';
import { batchWeights, clusterQuestions } from './question-clusters.ts';
import type { TermVector } from './similarity.ts';

/** A question the knowledge base had no confident answer for. */
export interface UnansweredQuestion {
  text: string;
  language?: 'zh' | 'en';
  channel?: string;
  /** The best match's score, 0 when nothing matched. */
  score: number;
  conversationId?: string;
}

/** One question of a group, as the API shows it. */
export interface UnansweredExample {
  id: string;
  text: string;
  score: number;
  at: string;
  channel: string | null;
  language: string | null;
}

/** Similar unanswered questions, most asked first. */
export interface UnansweredGroup {
  /** Names the group for {@link UnansweredQuestions.group} (the id of its first question). */
  key: string;
  count: number;
  lastAskedAt: string;
  examples: UnansweredExample[];
}

export interface FrequentOptions {
  /** Only questions asked since then; default the last 30 days. */
  since?: Date;
  /** At most this many groups; default 20. */
  limit?: number;
}

/** How many recent questions are grouped at most (clustering is O(n · groups)). */
export const MAX_CLUSTERED = 5000;
const EXAMPLES = 5;
/**
 * Milliseconds a noted question waits for others to be written with it (one insert for all).
 * Nobody waits for it: readers here write what lingers first ({@link UnansweredQuestions.settled}).
 */
const NOTE_LINGER_MS = 200;

/** Records questions without a confident answer and groups them into frequent ones. */
export class UnansweredQuestions {
  /** Recordings under way: this process's readers wait for them (see {@link note}). */
  readonly #recording = new Set<Promise<void>>();
  /** Gathers the questions noted within {@link NOTE_LINGER_MS} into one insert. */
  readonly #commits = new GroupCommit();

  constructor(
    private readonly models: KnowledgeModels,
    /** Weighs a question's terms for grouping (the knowledge index's weights). */
    private readonly vectorOf: (terms: string[]) => TermVector,
    /** Told when a recording started by {@link note} failed. */
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /**
   * Records a question without holding up its caller (the customer's answer waits for no
   * analytics write). The questions noted within {@link NOTE_LINGER_MS} are one insert, not
   * one each (nearly every question the bot cannot answer is noted: a store command each was
   * a fifth of what an answer cost the store). Readers in this process write what lingers and
   * wait for recordings still under way, so a question noted here is in every list read here
   * afterwards.
   */
  note(question: UnansweredQuestion): void {
    const recording = this.#commits
      .insert(this.models.UnansweredQuestions, storedQuestion(question), NOTE_LINGER_MS)
      .catch(this.onError)
      .finally(() => this.#recording.delete(recording));
    this.#recording.add(recording);
  }

  /** Resolves once every recording started by {@link note} so far has ended (written now). */
  async settled(): Promise<void> {
    this.#commits.settle();
    await Promise.all(this.#recording);
  }

  /** Groups of similar questions not yet turned into articles, largest first. */
  async frequent(options: FrequentOptions = {}): Promise<UnansweredGroup[]> {
    const groups = await this.groups(options.since);
    return groups.slice(0, options.limit ?? 20).map((members) => ({
      key: members[0]?._id ?? '',
      count: members.length,
      lastAskedAt: (members[0]?.at ?? new Date()).toISOString(),
      examples: members.slice(0, EXAMPLES).map(example),
    }));
  }

  /** Every question of the group `key` (as {@link frequent} named it), newest first. */
  async group(key: string, since?: Date): Promise<UnansweredExample[] | undefined> {
    const found = (await this.groups(since)).find((members) => members[0]?._id === key);
    return found?.map(example);
  }

  /** The questions with these ids that were not promoted yet. */
  async byIds(ids: string[]): Promise<UnansweredExample[]> {
    await this.settled();
    const records = await this.models.UnansweredQuestions.find({
      _id: { $in: ids },
      promotedTo: null,
    }).lean<UnansweredQuestionRecord[]>();
    return records.map(example);
  }

  async markPromoted(ids: string[], articleId: string): Promise<void> {
    await this.models.UnansweredQuestions.updateMany(
      { _id: { $in: ids } },
      { $set: { promotedTo: articleId } },
    );
  }

  private async groups(since = new Date(Date.now() - 30 * 86_400_000)) {
    await this.settled();
    const records = await this.models.UnansweredQuestions.find({
      at: { $gte: since },
      promotedTo: null,
    })
      .sort({ at: -1 })
      .limit(MAX_CLUSTERED)
      .lean<UnansweredQuestionRecord[]>();
    const items = records.map((record) => ({ ...record, id: record._id }));
    const clusters = clusterQuestions(items, batchWeights(items, this.vectorOf));
    return clusters.map((cluster) => cluster.members).sort((a, b) => b.length - a.length);
  }
}

/** A question as the schema stores it (`_id` a new UUID, absent fields null). */
function storedQuestion(
  question: UnansweredQuestion,
): UnansweredQuestionRecord & Record<string, unknown> {
  return {
    _id: randomUUID(),
    text: question.text.slice(0, 500),
    language: question.language ?? null,
    channel: question.channel ?? null,
    score: question.score,
    at: new Date(),
    conversationId: question.conversationId ?? null,
    promotedTo: null,
  };
}

function example(record: UnansweredQuestionRecord): UnansweredExample {
  return {
    id: record._id,
    text: record.text,
    score: record.score,
    at: record.at.toISOString(),
    channel: record.channel,
    language: record.language,
  };
}
