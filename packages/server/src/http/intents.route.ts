import { Router, type RequestHandler } from 'express';
import { audits } from './audit-trail.ts';
import type { LocalizedText } from '@xiaoer/engine';
import type { IntentClassification } from '../intents/intent-classification.ts';
import type { MessageLanguage } from '../intents/message-language.ts';
import type { IntentGroup } from '../intents/intent-files.ts';
import { UNKNOWN_INTENT } from '../intents/intent-ids.ts';
import type { CustomIntentInput, IntentCatalog } from '../intents/intent-catalog.ts';
import type { IntentAction } from '../intents/intent-actions.ts';
import { allow } from './authenticate.ts';
import { actorOf } from './actor.ts';
import { param } from './params.ts';
import { customIntentBodySchema } from './intents.schema.ts';
import { validateBody } from './validate-body.ts';
import { responds } from './route-metadata.ts';
import { extraResponseSchemas } from './extra.response.ts';
import { ApiError } from './api-error.ts';

/** How many written examples per language the intent list shows. */
const EXAMPLES = 3;

/** An intent as `GET /api/intents` lists it for operators. */
export interface IntentSummary {
  intent: string;
  group: IntentGroup;
  title: LocalizedText;
  description?: LocalizedText;
  examples: Record<MessageLanguage, string[]>;
  /** An operator's own intent (editable), not a shipped one. */
  custom: boolean;
  /** The published journeys a chat message of this intent starts, before any action. */
  journeys: string[];
  /** What the chat does with it otherwise, when more than a knowledge-base search. */
  action?: IntentAction;
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
 * `/api/intents`: the intents with their titles, descriptions, a few examples and what the
 * chat does with each; operators add, replace and delete their own (`edit`), and the model is
 * retrained before the answer. `/api/intents/classify`: try how a customer message is
 * understood — the intent, its confidence, the top three candidates and the entities — as the
 * chat would read it. Read permission, like the knowledge search beside which the console
 * shows it.
 */
export function intentsRouter(
  intents: IntentCatalog,
  /** The user's budget of classifications (http/console-budgets.ts). */
  classifyBudget: RequestHandler,
): Router {
  const router = Router();
  router.get(
    '/intents',
    allow('read'),
    responds(extraResponseSchemas.intents),
    async (_request, response) => {
      const custom = new Set((await intents.listCustom()).map((record) => record._id));
      const definitions = (await intents.definitions()).filter(
        (definition) => definition.intent !== UNKNOWN_INTENT,
      );
      const journeys = await Promise.all(definitions.map((d) => intents.journeysFor(d.intent)));
      const list: IntentSummary[] = definitions.map((definition, i) => {
        const action = intents.actionFor(definition.intent);
        const isCustom = custom.has(definition.intent);
        return {
          intent: definition.intent,
          group: definition.group ?? 'service',
          title: definition.title,
          ...(definition.description ? { description: definition.description } : {}),
          examples: isCustom
            ? definition.utterances
            : {
                zh: definition.utterances.zh.slice(0, EXAMPLES),
                en: definition.utterances.en.slice(0, EXAMPLES),
              },
          custom: isCustom,
          journeys: journeys[i] ?? [],
          ...(action ? { action } : {}),
        };
      });
      response.json({ intents: list });
    },
  );
  router.post(
    '/intents',
    allow('edit'),
    responds(extraResponseSchemas.customIntent),
    audits('intent.create', (_request, answer) => ({ target: String(answer['id']) })),
    validateBody(customIntentBodySchema),
    async (request, response) => {
      const record = await intents.save(
        request.body as CustomIntentInput,
        actorOf(request),
        'create',
      );
      response.status(201).json(customIntentView(record));
    },
  );
  router.put(
    '/intents/:id',
    allow('edit'),
    responds(extraResponseSchemas.customIntent),
    audits('intent.update', (_request, answer) => ({ target: String(answer['id']) })),
    validateBody(customIntentBodySchema),
    async (request, response) => {
      const input = request.body as CustomIntentInput;
      if (input.id !== param(request, 'id')) throw intentIdMismatch(param(request, 'id'));
      const record = await intents.save(input, actorOf(request), 'replace');
      response.json(customIntentView(record));
    },
  );
  router.delete(
    '/intents/:id',
    allow('edit'),
    responds(extraResponseSchemas.deletedIntent),
    audits('intent.delete', (request) => ({ target: param(request, 'id') })),
    async (request, response) => {
      await intents.remove(param(request, 'id'));
      response.json({ deleted: param(request, 'id') });
    },
  );
  router.post(
    '/intents/classify',
    allow('read'),
    responds(extraResponseSchemas.classified),
    classifyBudget,
    validateBody(classifyBodySchema),
    async (request, response) => {
      const { text, language } = request.body as { text: string; language?: MessageLanguage };
      const result = await intents.classify(text);
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

function customIntentView(record: Awaited<ReturnType<IntentCatalog['save']>>) {
  const { _id, updatedAt, ...rest } = record;
  return { id: _id, ...rest, updatedAt: updatedAt.toISOString() };
}

const intentIdMismatch = (id: string) =>
  new ApiError(400, 'intent-id-mismatch', {
    zh: `请求体的 id 必须与地址中的意图 "${id.slice(0, 80)}" 一致。`,
    en: `The body's id must be the intent in the path, "${id.slice(0, 80)}".`,
  });
