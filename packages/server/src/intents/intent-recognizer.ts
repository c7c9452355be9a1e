import { LocalizedError } from '../localized-error.ts';
import { FallbackClassifier } from './fallback-classifier.ts';
import type { IntentRecognizer } from './intent-classification.ts';
import { trainOffThread } from './intent-training.ts';
import type { IntentClassifier } from './intent-classifier.ts';
import {
  intentExamples,
  loadIntentDefinitions,
  SHIPPED_INTENTS,
  type IntentDefinition,
} from './intent-files.ts';
import type { IntentProviderError } from './intent-provider-error.ts';
import { cachedIntentClassifier } from './intent-model-cache.ts';
import { OpenAiCompatibleClassifier } from './openai-compatible-classifier.ts';

/** How intents are recognised: the settings a configuration file carries. */
export interface IntentRecognitionConfig {
  /** The folder of intent files (default: `workflows/intents`). */
  directory?: string;
  /** Below this confidence the answer is `unknown` (default 0.5). */
  threshold?: number;
  /**
   * How many local softmax models (seeds) are trained and averaged with the naive Bayes model
   * (default 3). Each costs training time (about 1.3 s of CPU, done once at `npm install` and
   * kept in the cache) and a little per message; 1 trains fastest when there is no cache, at
   * some accuracy (naive Bayes takes a single pass and stays).
   */
  models?: number;
  /** The shop's order numbers, as a regular expression's source (default: see entities). */
  orderNumberPattern?: string;
  /** An OpenAI-compatible endpoint to ask first; the local model answers when it fails. */
  llm?: { baseUrl: string; model: string; apiKey?: string; timeoutMs?: number };
}

/** The JSON Schema of {@link IntentRecognitionConfig}, for a configuration file's `intents`. */
export const intentRecognitionConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    directory: { type: 'string', minLength: 1 },
    threshold: { type: 'number', minimum: 0, maximum: 1 },
    models: { type: 'integer', minimum: 1, maximum: 9 },
    orderNumberPattern: { type: 'string', minLength: 1 },
    llm: {
      type: 'object',
      required: ['baseUrl', 'model'],
      additionalProperties: false,
      properties: {
        baseUrl: { type: 'string', format: 'uri' },
        model: { type: 'string', minLength: 1 },
        apiKey: { type: 'string' },
        timeoutMs: { type: 'integer', minimum: 1 },
      },
    },
  },
} as const;

function orderNumberPattern(source: string): RegExp {
  try {
    return new RegExp(source, 'g');
  } catch (cause) {
    throw new LocalizedError(
      {
        zh: `订单号格式 ${source} 不是有效的正则表达式`,
        en: `The order number pattern ${source} is not a valid regular expression`,
      },
      { cause },
    );
  }
}

/**
 * Loads the intent files, adds the `extra` definitions (the operators' own intents), trains the
 * local model and, when an endpoint is configured, puts it in front with the local model as
 * fallback (`onFallback` hears each failure).
 */
export async function createIntentRecognizer(
  config: IntentRecognitionConfig = {},
  onFallback?: (reason: IntentProviderError) => void,
  extra: readonly IntentDefinition[] = [],
): Promise<IntentRecognizer> {
  const entityPatterns = config.orderNumberPattern
    ? { orderNumber: orderNumberPattern(config.orderNumberPattern) }
    : {};
  const threshold = config.threshold ?? 0.5;
  const { definitions, local } = await trainedLocally(
    config.directory ?? SHIPPED_INTENTS,
    { threshold, entityPatterns, ...(config.models ? { models: config.models } : {}) },
    extra,
  );
  if (!config.llm) return local;
  const remote = new OpenAiCompatibleClassifier({
    ...config.llm,
    intents: definitions,
    threshold,
    entityPatterns,
  });
  return new FallbackClassifier(remote, local, onFallback);
}

/** The intents that are social talk, not the shop's business (the `social` group). */
export function socialIntentsOf(definitions: readonly IntentDefinition[]): string[] {
  return definitions.filter((d) => d.group === 'social').map((d) => d.intent);
}

/**
 * Training is deterministic, so a process trains once per intent folder and settings: every
 * server started in one process (the tests start dozens) shares the model. Across processes
 * the model trained is kept on disk (`intent-model-cache.ts`).
 */
const trained = new Map<
  string,
  Promise<{ definitions: IntentDefinition[]; local: IntentClassifier }>
>();

function trainedLocally(
  directory: string,
  options: { threshold: number; entityPatterns: { orderNumber?: RegExp }; models?: number },
  extra: readonly IntentDefinition[],
) {
  const key = JSON.stringify([
    directory,
    options.threshold,
    options.entityPatterns.orderNumber?.source ?? null,
    options.models ?? null,
    extra,
  ]);
  let training = trained.get(key);
  if (!training) {
    training = loadIntentDefinitions(directory).then(async (shipped) => {
      const definitions = [...shipped, ...extra];
      return {
        definitions,
        // Trained once for all processes: a start reads the model the last one stored.
        local: await cachedIntentClassifier(
          intentExamples(definitions),
          { ...options, socialIntents: socialIntentsOf(definitions) },
          undefined,
          // In a worker thread: an operator's new intent is learned without stalling the server.
          trainOffThread,
        ),
      };
    });
    // A folder that failed to load is read again next time.
    training.catch(() => trained.delete(key));
    // Operators' intents change: only the shipped set is worth keeping for the process.
    if (extra.length === 0) trained.set(key, training);
  }
  return training;
}
