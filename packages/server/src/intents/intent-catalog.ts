import { isDuplicateKey, type IntentModels } from '../model/models.ts';
import type { CustomIntentRecord, IntentAction } from '../model/intent.model.ts';
import {
  intentExists,
  intentNotFound,
  invalidIntent,
  type IntentProblem,
} from './intent-errors.ts';
import { SHIPPED_INTENT_ACTIONS } from './intent-actions.ts';
import type { IntentClassification, IntentRecognizer } from './intent-classification.ts';
import { IntentClassifier } from './intent-classifier.ts';
import { FallbackClassifier } from './fallback-classifier.ts';
import { loadIntentDefinitions, type IntentDefinition } from './intent-files.ts';
import type { IntentProviderError } from './intent-provider-error.ts';
import { createIntentRecognizer, type IntentRecognitionConfig } from './intent-recognizer.ts';
import { systemClock, type Clock } from '../clock/clock.ts';

/** An operator's intent as the console sends it. */
export interface CustomIntentInput {
  id: string;
  title: CustomIntentRecord['title'];
  description?: CustomIntentRecord['description'];
  examples: CustomIntentRecord['examples'];
  action: IntentAction;
}

/** What an action may point at; the wiring answers from the knowledge base, journeys, routing. */
export interface IntentReferences {
  articleExists(id: string): Promise<boolean>;
  /** Whether a published journey starts on a chat message of this intent. */
  journeyStartsOn(workflowId: string, intent: string): Promise<boolean>;
  /** The published journeys a chat message of this intent starts. */
  journeysStartingOn(intent: string): Promise<string[]>;
  groupExists(id: string): Promise<boolean>;
}

/** Fewest examples an operator's intent needs, over both languages. */
export const MIN_EXAMPLES = 3;
/**
 * An operator gives a handful of examples where a shipped intent has hundreds: each is
 * repeated up to this many training messages per language, so the new intent can win.
 */
const TRAINING_WEIGHT = 40;
/** How often at most a process asks the store whether another one changed the intents. */
const FOLLOW_EVERY_MS = 2000;

/** Which operators' intents, as saved when: equal signatures, the same model. */
const signatureOf = (records: readonly Pick<CustomIntentRecord, '_id' | 'updatedAt'>[]) =>
  records
    .map((record) => `${record._id}@${new Date(record.updatedAt).getTime()}`)
    .sort()
    .join(',');

function asDefinition(record: CustomIntentRecord): IntentDefinition {
  const repeated = (examples: readonly string[]) =>
    examples.length === 0
      ? []
      : Array.from(
          { length: Math.max(TRAINING_WEIGHT - examples.length, 0) },
          (_, i) => examples[i % examples.length] as string,
        );
  return {
    intent: record._id,
    title: record.title,
    ...(record.description ? { description: record.description } : {}),
    group: 'service',
    utterances: record.examples,
    generated: { zh: repeated(record.examples.zh), en: repeated(record.examples.en) },
  };
}

/**
 * The intents the chat recognises: the shipped ones and the operators' own, with what the chat
 * does for each. Saving or deleting an operator's intent retrains the local model before it
 * answers, so the next message is read with it. Another server process on the same store
 * notices the change at its next message (asking at most every two seconds) and retrains.
 */
export class IntentCatalog {
  readonly #models: IntentModels;
  readonly #config: IntentRecognitionConfig;
  readonly #references: IntentReferences;
  readonly #onFallback: ((reason: IntentProviderError) => void) | undefined;
  #custom = new Map<string, CustomIntentRecord>();
  #recognizer: Promise<IntentRecognizer> | undefined;
  readonly #clock: Clock;
  #followedAt = 0;
  #following: Promise<void> | undefined;
  readonly #trained: ((local: IntentClassifier | undefined) => void)[] = [];

  constructor(
    models: IntentModels,
    config: IntentRecognitionConfig,
    references: IntentReferences,
    onFallback?: (reason: IntentProviderError) => void,
    /** When to ask the store again (tests move it instead of waiting two seconds). */
    clock: Clock = systemClock,
  ) {
    this.#models = models;
    this.#config = config;
    this.#references = references;
    this.#onFallback = onFallback;
    this.#clock = clock;
  }

  /**
   * Hears the local model after each training (the first and every retraining), or undefined
   * when the recognizer has none: the knowledge base ranks articles by the topics it reads.
   */
  onTrained(listener: (local: IntentClassifier | undefined) => void): void {
    this.#trained.push(listener);
  }

  /** The recognizer with every intent; trained at the first call and after each change. */
  recognizer(): Promise<IntentRecognizer> {
    if (!this.#recognizer) {
      const training = this.#train();
      // A failed training (the store away) is tried again at the next message.
      training.catch(() => {
        if (this.#recognizer === training) this.#recognizer = undefined;
      });
      this.#recognizer = training;
    }
    return this.#recognizer;
  }

  async classify(text: string): Promise<IntentClassification> {
    await this.#follow();
    return (await this.recognizer()).classify(text);
  }

  /**
   * Retrains when another process saved or deleted an operator's intent since. The store is
   * asked ahead, once the last answer is half as old as allowed, without a message waiting for
   * it; a message waits only when the last answer is older than `FOLLOW_EVERY_MS` (no message
   * came for a while), so none is classified by intents older than that.
   */
  #follow(): Promise<void> {
    if (!this.#recognizer) return this.#following ?? Promise.resolve();
    const age = this.#clock.now() - this.#followedAt;
    if (age < FOLLOW_EVERY_MS / 2) return Promise.resolve();
    if (!this.#following) {
      const askedAt = this.#clock.now();
      this.#following = (async () => {
        const stored = await this.#models.CustomIntents.find({}, { _id: 1, updatedAt: 1 }).lean<
          Pick<CustomIntentRecord, '_id' | 'updatedAt'>[]
        >();
        if (signatureOf(stored) !== signatureOf([...this.#custom.values()])) await this.#retrain();
        this.#followedAt = askedAt;
      })()
        // The store away: the current model answers, and the next message asks again.
        .catch(() => {})
        .finally(() => (this.#following = undefined));
    }
    return age < FOLLOW_EVERY_MS ? Promise.resolve() : this.#following;
  }

  /** What the chat does with an intent: the operator's choice, else the shipped default. */
  actionFor(intent: string): IntentAction | undefined {
    return (
      this.#custom.get(intent)?.action ??
      SHIPPED_INTENT_ACTIONS[intent as keyof typeof SHIPPED_INTENT_ACTIONS]
    );
  }

  /** The published journeys a chat message of this intent starts (they come first). */
  journeysFor(intent: string): Promise<string[]> {
    return this.#references.journeysStartingOn(intent);
  }

  /** The shipped definitions, then the operators' (after the first training). */
  async definitions(): Promise<IntentDefinition[]> {
    await this.recognizer();
    const shipped = await loadIntentDefinitions(this.#config.directory);
    return [...shipped, ...[...this.#custom.values()].map(asDefinition)];
  }

  async listCustom(): Promise<CustomIntentRecord[]> {
    await this.recognizer();
    return [...this.#custom.values()];
  }

  /** Creates (`create`) or replaces an operator's intent, then retrains. */
  async save(
    input: CustomIntentInput,
    actor: string,
    mode: 'create' | 'replace',
  ): Promise<CustomIntentRecord> {
    await this.recognizer();
    const shipped = await loadIntentDefinitions(this.#config.directory);
    const exists = this.#custom.has(input.id);
    if (mode === 'create' && (exists || shipped.some((d) => d.intent === input.id)))
      throw intentExists(input.id);
    if (mode === 'replace' && !exists) throw intentNotFound(input.id);
    await this.#check(input);
    const record: CustomIntentRecord = {
      _id: input.id,
      title: input.title,
      ...(input.description ? { description: input.description } : {}),
      examples: input.examples,
      action: input.action,
      updatedAt: new Date(),
      updatedBy: actor,
    };
    // The store decides, not `#custom` (read before, and maybe before another process's save):
    // a create inserts the `_id`, of two at once one wins; a replace needs the intent there.
    if (mode === 'create') {
      try {
        await this.#models.CustomIntents.collection.insertOne(record as never);
      } catch (error) {
        if (isDuplicateKey(error)) throw intentExists(input.id);
        throw error;
      }
    } else {
      const { matchedCount } = await this.#models.CustomIntents.replaceOne(
        { _id: record._id },
        record,
      );
      if (matchedCount === 0) throw intentNotFound(input.id);
    }
    await this.#retrain();
    return record;
  }

  async remove(id: string): Promise<void> {
    await this.recognizer();
    if (!this.#custom.has(id)) throw intentNotFound(id);
    await this.#models.CustomIntents.deleteOne({ _id: id });
    await this.#retrain();
  }

  async #check(input: CustomIntentInput): Promise<void> {
    const problems: IntentProblem[] = [];
    const all = [...input.examples.zh, ...input.examples.en].map((e) => e.trim().toLowerCase());
    if (all.length < MIN_EXAMPLES)
      problems.push({
        pointer: '/examples',
        zh: `至少需要 ${MIN_EXAMPLES} 条例句（中英文合计）`,
        en: `needs at least ${MIN_EXAMPLES} examples`,
      });
    if (new Set(all).size < all.length)
      problems.push({ pointer: '/examples', zh: '有重复的例句', en: 'has the same example twice' });
    const { action } = input;
    if (action.kind === 'knowledge' && action.articleId) {
      if (!(await this.#references.articleExists(action.articleId)))
        problems.push({
          pointer: '/action/articleId',
          zh: '没有这个知识库条目',
          en: 'names no knowledge article',
        });
    }
    if (action.kind === 'journey') {
      if (!(await this.#references.journeyStartsOn(action.workflowId, input.id)))
        problems.push({
          pointer: '/action/workflowId',
          zh: `没有由意图 "${input.id}" 的聊天消息启动的已发布旅程`,
          en: `names no published journey that starts on a chat message of intent "${input.id}"`,
        });
    }
    if (action.kind === 'handoff' && action.group) {
      if (!(await this.#references.groupExists(action.group)))
        problems.push({
          pointer: '/action/group',
          zh: '没有这个技能组',
          en: 'names no skill group',
        });
    }
    if (problems.length > 0) throw invalidIntent(problems);
  }

  async #retrain(): Promise<void> {
    const next = this.#train();
    // Until the new model is ready, messages wait for it rather than meet the old one.
    this.#recognizer = next;
    await next;
  }

  async #train(): Promise<IntentRecognizer> {
    const records = await this.#models.CustomIntents.find().lean<CustomIntentRecord[]>();
    records.sort((a, b) => a._id.localeCompare(b._id));
    this.#custom = new Map(records.map((record) => [record._id, record]));
    const recognizer = await createIntentRecognizer(
      this.#config,
      this.#onFallback,
      records.map(asDefinition),
    );
    const local = localModelOf(recognizer);
    for (const listener of this.#trained) listener(local);
    return recognizer;
  }
}

/** The local model of a recognizer: itself, or the fallback behind an LLM endpoint. */
function localModelOf(recognizer: IntentRecognizer): IntentClassifier | undefined {
  const local = recognizer instanceof FallbackClassifier ? recognizer.fallback : recognizer;
  return local instanceof IntentClassifier ? local : undefined;
}
