import { Router } from 'express';
import type { IntentClassification, IntentRecognizer } from '../intents/intent-classification.ts';
import type { MessageLanguage } from '../intents/message-language.ts';
import type { LocalizedText } from '@xiaoer/engine';
import type { IntentDefinition, IntentGroup } from '../intents/intent-files.ts';
import { UNKNOWN_INTENT } from '../intents/intent-ids.ts';
import { allow } from './authenticate.ts';
import { validateBody } from './validate-body.ts';
import { responds } from './route-metadata.ts';
import { extraResponseSchemas } from './extra.response.ts';

/** How many written examples per language the intent list shows. */
const EXAMPLES = 3;

/** An intent as `GET /api/intents` lists it for operators. */
export interface IntentSummary {
  intent: string;
  group: IntentGroup;
  title: LocalizedText;
  description?: LocalizedText;
  examples: Record<MessageLanguage, string[]>;
}

/** Longest message the classify endpoint reads (a chat message, not a document). */
export const MAX_CLASSIFY_LENGTH = 2000;

/** The body of `POST /api/intents/classify`; also its OpenAPI entry. */
export const classifyBodySchema = {
  type: 'object',
  required: ['text'],
  additionalProperties: false,
  properties: {
    text: { type: 'string', minLength: 1, maxLength: MAX_CLASSIFY_LENGTH, pattern: '\\S' },
    language: { enum: ['zh', 'en'] },
  },
} as const;

/** What the endpoint answers: the classification, with the language asked for if given. */
export type ClassifyAnswer = Pick<
  IntentClassification,
  'intent' | 'confidence' | 'top' | 'entities' | 'language'
>;

/**
 * `/api/intents`: the intents with their titles, descriptions and a few examples, and
 * `/api/intents/classify`: try how a customer message is understood — the intent, its confidence,
 * the top three candidates and the entities — as the chat would read it. Read permission,
 * like the knowledge search beside which the console shows it. `recognizer` is asked lazily:
 * the server trains its model at start.
 */
export function intentsRouter(
  recognizer: () => Promise<IntentRecognizer>,
  definitions: () => Promise<readonly IntentDefinition[]>,
): Router {
  const router = Router();
  router.get(
    '/intents',
    allow('read'),
    responds(extraResponseSchemas.intents),
    async (_request, response) => {
      const intents: IntentSummary[] = (await definitions())
        .filter((definition) => definition.intent !== UNKNOWN_INTENT)
        .map((definition) => ({
          intent: definition.intent,
          group: definition.group ?? 'service',
          title: definition.title,
          ...(definition.description ? { description: definition.description } : {}),
          examples: {
            zh: definition.utterances.zh.slice(0, EXAMPLES),
            en: definition.utterances.en.slice(0, EXAMPLES),
          },
        }));
      response.json({ intents });
    },
  );
  router.post(
    '/intents/classify',
    allow('read'),
    responds(extraResponseSchemas.classified),
    validateBody(classifyBodySchema),
    async (request, response) => {
      const { text, language } = request.body as { text: string; language?: MessageLanguage };
      const result = await (await recognizer()).classify(text);
      const answer: ClassifyAnswer = {
        intent: result.intent,
        confidence: result.confidence,
        top: result.top.slice(0, 3),
        entities: result.entities,
        language: language ?? result.language,
      };
      response.json(answer);
    },
  );
  return router;
}
