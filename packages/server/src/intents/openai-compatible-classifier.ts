import type { LocalizedText } from '@xiaoer/engine';
import { UNKNOWN_INTENT } from './intent-ids.ts';
import type { IntentClassification, IntentRecognizer } from './intent-classification.ts';
import { IntentProviderError } from './intent-provider-error.ts';
import { extractEntities, type EntityPatterns } from './message-entities.ts';
import { messageLanguage } from './message-language.ts';

export interface OpenAiCompatibleConfig {
  /** The API root, e.g. `https://api.openai.com/v1` or a local `http://127.0.0.1:11434/v1`. */
  baseUrl: string;
  model: string;
  /** Sent as `Authorization: Bearer <apiKey>`; left out when empty (local servers). */
  apiKey?: string;
  /**
   * The intents the model may answer, with their titles and descriptions for the prompt;
   * `unknown` among them lets the model say a message is out of scope.
   */
  intents: readonly { intent: string; title: LocalizedText; description?: LocalizedText }[];
  /** Milliseconds before the call is abandoned (default 3000). */
  timeoutMs?: number;
  /** Below this confidence the answer is `unknown` (default 0.5). */
  threshold?: number;
  entityPatterns?: EntityPatterns;
}

function systemPrompt(intents: OpenAiCompatibleConfig['intents']): string {
  const list = intents
    .map(
      ({ intent, title, description }) =>
        `- ${intent}: ${title.en} / ${title.zh}${description ? ` — ${description.en}` : ''}`,
    )
    .join('\n');
  return [
    'You classify one message a customer sent to an online shop (Chinese or English).',
    'Choose the single best intent from this list:',
    list,
    'Answer with JSON only: {"intent": "<one id from the list>", "confidence": <0 to 1>}.',
  ].join('\n');
}

/** The model's JSON, also when wrapped in a ```json fence. */
function parseAnswer(content: string): { intent?: unknown; confidence?: unknown } {
  const json = content.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, '');
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null) throw new Error('not a JSON object');
  return parsed;
}

/**
 * Classifies with any OpenAI-compatible chat-completions endpoint (OpenAI, DeepSeek, Qwen,
 * Ollama, vLLM …). Every failure — timeout, HTTP error, an answer that is not JSON or names
 * an intent outside the list — is an {@link IntentProviderError}; {@link FallbackClassifier}
 * turns those into the local model's answer.
 */
export class OpenAiCompatibleClassifier implements IntentRecognizer {
  private readonly ids: ReadonlySet<string>;

  constructor(private readonly config: OpenAiCompatibleConfig) {
    this.ids = new Set(config.intents.map((definition) => definition.intent));
  }

  async classify(text: string): Promise<IntentClassification> {
    const { baseUrl, model, apiKey, timeoutMs = 3000, threshold = 0.5 } = this.config;
    let response: Response;
    try {
      response = await fetch(`${baseUrl.replace(/\/+$/, '')}/chat/completions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
        },
        body: JSON.stringify({
          model,
          temperature: 0,
          response_format: { type: 'json_object' },
          messages: [
            { role: 'system', content: systemPrompt(this.config.intents) },
            { role: 'user', content: text },
          ],
        }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      const timedOut = (cause as Error).name === 'TimeoutError';
      throw new IntentProviderError(
        timedOut ? 'timeout' : 'unreachable',
        timedOut ? `no answer within ${timeoutMs} ms` : (cause as Error).message,
        { cause },
      );
    }
    const answer = await this.readAnswer(response, timeoutMs);
    const confidence = answer.confidence;
    // Out of scope is an answer, never a candidate, as with the local model.
    const outOfScope = answer.intent === UNKNOWN_INTENT;
    return {
      intent: confidence >= threshold && !outOfScope ? answer.intent : UNKNOWN_INTENT,
      confidence,
      top: outOfScope ? [] : [{ intent: answer.intent, confidence }],
      entities: extractEntities(text, this.config.entityPatterns),
      language: messageLanguage(text),
    };
  }

  private async readAnswer(
    response: Response,
    timeoutMs: number,
  ): Promise<{ intent: string; confidence: number }> {
    if (!response.ok) throw new IntentProviderError('http', `HTTP ${response.status}`);
    let content: unknown;
    try {
      const body = (await response.json()) as { choices?: { message?: { content?: unknown } }[] };
      content = body.choices?.[0]?.message?.content;
    } catch (cause) {
      const timedOut = (cause as Error).name === 'TimeoutError';
      throw new IntentProviderError(
        timedOut ? 'timeout' : 'invalid-answer',
        timedOut ? `no answer within ${timeoutMs} ms` : 'the body is not JSON',
        { cause },
      );
    }
    if (typeof content !== 'string') {
      throw new IntentProviderError('invalid-answer', 'no choices[0].message.content');
    }
    let parsed: { intent?: unknown; confidence?: unknown };
    try {
      parsed = parseAnswer(content);
    } catch (cause) {
      throw new IntentProviderError('invalid-answer', `not JSON: ${content.slice(0, 80)}`, {
        cause,
      });
    }
    const { intent, confidence } = parsed;
    if (typeof intent !== 'string' || !this.ids.has(intent)) {
      throw new IntentProviderError('invalid-answer', `unknown intent ${JSON.stringify(intent)}`);
    }
    if (typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1)) {
      throw new IntentProviderError('invalid-answer', 'confidence is not a number from 0 to 1');
    }
    return { intent, confidence };
  }
}
