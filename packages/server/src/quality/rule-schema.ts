import { RULE_IDS, type RuleId } from './quality-rule.ts';

/** Most phrases one list may hold, and the longest phrase. */
export const MAX_PHRASES = 200;
export const MAX_PHRASE_LENGTH = 80;

const phraseList = {
  type: 'array',
  maxItems: MAX_PHRASES,
  uniqueItems: true,
  items: { type: 'string', minLength: 1, maxLength: MAX_PHRASE_LENGTH, pattern: '\\S' },
} as const;
const phrases = {
  type: 'object',
  required: ['zh', 'en'],
  additionalProperties: false,
  properties: { zh: phraseList, en: phraseList },
} as const;
/** At least one phrase in one of the languages: an empty list would make the rule meaningless. */
const somePhrase = {
  ...phrases,
  anyOf: [{ properties: { zh: { minItems: 1 } } }, { properties: { en: { minItems: 1 } } }],
} as const;
const seconds = { type: 'integer', minimum: 1, maximum: 86_400 } as const;
const object = (properties: Record<string, unknown>) => ({
  type: 'object',
  required: Object.keys(properties),
  additionalProperties: false,
  properties,
});

/** Each rule's parameters. */
export const RULE_PARAM_SCHEMAS: Record<RuleId, Record<string, unknown>> = {
  forbiddenWords: object({ words: phrases }),
  noGreeting: object({
    phrases: somePhrase,
    withinMessages: { type: 'integer', minimum: 1, maximum: 10 },
  }),
  slowFirstResponse: object({ seconds }),
  closedWithoutReply: object({}),
  longSilence: object({ seconds }),
  negativeEnding: object({
    lastMessages: { type: 'integer', minimum: 1, maximum: 5 },
    threshold: { type: 'number', minimum: -50, maximum: 0 },
  }),
  followUpWithoutTask: object({ phrases: somePhrase }),
};

/**
 * `PUT /api/quality/rules`: changes to some rules, keyed by rule id; what a change leaves out
 * stays. `params`, when given, replaces the rule's parameters whole.
 */
export const rulesChangeSchema = {
  type: 'object',
  required: ['rules'],
  additionalProperties: false,
  properties: {
    rules: {
      type: 'object',
      minProperties: 1,
      additionalProperties: false,
      properties: Object.fromEntries(
        RULE_IDS.map((id) => [
          id,
          {
            type: 'object',
            minProperties: 1,
            additionalProperties: false,
            properties: {
              enabled: { type: 'boolean' },
              weight: { type: 'integer', minimum: 0, maximum: 100 },
              params: RULE_PARAM_SCHEMAS[id],
            },
          },
        ]),
      ),
    },
  },
} as const;
