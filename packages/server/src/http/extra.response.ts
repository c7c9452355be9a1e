import {
  anyObject,
  arrayOf,
  boolean,
  dateTime,
  deleted,
  integer,
  localizedText,
  number,
  object,
  oneOf,
  text,
  workflowRef,
} from './response-schema.ts';

/**
 * The success answers of the routes added beside the main resources: templates, the audit log,
 * intents, the event-type contract, the Chinese platforms' and mapped webhooks, the demo page.
 */
export const extraResponseSchemas = {
  templates: object({
    templates: arrayOf(
      object({
        id: text,
        name: text,
        description: text,
        kind: oneOf('starter', 'shipped'),
        nodes: integer,
        trigger: text,
      }),
    ),
  }),
  template: workflowRef,
  audit: object({ entries: arrayOf(anyObject) }),
  intents: object({
    intents: arrayOf(
      object(
        {
          intent: text,
          title: localizedText,
          group: text,
          examples: anyObject,
          custom: boolean,
          journeys: arrayOf(text),
        },
        { description: localizedText, action: anyObject },
      ),
    ),
  }),
  customIntent: object(
    {
      id: text,
      title: localizedText,
      examples: anyObject,
      action: anyObject,
      updatedAt: dateTime,
      updatedBy: text,
    },
    { description: localizedText },
  ),
  deletedIntent: deleted(text),
  classified: object({
    intent: text,
    confidence: number,
    top: arrayOf(object({ intent: text, confidence: number })),
    entities: anyObject,
    language: oneOf('zh', 'en'),
  }),
  eventTypes: object({ eventTypes: arrayOf(anyObject) }),
  /** Youzan expects `{code: 0}` for a message it should not send again. */
  youzan: object({ code: integer, msg: text }, { events: arrayOf(anyObject), ignored: text }),
  /** The demo shop's page with its customer signed (text/html). */
  demoPage: { type: 'string', description: 'HTML page' },
} as const;
