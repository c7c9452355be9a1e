import { intentActionSchema, localizedTextSchema } from '../intents/intent-actions.ts';

/** Most examples an operator's intent holds per language. */
const MAX_EXAMPLES = 200;

const examples = {
  type: 'array',
  maxItems: MAX_EXAMPLES,
  items: { type: 'string', minLength: 1, maxLength: 300, pattern: '\\S' },
} as const;

/** The body of `POST /api/intents` and `PUT /api/intents/:id`: an operator's own intent. */
export const customIntentBodySchema = {
  type: 'object',
  required: ['id', 'title', 'examples', 'action'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[a-z][A-Za-z0-9]{1,59}$' },
    title: localizedTextSchema,
    description: localizedTextSchema,
    examples: {
      type: 'object',
      required: ['zh', 'en'],
      additionalProperties: false,
      properties: { zh: examples, en: examples },
    },
    action: intentActionSchema,
  },
} as const;
